/** Resolutions of the General Assembly shipped in corpus/ga, read as the app reads printed text (Node only). */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { ResolutionDocument } from '../../src/core/model/types.ts';
import { readPrintedText } from '../../src/core/parse/printed.ts';

/** The pdftotext output of a resolution, e.g. `gaText('A_RES_78_247')`. */
export function gaText(name: string): string {
  return readFileSync(fileURLToPath(new URL(`../../corpus/ga/${name}.txt`, import.meta.url)), 'utf8');
}

const cache = new Map<string, ResolutionDocument>();

/** The one document of a resolution's text, read by the printed-text reader. */
export function gaDocument(name: string): ResolutionDocument {
  let doc = cache.get(name);
  if (doc === undefined) {
    const [first] = readPrintedText(gaText(name)).documents;
    if (first === undefined) throw new Error(`no document in ${name}`);
    doc = first;
    cache.set(name, doc);
  }
  return doc;
}
