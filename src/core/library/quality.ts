/**
 * The library's retrieval quality, measured (issue 13, "Scale figures"): the test that holds it to its
 * threshold (tests/core/library/quality.test.ts) and the benchmark that reports it (bench/library.ts)
 * compute it here, once.
 *
 * The question a delegate asks the finder most is "what did last year's resolution say here?". So: take
 * the resolutions of one session whose predecessor is in the library; align each with its predecessor
 * as compare does (compare/compare.ts); every paragraph, subparagraph and annex item found in both —
 * unchanged, edited or moved — is a query, its text searched with its own document left out. A hit at
 * k is the predecessor's paragraph among the first k results.
 */
import { compareDocuments } from '../compare/compare.ts';
import type { ComparePart } from '../compare/types.ts';
import { entryUnit, searchLibrary, type LibraryIndex } from './search-index.ts';

export interface RetrievalMiss {
  /** The newer document and its paragraph ("A/RES/80/12", "OP4 (b)"). */
  readonly id: string;
  readonly label: string;
  /** Where the paragraph stood in the predecessor. */
  readonly predecessorId: string;
  readonly predecessorLabel: string;
  /** Its rank in the results (1-based), or null when it was not among them. */
  readonly rank: number | null;
}

export interface RetrievalQuality {
  /** Documents of the session with a predecessor in the library. */
  readonly documents: number;
  /** Paragraphs found in both a document and its predecessor: the queries. */
  readonly pairs: number;
  readonly hitsAt1: number;
  readonly hitsAt3: number;
  readonly recallAt1: number;
  readonly recallAt3: number;
  /** Queries whose predecessor paragraph was not first (rank 2, 3 … or not found), in document order. */
  readonly misses: readonly RetrievalMiss[];
}

export interface QualityOptions {
  /** The newer documents' session: 80, the latest in the shipped library. */
  readonly session: number;
  /** How many results are searched for the rank (at least 3); default 10. */
  readonly depth?: number;
}

const key = (doc: number, part: ComparePart, path: readonly number[]): string =>
  `${doc}|${part}|${path.join('.')}`;

export function retrievalQuality(
  index: LibraryIndex,
  predecessors: ReadonlyMap<string, string>,
  options: QualityOptions,
): RetrievalQuality {
  const depth = Math.max(3, options.depth ?? 10);
  const position = new Map<string, number>();
  index.metas.forEach((m, k) => position.set(m.id, k));
  // Where each paragraph of a predecessor sits in the index.
  const entryAt = new Map<string, number>();
  const locate = (doc: number): void => {
    const end = index.docFirstEntry[doc + 1] ?? index.size;
    for (let k = index.docFirstEntry[doc] ?? 0; k < end; k++) {
      const u = entryUnit(index, k);
      if (u) entryAt.set(key(doc, u.part, u.path), k);
    }
  };

  let documents = 0;
  let pairs = 0;
  let hitsAt1 = 0;
  let hitsAt3 = 0;
  const misses: RetrievalMiss[] = [];
  for (const [at, meta] of index.metas.entries()) {
    if (meta.session !== options.session) continue;
    const previousId = predecessors.get(meta.id);
    const previousAt = previousId === undefined ? undefined : position.get(previousId);
    const previousDoc = previousAt === undefined ? undefined : index.doc(previousAt);
    const doc = index.doc(at);
    const previousMeta = previousAt === undefined ? undefined : index.metas[previousAt];
    if (previousAt === undefined || !previousDoc || !doc || !previousMeta) continue;
    const d = { meta, doc };
    const previous = { meta: previousMeta, doc: previousDoc };
    documents++;
    locate(previousAt);
    const exclude = new Set([d.meta.id]);
    for (const c of compareDocuments(previous.doc, d.doc).changes) {
      if (c.type === 'inserted' || c.type === 'deleted') continue;
      if (!c.basePath || !c.draftPath || !c.draftText) continue;
      const expected = entryAt.get(key(previousAt, c.part, c.basePath));
      if (expected === undefined) continue;
      pairs++;
      const found = searchLibrary(index, c.draftText, { top: depth, exclude });
      const at = found.findIndex((r) => r.entry === expected);
      if (at === 0) hitsAt1++;
      if (at >= 0 && at < 3) hitsAt3++;
      if (at !== 0)
        misses.push({
          id: d.meta.id,
          label: c.draftLabel ?? '',
          predecessorId: previous.meta.id,
          predecessorLabel: c.baseLabel ?? '',
          rank: at < 0 ? null : at + 1,
        });
    }
  }
  return {
    documents,
    pairs,
    hitsAt1,
    hitsAt3,
    recallAt1: pairs ? hitsAt1 / pairs : 0,
    recallAt3: pairs ? hitsAt3 / pairs : 0,
    misses,
  };
}
