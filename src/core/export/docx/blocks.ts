/**
 * A resolution as printed paragraphs ("blocks"), before any Word XML: what the plain writer prints
 * and what the tracked-changes writer compares. Order and labels follow UN practice for the parts of a resolution
 * and the plain-text rendering (src/core/export/text.ts), so the recognizer reads an export back
 * into the same structure:
 *   [Resolution 6/1] · title · formula · preambular paragraphs (with the "(a)<tab>..." a paragraph
 *   ending with a colon lists) · "1.<tab>Requests ..." with "(a)<tab>..." and "(i)<tab>..." under it
 *   · the sections of an omnibus resolution, each "I" centred, its heading centred in bold, then its
 *   own preambular and operative paragraphs (A/RES/78/247) · [Annex] · annex title · intro · items,
 *   with their headings between them.
 */
import type {
  Inline,
  OperativeParagraph,
  PreambularParagraph,
  ResolutionDocument,
  Subparagraph,
} from '../../model/types.ts';
import { sectionOperativeLabels, subparagraphLabel } from '../labels.ts';
import type { StyleKey } from './styles.ts';

/**
 * A piece of a printed paragraph. `note` is a footnote reference: the model footnote's id and the
 * reference's position among the document's references (0, 1, 2 in reading order), which is its
 * exported note (src/core/export/docx/footnotes.ts: every reference gets a note of its own).
 */
export type Piece =
  | { readonly kind: 'text'; readonly text: string; readonly italic?: boolean }
  | { readonly kind: 'tab' }
  | { readonly kind: 'note'; readonly footnoteId: string; readonly index: number };

/** The part a block belongs to: the tracked-changes writer aligns paragraphs within the same part. */
export const BLOCK_PARTS = [
  'heading',
  'title',
  'formula',
  'preamble',
  'preambleSubparagraph',
  'operative',
  'subparagraph',
  'sectionNumber',
  'section',
  'annex',
] as const;
export type BlockPart = (typeof BLOCK_PARTS)[number];

export interface Block {
  readonly part: BlockPart;
  readonly style: StyleKey;
  readonly pieces: readonly Piece[];
  /**
   * The section of an omnibus resolution the block is printed in (0-based index into
   * `doc.sections`; its number and heading included); absent before the first section and in the annex.
   */
  readonly section?: number;
}

/** Counts references as blocks are built, so each note piece knows its position. */
interface NoteCounter {
  next: number;
}

function inlinePieces(content: readonly Inline[], notes: NoteCounter): Piece[] {
  return content.map((part): Piece =>
    part.type === 'footnoteRef'
      ? { kind: 'note', footnoteId: part.footnoteId, index: notes.next++ }
      : part.italic
        ? { kind: 'text', text: part.text, italic: true }
        : { kind: 'text', text: part.text },
  );
}

/** The opener in italics, then one space and the rest (none before closing punctuation, as joinOpener). */
function withOpener(opener: string, content: readonly Inline[], notes: NoteCounter): Piece[] {
  const rest = inlinePieces(content, notes);
  if (opener === '') return rest;
  const first = content[0];
  const glued = first?.type === 'text' ? /^[,;:.]/.test(first.text) : first?.type === 'footnoteRef';
  return [
    { kind: 'text', text: opener, italic: true },
    ...(glued || rest.length === 0 ? [] : [{ kind: 'text', text: ' ' } as const]),
    ...rest,
  ];
}

