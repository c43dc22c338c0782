/**
 * The page's side of the library (issue 13): one worker (./library-worker.ts), started on first need,
 * which fetches the library's index pack and, as results need them, its texts (static assets built
 * from the shipped texts, never on the first screen), and a small store saying whether the library is
 * loading, ready or failed, for the panels to show. Every call waits for the load; a failed load is reported and tried again on the next call.
 */
import type { LibraryCompletionData } from '../../core/library/completion-data.ts';
import type { LibraryMatch } from '../../core/library/matches.ts';
import type { LineageVersion, ParagraphRef } from '../../core/library/lineage.ts';
import type { SearchOptions } from '../../core/library/search-index.ts';
import type { LibraryDocument, LibraryMeta } from '../../core/library/types.ts';
import type { ResolutionDocument } from '../../core/model/types.ts';
import type {
  LibraryRequest,
  LibraryRequests,
  LibraryRequestType,
  LibraryResponse,
  LibraryStats,
  LibraryUpdates,
} from './protocol.ts';

export type LibraryStatus =
  | { readonly state: 'idle' }
  | { readonly state: 'loading' }
  | { readonly state: 'ready'; readonly stats: LibraryStats }
  | { readonly state: 'error'; readonly message: string };

/** The index pack, built by the Vite plugin in vite.config.ts from the shipped texts. */
const INDEX_URL = new URL('../../../generated/library-index.pack', import.meta.url).href;
/** The texts, in shards ("library-texts-00.pack" …), fetched by the worker as results need them. */
const TEXT_URLS = Object.entries(
  import.meta.glob<string>('../../../generated/library-texts-*.pack', {
    query: '?url',
    import: 'default',
    eager: true,
  }),
)
  .sort(([a], [b]) => a.localeCompare(b, 'en', { numeric: true }))
  .map(([, url]) => new URL(url, import.meta.url).href);
/** What completion knows from the shipped texts, built beside the pack (57 KB gzipped). */
const COMPLETION_URL = new URL('../../../generated/library-completion.json', import.meta.url).href;

export interface LibraryClient {
  status(): LibraryStatus;
  subscribe(listener: () => void): () => void;
  ready(): Promise<LibraryStats>;
  search(text: string, options?: SearchOptions): Promise<readonly LibraryMatch[]>;
  documents(): Promise<readonly LibraryMeta[]>;
  document(id: string): Promise<LibraryDocument | null>;
  lineage(ref: ParagraphRef): Promise<readonly LineageVersion[]>;
  /** The library resolution the draft follows ("last year's"), if any. */
  predecessor(doc: ResolutionDocument): Promise<LibraryMeta | null>;
  /** Ids of the library documents on the draft's agenda item. */
  sameItem(doc: ResolutionDocument): Promise<readonly string[]>;
  setUserDocuments(documents: readonly LibraryDocument[]): Promise<LibraryStats>;
  /** A library resolution with the updates that make it its next version's draft; null if unknown. */
  updates(id: string): Promise<LibraryUpdates | null>;
  /** What completion knows from the library, the user's documents included. */
  completionData(): Promise<LibraryCompletionData>;
}

type Args<K extends LibraryRequestType> = LibraryRequests[K]['args'];
type Result<K extends LibraryRequestType> = LibraryRequests[K]['result'];

