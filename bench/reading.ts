/**
 * Benchmark figures of issue 12 (reading real documents):
 * - reading a 150-paragraph Assembly resolution from text copied from its PDF takes at most 20 ms
 *   (the resolution of corpus/ga whose reading has the number of paragraphs nearest 150);
 * - of the 891 resolutions of corpus/ga, at most 2 % are read inconsistently by the checks of
 *   src/core/parse/consistency.ts (formula, numbering, openers, furniture, footnotes): at least 98 %
 *   consistent.
 */
import { readdirSync, readFileSync } from 'node:fs';
import type { ResolutionDocument } from '../src/core/model/types.ts';
import { consistencyFailures, printedFootnoteNumbers } from '../src/core/parse/consistency.ts';
import { readPrintedText } from '../src/core/parse/printed.ts';
import { median, round, sample, type Figure } from './measure.ts';

const DIR = 'corpus/ga';

function paragraphs(doc: ResolutionDocument): number {
  const subs = (n: number, list: readonly { subparagraphs?: readonly unknown[] }[]): number =>
    list.reduce((k, p) => k + 1 + (p.subparagraphs?.length ?? 0), n);
  let n = subs(0, doc.preamble);
  n = subs(n, doc.operative);
  for (const s of doc.sections ?? []) n = subs(subs(n, s.preamble), s.operative);
  return n + (doc.annex?.items.length ?? 0);
}

export function measureReading(): Figure[] {
  const files = readdirSync(DIR)
    .filter((f) => f.endsWith('.txt'))
    .sort();
  let consistent = 0;
  let nearest: { text: string; file: string; count: number } | undefined;
  for (const file of files) {
    const text = readFileSync(`${DIR}/${file}`, 'utf8');
    const docs = readPrintedText(text).documents;
    const printed = printedFootnoteNumbers(text);
    if (docs.length > 0 && docs.every((d) => consistencyFailures(d, printed).length === 0)) consistent++;
    const count = docs.reduce((n, d) => n + paragraphs(d), 0);
    if (!nearest || Math.abs(count - 150) < Math.abs(nearest.count - 150)) nearest = { text, file, count };
  }
  const figures: Figure[] = [
    {
      key: 'gaInconsistentPct',
      value: round((100 * (files.length - consistent)) / files.length, 1),
      unit: '%',
      budget: 2,
      what: `of the ${files.length} Assembly resolutions, read inconsistently (formula, numbering, openers, furniture, footnotes)`,
    },
  ];
  if (nearest) {
    const { text } = nearest;
    const times = sample(() => readPrintedText(text), 60, 15);
    figures.push({
      key: 'readPrintedTextMs',
      value: round(median(times)),
      unit: 'ms',
      budget: 20,
      what: `read a ${nearest.count}-paragraph resolution (${nearest.file}) from text copied from its PDF (median)`,
      spread: [round(times[0] ?? 0), round(times[times.length - 1] ?? 0)],
    });
  }
  return figures;
}
