/**
 * The word diff inside a pair of paragraphs: jsdiff's `diffWords` (words and punctuation marks are
 * tokens, whitespace is kept but never a change), with the opener compared as one unit.
 */
import { diffWords } from 'diff';
import { isPunctuation, words } from './similarity.ts';
import type { WordChange } from './types.ts';

export interface DiffSide {
  readonly opener: string;
  /** The whole paragraph as printed, `opener` included at its start. */
  readonly text: string;
}

function push(out: WordChange[], op: WordChange['op'], text: string): void {
  if (text === '') return;
  const last = out[out.length - 1];
  if (last && last.op === op) out[out.length - 1] = { op, text: last.text + text };
  else out.push({ op, text });
}

/**
 * Base → draft. An opener that changed is one deletion and one insertion ("Also urges" →
 * "Encourages"), never "Also" deleted and "urges" patched: the opener is the unit delegates negotiate.
 * With `ignorePunctuation`, runs made only of punctuation are no change: an inserted one reads as
 * equal (the draft's text), a deleted one is dropped.
 * `maxEdits` bounds the work (Myers' diff costs about the input length times the number of edits): past
 * it, two texts so different that a word diff would be noise read as one deletion and one insertion.
 */
export function wordDiff(
  base: DiffSide,
  draft: DiffSide,
  ignorePunctuation = false,
  maxEdits = Infinity,
): WordChange[] {
  const out: WordChange[] = [];
  let baseRest = base.text;
  let draftRest = draft.text;
  const openersDiffer = base.opener !== draft.opener && base.text.startsWith(base.opener);
  if (openersDiffer && draft.text.startsWith(draft.opener)) {
    push(out, 'delete', base.opener);
    push(out, 'insert', draft.opener);
    baseRest = base.text.slice(base.opener.length);
    draftRest = draft.text.slice(draft.opener.length);
  }
  const changes = !Number.isFinite(maxEdits)
    ? diffWords(baseRest, draftRest)
    : minimumEdits(baseRest, draftRest) > maxEdits
      ? undefined
      : diffWords(baseRest, draftRest, { maxEditLength: maxEdits });
  if (changes === undefined) {
    push(out, 'delete', baseRest);
    push(out, 'insert', draftRest);
    return out;
  }
  for (const c of changes) {
    const op: WordChange['op'] = c.added ? 'insert' : c.removed ? 'delete' : 'equal';
    if (ignorePunctuation && op !== 'equal' && isPunctuation(c.value)) {
      if (op === 'insert') push(out, 'equal', c.value);
      continue;
    }
    push(out, op, c.value);
  }
  return out;
}

/**
 * A lower bound of the edits between two texts, in linear time: every word one has more often than the
 * other must be inserted or deleted. Spares Myers' diff the pairs it would give up on anyway.
 */
function minimumEdits(a: string, b: string): number {
  const counts = new Map<string, number>();
  for (const w of words(a)) counts.set(w, (counts.get(w) ?? 0) + 1);
  for (const w of words(b)) counts.set(w, (counts.get(w) ?? 0) - 1);
  let edits = 0;
  for (const n of counts.values()) edits += Math.abs(n);
  return edits;
}

/** The whole text as one run: an inserted, deleted or identical paragraph. */
export function wholeText(op: WordChange['op'], text: string): WordChange[] {
  return text === '' ? [] : [{ op, text }];
}

export function hasWordChanges(words: readonly WordChange[]): boolean {
  return words.some((w) => w.op !== 'equal');
}
