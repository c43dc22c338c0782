/**
 * What the person is told when a save fails (issue 11: "a save that fails is loud, and the text is
 * still safe"). Every cause gets a persistent alert that says what failed and what to do, with the
 * ways out that cause allows; the text stays on the page and in the crash journal meanwhile. A
 * conflict with another tab is not here: it has its own choice (load theirs, or keep mine as a copy).
 */
import type { AutosaveStatus } from './autosave.ts';

export type SaveTroubleAction = 'keep-as-new' | 'download-draft' | 'download-all';

export interface SaveTrouble {
  readonly text: string;
  /** The buttons, in order; the first is the one to press. */
  readonly actions: readonly SaveTroubleAction[];
}

const KEPT =
  'Everything you typed is still on this page, and the browser keeps a copy for the next time it opens';

/** The alert for a failed save, or null when the status is no failure (or a conflict, told apart). */
export function saveTroubleFor(status: AutosaveStatus): SaveTrouble | null {
  if (status.state !== 'failed' || status.reason === 'conflict') return null;
  switch (status.reason) {
    case 'quota':
      return {
        text: `The browser’s storage for this site is full, so the latest changes are not stored yet. ${KEPT}: download your drafts now, then make room by deleting drafts or revisions you no longer need.`,
        actions: ['download-all', 'download-draft'],
      };
    case 'not-found':
      return {
        text: `This draft was deleted in another tab, so what you type here is no longer stored. ${KEPT}: keep it as a new draft, or download it.`,
        actions: ['keep-as-new', 'download-draft'],
      };
    case 'invalid':
      return {
        text: `The latest changes could not be stored: ${sentence(status.message.replace(/^The draft was not saved: /, ''))} ${KEPT}: download this draft now.`,
        actions: ['download-draft', 'download-all'],
      };
    case 'damaged':
      return {
        text: `The stored copy of this draft is damaged, so the latest changes could not be stored over it. ${KEPT}: keep it as a new draft, or download it.`,
        actions: ['keep-as-new', 'download-draft'],
      };
    default:
      return {
        text: `The latest changes could not be stored: ${sentence(status.message)} ${KEPT}: download this draft now.`,
        actions: ['download-draft', 'download-all'],
      };
  }
}

export const SAVE_TROUBLE_LABELS: Readonly<Record<SaveTroubleAction, string>> = {
  'keep-as-new': 'Keep mine as a new draft',
  'download-draft': 'Download this draft',
  'download-all': 'Download all drafts',
};

function sentence(text: string): string {
  const trimmed = text.trim();
  if (trimmed === '') return 'the browser gave no reason.';
  return /[.!?]$/.test(trimmed) ? trimmed : `${trimmed}.`;
}
