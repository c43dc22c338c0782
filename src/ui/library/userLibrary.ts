/**
 * The user's own documents in the library, as a store the Library dialog reads (ARCHITECTURE.md,
 * convention 12): the list (name, title, symbol, date added, paragraphs, source), a busy flag while
 * files are read, and the last message; the actions add files, add the open draft, remove and undo.
 *
 * "The user's own documents become part of all of the above as soon as they are added" (issue 13):
 * after every change, every one of the user's documents goes to the library's worker, which replaces
 * its index of them (libraryClient.ts, `setUserDocuments`); when the library first loads, it asks for
 * them itself (`storedUserDocuments`), so the first search already finds them.
 *
 * Storage, reading and the worker come in as `UserLibraryDeps`, so the store runs in Node under test;
 * `userLibrary()` is the page's store, over IndexedDB (src/storage/library.ts).
 */
import { forEachUnitText } from '../../core/compare/units.ts';
import { libraryMeta } from '../../core/library/metadata.ts';
import type { LibraryDocument } from '../../core/library/types.ts';
import type { ResolutionDocument } from '../../core/model/types.ts';
import type {
  StoredUserDocument,
  UserDocumentRecord,
  UserDocumentSource,
  UserDocumentStore,
} from '../../storage/library.ts';
import type { LibraryRead } from './addToLibrary.ts';

export interface UserDocumentSummary {
  readonly damaged: false;
  readonly id: string;
  readonly name: string;
  readonly title: string;
  /** The document's own symbol ("A/RES/79/188"), when it prints one. */
  readonly symbol: string | null;
  /** ISO timestamp. */
  readonly addedAt: string;
  /** Paragraphs the library finds in it: each paragraph and subparagraph (as the index counts them). */
  readonly paragraphs: number;
  readonly source: UserDocumentSource;
}

/** A stored record that cannot be read: listed so it can be removed. */
export interface DamagedSummary {
  readonly damaged: true;
  readonly id: string;
  readonly name?: string;
  readonly error: string;
}

export type UserLibraryItem = UserDocumentSummary | DamagedSummary;

export interface UserLibraryMessage {
  readonly text: string;
  readonly tone: 'info' | 'warning' | 'error';
  /** The message reports a removal that `undoRemove` can take back. */
  readonly undo?: true;
}

export interface UserLibraryState {
  /** 'unavailable': the browser's storage could not be opened (the message says why). */
  readonly status: 'loading' | 'ready' | 'unavailable';
  /** Readable documents, the last added first; then the damaged records. */
  readonly documents: readonly UserLibraryItem[];
  /** Files are being read or stored. */
  readonly busy: boolean;
  readonly message: UserLibraryMessage | null;
}

export interface UserLibrary {
  getState(): UserLibraryState;
  subscribe(listener: () => void): () => void;
  /** Reads the stored documents (once; later calls wait for the same read). */
  load(): Promise<void>;
  /** Reads the files one after another and stores what holds a resolution; says what was refused. */
  addFiles(files: readonly File[]): Promise<void>;
  addDraft(document: ResolutionDocument, name: string): Promise<void>;
  remove(id: string): Promise<void>;
  /** Puts back the document removed last, while the message still offers it. */
  undoRemove(): Promise<void>;
  /** Reads the stored list again (another tab changed it) and sends it to the library. */
  reload(): Promise<void>;
  dismissMessage(): void;
  /** Every readable document as the library indexes it, after `load`. */
  libraryDocuments(): Promise<readonly LibraryDocument[]>;
}

export interface UserLibraryDeps {
  open(): Promise<UserDocumentStore>;
  read(file: File): Promise<LibraryRead>;
  /** Hands all the user's documents to the library (replacing those it had). */
  send(documents: readonly LibraryDocument[]): Promise<unknown>;
  /** Tells other tabs that the list changed. */
  announce?(): void;
}

/** The document as the library's index holds it: its own metadata, filed under the user's name for it. */
export function asLibraryDocument(record: UserDocumentRecord): LibraryDocument {
  return {
    meta: libraryMeta(record.document, { body: 'user', id: record.id, symbol: record.name }),
    doc: record.document,
  };
}

function summary(record: StoredUserDocument): UserDocumentSummary {
  let paragraphs = 0;
  forEachUnitText(record.document, () => paragraphs++);
  return {
    damaged: false,
    id: record.id,
    name: record.name,
    title: record.document.title,
    symbol: record.document.metadata.symbol ?? null,
    addedAt: record.addedAt,
    paragraphs,
    source: record.source,
  };
}

