/**
 * The PDF reader's lines (src/core/import/pdf.ts, pdf-lines.ts) on the four General Assembly
 * resolutions of the dev set (corpus/real), against the hand counts of expected.json: what a PDF
 * knows beyond its copied text — italics, raised markers, position on the page — is in the lines.
 */
import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { importPdf, readPdfLines } from '../../../src/core/import/pdf.ts';
import type { SourceLine } from '../../../src/core/import/source-lines.ts';
import { countedResolutions, type CountedResolution } from '../../helpers/counted.ts';
import { pdfjs } from '../../helpers/pdf-writer.ts';

type Expected = CountedResolution;

const REAL = new URL('../../../corpus/real/', import.meta.url);
const expected = countedResolutions();

/** "ga-79-188.txt" → the bytes of A_RES_79_188.pdf. */
function pdfOf(e: Expected): Uint8Array {
  return new Uint8Array(readFileSync(new URL(`${e.symbol.replaceAll('/', '_')}.pdf`, REAL)));
}

const RULE = /^_{5,}$/;
const BODY_SIZE = 9.96;

/** Running heads and the job number, page number and barcode: above and below the text block. */
const isFurniture = (l: SourceLine): boolean =>
  l.top! < l.pageHeight! * 0.08 || l.top! > l.pageHeight! * 0.935;

/**
 * Lines of the body: after the formula, before the meeting and date at the end (set far right), not
 * the furniture, not the footnotes (after a page's rule).
 */
function bodyLines(lines: readonly SourceLine[]): SourceLine[] {
  const formula = lines.findIndex((l) => l.text === 'The General Assembly,');
  const out: SourceLine[] = [];
  let page = 0;
  let inNotes = false;
  let ended = false;
  lines.forEach((l, k) => {
    if (l.page !== page) {
      page = l.page;
      inNotes = false;
    }
    if (RULE.test(l.text)) inNotes = true;
    if (k <= formula || inNotes || isFurniture(l) || l.fontSize !== BODY_SIZE) return;
    if ((l.indent ?? 0) > 100) ended = true;
    if (!ended) out.push(l);
  });
  return out;
}

/** A paragraph starts with the first-line indent (about 24 pt) after space; the signature lines are further right. */
const startsParagraph = (l: SourceLine): boolean =>
  l.gapBefore >= 1 && (l.indent ?? 0) > 15 && (l.indent ?? 0) < 40;

/** The paragraphs of the body, each its lines. */
function paragraphs(lines: readonly SourceLine[]): SourceLine[][] {
  const out: SourceLine[][] = [];
  for (const l of bodyLines(lines)) {
    if (startsParagraph(l)) out.push([l]);
    else out[out.length - 1]?.push(l);
  }
  return out;
}

/** The italic phrase a paragraph opens with, after its number ("1. "); '' when it opens upright. */
function opener(paragraph: readonly SourceLine[]): string {
  const spans = [...(paragraph[0]?.spans ?? [])];
  if (spans[0] && !spans[0].italic && /^\d+\.\s*$/.test(spans[0].text)) spans.shift();
  return spans[0]?.italic ? spans[0].text.trim() : '';
}

const label = (e: Expected, k: number): string => (k < e.preamble ? `PP${k + 1}` : `OP${k - e.preamble + 1}`);

