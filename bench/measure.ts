/**
 * Timing helpers for the benchmark: medians and percentiles of repeated runs after a warm-up; and the
 * shipped report, which every part of the benchmark measures on.
 */
import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { readReport } from '../src/core/corpus/report.ts';
import type { Corpus } from '../src/core/corpus/types.ts';
import type { ResolutionDocument } from '../src/core/model/types.ts';

/** The shipped report, as text. */
export const REPORT_TEXT = readFileSync(
  fileURLToPath(new URL('../corpus/CTOC-COP-2012-15.txt', import.meta.url)),
  'utf8',
);

let corpus: Corpus | undefined;
/** The report read into documents, once. */
export function benchCorpus(): Corpus {
  corpus ??= readReport(REPORT_TEXT);
  return corpus;
}

/** A resolution of the corpus, by number ("6/1"). */
export function corpusResolution(number: string): ResolutionDocument {
  const doc = benchCorpus().documents.find((d) => d.kind === 'resolution' && d.number === number);
  if (!doc) throw new Error(`no resolution ${number} in the corpus`);
  return doc;
}

/**
 * One figure of the benchmark. `key` is what people read in the table ("browser.coldLoadMs");
 * `path` is where it goes in the JSON object (["browser", "coldLoadMs"]), by default the key split
 * at its dots. `value` is null when the figure could not be measured on this run (the table says
 * "n/a" and why, on stderr). `budget` is null for figures without one.
 */
export interface Figure {
  readonly key: string;
  readonly path?: readonly string[];
  readonly value: number | null;
  readonly unit: 'ms' | 'µs' | 'KB' | 'MB' | '×' | '%';
  readonly budget: number | null;
  readonly what: string;
  /** The fastest and slowest of the repeated runs the value summarizes, for the table. */
  readonly spread?: readonly [number, number];
}

export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return NaN;
  const idx = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[idx] ?? NaN;
}

/** Runs `fn` `warmup` times, then `runs` times; returns the sorted durations in milliseconds. */
export function sample(fn: () => unknown, runs: number, warmup = Math.ceil(runs / 5)): number[] {
  for (let i = 0; i < warmup; i++) fn();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    fn();
    times.push(performance.now() - t0);
  }
  return times.sort((a, b) => a - b);
}

export function median(sorted: readonly number[]): number {
  return percentile(sorted, 50);
}

/** Ascending copy: the helpers above expect sorted samples. */
export function sorted(values: readonly number[]): number[] {
  return [...values].sort((a, b) => a - b);
}

export function round(n: number, digits = 3): number {
  return Number(n.toFixed(digits));
}
