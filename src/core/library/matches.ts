/**
 * What the finder shows for a library search: each match as a precedent the editor can put in
 * (compare/finder.ts `Precedent`: its opener, content and footnotes), with its provenance ("A/RES/79/136,
 * OP21, 6 December 2024", the title) and a word diff against the paragraph searched for. Only the
 * returned matches get a diff.
 */
import type { Precedent } from '../compare/finder.ts';
import { normalizeSpace } from '../compare/similarity.ts';
import { wordDiff } from '../compare/words.ts';
import { printedFromIsoDate } from '../references/dates.ts';
import { entryUnit, searchLibrary, type LibraryIndex, type SearchOptions } from './search-index.ts';
import type { LibraryMeta } from './types.ts';

export interface LibraryMatch extends Precedent {
  readonly meta: LibraryMeta;
  /** The paragraph's label in its document: "OP21", "PP3 (a)", "annex 2", "II OP4". */
  readonly paragraphLabel: string;
  /** "A/RES/79/136, OP21, 6 December 2024". */
  readonly provenance: string;
}

/** Past this many word edits a diff is shown as a replacement (as the corpus finder does). */
const MAX_DIFF_EDITS = 60;

export function provenance(meta: LibraryMeta, paragraphLabel: string): string {
  const date = meta.date ? printedFromIsoDate(meta.date) : undefined;
  return [meta.symbol, paragraphLabel, date].filter(Boolean).join(', ');
}

export function libraryMatches(
  index: LibraryIndex,
  text: string,
  options: SearchOptions = {},
): LibraryMatch[] {
  const query = normalizeSpace(text);
  return searchLibrary(index, query, options).flatMap(({ entry, score }) => {
    const unit = entryUnit(index, entry);
    const document = index.documents[index.entryDoc[entry] ?? 0];
    if (!unit || !document) return [];
    const { meta } = document;
    return [
      {
        label: `${meta.symbol} ${unit.label}`,
        document: { kind: meta.kind, number: meta.number, title: meta.title },
        part: unit.part,
        position: unit.path[0] ?? 0,
        path: unit.path,
        score: Number(score.toFixed(3)),
        text: unit.text,
        opener: unit.opener,
        content: unit.content,
        footnotes: unit.footnotes,
        words: wordDiff(
          { opener: '', text: query },
          { opener: '', text: unit.text },
          { maxEdits: MAX_DIFF_EDITS },
        ),
        meta,
        paragraphLabel: unit.label,
        provenance: provenance(meta, unit.label),
      },
    ];
  });
}
