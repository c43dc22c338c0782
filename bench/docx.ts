/**
 * Benchmark figure of issue 5: exporting resolution 6/1 as a .docx (UN layout, 8 footnotes, masthead-free
 * adopted text, packed to bytes) takes at most 300 ms. Measured in Node on the same TypeScript the browser
 * runs; the export is async (docx packs with a promise), so each run is awaited before the next starts.
 */
import { performance } from 'node:perf_hooks';
import { exportDocx } from '../src/core/export/docx/docx.ts';
import { corpusResolution, median, type Figure } from './measure.ts';

export async function measureDocx(runs = 30, warmup = 5): Promise<Figure[]> {
  const doc = corpusResolution('6/1');
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
