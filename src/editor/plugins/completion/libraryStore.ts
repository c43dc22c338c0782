/**
 * The library's completion data, loaded on first need (issue 13: "loaded only when first needed … the
 * first screen does not grow"): the completion menu asks for it the first time it opens in a draft,
 * and until it arrives the report's lexicon and references answer, so nothing waits. The data and the
 * code that reads it (core/library/completion-data.ts) come together, from the library's worker and a
 * chunk of their own; this store is all the first screen carries.
 *
 * When the library's documents change (the user adds or removes one), the data is taken again, so a
 * document added is offered at the next keystroke (issue 13, item 5).
 */
import type { LibraryCompletion, LibraryCompletionData } from '../../../core/library/completion-data.ts';

/** What the store needs of the library: the page's library client (ui/library/libraryClient.ts) fits. */
export interface CompletionDataSource {
  completionData(): Promise<LibraryCompletionData>;
  /** Called when the library's state changes. */
  subscribe(listener: () => void): () => void;
  /** The library's state; a ready state with new `stats` means its documents changed. */
  status(): { readonly state: string; readonly stats?: unknown };
}

export interface LibraryCompletionStore {
  /** The library's completion once loaded; null before (the report's lexicon and references stand in). */
  get(): LibraryCompletion | null;
  /** Loads the data on the first call; later calls cost nothing. A failed load is tried again on the next call. */
  request(): void;
  subscribe(listener: () => void): () => void;
}

export function createLibraryCompletionStore(
  source: () => Promise<CompletionDataSource>,
): LibraryCompletionStore {
  let current: LibraryCompletion | null = null;
  let loading = false;
  /** The library changed while its data was being taken: take it again. */
  let again = false;
  let watching: CompletionDataSource | null = null;
  /** The library's `stats` the data was taken with. */
  let takenWith: unknown;
  const listeners = new Set<() => void>();

  const load = (): void => {
    if (loading) {
      again = true;
      return;
    }
    loading = true;
    again = false;
    Promise.all([source(), import('../../../core/library/completion-data.ts')])
      .then(async ([library, core]) => {
        const data = await library.completionData();
        takenWith = library.status().stats;
        watch(library);
        return core.libraryCompletion(data);
      })
      .then(
        (next) => {
          loading = false;
          current = next;
          for (const listener of listeners) listener();
          if (again) load();
        },
        // The report's completion stays; the next menu opening asks again. (The library's own panel
        // reports a failed load: the menu has nothing to add.)
        () => {
          loading = false;
        },
      );
  };

  const watch = (library: CompletionDataSource): void => {
    if (watching !== null) return;
    watching = library;
    library.subscribe(() => {
      const status = library.status();
      if (status.state === 'ready' && status.stats !== takenWith && current !== null) load();
    });
  };

  return {
    get: () => current,
    request() {
      if (current === null) load();
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
