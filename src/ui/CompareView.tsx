/** Compare the draft with a base: a corpus document, its own base, a revision, another draft or a file. */
import type { BaseDocument, ResolutionDocument } from '../core/model/types.ts';
import type { DraftSummary, RevisionSummary } from '../storage/drafts.ts';

export interface CompareViewProps {
  /** The draft's latest text (the autosave has been flushed). */
  readonly draft: ResolutionDocument;
  readonly draftName: string;
  readonly draftId: string;
  readonly revisions: readonly RevisionSummary[];
  readonly drafts: readonly DraftSummary[];
  readonly loadRevision: (id: string) => Promise<ResolutionDocument | undefined>;
  readonly loadDraft: (id: string) => Promise<ResolutionDocument | undefined>;
  /** Makes the chosen base the draft's base (for tracked changes in the Word export). */
  readonly onSetBase: (base: BaseDocument) => void;
  readonly onClose: () => void;
}

export function CompareView({ onClose }: CompareViewProps) {
  return (
    <section className="overlay" aria-label="Compare">
      <button type="button" className="button" onClick={onClose}>
        Close
      </button>
    </section>
  );
}
