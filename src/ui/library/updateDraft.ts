/**
 * Starting this session's draft from a library resolution (issue 13, item 3), as an import starts a
 * draft (Workspace.tsx, `importDocuments`): the resolution's text becomes the draft and is kept as its
 * first revision, named by the resolution's symbol, which the draft's base names — so compare and the
 * Word export's tracked changes run against last year's text. The updates that a new version makes
 * are computed where the library is (its worker) and kept beside the draft (./updatePlans.ts), for
 * the Updates panel to propose one by one.
 */
import { ordinalWords } from '../../core/library/ordinals.ts';
import { draftFromLibrary } from '../../core/library/update.ts';
import type { DraftStore } from '../../storage/drafts.ts';
import { libraryClient } from './libraryClient.ts';
import { savePlan } from './updatePlans.ts';

export type StartResult =
  | { readonly ok: true; readonly draftId: string; readonly message: string }
  | { readonly ok: false; readonly message: string };

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** Creates the draft of the library resolution `id`'s next version; it is not opened. */
export async function startUpdateDraft(store: DraftStore, id: string): Promise<StartResult> {
  let found;
  try {
    found = await libraryClient().updates(id);
  } catch (error) {
    return { ok: false, message: `The library could not be read: ${messageOf(error)}` };
  }
  if (!found) return { ok: false, message: `${id} is not in the library.` };
  const { base, target, proposals } = found;
  const session = `${ordinalWords(target.target) ?? target.target} session`;
  const document = draftFromLibrary(base, target);
  const created = await store.create(document, `${base.meta.symbol} for the ${session}`);
  if (!created.ok) return { ok: false, message: `The draft could not be created: ${created.message}` };
  // The text as adopted, kept as the revision the draft's base names (metadata.base.ref).
  const kept = await store.createRevision(created.draft.id, base.meta.symbol);
  if (!kept.ok) return { ok: false, message: `The draft could not be stored: ${kept.message}` };
  try {
    await savePlan({
      planVersion: 1,
      draftId: created.draft.id,
      baseId: base.meta.id,
      symbol: base.meta.symbol,
      title: base.meta.title,
      target,
      proposals,
      rejected: [],
    });
  } catch (error) {
    return {
      ok: true,
      draftId: created.draft.id,
      message: `Started the ${session}'s draft from ${base.meta.symbol}, but its updates could not be kept: ${messageOf(error)}`,
    };
  }
  const count = proposals.length;
  return {
    ok: true,
    draftId: created.draft.id,
    message: `Started the ${session}'s draft from ${base.meta.symbol}: ${count} update${count === 1 ? '' : 's'} to review in the Updates panel.`,
  };
}
