/**
 * Merging the Word files delegations send back (issue 14): any number of .docx files, each the
 * circulated text with tracked changes, and the table of who is which delegation ("jdoe = Mexico").
 * Each file is read here; a file that is not a Word file with tracked changes is named with the reason
 * and the others still go in.
 */
import { useId, useState } from 'react';
import type { ReturnedFile } from '../../core/negotiation/merge.ts';
import { Dialog } from '../Dialog.tsx';
import { MAX_OPEN_BYTES } from '../files.ts';

export interface MergeDialogProps {
  readonly onClose: () => void;
  readonly onMerge: (files: readonly ReturnedFile[], authors: ReadonlyMap<string, string>) => void;
  readonly onMessage: (text: string, tone: 'info' | 'warning' | 'error') => void;
}

/** "jdoe = Mexico" lines, one author each; other lines are reported. */
export function readAuthorTable(text: string): { authors: Map<string, string>; problems: string[] } {
  const authors = new Map<string, string>();
  const problems: string[] = [];
  text.split('\n').forEach((line, k) => {
    const trimmed = line.trim();
    if (trimmed === '') return;
    const m = /^(.+?)\s*(?:=|→|->|:)\s*(.+)$/.exec(trimmed);
    if (!m) problems.push(`line ${k + 1} (“${trimmed.slice(0, 40)}”) is not “author = delegation”`);
    else authors.set((m[1] ?? '').trim(), (m[2] ?? '').trim());
  });
  return { authors, problems };
}

export function MergeDialog({ onClose, onMerge, onMessage }: MergeDialogProps) {
  const [files, setFiles] = useState<File[]>([]);
  const [table, setTable] = useState('');
  const [busy, setBusy] = useState(false);
  const id = useId();
  const merge = async (): Promise<void> => {
    const { authors, problems } = readAuthorTable(table);
    if (problems.length) {
      onMessage(`The authors table was not read: ${problems.join('; ')}.`, 'error');
      return;
    }
    setBusy(true);
    const { readTrackedChanges } = await import('../../core/import/tracked.ts');
    const read: ReturnedFile[] = [];
    const refused: string[] = [];
    for (const file of files) {
      if (file.size > MAX_OPEN_BYTES) {
        refused.push(`${file.name} is larger than 20 MB`);
        continue;
      }
      const result = await readTrackedChanges(new Uint8Array(await file.arrayBuffer()));
      if (result.ok) read.push({ name: file.name, tracked: result.value });
      else refused.push(`${file.name}: ${result.error}`);
    }
    setBusy(false);
    if (refused.length) onMessage(`Not merged: ${refused.join('; ')}`, read.length ? 'warning' : 'error');
    if (read.length) onMerge(read, authors);
  };
  return (
    <Dialog title="Merge the files delegations sent back" open onClose={onClose}>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          void merge();
        }}
      >
        <p>
          Each file is the circulated text with the delegation’s proposals as Word tracked changes. Changes
          are placed on their paragraph even when a copy has drifted; two delegations changing the same words
          become alternatives in brackets.
        </p>
        <label htmlFor={`${id}-files`}>Word files (.docx)</label>
        <input
          id={`${id}-files`}
          type="file"
          multiple
          accept=".docx,application/vnd.openxmlformats-officedocument.wordprocessingml.document"
          onChange={(e) => setFiles([...(e.target.files ?? [])])}
        />
        <label htmlFor={`${id}-authors`}>Authors and their delegations, one per line (optional)</label>
        <textarea
          id={`${id}-authors`}
          rows={4}
          placeholder={'jdoe = Mexico\nEU Presidency = EU'}
          value={table}
          onChange={(e) => setTable(e.target.value)}
        />
        <div className="dialog__actions">
          <button type="button" className="button" onClick={onClose}>
            Cancel
          </button>
          <button type="submit" className="button button--primary" disabled={files.length === 0 || busy}>
            {busy ? 'Reading…' : `Merge ${files.length || ''} file${files.length === 1 ? '' : 's'}`}
          </button>
        </div>
      </form>
    </Dialog>
  );
}
