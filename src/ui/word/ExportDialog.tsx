/**
 * The choices of a Word export (issue 5): tracked changes against the draft's base — a past
 * resolution or one of its own revisions — attributed to a name (the delegation the draft names, or
 * whatever the user types) and dated now, as the General Assembly's submission guidelines ask.
 */
import { useId, useState } from 'react';
import type { ResolutionDocument } from '../../core/model/types.ts';
import { Dialog } from '../Dialog.tsx';
import { downloadBlob } from '../files.ts';
import { DOCX_MIME, writeDocx } from './writer.ts';

export interface ExportRequest {
  readonly document: ResolutionDocument;
  /** The base the draft names, when it was found. */
  readonly base: ResolutionDocument | undefined;
  readonly fileName: string;
}

export interface ExportDialogProps {
  readonly request: ExportRequest;
  /** The draft's latest text, read again when the user presses Export. */
  readonly getDocument: () => Promise<ResolutionDocument | undefined>;
  readonly onMessage: (text: string, tone: 'info' | 'warning' | 'error') => void;
  readonly onClose: () => void;
}

/** What `metadata.base` names, as a reader would say it: "resolution 6/3 (CTOC/COP/2012/15)". */
export function describeBase(doc: ResolutionDocument): string | undefined {
  const base = doc.metadata.base;
  if (!base) return undefined;
  if (base.source === 'corpus') return `${base.ref} (CTOC/COP/2012/15)`;
  if (base.source === 'revision') return `the saved revision “${base.ref}”`;
  return `the file “${base.ref}”`;
}

/** Mounted while an export is being chosen (src/ui/WordMenu.tsx loads it on first use). */
export function ExportDialog({ request, getDocument, onMessage, onClose }: ExportDialogProps) {
  const [busy, setBusy] = useState(false);

  const run = async ({ tracked, author }: { readonly tracked: boolean; readonly author: string }) => {
    setBusy(true);
    try {
      // The latest text: the draft may have changed in another tab while the dialog was open.
      const doc = (await getDocument()) ?? request.document;
      const base = tracked ? request.base : undefined;
      const bytes = await writeDocx(doc, { author, ...(base ? { base } : {}) });
      downloadBlob(request.fileName, new Blob([bytes as Uint8Array<ArrayBuffer>], { type: DOCX_MIME }));
      onMessage(
        base
          ? `Exported ${request.fileName} with tracked changes against ${describeBase(doc) ?? base.title}.`
          : `Exported ${request.fileName}.`,
        'info',
      );
    } catch (e) {
      onMessage(
        `The .docx could not be made (${e instanceof Error ? e.message : String(e)}). If the app was updated since this page was opened, reload it and try again.`,
        'error',
      );
    }
    setBusy(false);
    onClose();
  };

  return (
    <Dialog title="Export as Word (.docx)" open onClose={busy ? () => undefined : onClose}>
      <ExportForm request={request} busy={busy} onClose={onClose} onExport={(o) => void run(o)} />
    </Dialog>
  );
}

function ExportForm({
  request,
  busy,
  onClose,
  onExport,
}: {
  readonly request: ExportRequest;
  readonly busy: boolean;
  readonly onClose: () => void;
  readonly onExport: (options: { readonly tracked: boolean; readonly author: string }) => void;
}) {
  const { document: doc, base, fileName } = request;
  const named = describeBase(doc);
  const [tracked, setTracked] = useState(base !== undefined);
  const [author, setAuthor] = useState(doc.metadata.sponsors?.[0] ?? '');
  const trackedId = useId();
  const authorId = useId();
  const baseNoteId = useId();
  const authorNoteId = useId();

  return (
    <form
      className="word-export"
      onSubmit={(e) => {
        e.preventDefault();
        if (!busy) onExport({ tracked: tracked && base !== undefined, author });
      }}
    >
      <p className="word-export__file">
        Saves <strong>{fileName}</strong>: A4, the UN layout, real Word footnotes and styles.
      </p>
      <div className="word-export__option">
        <input
          id={trackedId}
          type="checkbox"
          checked={tracked && base !== undefined}
          disabled={base === undefined || busy}
          aria-describedby={baseNoteId}
          onChange={(e) => setTracked(e.target.checked)}
        />
        <label htmlFor={trackedId}>Tracked changes against the base</label>
      </div>
      <p id={baseNoteId} className="dialog__note word-export__base">
        {base
          ? `Base: ${named ?? base.title}. Accepting all changes in Word gives this draft; rejecting all gives the base.`
          : named
            ? `The base this draft names, ${named}, cannot be found, so no tracked changes can be made.`
            : 'This draft has no base (a past resolution or a saved revision), so it exports as a clean text. Set one under Details.'}
      </p>
      <div className="field word-export__author">
        <label htmlFor={authorId}>Changes by</label>
        <input
          id={authorId}
          type="text"
          value={author}
          placeholder="Resolution Drafter"
          disabled={!(tracked && base !== undefined) || busy}
          aria-describedby={authorNoteId}
          onChange={(e) => setAuthor(e.target.value)}
        />
        <span id={authorNoteId} className="field__hint">
          The delegation Word names as the author of each change, dated now. By default the draft’s first
          sponsor; left empty, “Resolution Drafter”.
        </span>
      </div>
      <div className="dialog__actions">
        <button type="button" className="button" onClick={onClose} disabled={busy}>
          Cancel
        </button>
        <button type="submit" className="button button--primary" disabled={busy} aria-busy={busy}>
          {busy ? 'Exporting…' : 'Export'}
        </button>
      </div>
    </form>
  );
}
