/** The shipped report, read once per test file (Node only: tests and the command line read files). */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { readReport } from '../../src/core/corpus/report.ts';
import type { Corpus } from '../../src/core/corpus/types.ts';
import type { ResolutionDocument } from '../../src/core/model/types.ts';

export const REPORT_PATH = fileURLToPath(new URL('../../corpus/CTOC-COP-2012-15.txt', import.meta.url));
export const REPORT_TEXT = readFileSync(REPORT_PATH, 'utf8');

let cached: Corpus | undefined;
export function corpus(): Corpus {
  cached ??= readReport(REPORT_TEXT);
  return cached;
}

export function corpusDocument(kind: ResolutionDocument['kind'], number: string): ResolutionDocument {
  const doc = corpus().documents.find((d) => d.kind === kind && d.number === number);
  if (!doc) throw new Error(`no ${kind} ${number} in the corpus`);
  return doc;
}
