/**
 * The word diff inside a pair of paragraphs: jsdiff's `diffWords` (words and punctuation marks are
 * tokens, whitespace is kept but never a change), with the opener compared as one unit. The texts are
 * compared as read by a fold (typography folded, or as they are) and shown as printed.
 */
import { diffWords } from 'diff';
import { foldTypographyMapped, type FoldedText } from '../model/typography.ts';
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

export interface WordDiffOptions {
  /** Runs made only of punctuation are no change: an inserted one reads as equal (the draft's text), a deleted one is dropped. */
  readonly ignorePunctuation?: boolean;
  /**
   * Bounds the work (Myers' diff costs about the input length times the number of edits): past it,
   * two texts so different that a word diff would be noise read as one deletion and one insertion.
   */
  readonly maxEdits?: number;
  /**
   * How a text is read before it is compared: typography folded by default (model/typography.ts:
   * "Secretary‑General" and "Secretary-General" are equal), `unfolded` to show every mark that differs.
   * The runs come back as printed whatever the reading: equal runs as the draft prints them.
   */
  readonly fold?: (text: string) => FoldedText;
}

/**
 * Base → draft. An opener that changed is one deletion and one insertion ("Also urges" →
 * "Encourages"), never "Also" deleted and "urges" patched: the opener is the unit delegates negotiate.
 */
export function wordDiff(base: DiffSide, draft: DiffSide, options: WordDiffOptions = {}): WordChange[] {
  const fold = options.fold ?? foldTypographyMapped;
  const maxEdits = options.maxEdits ?? Infinity;
  const out: WordChange[] = [];
  let baseRest = base.text;
  let draftRest = draft.text;
  const openersDiffer =
    fold(base.opener).text !== fold(draft.opener).text && base.text.startsWith(base.opener);
  if (openersDiffer && draft.text.startsWith(draft.opener)) {
    push(out, 'delete', base.opener);
    push(out, 'insert', draft.opener);
    baseRest = base.text.slice(base.opener.length);
    draftRest = draft.text.slice(draft.opener.length);
  }
  const a = fold(baseRest);
  const b = fold(draftRest);
  const changes = !Number.isFinite(maxEdits)
    ? diffWords(a.text, b.text)
    : minimumEdits(a.text, b.text) > maxEdits
      ? undefined
      : diffWords(a.text, b.text, { maxEditLength: maxEdits });
  if (changes === undefined) {
    push(out, 'delete', baseRest);
    push(out, 'insert', draftRest);
    return out;
  }
  // The folded runs read back as printed. jsdiff's runs keep one side's spaces (an equal run the
  // new text's), so a run is found in each text by its non-space characters, which both sides share;
  // an equal run takes the spaces after it, a deletion or insertion leaves them to the run after it
  // ("{+all+} States", never "{+all +}{-the -}States").
  let i = 0;
  let j = 0;
  for (const c of changes) {
    const op: WordChange['op'] = c.added ? 'insert' : c.removed ? 'delete' : 'equal';
    const marks = c.value.replace(/\s/g, '').length;
    let printed: string;
    if (op === 'delete') {
      const end = advance(a.text, i, marks, false);
      printed = printedSlice(baseRest, a, i, end);
      i = end;
    } else {
      const end = advance(b.text, j, marks, op === 'equal');
      printed = printedSlice(draftRest, b, j, end);
      j = end;
      if (op === 'equal') i = advance(a.text, i, marks, true);
    }
    if (options.ignorePunctuation && op !== 'equal' && isPunctuation(c.value)) {
      if (op === 'insert') push(out, 'equal', printed);
      continue;
    }
    push(out, op, printed);
  }
  // A draft that folds to nothing (spaces, soft hyphens) has no run above: it is equal as printed.
  if (b.text === '' && draftRest !== '') push(out, 'equal', draftRest);
  return out;
}

/** The position after `marks` non-space characters of `text` from `start` (and the spaces after them). */
function advance(text: string, start: number, marks: number, spacesAfter: boolean): number {
  let k = start;
  for (let seen = 0; k < text.length && seen < marks; k++) if (!/\s/.test(text.charAt(k))) seen++;
  if (spacesAfter) while (k < text.length && /\s/.test(text.charAt(k))) k++;
  return k;
}

/** The printed text behind the folded slice [start, end): what was folded away at the ends stays with it. */
function printedSlice(printed: string, folded: FoldedText, start: number, end: number): string {
  const from = start === 0 ? 0 : (folded.from[start] ?? printed.length);
  const to = end >= folded.text.length ? printed.length : (folded.from[end] ?? printed.length);
  return printed.slice(from, to);
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
