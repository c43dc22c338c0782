/**
 * The library off the main thread (issue 13: "read in a worker"): fetches the library's index pack
 * once (what searching needs, core/library/search-pack.ts), lays out the search index, and answers
 * searches, documents, lineage and the predecessor of a draft. The texts come in shards, fetched the
 * first time a result, a document, a lineage or an update needs one of theirs. The core runs unchanged
 * here.
 */
import { gunzipSync } from 'fflate';
import {
  buildCompletionData,
  mergeCompletionData,
  type LibraryCompletionData,
} from '../../core/library/completion-data.ts';
import { matchesOf, type LibraryMatch } from '../../core/library/matches.ts';
import {
  documentLine,
  paragraphLineage,
  predecessorContext,
  predecessorOf,
  type LineageSource,
  type PredecessorContext,
} from '../../core/library/lineage.ts';
import {
  buildLibraryIndex,
  entryMeta,
  entryUnit,
  searchLibrary,
  type LibraryIndex,
  type SearchOptions,
} from '../../core/library/search-index.ts';
import { readSearchPack, readTextShard, type ReadIndexPack } from '../../core/library/search-pack.ts';
import type { LibraryDocument, LibraryMeta } from '../../core/library/types.ts';
import { proposeUpdates, updateTarget } from '../../core/library/update.ts';
import { libraryMeta } from '../../core/library/metadata.ts';
import { normalizeSpace } from '../../core/compare/similarity.ts';
import type { ResolutionDocument } from '../../core/model/types.ts';
import type { LibraryRequest, LibraryResponse, LibraryStats } from './protocol.ts';

interface WorkerScope {
  onmessage: ((event: MessageEvent<LibraryRequest>) => void) | null;
  postMessage(message: LibraryResponse): void;
}

const scope = self as unknown as WorkerScope;

interface State {
  readonly pack: ReadIndexPack;
  readonly shipped: LibraryIndex;
  /** Each text shard's address, in order. */
  readonly textUrls: readonly string[];
  /** Shards fetched or being fetched. */
  readonly shards: Map<number, Promise<void>>;
  /** Where each shipped document stands in the index. */
  readonly shippedAt: ReadonlyMap<string, number>;
  user: LibraryIndex;
  userById: Map<string, LibraryDocument>;
  predecessors: Map<string, string>;
  context: PredecessorContext;
  userCompletion?: LibraryCompletionData | undefined;
  readonly loadMs: number;
  readonly phases: LibraryStats['phases'];
  readonly bytes: number;
  textBytes: number;
  textMs: number;
}

let state: Promise<State> | undefined;

/**
 * A fetched file inflated. A server may already have undone the gzip (Content-Encoding): the magic
 * number says. The browser's own DecompressionStream inflates the index (4 MB of word ids, which
 * compress poorly) faster than fflate; a text shard (300 KB) inflates faster in fflate, in one call,
 * than through a stream.
 */
async function inflate(bytes: Uint8Array<ArrayBuffer>, stream: boolean): Promise<Uint8Array> {
  if (bytes[0] !== 0x1f || bytes[1] !== 0x8b) return bytes;
  if (!stream || typeof DecompressionStream === 'undefined') return gunzipSync(bytes);
  const inflated = new Blob([bytes]).stream().pipeThrough(new DecompressionStream('gzip'));
  return new Uint8Array(await new Response(inflated).arrayBuffer());
}

async function fetchBytes(url: string, what: string): Promise<Uint8Array<ArrayBuffer>> {
  const response = await fetch(url);
  if (!response.ok)
    throw new Error(`${what} could not be fetched (${response.status} ${response.statusText})`);
  return new Uint8Array(await response.arrayBuffer());
}

