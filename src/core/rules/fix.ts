/**
 * Applies a quick fix to the model: `applyFix(doc, fix)` returns a new document and leaves `doc` as it
 * was (the model is immutable, types.ts). The editor applies the same edits to its nodes: a range of a
 * paragraph's printed text, an opener, a label, a footnote at an offset (types.ts, `FixEdit`).
 *
 * Offsets are those of `joinOpener(opener, inlineText(content))`: footnote references take no room, so
 * an edit keeps the references around it, and a reference inside a replaced range moves to its end.
 */
import { inlineText, normalizeInlines } from '../model/inline.ts';
import type {
  Footnote,
  Inline,
  OperativeParagraph,
  PreambularParagraph,
  ResolutionDocument,
  Subparagraph,
} from '../model/types.ts';
import type { Fix, FixEdit, ParagraphAddress } from './types.ts';
import { addressLabel, contentOffset, paragraphUnits, sameAddress } from './units.ts';

/** The editable parts of one paragraph. */
interface Editable {
  opener: string;
  content: readonly Inline[];
  label: string | undefined;
  /** Only plain text: the title and the formula. */
  readonly textOnly: boolean;
}

/** One character of text (with its style) or a footnote reference. */
type Atom = { readonly ch: string; readonly italic: boolean } | { readonly ref: Inline };

function atoms(content: readonly Inline[]): Atom[] {
  const out: Atom[] = [];
  for (const part of content) {
    if (part.type === 'footnoteRef') out.push({ ref: part });
    else for (const ch of part.text) out.push({ ch, italic: Boolean(part.italic) });
  }
  return out;
}

function fromAtoms(list: readonly Atom[]): Inline[] {
  const runs: Inline[] = [];
  for (const a of list) {
    if ('ref' in a) runs.push(a.ref);
    else runs.push(a.italic ? { type: 'text', text: a.ch, italic: true } : { type: 'text', text: a.ch });
  }
  return normalizeInlines(runs);
}

/**
 * Replaces the text between `start` and `end` (plain-text offsets, in UTF-16 units like every string
 * offset) with `insert`. References at `start` stay before the insertion,
 * references at `end` stay after it, references inside the range move to its end.
 */
export function spliceInlines(
  content: readonly Inline[],
  start: number,
  end: number,
  insert: readonly Inline[],
): Inline[] {
  const length = inlineText(content).length;
  if (start < 0 || end < start || end > length) {
    throw new Error(`spliceInlines: range ${start}-${end} is outside the text (length ${length})`);
  }
  const list = atoms(content);
  const before: Atom[] = [];
  const inside: Atom[] = [];
  const after: Atom[] = [];
  let pos = 0;
  let italic = false;
  for (const a of list) {
    if ('ref' in a) {
      (pos <= start ? before : pos < end ? inside : after).push(a);
      continue;
    }
    if (pos < start) before.push(a);
    else if (pos < end) inside.push(a);
    else after.push(a);
    // The inserted text takes the style of the first replaced character, or of the one before.
    if (pos === start || (pos === start - 1 && start === end)) italic = a.italic;
    pos += a.ch.length;
  }
  const inserted: Atom[] = insert.flatMap((part): Atom[] =>
    part.type === 'footnoteRef'
      ? [{ ref: part }]
      : [...part.text].map((ch) => ({ ch, italic: part.italic ?? italic })),
  );
  const movedRefs = inside.filter((a) => 'ref' in a);
  return fromAtoms([...before, ...inserted, ...movedRefs, ...after]);
}

function replaceInString(text: string, start: number, end: number, insert: string, what: string): string {
  if (start < 0 || end < start || end > text.length) {
    throw new Error(`applyFix: range ${start}-${end} is outside the ${what} (length ${text.length})`);
  }
  return text.slice(0, start) + insert + text.slice(end);
}

function nextFootnoteId(doc: ResolutionDocument, taken: ReadonlySet<string>): string {
  const ids = new Set([...doc.footnotes.map((f) => f.id), ...taken]);
  for (let k = 1; ; k++) if (!ids.has(`fn-${k}`)) return `fn-${k}`;
}