function labelled(label: string, pieces: readonly Piece[]): Piece[] {
  // "1." for a number, "(a)" as printed for a letter (section 1, items 4-5).
  const printed = /^\(/.test(label) ? label : `${label}.`;
  return [{ kind: 'text', text: printed }, { kind: 'tab' }, ...pieces];
}

function subBlocks(
  subs: readonly Subparagraph[],
  depth: number,
  notes: NoteCounter,
  part: 'subparagraph' | 'preambleSubparagraph' | 'annex' = 'subparagraph',
): Block[] {
  const out: Block[] = [];
  subs.forEach((s, k) => {
    out.push({
      part,
      style: depth <= 1 ? 'subparagraph' : 'subsubparagraph',
      pieces: labelled(s.label ?? subparagraphLabel(depth, k + 1), inlinePieces(s.content, notes)),
    });
    out.push(...subBlocks(s.subparagraphs, depth + 1, notes, part));
  });
  return out;
}

/** A heading as the Assembly prints it: the number centred on its own line, the heading centred in bold. */
function headingBlocks(number: string, heading: string, part: 'section' | 'annex'): Block[] {
  const out: Block[] = [];
  if (number !== '')
    out.push({
      part: part === 'section' ? 'sectionNumber' : part,
      style: 'sectionNumber',
      pieces: [{ kind: 'text', text: number }],
    });
  if (heading !== '') out.push({ part, style: 'sectionHeading', pieces: [{ kind: 'text', text: heading }] });
  return out;
}

/** The document's body as printed paragraphs (the masthead is not part of it: see masthead.ts). */
export function documentBlocks(doc: ResolutionDocument): Block[] {
  const blocks: Block[] = [];
  const notes: NoteCounter = { next: 0 };
  if (doc.number)
    blocks.push({
      part: 'heading',
      style: 'heading',
      pieces: [
        { kind: 'text', text: `${doc.kind === 'decision' ? 'Decision' : 'Resolution'} ${doc.number}` },
      ],
    });
  if (doc.title) blocks.push({ part: 'title', style: 'title', pieces: [{ kind: 'text', text: doc.title }] });
  if (doc.formula)
    blocks.push({ part: 'formula', style: 'formula', pieces: [{ kind: 'text', text: doc.formula }] });
  const lettered = doc.kind === 'decision';
  const sections = doc.sections ?? [];
  // A lone operative paragraph is not numbered (section 1, item 4).
  const lone =
    doc.kind === 'resolution' &&
    doc.operative.length === 1 &&
    doc.operative[0]?.label === undefined &&
    sections.every((section) => section.operative.length === 0);
  const part = (
    preamble: readonly PreambularParagraph[],
    operative: readonly OperativeParagraph[],
    labelOf: (p: OperativeParagraph, k: number) => string,
  ): Block[] => {
    const out: Block[] = [];
    for (const p of preamble) {
      out.push({ part: 'preamble', style: 'preambular', pieces: withOpener(p.opener, p.content, notes) });
      out.push(...subBlocks(p.subparagraphs ?? [], 1, notes, 'preambleSubparagraph'));
    }
    operative.forEach((p, k) => {
      const text = withOpener(p.opener, p.content, notes);
      if (lone) out.push({ part: 'operative', style: 'operativeUnnumbered', pieces: text });
      else out.push({ part: 'operative', style: 'operative', pieces: labelled(labelOf(p, k), text) });
      out.push(...subBlocks(p.subparagraphs, lettered ? 2 : 1, notes));
    });
    return out;
  };
  blocks.push(
    ...part(
      doc.preamble,
      doc.operative,
      (p, k) => p.label ?? (lettered ? subparagraphLabel(1, k + 1) : String(k + 1)),
    ),
  );
  const sectionLabels = sectionOperativeLabels(doc);
  sections.forEach((s, i) => {
    const inSection = [
      ...headingBlocks(s.number, s.heading, 'section'),
      ...part(s.preamble, s.operative, (_p, k) => sectionLabels[i]?.[k] ?? ''),
    ];
    blocks.push(...inSection.map((block) => ({ ...block, section: i })));
  });

  if (doc.annex) {
    // A decision's attachment (the provisional agenda of decision 6/1) is printed without "Annex".
    if (doc.kind === 'resolution')
      blocks.push({ part: 'annex', style: 'annexHeading', pieces: [{ kind: 'text', text: 'Annex' }] });
    if (doc.annex.title)
      blocks.push({ part: 'annex', style: 'annexTitle', pieces: [{ kind: 'text', text: doc.annex.title }] });
    if (doc.annex.intro.length)
      blocks.push({ part: 'annex', style: 'annexIntro', pieces: inlinePieces(doc.annex.intro, notes) });
    const headings = [...(doc.annex.headings ?? [])].sort((a, b) => a.before - b.before);
    const headingsBefore = (item: number): void => {
      while (headings.length > 0 && (headings[0]?.before ?? 0) <= item) {
        const h = headings.shift();
        if (h) blocks.push(...headingBlocks(h.number, h.heading, 'annex'));
      }
    };
    doc.annex.items.forEach((it, k) => {
      headingsBefore(k);
      const label = it.label ?? subparagraphLabel(1, k + 1);
      blocks.push({
        part: 'annex',
        style: 'annexItem',
        pieces: labelled(label, inlinePieces(it.content, notes)),
      });
      // An item's subparagraphs are the annex's: aligned with the annex, never with the operative part.
      blocks.push(...subBlocks(it.subparagraphs, /^\(/.test(label) ? 2 : 1, notes, 'annex'));
    });
    headingsBefore(Number.POSITIVE_INFINITY);
  }
  return blocks;
}

/** Every footnote reference of the body in reading order (the order notes are numbered in). */
export function noteReferences(blocks: readonly Block[]): { footnoteId: string; index: number }[] {
  const out: { footnoteId: string; index: number }[] = [];
  for (const block of blocks)
    for (const piece of block.pieces)
      if (piece.kind === 'note') out.push({ footnoteId: piece.footnoteId, index: piece.index });
  return out;
}
