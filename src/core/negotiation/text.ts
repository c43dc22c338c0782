/**
 * Applying proposals to a paragraph: edits given on its printed text (opener and content joined,
 * spaces collapsed: `OutlineUnit.text`) carried onto the model, so the italic opener stays the
 * opener, an italic title stays italic and a footnote reference stays where it was unless the words
 * around it on both sides are deleted.
 */
import type { Inline } from '../model/types.ts';
import { normalizeInlines } from '../model/inline.ts';

/** An edit of a paragraph's printed text: the range replaced, and what replaces it ('' to delete). */
export interface TextEdit {
  readonly start: number;
  readonly end: number;
  readonly text: string;
}

type Atom =
  | { readonly kind: 'char'; readonly ch: string; readonly opener: boolean; readonly italic: boolean }
  | { readonly kind: 'ref'; readonly footnoteId: string };

type CharAtom = Extract<Atom, { kind: 'char' }>;

const SPACE = /\s/;

/** The paragraph as atoms, spaces collapsed the way `normalizeSpace` collapses the printed text. */
function atomsOf(opener: string, content: readonly Inline[]): Atom[] {
  const raw: Atom[] = [];
  for (const ch of opener) raw.push({ kind: 'char', ch, opener: true, italic: true });
  const first = content.find((c) => c.type === 'text' && c.text !== '');
  const rest = content.some((c) => c.type === 'text' && c.text !== '');
  if (opener !== '' && rest && !(first?.type === 'text' && /^[,;:.]/.test(first.text)))
    raw.push({ kind: 'char', ch: ' ', opener: false, italic: false });
  for (const part of content) {
    if (part.type === 'footnoteRef') raw.push({ kind: 'ref', footnoteId: part.footnoteId });
    else
      for (const ch of part.text) raw.push({ kind: 'char', ch, opener: false, italic: Boolean(part.italic) });
  }
  return collapse(raw);
}

/** Runs of spaces as one space, none at either end; references kept where they are. */
function collapse(atoms: readonly Atom[]): Atom[] {
  const out: Atom[] = [];
  let lastChar: CharAtom | undefined;
  for (const a of atoms) {
    if (a.kind === 'ref') {
      out.push(a);
      continue;
    }
    if (SPACE.test(a.ch)) {
      if (!lastChar || SPACE.test(lastChar.ch)) continue;
      const space: CharAtom = { ...a, ch: ' ' };
      out.push(space);
      lastChar = space;
      continue;
    }
    out.push(a);
    lastChar = a;
  }
  // No space at the end (references after it stay).
  for (let i = out.length - 1; i >= 0; i--) {
    const a = out[i];
    if (a?.kind === 'char') {
      if (a.ch === ' ') out.splice(i, 1);
      break;
    }
  }
  return out;
}

/** The printed text the atoms make. */
function textOf(atoms: readonly Atom[]): string {
  let out = '';
  for (const a of atoms) if (a.kind === 'char') out += a.ch;
  return out;
}

/** The index in `atoms` of the n-th character atom, or `atoms.length` past the last. */
function charIndex(atoms: readonly Atom[], n: number): number {
  let seen = 0;
  for (let i = 0; i < atoms.length; i++) {
    if (atoms[i]?.kind !== 'char') continue;
    if (seen === n) return i;
    seen++;
  }
  return atoms.length;
}