/** Applies the edits aimed at one paragraph, from the end of its text backwards. */
function applyToParagraph(
  target: Editable,
  address: ParagraphAddress,
  edits: readonly FixEdit[],
  newFootnote: (content: readonly Inline[]) => string,
): Editable {
  const where = addressLabel(address);
  const contentStart = contentOffset(target.opener, inlineText(target.content));
  const position = (e: FixEdit): number =>
    e.kind === 'replaceText' ? e.range.start : e.kind === 'insertFootnote' ? e.at : -1;
  const ordered = [...edits].sort((a, b) => position(b) - position(a));
  let { opener, content, label } = target;
  const openerText = opener;
  for (const edit of ordered) {
    switch (edit.kind) {
      case 'setOpener':
        if (target.textOnly) throw new Error(`applyFix: ${where} has no opener`);
        opener = edit.opener;
        break;
      case 'setLabel':
        if (target.textOnly) throw new Error(`applyFix: ${where} has no label`);
        label = edit.label;
        break;
      case 'insertFootnote': {
        if (target.textOnly) throw new Error(`applyFix: ${where} cannot carry a footnote`);
        if (edit.at < contentStart)
          throw new Error(`applyFix: a footnote cannot go inside the opener of ${where}`);
        const id = newFootnote(edit.content);
        const at = edit.at - contentStart;
        content = spliceInlines(content, at, at, [{ type: 'footnoteRef', footnoteId: id }]);
        break;
      }
      case 'replaceText': {
        const { start, end } = edit.range;
        if (end <= openerText.length && openerText !== '') {
          opener = replaceInString(opener, start, end, edit.text, `opener of ${where}`);
        } else if (start >= contentStart) {
          content = spliceInlines(content, start - contentStart, end - contentStart, [
            { type: 'text', text: edit.text },
          ]);
        } else {
          throw new Error(`applyFix: range ${start}-${end} of ${where} spans its opener and its text`);
        }
        break;
      }
    }
  }
  return { ...target, opener, content, label };
}

function withLabel<T extends { readonly label?: string }>(node: T, label: string | undefined): T {
  const { label: _old, ...rest } = node;
  return (label === undefined ? rest : { ...rest, label }) as T;
}

function editSub(
  list: readonly Subparagraph[],
  path: readonly number[],
  address: ParagraphAddress,
  apply: (e: Editable) => Editable,
): Subparagraph[] {
  const [head, ...tail] = path;
  const index = (head ?? 0) - 1;
  const found = list[index];
  if (!found) throw new Error(`applyFix: ${addressLabel(address)} does not exist`);
  const copy = [...list];
  if (tail.length > 0) {
    copy[index] = { ...found, subparagraphs: editSub(found.subparagraphs, tail, address, apply) };
  } else {
    const {
      opener: _opener,
      content,
      label,
    } = apply({
      opener: '',
      content: found.content,
      label: found.label,
      textOnly: false,
    });
    copy[index] = withLabel({ ...found, content }, label);
  }
  return copy;
}

/** The preambular and operative paragraphs of the document's top level or of one of its sections. */
interface Paragraphs {
  readonly preamble: readonly PreambularParagraph[];
  readonly operative: readonly OperativeParagraph[];
}

function editParagraphs<T extends Paragraphs>(
  where: T,
  address: ParagraphAddress,
  apply: (e: Editable) => Editable,
  missing: () => Error,
): T {
  const path = address.subparagraph ?? [];
  const index = (address.paragraph ?? 0) - 1;
  if (address.part === 'preamble') {
    const p = where.preamble[index];
    if (!p) throw missing();
    const preamble = [...where.preamble];
    if (path.length > 0) {
      preamble[index] = { ...p, subparagraphs: editSub(p.subparagraphs ?? [], path, address, apply) };
    } else {
      const { opener, content, label } = apply({
        opener: p.opener,
        content: p.content,
        label: undefined,
        textOnly: false,
      });
      if (label !== undefined) throw new Error(`applyFix: ${addressLabel(address)} is not numbered`);
      preamble[index] = { ...p, opener, content };
    }
    return { ...where, preamble };
  }
  const p = where.operative[index];
  if (!p) throw missing();
  const operative = [...where.operative];
  if (path.length > 0) {
    operative[index] = { ...p, subparagraphs: editSub(p.subparagraphs, path, address, apply) };
  } else {
    const { opener, content, label } = apply({
      opener: p.opener,
      content: p.content,
      label: p.label,
      textOnly: false,
    });
    operative[index] = withLabel<OperativeParagraph>({ ...p, opener, content }, label);
  }
  return { ...where, operative };
}