function createClient(): LibraryClient {
  let worker: Worker | undefined;
  let nextId = 1;
  const pending = new Map<number, { resolve: (v: unknown) => void; reject: (e: Error) => void }>();
  let status: LibraryStatus = { state: 'idle' };
  const listeners = new Set<() => void>();
  let loading: Promise<LibraryStats> | undefined;
  let shippedCompletion: Promise<LibraryCompletionData> | undefined;

  const setStatus = (next: LibraryStatus): void => {
    status = next;
    for (const l of listeners) l();
  };

  const start = (): Worker => {
    if (worker) return worker;
    const w = new Worker(new URL('./library-worker.ts', import.meta.url), { type: 'module' });
    w.onmessage = (event: MessageEvent<LibraryResponse>) => {
      const r = event.data;
      const p = pending.get(r.requestId);
      if (!p) return;
      pending.delete(r.requestId);
      if (r.ok) p.resolve(r.value);
      else p.reject(new Error(r.error));
    };
    w.onerror = (event) => {
      event.preventDefault();
      const error = new Error(`the library's worker failed (${event.message || 'its script could not run'})`);
      for (const p of pending.values()) p.reject(error);
      pending.clear();
      worker = undefined;
      loading = undefined;
      setStatus({ state: 'error', message: error.message });
    };
    worker = w;
    return w;
  };

  function send<K extends LibraryRequestType>(type: K, args: Args<K>): Promise<Result<K>> {
    const w = start();
    const requestId = nextId++;
    return new Promise<Result<K>>((resolve, reject) => {
      pending.set(requestId, { resolve: resolve as (v: unknown) => void, reject });
      w.postMessage({ ...args, requestId, type } as LibraryRequest);
    });
  }

  const ready = (): Promise<LibraryStats> => {
    if (!loading) {
      setStatus({ state: 'loading' });
      loading = send('load', { url: INDEX_URL, textUrls: TEXT_URLS }).then(
        // The user's own documents (IndexedDB, ./userLibrary.ts) join the index before the library
        // is ready, so the first search finds them; without them it still loads.
        async (loaded) => {
          const stats = await import('./userLibrary.ts')
            .then((m) => m.storedUserDocuments())
            .then((documents) => (documents.length ? send('setUserDocuments', { documents }) : loaded))
            .catch(() => loaded);
          setStatus({ state: 'ready', stats });
          return stats;
        },
        (e: unknown) => {
          loading = undefined;
          const message = e instanceof Error ? e.message : String(e);
          setStatus({ state: 'error', message });
          throw e instanceof Error ? e : new Error(message);
        },
      );
    }
    return loading;
  };

  const after = <K extends LibraryRequestType>(type: K, args: Args<K>): Promise<Result<K>> =>
    ready().then(() => send(type, args));

  return {
    status: () => status,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    ready,
    search: (text, options = {}) => after('search', { text, options }),
    documents: () => after('documents', {}),
    document: (id) => after('document', { id }),
    lineage: (ref) => after('lineage', { ref }),
    predecessor: (doc) => after('predecessor', { doc }),
    sameItem: (doc) => after('sameItem', { doc }),
    updates: (id) => after('updates', { id }),
    // The shipped texts' completion comes from its own small file, without the library; the user's
    // documents are merged in: by the worker once the library is loaded (the completion store asks
    // again then), from their store before.
    completionData: async () => {
      shippedCompletion ??= fetch(COMPLETION_URL).then(async (r) => {
        if (!r.ok)
          throw new Error(`the library's completion could not be fetched (${r.status} ${r.statusText})`);
        return (await r.json()) as LibraryCompletionData;
      });
      const shipped = await shippedCompletion.catch((e: unknown) => {
        shippedCompletion = undefined;
        throw e;
      });
      const core = await import('../../core/library/completion-data.ts');
      if (status.state === 'ready')
        return status.stats.userDocuments === 0
          ? shipped
          : core.mergeCompletionData(shipped, await send('completionData', { userOnly: true }));
      // The library is not loaded in this page (nothing has searched it yet): the user's documents
      // come straight from their store, a few milliseconds each, so completion knows them at once.
      const mine = await import('./userLibrary.ts').then((m) => m.storedUserDocuments()).catch(() => []);
      return mine.length === 0 ? shipped : core.mergeCompletionData(shipped, core.buildCompletionData(mine));
    },
    setUserDocuments: (documents) =>
      after('setUserDocuments', { documents }).then((stats) => {
        setStatus({ state: 'ready', stats });
        return stats;
      }),
  };
}

let client: LibraryClient | undefined;

/** The one library client of the page (one worker, one copy of the library). */
export function libraryClient(): LibraryClient {
  client ??= createClient();
  return client;
}
