/**
 * The geometry of the PDF reader (src/core/import/pdf-lines.ts) on runs placed by hand: what makes a
 * line, a superscript, a space, a paragraph's space, an indent, a centred heading.
 */
import { describe, expect, it } from 'vitest';
import { linesOfPages, type PdfRun } from '../../../src/core/import/pdf-lines.ts';
import type { SourceLine } from '../../../src/core/import/source-lines.ts';

/** A run of 10-point Times: 5 pt a character, enough for geometry. */
function run(text: string, x: number, top: number, extra: Partial<PdfRun> = {}): PdfRun {
  const size = extra.size ?? 10;
  return { text, x, top, width: text.length * size * 0.5, size, italic: false, bold: false, ...extra };
}

/** Body lines at the margin (x = 100), 12 pt apart, so the page has a margin and a line height. */
function body(from: number, count: number, start = 100): PdfRun[] {
  return Array.from({ length: count }, (_, k) => run('continued text of a paragraph', start, from + 12 * k));
}

function lines(runs: readonly PdfRun[]): SourceLine[] {
  return linesOfPages([{ number: 1, width: 612, height: 792, runs }]);
}

const marked = (l: SourceLine | undefined): string =>
  (l?.spans ?? []).map((s) => (s.italic ? `*${s.text}*` : s.superscript ? `^${s.text}^` : s.text)).join('');

describe('linesOfPages', () => {
  it('puts a small raised run into the line below it as a superscript, not a line of its own', () => {
    const read = lines([
      ...body(100, 4),
      run('the Convention', 100, 160),
      run('1', 170, 156.5, { size: 6.5, width: 3.2 }),
      run(' and', 173.2, 160),
    ]);
    expect(read.map((l) => l.text)).toHaveLength(5);
    expect(marked(read[4])).toBe('the Convention^1^ and');
    expect(read[4]?.top).toBe(160);
  });

  it('splits one baseline at a wide gap into two lines (the two columns of a masthead)', () => {
    const read = lines([
      ...body(100, 4),
      run('General Assembly', 100, 200, { size: 20, bold: true }),
      run(' ', 260, 200, { size: 20, width: 130 }),
      run('Distr.: General', 400, 200.2),
    ]);
    expect(read.slice(4).map((l) => [l.text, l.bold ?? false])).toEqual([
      ['General Assembly', true],
      ['Distr.: General', false],
    ]);
  });

  it('keeps a paragraph number and its text, a tab apart, on one line', () => {
    const read = lines([...body(100, 4), run('1.', 124, 200), run('Decides', 145, 200, { italic: true })]);
    expect(marked(read[4])).toBe('1. *Decides*');
  });

  it('adds a space where runs are drawn a space apart, and none across kerning', () => {
    const read = lines([
      ...body(100, 4),
      run('Recalling', 124, 200, { italic: true }),
      run('its', 171, 200),
      run('resolution', 188, 200),
      run(',', 238.5, 200),
    ]);
    expect(marked(read[4])).toBe('*Recalling* its resolution,');
  });

  it('gives a space between italic and upright text to the upright run', () => {
    const read = lines([
      ...body(100, 4),
      run('Noting with concern ', 124, 200, { italic: true }),
      run('that', 226, 200),
    ]);
    expect(read[4]?.spans).toEqual([{ text: 'Noting with concern', italic: true }, { text: ' that' }]);
  });

  it('counts a paragraph’s space (half a line) as one blank line, and none between the lines of a paragraph', () => {
    const read = lines([...body(100, 3), run('Recalling also', 124, 142), ...body(154, 2)]);
    expect(read.map((l) => l.gapBefore)).toEqual([0, 0, 0, 1, 0, 0]);
  });

  it('measures indents from the page’s body margin: first-line indents right, hanging numbers left', () => {
    const read = lines([
      ...body(100, 4),
      run('Recalling', 124, 154),
      run('79/188.', 70, 170, { bold: true }),
    ]);
    expect(read.map((l) => l.indent)).toEqual([0, 0, 0, 0, 24, -30]);
  });

  it('marks a line centred on the text block, and not a line at the margin or set right', () => {
    // Text block 100-245 (the body lines end at 245), centre 172.5.
    const read = lines([
      ...body(100, 4),
      run('I', 170, 170, { bold: true, width: 5 }),
      run('53rd plenary meeting', 145, 190, { italic: true }),
      run('short line', 100, 210),
    ]);
    expect(read.slice(4).map((l) => [l.text, l.centred ?? false])).toEqual([
      ['I', true],
      ['53rd plenary meeting', false],
      ['short line', false],
    ]);
  });

  it('reads text drawn twice a hair apart (a fake bold) once', () => {
    const read = lines([...body(100, 4), run('Annex', 150, 200), run('Annex', 150.3, 200)]);
    expect(read[4]?.text).toBe('Annex');
  });

  it('orders lines top to bottom whatever order the page draws them in', () => {
    const read = lines([run('foot', 100, 750), ...body(100, 4), run('head', 100, 40)]);
    expect(read.map((l) => l.text)[0]).toBe('head');
    expect(read.map((l) => l.text).at(-1)).toBe('foot');
  });

  it('gives each line its page, font size and the page height', () => {
    const read = linesOfPages([
      { number: 1, width: 612, height: 792, runs: body(100, 4) },
      { number: 2, width: 595, height: 842, runs: [run('note', 100, 700, { size: 8 })] },
    ]);
    expect(read.at(-1)).toMatchObject({ page: 2, pageHeight: 842, fontSize: 8, gapBefore: 0 });
  });
});
