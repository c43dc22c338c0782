/**
 * Reads a printed UN document — a PDF's lines, or text copied from one — into resolutions and
 * decisions. (Work in progress: for now the lines are handed to the text recognizer as they are.)
 */
import type { SourceLine } from '../import/source-lines.ts';
import { linesFromText } from '../import/source-lines.ts';
import { recognize, type RecognizeResult } from './recognize.ts';

export function readPrinted(lines: readonly SourceLine[]): RecognizeResult {
  return recognize(lines.map((l) => l.text).join('\n'));
}

export function readPrintedText(text: string): RecognizeResult {
  return readPrinted(linesFromText(text));
}
