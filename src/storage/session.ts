/**
 * One open draft in one tab: the autosave, the save count this tab holds, and what happens when another
 * tab saves the same draft. The UI calls `edit` on every change and shows `onStatus`; it never handles
 * save counts itself.
 *
 * Two tabs on one draft never silently overwrite each other (the editor issue): a tab with nothing
 * unsaved follows the other tab (`onFollow` gives it the stored version to load); a tab with unsaved
 * changes gets `onConflict` and the person chooses `takeTheirs()` (load the other tab's version) or
 * `keepMineAsCopy()` (a new draft with this tab's text; the other tab's version stays).
 */
import type { ResolutionDocument } from '../core/model/types.ts';
import type { AutosaveStatus } from './autosave.ts';
import type { DraftEntry, StoredDraft } from './db.ts';
import type { DraftStore, Result, SaveResult } from './drafts.ts';
import type { TabChannel } from './tabs.ts';
import { createAutosave } from './autosave.ts';

export interface DraftSessionOptions {
  readonly store: DraftStore;
  /** The draft as this tab opened it (its document and save count). */
  readonly draft: StoredDraft;
  /** The channel to hear other tabs on; without it, conflicts still surface when saving. */
  readonly channel?: TabChannel;
  readonly delayMs?: number;
  readonly maxWaitMs?: number;
  onStatus?(status: AutosaveStatus): void;
  /**
   * Whether the UI holds a change it has not passed to `edit` yet (its own debounce before reading the
   * editor): such a tab has unsaved changes and must not follow another tab's save, or that change
   * would then be saved over the other tab's text.
   */
  readonly hasPendingEdit?: () => boolean;
  /** Another tab saved and this tab had nothing unsaved: load `draft`. */
  onFollow?(draft: StoredDraft): void;
  /** Another tab saved while this tab has unsaved changes (or a save found the draft changed). */
  onConflict?(current: DraftEntry): void;
}

export interface DraftSession {
  readonly draftId: string;
  /** The save count of the stored version this tab's text is based on. */
  readonly saveCount: number;
  /** True while a change is not yet stored. */
  readonly hasUnsaved: boolean;
  edit(document: ResolutionDocument): void;
  flush(): Promise<void>;
  /** Drops this tab's unsaved text and returns the stored version to load. */
  takeTheirs(): Promise<DraftEntry | undefined>;
  /** Saves this tab's text as a new draft; this session keeps following the original. */
  keepMineAsCopy(name?: string): Promise<Result<{ draft: StoredDraft }>>;
  dispose(): Promise<void>;
}

export function createDraftSession(options: DraftSessionOptions): DraftSession {
  const { store, draft } = options;
  let saveCount = draft.saveCount;
  let latest: ResolutionDocument = draft.document;
  /** Bumped when this tab's unsaved text is let go: a save of it still running is no conflict to report. */
  let discards = 0;

  const autosave = createAutosave<ResolutionDocument>({
    ...(options.delayMs === undefined ? {} : { delayMs: options.delayMs }),
    ...(options.maxWaitMs === undefined ? {} : { maxWaitMs: options.maxWaitMs }),
    ...(options.onStatus === undefined ? {} : { onStatus: options.onStatus }),
    async save(document): Promise<SaveResult> {
      const round = discards;
      const result = await store.save(draft.id, document, { expectedSaveCount: saveCount });
      if (result.ok) saveCount = result.saveCount;
      else if (result.reason === 'conflict' && round === discards) options.onConflict?.(result.current);
      return result;
    },
  });

  const onOtherTab = async (count: number): Promise<void> => {
    if (count <= saveCount) return; // an echo of a write this tab already knows
    if (autosave.hasUnsaved || options.hasPendingEdit?.() === true) {
      const current = await store.get(draft.id);
      if (current) options.onConflict?.(current);
      return;
    }
    const current = await store.get(draft.id);
    // Typed meanwhile (the read is asynchronous): that text must not be replaced.
    if (autosave.hasUnsaved || options.hasPendingEdit?.() === true) {
      if (current) options.onConflict?.(current);
      return;
    }
    if (current && !current.damaged && current.saveCount > saveCount) {
      saveCount = current.saveCount;
      latest = current.document;
      options.onFollow?.(current);
    }
  };
  const unsubscribe = options.channel?.subscribe((message) => {
    if (message.type === 'saved' && message.draftId === draft.id) void onOtherTab(message.saveCount);
  });

  return {
    draftId: draft.id,
    get saveCount() {
      return saveCount;
    },
    get hasUnsaved() {
      return autosave.hasUnsaved;
    },
    edit(document) {
      latest = document;
      autosave.schedule(document);
    },
    flush: () => autosave.flush(),
    async takeTheirs() {
      discards += 1;
      autosave.discard();
      const current = await store.get(draft.id);
      if (current && !current.damaged) {
        saveCount = current.saveCount;
        latest = current.document;
      }
      return current;
    },
    async keepMineAsCopy(name) {
      const result = await store.create(latest, name ?? `${draft.name} (my copy)`);
      // Only once the copy is stored is this tab's text let go: a failed copy (a full disk) keeps it.
      if (!result.ok) return result;
      discards += 1;
      autosave.discard();
      const current = await store.get(draft.id);
      if (current && !current.damaged) {
        saveCount = current.saveCount;
        latest = current.document;
      }
      return result;
    },
    async dispose() {
      unsubscribe?.();
      await autosave.dispose();
    },
  };
}