async function load(indexUrl: string, textUrls: readonly string[]): Promise<State> {
  const start = performance.now();
  const bytes = await fetchBytes(indexUrl, 'the library');
  const fetched = performance.now();
  const raw = await inflate(bytes, true);
  const inflated = performance.now();
  const pack = readSearchPack(raw);
  const indexed = performance.now();
  if (pack.shards.length !== textUrls.length)
    throw new Error(
      `the library's index names ${pack.shards.length} parts of its texts, but the app has ${textUrls.length}`,
    );
  const shipped = pack.index;
  return {
    pack,
    shipped,
    textUrls,
    shards: new Map(),
    shippedAt: new Map(shipped.metas.map((m, d) => [m.id, d])),
    user: buildLibraryIndex([]),
    userById: new Map(),
    predecessors: new Map(pack.predecessors),
    context: predecessorContext(shipped.metas),
    loadMs: performance.now() - start,
    phases: { fetchMs: fetched - start, inflateMs: inflated - fetched, indexMs: indexed - inflated },
    bytes: bytes.length,
    textBytes: 0,
    textMs: 0,
  };
}

/** Fetches the texts of shard k (once; a failed fetch is tried again on the next need). */
function loadShard(s: State, k: number): Promise<void> {
  let loading = s.shards.get(k);
  if (!loading) {
    const url = s.textUrls[k];
    if (url === undefined) return Promise.reject(new Error(`the library has no part ${k} of its texts`));
    loading = fetchBytes(url, "a part of the library's texts").then(async (bytes) => {
      const start = performance.now();
      s.textBytes += bytes.length;
      const shard = readTextShard(new TextDecoder().decode(await inflate(bytes, false)), s.pack.stamp);
      s.textMs += performance.now() - start;
      shard.docs.forEach((doc, i) => {
        const d = shard.first + i;
        s.pack.setText(d, doc);
        // Its paragraphs as units now (4 ms a shard), so no search pays for them: an outline built
        // during a search was half its time at the 99th percentile.
        if ((s.shipped.docFirstEntry[d + 1] ?? s.shipped.size) > (s.shipped.docFirstEntry[d] ?? 0))
          entryUnit(s.shipped, s.shipped.docFirstEntry[d] ?? 0);
      });
    });
    loading.catch(() => s.shards.delete(k));
    s.shards.set(k, loading);
  }
  return loading;
}

/** Makes sure the texts of these documents (ids; the user's are always at hand) are loaded. */
async function withTexts(s: State, ids: Iterable<string>): Promise<void> {
  const wanted = new Set<number>();
  for (const id of ids) {
    const d = s.shippedAt.get(id);
    if (d !== undefined && !s.shipped.doc(d)) wanted.add(s.pack.shardOf(d));
  }
  await Promise.all([...wanted].map((k) => loadShard(s, k)));
}

function metaOf(s: State, id: string): LibraryMeta | undefined {
  const d = s.shippedAt.get(id);
  return d === undefined ? s.userById.get(id)?.meta : s.shipped.metas[d];
}

/** A document whose text is loaded (see `withTexts`). */
function loaded(s: State, id: string): LibraryDocument | undefined {
  const d = s.shippedAt.get(id);
  if (d === undefined) return s.userById.get(id);
  const meta = s.shipped.metas[d];
  const doc = s.shipped.doc(d);
  return meta && doc ? { meta, doc } : undefined;
}

function lineageSource(s: State): LineageSource {
  return { get: (id) => loaded(s, id), meta: (id) => metaOf(s, id), predecessors: s.predecessors };
}

function stats(s: State): LibraryStats {
  return {
    documents: s.shipped.metas.length + s.user.metas.length,
    paragraphs: s.shipped.size + s.user.size,
    userDocuments: s.user.metas.length,
    loadMs: s.loadMs,
    phases: s.phases,
    bytes: s.bytes,
    textBytes: s.textBytes,
    textMs: s.textMs,
  };
}

async function search(s: State, text: string, options: SearchOptions): Promise<LibraryMatch[]> {
  const top = options.top ?? 5;
  const query = normalizeSpace(text);
  // Two indexes, one ranking: scores are comparable (bigram Dice and containment); ties to the newer.
  const found = [
    ...searchLibrary(s.shipped, query, options).map((e) => ({ ...e, index: s.shipped })),
    ...searchLibrary(s.user, query, options).map((e) => ({ ...e, index: s.user })),
  ]
    .map((e) => ({ ...e, date: entryMeta(e.index, e.entry)?.date ?? '' }))
    .sort((a, b) => b.score - a.score || b.date.localeCompare(a.date))
    .slice(0, top);
  // Only the texts of what is shown are fetched.
  await withTexts(
    s,
    found.flatMap((e) => (e.index === s.shipped ? [entryMeta(e.index, e.entry)?.id ?? ''] : [])),
  );
  return found.flatMap((e) => matchesOf(e.index, [e], query));
}

