/** Word in and out: export the draft as a UN-layout .docx (with tracked changes against its base), import a .docx. */
import type { ResolutionDocument } from '../core/model/types.ts';
import type { Diagnostic } from '../core/parse/diagnostics.ts';

export interface WordMenuProps {
  /** The draft's latest text after flushing the autosave; undefined when no draft is open. */
  readonly getDocument: () => Promise<ResolutionDocument | undefined>;
  /** The document the draft's metadata.base names, when it can be found. */
  readonly resolveBase: (doc: ResolutionDocument) => Promise<ResolutionDocument | undefined>;
  readonly draftName: string | undefined;
  /** A .docx read into documents: the workspace makes drafts of them. */
  readonly onImported: (
    documents: readonly ResolutionDocument[],
    diagnostics: readonly Diagnostic[],
    fileName: string,
  ) => Promise<void>;
  readonly onMessage: (text: string, tone: 'info' | 'warning' | 'error') => void;
}

export function WordMenu(_props: WordMenuProps) {
  return null;
}
