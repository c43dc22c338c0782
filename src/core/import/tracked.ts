/**
 * Who changed what in a Word file with tracked changes (issue 14: "merge the files delegations send
 * back"). A delegation returns the circulated text with its proposals as Word tracked changes; each
 * w:ins and w:del carries its author. Read here, paragraph by paragraph, as the text before the changes
 * (all rejected), the text after (all accepted), and every change with its author and where it sits
 * in the text before — what the negotiation model turns into proposals.
 *
 * Footnote references count as nothing in the texts; footnotes themselves are not read for changes.
 */
import { DOCUMENT_PART, readBody, type TrackedChange, type WordRun } from './wordml.ts';
import { readParts, type ZipResult } from './zip.ts';

/** One tracked change in a paragraph. */
export interface TrackedEdit extends TrackedChange {
  /** The inserted or deleted text. */
  readonly text: string;
  /** Where it sits in the paragraph's text before the changes (a deletion: where its text starts). */
  readonly at: number;
}

export interface TrackedParagraph {
  /** The paragraph with every change rejected. */
  readonly before: string;
  /** The paragraph with every change accepted. */
  readonly after: string;
  /** Its changes in reading order; adjacent runs of one change are one edit. */
  readonly edits: readonly TrackedEdit[];
  /** The paragraph break itself inserted (a new paragraph) or deleted (joined with the next), and by whom. */
  readonly markChange?: TrackedChange;
}

export interface TrackedDocument {
  readonly paragraphs: readonly TrackedParagraph[];
  /** Every author of a change, in order of first appearance. */
  readonly authors: readonly string[];
}

function sameChange(a: TrackedChange, b: TrackedChange): boolean {
  return a.type === b.type && a.author === b.author && a.date === b.date;
}

/** A paragraph's runs, marked with their changes, as its text before and after and its edits. */
export function trackedParagraph(runs: readonly WordRun[], markChange?: TrackedChange): TrackedParagraph {
  let before = '';
  let after = '';
  const edits: TrackedEdit[] = [];
  for (const run of runs) {
    if (run.kind === 'note') continue;
    const text = run.kind === 'tab' ? ' ' : run.text;
    const change = run.kind === 'text' ? run.change : undefined;
    if (change) {
      const last = edits[edits.length - 1];
      const at = before.length;
      // One change split over runs (italics, a footnote between) is one edit.
      if (
        last &&
        sameChange(last, change) &&
        last.at + (last.type === 'delete' ? last.text.length : 0) === at
      )
        edits[edits.length - 1] = { ...last, text: last.text + text };
      else edits.push({ ...change, text, at });
    }
    if (change?.type !== 'insert') before += text;
    if (change?.type !== 'delete') after += text;
  }
  return { before, after, edits, ...(markChange ? { markChange } : {}) };
}

/** Reads the body of a .docx with its tracked changes; refuses what is not a readable Word file. */
export async function readTrackedChanges(bytes: Uint8Array): Promise<ZipResult<TrackedDocument>> {
  const parts = await readParts(bytes, [DOCUMENT_PART], [DOCUMENT_PART]);
  if (!parts.ok) return parts;
  const body = readBody(parts.value.get(DOCUMENT_PART) ?? '', 'tracked');
  const paragraphs = body.map((p) => trackedParagraph(p.runs, p.markChange));
  const authors: string[] = [];
  for (const p of paragraphs)
    for (const c of [...p.edits, ...(p.markChange ? [p.markChange] : [])])
      if (!authors.includes(c.author)) authors.push(c.author);
  return { ok: true, value: { paragraphs, authors } };
}