describe.each(expected.map((e) => [e.symbol, e] as const))('readPdfLines on %s', (_symbol, e) => {
  let lines: SourceLine[] = [];
  beforeAll(async () => {
    const read = await readPdfLines(pdfOf(e), pdfjs);
    if (!read.ok) throw new Error(read.error);
    lines = read.lines;
  });

  it('starts each paragraph with its first-line indent after space, as many as the hand count', () => {
    expect(paragraphs(lines)).toHaveLength(e.preamble + e.operative);
  });

  it('gives the italic phrase at the start of each paragraph: the openers counted by hand', () => {
    const openers = paragraphs(lines).map(opener);
    const wanted = [...e.preambleOpeners, ...e.operativeOpeners];
    // expected.json notes where the print does not italicize an opener: there the phrase is upright.
    const upright = e.notes.flatMap((n) => /^(\w+) verb "[^"]+" is not italicized/.exec(n)?.[1] ?? []);
    wanted.forEach((w, k) => {
      if (upright.includes(label(e, k))) expect(openers[k], label(e, k)).toBe('');
      else expect(openers[k], label(e, k)).toBe(w);
    });
  });

  it('reads the raised small digits as the footnote markers, each in the paragraph counted by hand', () => {
    const found: Record<string, string> = {};
    paragraphs(lines).forEach((paragraph, k) => {
      for (const line of paragraph)
        for (const span of line.spans ?? []) if (span.superscript) found[span.text.trim()] = label(e, k);
    });
    expect(found).toEqual(e.footnoteMarkers);
  });

  it('puts the footnotes at the foot of their pages, after the rule, smaller, each opening with its raised number', () => {
    const numbers: string[] = [];
    for (const rule of lines.filter((l) => RULE.test(l.text))) {
      expect(rule.top!).toBeGreaterThan(rule.pageHeight! / 2);
      const notes = lines.filter(
        (l) => l.page === rule.page && l.top! > rule.top! && l.top! < rule.pageHeight! * 0.93,
      );
      expect(notes.length).toBeGreaterThan(0);
      for (const note of notes) {
        expect(note.fontSize!).toBeLessThan(BODY_SIZE);
        const first = note.spans?.[0];
        if (first?.superscript) numbers.push(first.text.trim());
      }
      expect(notes[0]?.spans?.[0]?.superscript).toBe(true);
    }
    expect(numbers).toEqual(Array.from({ length: e.footnotes }, (_, k) => String(k + 1)));
  });

  it('finds the running heads at the top of the pages and the job number, page numbers and barcode at the foot', () => {
    const pages = Math.max(...lines.map((l) => l.page));
    const atTop = (l: SourceLine) => l.top! < l.pageHeight! * 0.1;
    const atFoot = (l: SourceLine) => l.top! > l.pageHeight! * 0.9;
    for (let page = 2; page <= pages; page += 1) {
      const on = lines.filter((l) => l.page === page);
      expect(on.filter((l) => l.text === e.symbol).every(atTop), `page ${page} symbol`).toBe(true);
      expect(on.some((l) => l.text === e.symbol)).toBe(true);
      const number = on.find((l) => l.text === `${page}/${pages}`);
      expect(number && atFoot(number), `page ${page} number`).toBe(true);
      const job = on.find((l) => /^\d{2}-\d{5}$/.test(l.text));
      expect(job && atFoot(job), `page ${page} job number`).toBe(true);
    }
    const first = lines.filter((l) => l.page === 1);
    expect(first.find((l) => l.text === e.symbol)?.top).toBeLessThan(first[0]!.pageHeight! * 0.1);
    const barcode = first.find((l) => /^\*\d{7}\*$/.test(l.text));
    const job = first.find((l) => /^\d{2}-\d{5} \(E\)/.test(l.text));
    expect(barcode && atFoot(barcode)).toBe(true);
    expect(job && atFoot(job)).toBe(true);
  });

  it('keeps the two columns of the masthead apart and reads the title in bold', () => {
    const first = lines.filter((l) => l.page === 1);
    expect(first.map((l) => l.text)).toEqual(
      expect.arrayContaining(['United Nations', 'General Assembly', 'Distr.: General']),
    );
    const [number, ...words] = e.title.split(' ');
    const title = first.find((l) => l.text.startsWith(`${number} ${words[0]}`));
    expect(title?.bold).toBe(true);
    expect(title?.indent).toBeLessThan(0); // the number hangs left of the text
  });

  it('joins the lines of each paragraph into the text of the cleaned file', () => {
    const cleaned = readFileSync(new URL(e.file, REAL), 'utf8')
      .split('\n')
      .filter((l) => l.trim() !== '');
    // Markers glued as the cleaned text prints them; the cleaned text mends a few broken words.
    const text = (paragraph: readonly SourceLine[]) =>
      paragraph
        .map((l) => l.spans!.map((s) => (s.superscript ? `\u2063${s.text.trim()}` : s.text)).join(''))
        .join(' ')
        .replace(/\s*\u2063/g, '')
        .replace(/\s+/g, ' ');
    const found = paragraphs(lines).map(text);
    // pdf.js, like pdftotext, sees a space in a few words whose letters the PDF draws apart to
    // justify the line ("justifiab le", "Secretary -General", "2024 –2028", "Institute ."): the
    // cleaned text has them mended. Such a paragraph differs from the cleaned one by spaces alone;
    // every other is exactly the cleaned one.
    const broken = found.filter((p) => !cleaned.includes(p));
    const unspaced = new Set(cleaned.map((c) => c.replace(/ /g, '')));
    for (const p of broken) expect(unspaced.has(p.replace(/ /g, '')), p).toBe(true);
    expect(broken.length).toBeLessThanOrEqual(6);
  });
});

describe('importPdf', () => {
  it('reads resolution 79/188 from its PDF into its formula, paragraphs and footnotes', async () => {
    const e = expected.find((d) => d.symbol === 'A/RES/79/188')!;
    const result = await importPdf(pdfOf(e), pdfjs);
    if (!result.ok) throw new Error(result.error);
    const [doc] = result.documents;
    expect(doc?.formula).toBe('The General Assembly,');
    expect(doc?.preamble.map((p) => p.opener)).toEqual(e.preambleOpeners);
    expect(doc?.operative.map((p) => p.opener)).toEqual(e.operativeOpeners);
    expect(doc?.footnotes).toHaveLength(e.footnotes);
  });

  it('says as each page is read, for a watchdog that gives up on a page that hangs', async () => {
    const seen: [number, number][] = [];
    const e = expected.find((d) => d.symbol === 'A/RES/78/267')!;
    await importPdf(pdfOf(e), pdfjs, { onPage: (page, pages) => seen.push([page, pages]) });
    expect(seen).toEqual([
      [1, 3],
      [2, 3],
      [3, 3],
    ]);
  });
});
