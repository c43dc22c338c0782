/**
 * The four Assembly resolutions of corpus/real whose structure was counted by hand (expected.json),
 * with their PDFs and pdftotext output beside them. Node only; no test runner imported, so the
 * end-to-end journeys use it too.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export interface CountedResolution {
  /** The cleaned text's file name, e.g. "ga-79-188.txt". */
  readonly file: string;
  readonly symbol: string;
  /** As printed, with its number: "79/188. Preventing and countering …". */
  readonly title: string;
  readonly formula: string;
  readonly preamble: number;
  readonly operative: number;
  readonly footnotes: number;
  /** Footnote number → the paragraph its marker is in ("PP2", "OP5"). */
  readonly footnoteMarkers: Readonly<Record<string, string>>;
  /** The italic phrase each paragraph opens with ("" where the print has none). */
  readonly preambleOpeners: readonly string[];
  readonly operativeOpeners: readonly string[];
  readonly header: {
    readonly agenda: string;
    readonly adopted: string;
    readonly reference: string;
    readonly meeting: string;
  };
  readonly notes: readonly string[];
}

/** A file of corpus/real by name. */
export function realPath(name: string): string {
  return fileURLToPath(new URL(`../../corpus/real/${name}`, import.meta.url));
}

/** The hand counts of the four resolutions. */
export function countedResolutions(): readonly CountedResolution[] {
  return (JSON.parse(readFileSync(realPath('expected.json'), 'utf8')) as { documents: CountedResolution[] })
    .documents;
}

/** The hand count of one, by symbol ("A/RES/79/188"). */
export function counted(symbol: string): CountedResolution {
  const found = countedResolutions().find((d) => d.symbol === symbol);
  if (found === undefined) throw new Error(`no hand count for ${symbol}`);
  return found;
}

/** "A/RES/79/188" → "A_RES_79_188", the name of its PDF and pdftotext files. */
export function fileStem(symbol: string): string {
  return symbol.replace(/\//g, '_');
}

/** A resolution's text as pdftotext gives it. */
export function pdftotextOf(symbol: string): string {
  return readFileSync(realPath(`${fileStem(symbol)}.pdftotext.txt`), 'utf8');
}