function plural(n: number, word: string): string {
  return `${n.toLocaleString('en')} ${word}${n === 1 ? '' : 's'}`;
}

function quoted(names: readonly string[]): string {
  const q = names.map((n) => `“${n}”`);
  return q.length <= 1 ? (q[0] ?? '') : `${q.slice(0, -1).join(', ')} and ${q.at(-1) ?? ''}`;
}

export function createUserLibrary(deps: UserLibraryDeps): UserLibrary {
  let state: UserLibraryState = { status: 'loading', documents: [], busy: false, message: null };
  const listeners = new Set<() => void>();
  let store: UserDocumentStore | undefined;
  let loading: Promise<void> | undefined;
  /** Readable records by id, in the order added. */
  let records = new Map<string, StoredUserDocument>();
  const indexed = new WeakMap<StoredUserDocument, LibraryDocument>();
  let removed: StoredUserDocument | undefined;
  /** One change at a time, in the order asked: a removal waits for the files being read before it. */
  let queue: Promise<void> = Promise.resolve();
  /** addFiles calls not finished: the store is busy while there is one. */
  let reading = 0;

  const set = (next: Partial<UserLibraryState>): void => {
    state = { ...state, ...next };
    for (const l of [...listeners]) l();
  };

  const serial = (change: () => Promise<void>): Promise<void> => {
    const run = queue.then(change);
    queue = run.catch(() => undefined);
    return run;
  };

  const libraryDocs = (): LibraryDocument[] =>
    [...records.values()].map((r) => {
      let d = indexed.get(r);
      if (!d) {
        d = asLibraryDocument(r);
        indexed.set(r, d);
      }
      return d;
    });

  /** The list from the records, and (unless `tell` is false) the library told. */
  const publish = (
    damaged: readonly UserLibraryItem[],
    message?: UserLibraryMessage | null,
    tell = true,
  ): void => {
    const readable = [...records.values()].map(summary).reverse();
    set({ documents: [...readable, ...damaged], ...(message === undefined ? {} : { message }) });
    // The library may be loading (or fail to): the list is stored whatever it answers, and the
    // library asks for it again when it loads (libraryClient.ts).
    if (tell) deps.send(libraryDocs()).catch(() => undefined);
  };

  const damagedNow = (): UserLibraryItem[] => state.documents.filter((d) => d.damaged);

  /**
   * The stored list. The first read does not tell the library: it happens before the library has
   * loaded (which asks for the documents itself) or because it is loading and asked.
   */
  const read = async (tell: boolean): Promise<void> => {
    if (!store) store = await deps.open();
    const entries = await store.list();
    records = new Map(entries.flatMap((e) => (e.damaged ? [] : [[e.id, e] as const])));
    const damaged: DamagedSummary[] = entries.flatMap((e) =>
      e.damaged
        ? [{ damaged: true, id: e.id, error: e.error, ...(e.name === undefined ? {} : { name: e.name }) }]
        : [],
    );
    set({ status: 'ready' });
    publish(damaged, undefined, tell);
  };

  const load = (): Promise<void> => {
    loading ??= read(false).catch((e: unknown) => {
      set({
        status: 'unavailable',
        message: { text: e instanceof Error ? e.message : String(e), tone: 'error' },
      });
    });
    return loading;
  };

  /** The store, once loaded; undefined (with the message already shown) when storage is unavailable. */
  const ready = async (): Promise<UserDocumentStore | undefined> => {
    await load();
    return store;
  };

  /** Reads each file and stores what it holds; the records join the list. */
  const storeFiles = async (target: UserDocumentStore, files: readonly File[]) => {
    const added: string[] = [];
    const problems: string[] = [];
    let paragraphs = 0;
    for (const file of files) {
      const result = await deps.read(file);
      if (!result.ok) {
        problems.push(result.message);
        continue;
      }
      const stored = await target.add(result.documents);
      if (!stored.ok) {
        problems.push(`${file.name} was not added to the library: ${stored.message}`);
        continue;
      }
      for (const r of stored.added) {
        records.set(r.id, r);
        paragraphs += summary(r).paragraphs;
      }
      added.push(file.name);
    }
    return { added, paragraphs, problems };
  };

  const changed = (): void => deps.announce?.();

  return {
    getState: () => state,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    load,

    addFiles: (files) => {
      if (files.length === 0) return Promise.resolve();
      // Busy from the moment files are given, while earlier changes finish.
      reading++;
      set({ busy: true, message: null });
      return serial(async () => {
        let outcome: Awaited<ReturnType<typeof storeFiles>> | undefined;
        try {
          const target = await ready();
          if (target) outcome = await storeFiles(target, files);
        } finally {
          reading--;
          set({ busy: reading > 0 });
        }
        if (!outcome) return;
        const { added, paragraphs, problems } = outcome;
        const addedText = added.length
          ? `Added ${quoted(added)} to the library (${plural(paragraphs, 'paragraph')}); the finder searches ${added.length === 1 ? 'it' : 'them'} now.`
          : '';
        const text = [addedText, ...problems].filter(Boolean).join(' ');
        const tone = problems.length === 0 ? 'info' : added.length ? 'warning' : 'error';
        if (added.length) {
          removed = undefined;
          publish(damagedNow(), { text, tone });
          changed();
        } else set({ message: { text, tone } });
      });
    },

    addDraft: (document, name) =>
      serial(async () => {
        const target = await ready();
        if (!target) return;
        const { readDraft } = await import('./addToLibrary.ts');
        const result = readDraft(document, name);
        if (!result.ok) {
          set({ message: { text: result.message, tone: 'error' } });
          return;
        }
        const stored = await target.add(result.documents);
        if (!stored.ok) {
          set({
            message: { text: `“${name}” was not added to the library: ${stored.message}`, tone: 'error' },
          });
          return;
        }
        for (const r of stored.added) records.set(r.id, r);
        removed = undefined;
        publish(damagedNow(), {
          text: `Added the draft “${name}” to the library, as it reads now; later changes to the draft are not in it.`,
          tone: 'info',
        });
        changed();
      }),

    remove: (id) =>
      serial(async () => {
        const target = await ready();
        if (!target) return;
        const record = records.get(id);
        const item = state.documents.find((d) => d.id === id);
        const result = await target.remove(id);
        if (!result.ok) {
          set({ message: { text: `Not removed: ${result.message}`, tone: 'error' } });
          return;
        }
        records.delete(id);
        removed = record;
        const name = item?.name ?? 'the document';
        publish(
          damagedNow().filter((d) => d.id !== id),
          record
            ? { text: `Removed “${name}” from the library.`, tone: 'info', undo: true }
            : { text: `Removed the damaged record “${name}”.`, tone: 'info' },
        );
        changed();
      }),

    undoRemove: () =>
      serial(async () => {
        const target = await ready();
        const record = removed;
        if (!target || !record) return;
        const result = await target.restore(record);
        if (!result.ok) {
          set({
            message: { text: `“${record.name}” could not be put back: ${result.message}`, tone: 'error' },
          });
          return;
        }
        removed = undefined;
        // Back in its place among the others, by the date it was first added.
        records = new Map(
          [...records.values(), record]
            .sort((a, b) => a.addedAt.localeCompare(b.addedAt))
            .map((r) => [r.id, r]),
        );
        publish(damagedNow(), { text: `“${record.name}” is back in the library.`, tone: 'info' });
        changed();
      }),

    reload: () =>
      serial(async () => {
        if (!store) return;
        await read(true);
      }),

    dismissMessage: () => set({ message: null }),

    libraryDocuments: async () => {
      await load();
      return libraryDocs();
    },
  };
}

