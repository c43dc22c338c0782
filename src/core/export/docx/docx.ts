/**
 * The .docx a delegation submits (issue 5; UN practice: citing instruments, how drafts travel and the printed page): A4, Times New
 * Roman, named paragraph styles, the L masthead for a draft, real Word footnotes numbered from 1, page
 * numbers at the outer edge and the symbol in the header of later pages; with a base, the differences
 * as real Word tracked changes (w:ins / w:del) attributed to the delegation and dated.
 *
 * Runs unchanged in the browser and in Node: docx's `Packer.pack(doc, 'uint8array')` uses neither
 * Buffer nor Blob. The app loads this module with a dynamic import when the user first exports.
 */
import {
  AlignmentType,
  BorderStyle,
  DeletedTextRun,
  Document,
  Footer,
  FootnoteReference,
  FootnoteReferenceRun,
  Header,
  InsertedTextRun,
  Packer,
  PageNumber,
  Paragraph,
  Tab,
  Table,
  TableBorders,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
} from 'docx';
import type { FileChild, IRunOptions, ParagraphChild } from 'docx';
import type { FootnoteRule, ResolutionDocument, TextRun as ModelTextRun } from '../../model/types.ts';
import { documentBlocks, type Block } from './blocks.ts';
import { exportFootnotes, type ExportFootnote } from './footnotes.ts';
import { hasMasthead, mastheadText } from './masthead.ts';
import { MARGIN, PAGE, STYLE, TEXT_WIDTH, unStyles, type StyleKey } from './styles.ts';
import {
  trackChanges,
  type Change,
  type CompareEngine,
  type TrackedBlock,
  type TrackedPiece,
} from './tracked.ts';
import { compareEngine } from './compare-engine.ts';

export interface DocxOptions {
  /** With a base, the output is the draft with its differences from the base as tracked changes. */
  readonly base?: ResolutionDocument;
  /** Who the tracked changes are attributed to; by default the draft's first sponsor. */
  readonly author?: string;
  /** ISO date-time of the tracked changes (stubbed in tests); by default now. */
  readonly date?: string;
  /** Paragraph alignment and token diff for tracked changes; by default src/core/compare's (./compare-engine.ts). */
  readonly compare?: CompareEngine;
  /** Overrides the draft's footnote rule. */
  readonly footnoteRule?: FootnoteRule;
}

/** The author when neither the options nor the draft name one. */
export const DEFAULT_AUTHOR = 'Resolution Drafter';

/** The writer's inputs, resolved: footnote numbers in docx, revision marks. */
interface Context {
  readonly noteId: (origin: 'base' | 'draft', index: number) => number;
  readonly revision: (change: Change) => { id: number; author: string; date: string };
}

function styleId(key: StyleKey): string {
  return STYLE[key].id;
}

function runOptions(piece: TrackedPiece): IRunOptions {
  if (piece.kind === 'tab') return { children: [new Tab()] };
  if (piece.kind === 'text') return piece.italic ? { text: piece.text, italics: true } : { text: piece.text };
  return {};
}

function pieceRun(piece: TrackedPiece, ctx: Context): ParagraphChild {
  if (piece.kind === 'note') {
    const id = ctx.noteId(piece.origin, piece.index);
    if (!piece.change) return new FootnoteReferenceRun(id);
    const options = {
      children: [new FootnoteReference(id)],
      style: 'FootnoteReference',
      ...ctx.revision(piece.change),
    };
    return piece.change === 'inserted' ? new InsertedTextRun(options) : new DeletedTextRun(options);
  }
  const options = runOptions(piece);
  if (!piece.change) return new TextRun(options);
  return piece.change === 'inserted'
    ? new InsertedTextRun({ ...options, ...ctx.revision('inserted') })
    : new DeletedTextRun({ ...options, ...ctx.revision('deleted') });
}

function blockParagraph(block: TrackedBlock, ctx: Context): Paragraph {
  return new Paragraph({
    style: styleId(block.style),
    children: block.pieces.map((p) => pieceRun(p, ctx)),
    // The paragraph mark is part of the change, so reject all removes an inserted paragraph entirely.
    ...(block.change
      ? {
          run:
            block.change === 'inserted'
              ? { insertion: ctx.revision('inserted') }
              : { deletion: ctx.revision('deleted') },
        }
      : {}),
  });
}

function footnoteParagraph(content: readonly ModelTextRun[]): Paragraph {
  return new Paragraph({
    style: 'FootnoteText',
    children: [
      new TextRun({ children: [new Tab()] }),
      ...content.map((r) => new TextRun(r.italic ? { text: r.text, italics: true } : { text: r.text })),
    ],
  });
}

const RULE = { style: BorderStyle.SINGLE, size: 12, color: '000000', space: 0 } as const;

function cell(width: number, children: Paragraph[], ruled: boolean): TableCell {
  return new TableCell({
    width: { size: width, type: WidthType.DXA },
    // Only the rule is set: a cell's "none" top would win over the rule above it in LibreOffice.
    ...(ruled ? { borders: { bottom: RULE } } : {}),
    margins: { left: 0, right: 0, top: 0, bottom: 60 },
    children,
  });
}

function styled(key: StyleKey, text: string): Paragraph {
  return new Paragraph({ style: styleId(key), children: [new TextRun(text)] });
}

/**
 * The first-page masthead, laid out as a table (section 8): "United Nations" | symbol over a rule;
 * organ | distribution, date, original over a rule; then session, agenda item and sponsors line.
 */
