/**
 * `npm run bench` — one honest measurement for every figure the issues name. A table for people;
 * with --json one JSON object for machines. Not part of `npm test`: no timed tests.
 *
 * Core figures are measured in Node (the same TypeScript the browser runs); browser figures join as
 * the editor lands.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { readReport } from '../src/core/corpus/report.ts';
import { buildLexicon } from '../src/core/lexicon/lexicon.ts';
import { suggestOpeners } from '../src/core/lexicon/query.ts';
import { median, percentile, sample } from './measure.ts';
import { measureCompare } from './compare.ts';
import { measureLint } from './lint.ts';
import { measureDocx } from './docx.ts';

const REPORT = readFileSync(
  fileURLToPath(new URL('../corpus/CTOC-COP-2012-15.txt', import.meta.url)),
  'utf8',
);

interface Figure {
  readonly key: string;
  readonly value: number;
  readonly unit: 'ms' | 'µs' | 'KB';
  readonly budget: number;
  readonly what: string;
}

function round(n: number, digits = 3): number {
  return Number(n.toFixed(digits));
}

export function measureCore(): Figure[] {
  const figures: Figure[] = [];
  const parse = sample(() => readReport(REPORT), 60, 15);
  figures.push({
    key: 'corpusParseMs',
    value: round(median(parse)),
    unit: 'ms',
    budget: 30,
    what: 'read the whole report into documents (median)',
  });

  const corpus = readReport(REPORT);
  const lexicon = buildLexicon(corpus.documents);
  const queries = ['Req', 'Ur', 'Recog', 'Not', 'Also', 'Inv', 'Welc', 'Dec', 'Takin', 'E'];
  const previous = corpus.documents[0]?.operative.slice(0, 6).map((p) => p.opener) ?? [];
  // One lookup at a time, so the 99th percentile says what a keystroke waits for.
  const lookups: number[] = [];
  for (let round_ = 0; round_ < 400; round_++) {
    for (const typed of queries) {
      const t = sample(
        () => suggestOpeners(lexicon, { part: 'operative', typed, previousOpeners: previous }),
        1,
        0,
      );
      if (round_ >= 50) lookups.push((t[0] ?? 0) * 1000);
    }
  }
  lookups.sort((a, b) => a - b);
  figures.push({
    key: 'lexiconQueryP99Us',
    value: round(percentile(lookups, 99), 1),
    unit: 'µs',
    budget: 200,
    what: 'one opener completion lookup (99th percentile)',
  });
  return figures;
}

async function main(): Promise<void> {
  const json = process.argv.includes('--json');
  const figures = [...measureCore(), ...measureCompare(), ...measureLint(), ...(await measureDocx())];
  if (json) {
    const out: Record<string, number> = {};
    for (const f of figures) out[f.key] = f.value;
    process.stdout.write(`${JSON.stringify(out, null, 2)}\n`);
    return;
  }
  const rows = figures.map(
    (f) =>
      `${f.key.padEnd(22)} ${String(f.value).padStart(9)} ${f.unit.padEnd(3)} budget ${String(f.budget).padStart(5)} ${f.unit.padEnd(3)} ${f.value <= f.budget ? 'ok  ' : 'OVER'}  ${f.what}`,
  );
  process.stdout.write(
    `Resolution Drafter benchmark (${process.version}, ${new Date().toISOString().slice(0, 10)})\n\n${rows.join('\n')}\n`,
  );
}

void main();