/** A draft as a library document for matching (never stored in the library). */
function asDraft(doc: ResolutionDocument): LibraryDocument {
  return { meta: libraryMeta(doc, { body: 'user', id: 'draft:current', symbol: 'this draft' }), doc };
}

function setUser(s: State, documents: readonly LibraryDocument[]): void {
  const mine = documents.map((d) => ({ ...d, meta: { ...d.meta, body: 'user' as const } }));
  s.user = buildLibraryIndex(mine);
  s.userById = new Map(mine.map((d) => [d.meta.id, d]));
  s.userCompletion = undefined;
  s.context = predecessorContext([...s.shipped.metas, ...s.user.metas]);
  for (const [id] of s.predecessors) if (id.startsWith('user:')) s.predecessors.delete(id);
  for (const d of mine) {
    const p = predecessorOf(s.context, d);
    if (p) s.predecessors.set(d.meta.id, p.id);
  }
}

async function answer(request: LibraryRequest): Promise<unknown> {
  if (request.type === 'load') {
    state ??= load(request.url, request.textUrls);
    // A failed load can be tried again.
    return stats(
      await state.catch((e: unknown) => {
        state = undefined;
        throw e;
      }),
    );
  }
  if (!state) throw new Error('the library is not loaded');
  const s = await state;
  switch (request.type) {
    case 'search':
      return search(s, request.text, request.options);
    case 'documents':
      return [...s.shipped.metas, ...s.user.metas];
    case 'document':
      await withTexts(s, [request.id]);
      return loaded(s, request.id) ?? null;
    case 'lineage':
      await withTexts(s, documentLine(s.predecessors, request.ref.id));
      return paragraphLineage(lineageSource(s), request.ref);
    case 'predecessor':
      return predecessorOf(s.context, asDraft(request.doc)) ?? null;
    case 'sameItem': {
      const draft = asDraft(request.doc);
      const previous = predecessorOf(s.context, draft);
      // The predecessor's line, back and forward.
      const family = previous ? documentLine(s.predecessors, previous.id) : new Set<string>();
      // Documents filed under the same agenda item title.
      const item = draft.meta.agendaItemTitle ?? previous?.agendaItemTitle;
      if (item)
        for (const m of [...s.shipped.metas, ...s.user.metas])
          if (m.agendaItemTitle === item) family.add(m.id);
      return [...family];
    }
    case 'updates': {
      const previous = s.predecessors.get(request.id);
      await withTexts(s, previous ? [request.id, previous] : [request.id]);
      const base = loaded(s, request.id);
      if (!base) return null;
      const library = lineageSource(s);
      return {
        base,
        target: updateTarget(base, { library }),
        proposals: proposeUpdates(base, { library }),
      };
    }
    case 'completionData': {
      // The user's documents' at each change; the shipped texts' come from their own file, and are
      // built here only when asked for (every text is then fetched).
      s.userCompletion ??= buildCompletionData([...s.userById.values()]);
      if (request.userOnly) return s.userCompletion;
      await withTexts(s, s.shippedAt.keys());
      const shipped = s.shipped.metas.flatMap((m) => loaded(s, m.id) ?? []);
      return mergeCompletionData(buildCompletionData(shipped), s.userCompletion);
    }
    case 'setUserDocuments':
      setUser(s, request.documents);
      return stats(s);
  }
}

scope.onmessage = (event) => {
  const request = event.data;
  const { requestId } = request;
  answer(request).then(
    (value) => {
      try {
        scope.postMessage({ requestId, ok: true, value });
      } catch (e) {
        // An answer that cannot be copied to the page must still be answered, or the page waits forever.
        scope.postMessage({ requestId, ok: false, error: `the answer could not be sent (${String(e)})` });
      }
    },
    (e: unknown) =>
      scope.postMessage({ requestId, ok: false, error: e instanceof Error ? e.message : String(e) }),
  );
};
