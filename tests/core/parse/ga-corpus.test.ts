/**
 * The 891 resolutions of the General Assembly's sessions 78-80, as `pdftotext` prints them, read
 * with no hand count: the statistics of what holds together, against thresholds.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  CONSISTENCY_CHECKS,
  consistencyFailures,
  printedFootnoteNumbers,
  type ConsistencyCheck,
} from '../../../src/core/parse/consistency.ts';
import { readPrintedText } from '../../../src/core/parse/printed.ts';
import { inlineText } from '../../../src/core/model/inline.ts';
import type { ResolutionDocument } from '../../../src/core/model/types.ts';
import { validateDocument } from '../../../src/core/model/validate.ts';

const DIR = 'corpus/ga';
const files = readdirSync(DIR)
  .filter((f) => f.endsWith('.txt'))
  .sort();

interface Reading {
  readonly file: string;
  readonly failed: ReadonlySet<ConsistencyCheck>;
  readonly documents: number;
  readonly footnotesPrinted: number;
  readonly footnotesRead: number;
  /** Footnotes whose marker was not found in the text, attached at a paragraph's end instead. */
  readonly markersMissing: number;
  /** Whether every document read is one the store takes. */
  readonly storable: boolean;
  /** The first words after each "Annex" line of the file that are nowhere in what was read. */
  readonly annexesLost: readonly string[];
}

const spaced = (text: string): string => text.replace(/\s+/g, ' ').trim();

/** Everything a document says, as one string: title, paragraphs, annex, footnotes. */
function allText(d: ResolutionDocument): string {
  const annex = d.annex;
  const subs = (list: ResolutionDocument['operative'][number]['subparagraphs']): string[] =>
    list.flatMap((s) => [inlineText(s.content), ...subs(s.subparagraphs)]);
  const parts = [
    d.title,
    ...[d, ...(d.sections ?? [])].flatMap((part) => [
      ...part.preamble.map((p) => `${p.opener} ${inlineText(p.content)}`),
      ...part.operative.flatMap((p) => [`${p.opener} ${inlineText(p.content)}`, ...subs(p.subparagraphs)]),
    ]),
    ...(annex === null
      ? []
      : [
          annex.title,
          inlineText(annex.intro),
          ...(annex.headings ?? []).map((h) => h.heading),
          ...subs(annex.items),
        ]),
  ];
  return spaced(parts.join(' '));
}

/** The words that open each annex the file prints ("Annex", "Annex II" alone on a line). */
function annexOpenings(text: string): string[] {
  const lines = text.split('\n');
  return lines.flatMap((line, i) =>
    /^Annex(?:\s+[IVX]+)?$/.test(line.trim())
      ? [spaced(lines.slice(i + 1).find((next) => next.trim() !== '') ?? '').slice(0, 25)]
      : [],
  );
}

const readings: Reading[] = files.map((file) => {
  const text = readFileSync(`${DIR}/${file}`, 'utf8');
  const { documents, diagnostics } = readPrintedText(text);
  const printed = printedFootnoteNumbers(text);
  const failures = documents.flatMap((d) => consistencyFailures(d, printed));
  return {
    file,
    failed: new Set(failures.map((f) => f.check)),
    documents: documents.length,
    footnotesPrinted: printed.length,
    footnotesRead: documents.reduce((n, d) => n + d.footnotes.length, 0),
    markersMissing: diagnostics.filter((d) => d.code === 'footnote-marker-missing').length,
    storable: documents.every((d) => validateDocument(d).ok),
    annexesLost: annexOpenings(text).filter((words) => !documents.some((d) => allText(d).includes(words))),
  };
});

const share = (pass: (r: Reading) => boolean): number => readings.filter(pass).length / readings.length;

describe('reading the 891 Assembly resolutions of 2023-2025', () => {
  it('has all 891 files to read', () => {
    expect(files).toHaveLength(891);
  });

  it('reads a document out of every file', () => {
    expect(readings.filter((r) => r.documents === 0).map((r) => r.file)).toEqual([]);
  });

  it('reads from every file only documents the store takes (none over a limit)', () => {
    expect(readings.filter((r) => !r.storable).map((r) => r.file)).toEqual([]);
  });

  it('keeps every annex a file prints, a second one (Annex II) included', () => {
    const annexes = files.reduce((n, f) => n + annexOpenings(readFileSync(`${DIR}/${f}`, 'utf8')).length, 0);
    expect(annexes).toBeGreaterThan(30);
    expect(readings.flatMap((r) => r.annexesLost.map((words) => `${r.file}: ${words}`))).toEqual([]);
  });

  it('reads at least 98 % of them consistently by every check at once', () => {
    const whole = share((r) => r.failed.size === 0);
    expect(whole, `consistent: ${(whole * 100).toFixed(1)} %`).toBeGreaterThanOrEqual(0.98);
  });

  const thresholds: Record<ConsistencyCheck, number> = {
    formula: 1, // every file has its formula (or, for a decision, its sentence)
    numbering: 0.985, // omnibus budget texts with tables and nested numbered lists fall short
    openers: 0.998,
    furniture: 1, // no job number, barcode, running head, rule or page number left in any paragraph
    footnotes: 0.99, // printed footnotes read, each attached to a marker
  };
  for (const check of CONSISTENCY_CHECKS)
    it(`passes the ${check} check on at least ${thresholds[check] * 100} % of them`, () => {
      const passing = share((r) => !r.failed.has(check));
      const failing = readings.filter((r) => r.failed.has(check)).map((r) => r.file);
      expect(passing, `failing: ${failing.join(', ')}`).toBeGreaterThanOrEqual(thresholds[check]);
    });

  it('reads at least 99.5 % of the footnotes printed at the pages’ feet', () => {
    const printed = readings.reduce((n, r) => n + r.footnotesPrinted, 0);
    const read = readings.reduce((n, r) => n + Math.min(r.footnotesRead, r.footnotesPrinted), 0);
    expect(printed).toBeGreaterThan(5000);
    expect(read / printed).toBeGreaterThanOrEqual(0.995);
  });

  it('finds the marker in the text of at least 98 % of the footnotes read', () => {
    const read = readings.reduce((n, r) => n + r.footnotesRead, 0);
    const missing = readings.reduce((n, r) => n + r.markersMissing, 0);
    expect(read).toBeGreaterThan(9000);
    expect(1 - missing / read, `${missing} of ${read} attached without a marker`).toBeGreaterThanOrEqual(
      0.98,
    );
  });
});
