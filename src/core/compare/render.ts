/**
 * A compact text rendering of a comparison, one line per change, for tests and logs
 * (ARCHITECTURE.md convention 9: a compact oracle instead of a snapshot):
 *
 *   changed OP3: <del>Urges</del><ins>Encourages</ins>… [softening]
 *   moved OP2→OP5
 *   deleted PP4
 *   changed OP5 split into OP5, OP6: …<del>;</del><ins>. Also requests</ins>…
 *   changed PP2 footnotes: ~"…vol. 2225…"→"…vol. 2237…"
 *
 * Unchanged text is "…"; deletions and insertions are shown trimmed.
 */
import type { CompareResult, FootnoteChange, ParagraphChange, WordChange } from './types.ts';

export function renderWords(words: readonly WordChange[]): string {
  let out = '';
  for (const w of words) {
    if (w.op === 'equal') {
      if (!out.endsWith('…')) out += '…';
      continue;
    }
    const text = w.text.trim();
    if (text === '') continue;
    out += w.op === 'delete' ? `<del>${text}</del>` : `<ins>${text}</ins>`;
  }
  return out;
}

function place(c: ParagraphChange): string {
  if (c.type === 'inserted') return c.draftLabel ?? '';
  if (c.type === 'deleted') return c.baseLabel ?? '';
  if (c.merge) return `${c.merge.labels.join(', ')} merged into ${c.draftLabel ?? ''}`;
  const where =
    c.baseLabel === c.draftLabel ? (c.draftLabel ?? '') : `${c.baseLabel ?? ''}→${c.draftLabel ?? ''}`;
  return c.split ? `${where} split into ${c.split.labels.join(', ')}` : where;
}

function footnote(f: FootnoteChange): string {
  if (f.change === 'added') return `+"${f.draft?.source ?? ''}"`;
  if (f.change === 'removed') return `-"${f.base?.source ?? ''}"`;
  return `~"${f.base?.source ?? ''}"→"${f.draft?.source ?? ''}"`;
}

export function renderChange(c: ParagraphChange): string {
  let line = `${c.type} ${place(c)}`;
  if ((c.type === 'changed' || c.type === 'moved') && c.words.some((w) => w.op !== 'equal'))
    line += `: ${renderWords(c.words)}`;
  if (c.opener) line += ` [${c.opener.shift}]`;
  if (c.footnotes?.length) line += ` footnotes: ${c.footnotes.map(footnote).join(' ')}`;
  return line;
}

export function renderChanges(result: CompareResult, options: { readonly unchanged?: boolean } = {}): string {
  const lines: string[] = [];
  if (result.title) lines.push(`title: ${renderWords(result.title.words)}`);
  if (result.annexTitle) lines.push(`annex title: ${renderWords(result.annexTitle.words)}`);
  if (result.annexIntro) lines.push(`annex intro: ${renderWords(result.annexIntro.words)}`);
  for (const c of result.changes)
    if (options.unchanged || c.type !== 'unchanged') lines.push(renderChange(c));
  return lines.join('\n');
}