function editDocument(
  doc: ResolutionDocument,
  address: ParagraphAddress,
  apply: (e: Editable) => Editable,
): ResolutionDocument {
  const missing = (): Error => new Error(`applyFix: ${addressLabel(address)} does not exist`);
  const path = address.subparagraph ?? [];
  const index = (address.paragraph ?? 0) - 1;
  switch (address.part) {
    case 'title':
      return { ...doc, title: inlineText(apply(textOnly(doc.title)).content) };
    case 'formula':
      return { ...doc, formula: inlineText(apply(textOnly(doc.formula)).content) };
    case 'preamble':
    case 'operative': {
      if (address.section === undefined) return editParagraphs(doc, address, apply, missing);
      const sections = [...(doc.sections ?? [])];
      const at = address.section - 1;
      const section = sections[at];
      if (!section) throw missing();
      sections[at] = editParagraphs(section, address, apply, missing);
      return { ...doc, sections };
    }
    case 'annex': {
      const annex = doc.annex;
      if (!annex) throw missing();
      if (address.paragraph === 0) {
        if (path.length > 0) throw missing();
        return {
          ...doc,
          annex: {
            ...annex,
            intro: apply({ opener: '', content: annex.intro, label: undefined, textOnly: false }).content,
          },
        };
      }
      return {
        ...doc,
        annex: { ...annex, items: editSub(annex.items, [index + 1, ...path], address, apply) },
      };
    }
  }
}

function textOnly(text: string): Editable {
  return {
    opener: '',
    content: text === '' ? [] : [{ type: 'text', text }],
    label: undefined,
    textOnly: true,
  };
}

/** The footnote ids in the order a reader meets their references. */
function referenceOrder(doc: ResolutionDocument): string[] {
  return paragraphUnits(doc).flatMap((u) =>
    u.content.flatMap((part) => (part.type === 'footnoteRef' ? [part.footnoteId] : [])),
  );
}

/** Puts new footnotes in `doc.footnotes` before the first footnote referenced after them. */
function placeFootnotes(doc: ResolutionDocument, added: readonly Footnote[]): ResolutionDocument {
  if (added.length === 0) return doc;
  const order = referenceOrder(doc);
  let footnotes = [...doc.footnotes];
  for (const note of added) {
    const from = order.indexOf(note.id);
    const nextId = order.slice(from + 1).find((id) => footnotes.some((f) => f.id === id && f !== note));
    const at = nextId === undefined ? -1 : footnotes.findIndex((f) => f.id === nextId);
    footnotes = at < 0 ? [...footnotes, note] : [...footnotes.slice(0, at), note, ...footnotes.slice(at)];
  }
  return { ...doc, footnotes };
}

/**
 * The document with the fix applied. Throws (misuse, ARCHITECTURE.md convention 6) when an edit names a
 * paragraph that does not exist, a range outside its text, or a range across its opener and its text.
 */
export function applyFix(doc: ResolutionDocument, fix: Fix): ResolutionDocument {
  const groups: { address: ParagraphAddress; edits: FixEdit[] }[] = [];
  for (const edit of fix.edits) {
    const group = groups.find((g) => sameAddress(g.address, edit.target));
    if (group) group.edits.push(edit);
    else groups.push({ address: edit.target, edits: [edit] });
  }
  const added: Footnote[] = [];
  const taken = new Set<string>();
  const newFootnote = (content: readonly Inline[]): string => {
    const id = nextFootnoteId(doc, taken);
    taken.add(id);
    added.push({ id, content });
    return id;
  };
  let out = doc;
  for (const { address, edits } of groups) {
    out = editDocument(out, address, (e) => applyToParagraph(e, address, edits, newFootnote));
  }
  return placeFootnotes(out, added);
}
