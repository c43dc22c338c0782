/**
 * Files in and out: export the draft as a UN-layout .docx (with tracked changes against its base,
 * issue 5) or as Akoma Ntoso (issue 16); import a .docx, a PDF (issue 12) or an Akoma Ntoso file from
 * the menu or by dropping it on the window. The
 * writer is loaded on first use (./word/writer.ts) and the readers run in workers under a deadline
 * (./word/importer.ts); pdf.js is in the PDF reader's worker alone.
 */
import { Suspense, lazy, useCallback, useRef, useState } from 'react';
import { createPortal } from 'react-dom';
import type { ResolutionDocument } from '../core/model/types.ts';
import type { Diagnostic } from '../core/parse/diagnostics.ts';
import { downloadText } from './files.ts';
import { DropOverlay } from './word/DropOverlay.tsx';
import type { ExportRequest } from './word/ExportDialog.tsx';
import { MenuButton } from './word/MenuButton.tsx';
import { DOCX_MIME, docxFileName, loadWriter } from './word/writer.ts';
import './styles/word.css';

// Only the menu and the drop target are in the initial script; the rest loads on first use.
const ExportDialog = lazy(() => import('./word/ExportDialog.tsx').then((m) => ({ default: m.ExportDialog })));

export interface WordMenuProps {
  /** The draft's latest text after flushing the autosave; undefined when no draft is open. */
  readonly getDocument: () => Promise<ResolutionDocument | undefined>;
  /** The document the draft's metadata.base names, when it can be found. */
  readonly resolveBase: (doc: ResolutionDocument) => Promise<ResolutionDocument | undefined>;
  readonly draftName: string | undefined;
  /** A .docx or PDF read into documents: the workspace makes drafts of them, based on the file. */
  readonly onImported: (
    documents: readonly ResolutionDocument[],
    diagnostics: readonly Diagnostic[],
    fileName: string,
  ) => Promise<void>;
  readonly onMessage: (text: string, tone: 'info' | 'warning' | 'error') => void;
}

function reason(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}

export function WordMenu({ getDocument, resolveBase, draftName, onImported, onMessage }: WordMenuProps) {
  const [request, setRequest] = useState<ExportRequest | null>(null);
  const importing = useRef(false);
  const fileInput = useRef<HTMLInputElement>(null);

  const startExport = useCallback(async () => {
    const doc = await getDocument();
    if (!doc) {
      onMessage('Open a draft to export it.', 'warning');
      return;
    }
    let base: ResolutionDocument | undefined;
    try {
      base = await resolveBase(doc);
    } catch {
      base = undefined;
    }
    // Fetch the writer while the user chooses; a failure is reported when they press Export.
    loadWriter().catch(() => undefined);
    setRequest({ document: doc, base, fileName: docxFileName(draftName) });
  }, [getDocument, resolveBase, draftName, onMessage]);

  const exportAkn = useCallback(async () => {
    const doc = await getDocument();
    if (!doc) {
      onMessage('Open a draft to export it.', 'warning');
      return;
    }
    try {
      // The writer is loaded on first use: a blank draft's first screen does not carry it.
      const { writeAkn } = await import('../core/export/akn.ts');
      const name = docxFileName(draftName).replace(/\.docx$/i, '.xml');
      downloadText(name, writeAkn(doc), 'application/akn+xml');
      onMessage(`Saved ${name} (Akoma Ntoso 3.0).`, 'info');
    } catch (e) {
      onMessage(`The Akoma Ntoso file could not be made (${reason(e)}). Your draft is unchanged.`, 'error');
    }
  }, [getDocument, draftName, onMessage]);

  const importFiles = useCallback(
    async (files: readonly File[]) => {
      const file = files[0];
      if (!file) return;
      if (importing.current) {
        onMessage(`Still reading the previous file; ${file.name} was not imported.`, 'warning');
        return;
      }
      if (files.length > 1) onMessage(`Only one file at a time: reading ${file.name}.`, 'info');
      importing.current = true;
      try {
        const { importDocumentFile } = await import('./word/importer.ts');
        const result = await importDocumentFile(file);
        // On failure nothing reaches the drafts: onImported is the only way in.
        if (!result.ok) onMessage(result.message, 'error');
        else await onImported(result.documents, result.diagnostics, file.name);
      } catch (e) {
        onMessage(`${file.name} was not imported (${reason(e)}). Your drafts are unchanged.`, 'error');
      } finally {
        importing.current = false;
      }
    },
    [onImported, onMessage],
  );

  return (
    <>
      <MenuButton
        label="Import / export"
        title="Export the draft as a Word document or as Akoma Ntoso, or make a draft of a file"
        items={[
          {
            label: 'Export .docx…',
            disabled: draftName === undefined,
            hint: draftName === undefined ? 'Open a draft to export it' : 'Save the draft as a Word document',
            onSelect: () => void startExport(),
          },
          {
            label: 'Export Akoma Ntoso (.xml)',
            disabled: draftName === undefined,
            hint:
              draftName === undefined
                ? 'Open a draft to export it'
                : 'Save the draft as Akoma Ntoso 3.0 XML, the open standard for legal texts (AKN4UN)',
            onSelect: () => void exportAkn(),
          },
          {
            label: 'Print or save as PDF…',
            disabled: draftName === undefined,
            hint:
              draftName === undefined
                ? 'Open a draft to print it'
                : 'The draft on A4 as the UN prints it, footnotes at the foot of each page (Ctrl+P)',
            onSelect: () => window.print(),
          },
          {
            label: 'Import .docx, PDF or Akoma Ntoso…',
            hint: 'Make a new draft of a Word document, a PDF or an Akoma Ntoso file (or drop one on the window)',
            onSelect: () => fileInput.current?.click(),
          },
        ]}
      />
      <input
        ref={fileInput}
        type="file"
        accept={`.docx,${DOCX_MIME},.pdf,.xml,.akn,application/xml,text/xml`}
        hidden
        aria-label="Import a .docx, PDF or Akoma Ntoso file"
        data-testid="import-docx"
        onChange={(e) => {
          const files = [...(e.target.files ?? [])];
          e.target.value = '';
          void importFiles(files);
        }}
      />
      {request
        ? // In the body, not the top bar, whose colours the dialog would inherit.
          createPortal(
            <Suspense fallback={null}>
              <ExportDialog
                request={request}
                getDocument={getDocument}
                onMessage={onMessage}
                onClose={() => setRequest(null)}
              />
            </Suspense>,
            document.body,
          )
        : null}
      <DropOverlay onDrop={(files) => void importFiles(files)} />
    </>
  );
}