const OPENING = /[([“‘"]$/;
const CLOSING = /^[,;:.)\]”’]/;

/**
 * The inserted text with the spaces it needs between the characters around it: "to" inserted
 * between "report" and "the" is " to ", before a comma it takes none.
 */
export function spacedInsert(before: string | undefined, text: string, after: string | undefined): string {
  const t = text.replace(/\s+/g, ' ').trim();
  if (t === '') return '';
  const lead = before !== undefined && !SPACE.test(before) && !CLOSING.test(t) && !OPENING.test(before);
  const trail = after !== undefined && !SPACE.test(after) && !CLOSING.test(after) && !OPENING.test(t);
  return `${lead ? ' ' : ''}${t}${trail ? ' ' : ''}`;
}

function applyAtoms(atoms: Atom[], edits: readonly TextEdit[]): Atom[] {
  // From the end, so earlier ranges keep their positions; edits never overlap (operations.ts).
  const sorted = [...edits].sort((a, b) => b.start - a.start || b.end - a.end);
  let out = atoms;
  for (const edit of sorted) {
    const from = charIndex(out, edit.start);
    const to = charIndex(out, edit.end);
    // References strictly inside the deleted words go with them; one at either edge stays.
    const removed = out.slice(from, to);
    let keepLeading = 0;
    while (removed[keepLeading]?.kind === 'ref') keepLeading++;
    const kept = removed.slice(0, keepLeading);
    const prev = [...out.slice(0, from), ...kept].reverse().find((a): a is CharAtom => a.kind === 'char');
    const next = out.slice(to).find((a): a is CharAtom => a.kind === 'char');
    const text = spacedInsert(prev?.ch, edit.text, next?.ch);
    // Replaced words lend their style (an opener replaced stays the opener); inserted ones take the word before.
    const replaced = removed.find((a): a is CharAtom => a.kind === 'char' && a.ch !== ' ');
    const model = replaced ?? (prev && prev.ch !== ' ' ? prev : (next ?? prev));
    // Words deleted before a closing mark, or replaced by one, take their space with them:
    // "Assembly at its session;" → "Assembly;", "practical and urgent" → "practical, urgent".
    let cut = from;
    const closes = text === '' ? next !== undefined && CLOSING.test(next.ch) : CLOSING.test(text);
    if (closes && prev?.ch === ' ') {
      const i = out.lastIndexOf(prev, from - 1);
      if (i >= 0 && out.slice(i + 1, from).every((a) => a.kind === 'ref')) {
        out = [...out.slice(0, i), ...out.slice(i + 1)];
        cut = from - 1;
      }
    }
    const end = to - (from - cut);
    const inserted: Atom[] = [...text].map((ch) => ({
      kind: 'char',
      ch,
      opener: model?.opener ?? false,
      italic: model?.italic ?? false,
    }));
    out = [...out.slice(0, cut), ...kept, ...inserted, ...out.slice(end)];
  }
  return collapse(out);
}

/** The printed text with the edits applied. */
export function applyToText(text: string, edits: readonly TextEdit[]): string {
  return textOf(applyAtoms(atomsOf('', [{ type: 'text', text }]), edits));
}

/** The printed text of a paragraph, as `OutlineUnit.text` has it. */
export function printedText(opener: string, content: readonly Inline[]): string {
  return textOf(atomsOf(opener, content));
}

/** A paragraph with the edits of its printed text applied to its opener and content. */
export function applyToParagraph(
  opener: string,
  content: readonly Inline[],
  edits: readonly TextEdit[],
): { opener: string; content: Inline[] } {
  const atoms = applyAtoms(atomsOf(opener, content), edits);
  let head = 0;
  let openerText = '';
  while (head < atoms.length) {
    const a = atoms[head];
    if (a?.kind !== 'char' || !a.opener) break;
    openerText += a.ch;
    head++;
  }
  // An edit that joined the opener to the words after it ("B|s reached", the space between them
  // deleted) leaves no opener: the joined word is text, the opener's letters still in italics, so the
  // paragraph prints as the edited text reads.
  const after = atoms.slice(head).find((a): a is CharAtom => a.kind === 'char');
  if (
    openerText !== '' &&
    !/\s$/.test(openerText) &&
    after &&
    !SPACE.test(after.ch) &&
    !CLOSING.test(after.ch)
  ) {
    head = 0;
    openerText = '';
  }
  const out: Inline[] = [];
  for (const a of atoms.slice(head)) {
    if (a.kind === 'ref') out.push({ type: 'footnoteRef', footnoteId: a.footnoteId });
    else out.push(a.italic ? { type: 'text', text: a.ch, italic: true } : { type: 'text', text: a.ch });
  }
  const merged = normalizeInlines(out);
  // The space between the opener and the rest belongs to neither.
  const first = merged[0];
  if (first?.type === 'text') {
    const trimmed = first.text.replace(/^\s+/, '');
    if (trimmed === '') merged.shift();
    else merged[0] = { ...first, text: trimmed };
  }
  return { opener: openerText.trim(), content: merged };
}

/**
 * Where positions of the printed text are once the edits are applied: a position inside deleted
 * words goes to where they were, one at an edit's edge stays at that edge.
 */
export function mapPositions(
  text: string,
  edits: readonly TextEdit[],
  positions: readonly number[],
): number[] {
  let atoms = atomsOf('', [{ type: 'text', text }]);
  // Markers are references, which edits keep unless the words on both sides of them go.
  const order = positions.map((at, k) => ({ at, k })).sort((a, b) => b.at - a.at);
  for (const { at, k } of order) {
    const i = charIndex(atoms, at);
    atoms = [...atoms.slice(0, i), { kind: 'ref', footnoteId: String(k) }, ...atoms.slice(i)];
  }
  const after = applyAtoms(
    atoms,
    edits.map((e) => ({ ...e })),
  );
  const out = positions.map(() => -1);
  let chars = 0;
  for (const a of after) {
    if (a.kind === 'char') chars++;
    else out[Number(a.footnoteId)] = chars;
  }
  // A marker inside deleted words went with them: it stands where they were.
  return out.map((v, k) =>
    v >= 0 ? v : (mapPositions(text, edits, [editStart(edits, positions[k] ?? 0)])[0] ?? 0),
  );
}

function editStart(edits: readonly TextEdit[], at: number): number {
  const e = edits.find((x) => x.start < at && at < x.end);
  return e ? e.start : at;
}

/** Where the footnote references of a paragraph sit in its printed text: after that many characters. */
export function referencePositions(
  opener: string,
  content: readonly Inline[],
): { readonly at: number; readonly footnoteId: string }[] {
  const out: { at: number; footnoteId: string }[] = [];
  let chars = 0;
  for (const a of atomsOf(opener, content)) {
    if (a.kind === 'char') chars++;
    else out.push({ at: chars, footnoteId: a.footnoteId });
  }
  return out;
}