function masthead(doc: ResolutionDocument): FileChild[] {
  const m = mastheadText(doc);
  const right = 3600;
  const left = TEXT_WIDTH - right;
  const table = new Table({
    width: { size: TEXT_WIDTH, type: WidthType.DXA },
    columnWidths: [left, right],
    borders: TableBorders.NONE,
    rows: [
      new TableRow({
        children: [
          cell(left, [styled('mastheadUnitedNations', 'United Nations')], true),
          cell(right, [styled('mastheadSymbol', m.symbol)], true),
        ],
      }),
      new TableRow({
        children: [
          cell(left, [styled('mastheadOrgan', m.organ)], true),
          cell(
            right,
            [m.distribution, ...(m.date ? [m.date] : []), '', m.original].map((t) =>
              styled('mastheadDistribution', t),
            ),
            true,
          ),
        ],
      }),
    ],
  });
  const after: Paragraph[] = [new Paragraph({ style: styleId('session'), children: [] })];
  for (const line of m.session) after.push(styled('session', line));
  if (m.agendaItem) after.push(styled('agendaItem', m.agendaItem));
  if (m.agendaItemTitle) after.push(styled('agendaTitle', m.agendaItemTitle));
  if (m.sponsorsLine) after.push(styled('sponsors', m.sponsorsLine));
  return [table, ...after];
}

function pageNumber(alignment: (typeof AlignmentType)[keyof typeof AlignmentType]): Footer {
  return new Footer({
    children: [
      new Paragraph({
        style: styleId('footer'),
        alignment,
        children: [new TextRun({ children: [PageNumber.CURRENT] })],
      }),
    ],
  });
}

function symbolHeader(symbol: string, alignment: (typeof AlignmentType)[keyof typeof AlignmentType]): Header {
  return new Header({
    children: [
      new Paragraph({ style: styleId('header'), alignment, children: symbol ? [new TextRun(symbol)] : [] }),
    ],
  });
}

function isoSeconds(date: Date): string {
  return date.toISOString().replace(/\.\d{3}Z$/, 'Z');
}

/** Builds the docx object model (exposed for tests that inspect it before packing). */
export function buildDocx(doc: ResolutionDocument, options: DocxOptions = {}): Document {
  const rule = options.footnoteRule;
  const draftBlocks = documentBlocks(doc);
  const draftNotes = exportFootnotes(doc, rule);
  let blocks: TrackedBlock[];
  let baseNotes: ExportFootnote[] = [];
  if (options.base) {
    const baseBlocks: Block[] = documentBlocks(options.base);
    baseNotes = exportFootnotes(options.base, rule ?? doc.metadata.footnoteRule);
    blocks = trackChanges(
      {
        base: baseBlocks,
        draft: draftBlocks,
        baseSource: (k) => baseNotes[k]?.source ?? '',
        draftSource: (k) => draftNotes[k]?.source ?? '',
      },
      options.compare ?? compareEngine,
    );
  } else
    blocks = draftBlocks.map((b) => ({
      style: b.style,
      pieces: b.pieces.map((p) => ({ ...p, origin: 'draft' as const })),
    }));

  // Draft notes are 1..n; the base's notes, referred to only by deleted references, follow them.
  const usedBase = new Set<number>();
  for (const b of blocks)
    for (const p of b.pieces) if (p.kind === 'note' && p.origin === 'base') usedBase.add(p.index);
  const baseIds = new Map<number, number>();
  for (const k of [...usedBase].sort((x, y) => x - y)) baseIds.set(k, draftNotes.length + baseIds.size + 1);

  const author = options.author ?? doc.metadata.sponsors?.[0] ?? DEFAULT_AUTHOR;
  const date = options.date ?? isoSeconds(new Date());
  let revisionId = 0;
  const ctx: Context = {
    noteId: (origin, index) => (origin === 'draft' ? index + 1 : (baseIds.get(index) ?? 0)),
    revision: () => ({ id: ++revisionId, author, date }),
  };

  const footnotes: Record<number, { children: Paragraph[] }> = {};
  draftNotes.forEach((n) => (footnotes[n.number] = { children: [footnoteParagraph(n.content)] }));
  for (const [k, id] of baseIds) {
    const note = baseNotes[k];
    if (note) footnotes[id] = { children: [footnoteParagraph(note.content)] };
  }

  const symbol = doc.metadata.symbol ?? '';
  const children: FileChild[] = [
    ...(hasMasthead(doc) ? masthead(doc) : []),
    ...blocks.map((b) => blockParagraph(b, ctx)),
  ];
  return new Document({
    title: doc.title,
    creator: options.base ? author : DEFAULT_AUTHOR,
    styles: unStyles(),
    footnotes,
    evenAndOddHeaderAndFooters: true,
    // Further editing in Word goes on being tracked in a document submitted with tracked changes.
    ...(options.base ? { features: { trackRevisions: true } } : {}),
    sections: [
      {
        properties: {
          page: { size: { width: PAGE.width, height: PAGE.height }, margin: MARGIN },
          titlePage: true,
        },
        // Later pages: the symbol in the header, the page number at the outer edge (section 8).
        headers: {
          first: new Header({ children: [new Paragraph({ style: styleId('header'), children: [] })] }),
          default: symbolHeader(symbol, AlignmentType.RIGHT),
          even: symbolHeader(symbol, AlignmentType.LEFT),
        },
        footers: {
          first: new Footer({ children: [new Paragraph({ style: styleId('footer'), children: [] })] }),
          default: pageNumber(AlignmentType.RIGHT),
          even: pageNumber(AlignmentType.LEFT),
        },
        children,
      },
    ],
  });
}

/** The .docx file's bytes. */
export async function exportDocx(doc: ResolutionDocument, options: DocxOptions = {}): Promise<Uint8Array> {
  return Packer.pack(buildDocx(doc, options), 'uint8array');
}
