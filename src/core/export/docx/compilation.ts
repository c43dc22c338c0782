/**
 * The compilation text as a Word file, the way facilitators circulate it (issue 14):
 * each paragraph cited by its label ("PP3", "OP5", "OP5 bis"); proposed additions in bold followed by
 * their delegations in brackets, "[EU]" or "[G77 and China; Mexico]"; deletions struck through, with
 * their delegations; disputed words in square brackets, alternatives parted by slashes with who holds
 * each; each paragraph's status and the facilitator's note; then a table of the open proposals.
 *
 * Plain formatting only (bold, strike, italics), so Word and LibreOffice render it alike and a
 * delegation can answer it with tracked changes.
 */
import {
  AlignmentType,
  BorderStyle,
  Document,
  Footer,
  Packer,
  PageNumber,
  Paragraph,
  Tab,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
} from 'docx';
import type { FileChild, IRunOptions } from 'docx';
import type { ResolutionDocument } from '../../model/types.ts';
import {
  compilation,
  holdersOf,
  type CompilationParagraph,
  type Segment,
} from '../../negotiation/compilation.ts';
import { baseParagraphs } from '../../negotiation/paragraphs.ts';
import type { Negotiation, Proposal } from '../../negotiation/types.ts';
import { MARGIN, PAGE, STYLE, TEXT_WIDTH, unStyles } from './styles.ts';

export interface CompilationDocxOptions {
  /** The date printed under the title (ISO); by default today. */
  readonly date?: string;
}

const STATUS_TEXT: Readonly<Record<string, string>> = {
  pending: '',
  'agreed ad ref': 'Agreed ad ref',
  agreed: 'Agreed',
  deleted: 'Deleted',
};

function tag(delegations: readonly string[]): string {
  return `[${delegations.join('; ')}]`;
}

function run(text: string, options: Omit<IRunOptions, 'text'> = {}): TextRun {
  return new TextRun({ text, ...options });
}

function segmentRuns(s: Segment): TextRun[] {
  if (s.kind === 'text') return [run(s.text, s.italic ? { italics: true } : {})];
  // The base's footnote references, as markers: the compilation carries the text, not the notes.
  if (s.kind === 'note') return [run(String(s.number), { superScript: true })];
  if (s.kind === 'insert')
    return [
      run(s.text, { bold: true, ...(s.italic ? { italics: true } : {}) }),
      run(` ${tag(s.delegations)}`),
    ];
  if (s.kind === 'delete')
    return [
      run(s.text, { strike: true, ...(s.italic ? { italics: true } : {}) }),
      ...(s.replaced ? [] : [run(` ${tag(s.delegations)}`)]),
    ];
  const out: TextRun[] = [run('[')];
  const alternatives = s.kind === 'bracket' ? s.alternatives : [];
  alternatives.forEach((a, k) => {
    if (k > 0) out.push(run(' / '));
    out.push(run(`${a.label}: `, { italics: true }));
    out.push(run(a.action ?? (a.text === '' ? '(none)' : a.text), a.proposal ? { bold: true } : {}));
    if (a.holders.length > 0) out.push(run(` ${tag(a.holders)}`));
  });
  out.push(run(']'));
  return out;
}

function styleFor(p: CompilationParagraph): string {
  if (p.depth > 2) return STYLE.subsubparagraph.id;
  if (p.depth === 2) return STYLE.subparagraph.id;
  return p.part === 'preamble'
    ? STYLE.operative.id
    : p.part === 'annex'
      ? STYLE.annexItem.id
      : STYLE.operative.id;
}

/** Room for the longest labels ("OP12 quater") before the text, one step more for each level down. */
function indentFor(p: CompilationParagraph): { left: number; hanging: number } {
  return { left: 1418 + (p.depth - 1) * 567, hanging: 1418 };
}

function paragraphOf(p: CompilationParagraph): Paragraph[] {
  const status = STATUS_TEXT[p.status] ?? '';
  const struck = p.status === 'deleted' || p.whole.some((w) => w.kind === 'delete paragraph');
  const children: TextRun[] = [run(p.label, { bold: true }), new TextRun({ children: [new Tab()] })];
  if (p.proposed) {
    const text = p.segments.map((s) => ('text' in s ? s.text : '')).join('');
    children.push(run(text, p.proposed.accepted ? {} : { bold: true }));
    if (!p.proposed.accepted) children.push(run(` ${tag(p.proposed.delegations)}`));
  } else
    for (const s of p.segments)
      children.push(
        ...(struck && s.kind === 'text'
          ? [run(s.text, { strike: true, ...(s.italic ? { italics: true } : {}) })]
          : segmentRuns(s)),
      );
  for (const w of p.whole)
    children.push(
      run(` [${w.kind === 'move' ? `move after ${w.to ?? ''}` : 'delete'}: ${w.delegations.join('; ')}]`, {
        bold: true,
      }),
    );
  if (status) children.push(run(`  (${status})`, { italics: true, color: '555555' }));
  const out = [new Paragraph({ style: styleFor(p), indent: indentFor(p), children })];
  if (p.note)
    out.push(
      new Paragraph({
        style: styleFor(p),
        children: [
          new TextRun({ children: [new Tab()] }),
          run(`Facilitator’s note: ${p.note}`, { italics: true }),
        ],
      }),
    );
  return out;
}

