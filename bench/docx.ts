/**
 * Benchmark figure of issue 5: exporting resolution 6/1 as a .docx (UN layout, 8 footnotes, masthead-free
 * adopted text, packed to bytes) takes at most 300 ms. Measured in Node on the same TypeScript the browser
 * runs; the export is async (docx packs with a promise), so each run is awaited before the next starts.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { performance } from 'node:perf_hooks';
import { readReport } from '../src/core/corpus/report.ts';
import { exportDocx } from '../src/core/export/docx/docx.ts';
import { median } from './measure.ts';

export interface DocxFigure {
  readonly key: string;
  readonly value: number;
  readonly unit: 'ms' | 'µs' | 'KB';
  readonly budget: number;
  readonly what: string;
}

export async function measureDocx(runs = 30, warmup = 5): Promise<DocxFigure[]> {
  const report = readFileSync(
    fileURLToPath(new URL('../corpus/CTOC-COP-2012-15.txt', import.meta.url)),
    'utf8',
  );
  const doc = readReport(report).documents.find((d) => d.kind === 'resolution' && d.number === '6/1');
  if (!doc) throw new Error('no resolution 6/1 in the corpus');
  for (let i = 0; i < warmup; i++) await exportDocx(doc);
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    await exportDocx(doc);
    times.push(performance.now() - t0);
  }
  times.sort((a, b) => a - b);
  return [
    {
      key: 'docxExportMs',
      value: Number(median(times).toFixed(1)),
      unit: 'ms',
      budget: 300,
      what: 'export resolution 6/1 as a .docx, packed to bytes (median)',
    },
  ];
}