let page: UserLibrary | undefined;

/** Other tabs of the app hear of changes here, so each library holds the same documents. */
const CHANNEL = 'resolution-drafter-library';

/** The page's store: IndexedDB, the importer's readers, the library's worker. */
export function userLibrary(): UserLibrary {
  if (page) return page;
  const channel = typeof BroadcastChannel === 'undefined' ? undefined : new BroadcastChannel(CHANNEL);
  const created = createUserLibrary({
    open: () => import('../../storage/library.ts').then((m) => m.openUserDocumentStore()),
    read: (file) => import('./addToLibrary.ts').then((m) => m.readLibraryFile(file)),
    send: async (documents) => {
      const { libraryClient } = await import('./libraryClient.ts');
      const client = libraryClient();
      // Not loaded yet: it asks for the documents itself when it loads (storedUserDocuments).
      if (client.status().state === 'idle') return undefined;
      return client.setUserDocuments(documents);
    },
    announce: () => channel?.postMessage('changed'),
  });
  if (channel) channel.onmessage = () => void created.reload();
  page = created;
  return created;
}

/** The user's stored documents as the library indexes them: what the library asks for when it loads. */
export function storedUserDocuments(): Promise<readonly LibraryDocument[]> {
  return userLibrary().libraryDocuments();
}