const RULE = { style: BorderStyle.SINGLE, size: 4, color: '000000', space: 0 } as const;

function cellOf(width: number, text: string, bold = false): TableCell {
  return new TableCell({
    width: { size: width, type: WidthType.DXA },
    borders: { top: RULE, bottom: RULE, left: RULE, right: RULE },
    margins: { left: 60, right: 60, top: 30, bottom: 30 },
    children: [new Paragraph({ children: [run(text, bold ? { bold: true } : {})] })],
  });
}

function proposalLine(p: Proposal): string {
  if (p.kind === 'delete' || p.kind === 'delete paragraph') return `delete “${p.text}”`;
  if (p.kind === 'move') return `move after ${p.to ?? ''}`;
  return p.text;
}

function openTable(doc: ResolutionDocument, n: Negotiation): FileChild[] {
  const open = n.proposals.filter((p) => p.state === 'open');
  if (open.length === 0)
    return [new Paragraph({ children: [run('No proposal is open.', { italics: true })] })];
  const paragraphs = baseParagraphs(doc);
  const widths = [700, 1300, 1900, 1300, TEXT_WIDTH - 700 - 1300 - 1900 - 1300];
  const header = ['No.', 'Paragraph', 'Delegations', 'Proposal', 'Text'];
  const rows = [
    new TableRow({ tableHeader: true, children: header.map((h, k) => cellOf(widths[k] ?? 1000, h, true)) }),
    ...open.map((p, k) => {
      const label = paragraphs.byKey.get(p.key)?.unit.label ?? p.key;
      const where = p.kind === 'new paragraph' ? `after ${label}` : label;
      const who = `${holdersOf(p).join('; ')}${p.opposers.length ? ` (opposed: ${p.opposers.join('; ')})` : ''}`;
      return new TableRow({
        children: [String(k + 1), where, who, p.kind, proposalLine(p)].map((t, j) =>
          cellOf(widths[j] ?? 1000, t),
        ),
      });
    }),
  ];
  return [new Table({ width: { size: TEXT_WIDTH, type: WidthType.DXA }, columnWidths: widths, rows })];
}

function roundName(n: Negotiation): string {
  return n.round === 0 ? 'zero draft' : `Rev.${n.round}`;
}

export function buildCompilationDocx(
  doc: ResolutionDocument,
  n: Negotiation,
  options: CompilationDocxOptions = {},
): Document {
  const date = options.date ?? new Date().toISOString().slice(0, 10);
  const paragraphs = compilation(doc, n);
  const heading = (text: string): Paragraph =>
    new Paragraph({ style: STYLE.title.id, children: [run(text)] });
  const children: FileChild[] = [
    new Paragraph({
      style: STYLE.heading.id,
      children: [run(`Compilation text — on the ${roundName(n)}, ${date}`)],
    }),
    heading(doc.title || 'Untitled draft'),
    new Paragraph({
      children: [
        run('Proposed additions are in bold', { italics: true }),
        run(', followed by the delegations proposing them in brackets; ', { italics: true }),
        run('deletions are struck through', { italics: true, strike: true }),
        run(
          '; disputed words are in square brackets with their alternatives. New paragraphs are numbered “bis”, “ter” after the paragraph they follow.',
          {
            italics: true,
          },
        ),
      ],
    }),
    new Paragraph({ style: STYLE.formula.id, children: [run(doc.formula)] }),
    ...paragraphs.flatMap(paragraphOf),
    heading('Open proposals'),
    ...openTable(doc, n),
  ];
  return new Document({
    title: `${doc.title} — compilation text`,
    creator: n.facilitator,
    styles: unStyles(),
    sections: [
      {
        properties: { page: { size: { width: PAGE.width, height: PAGE.height }, margin: MARGIN } },
        footers: {
          default: new Footer({
            children: [
              new Paragraph({
                style: STYLE.footer.id,
                alignment: AlignmentType.CENTER,
                children: [new TextRun({ children: [PageNumber.CURRENT] })],
              }),
            ],
          }),
        },
        children,
      },
    ],
  });
}

/** The compilation text's .docx bytes. */
export async function exportCompilationDocx(
  doc: ResolutionDocument,
  n: Negotiation,
  options: CompilationDocxOptions = {},
): Promise<Uint8Array> {
  return Packer.pack(buildCompilationDocx(doc, n, options), 'uint8array');
}
