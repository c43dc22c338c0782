/**
 * Hand-made edits of corpus resolutions for the compare specifications: each returns a new document,
 * the way a delegation edits a base text.
 */
import type {
  Inline,
  OperativeParagraph,
  PreambularParagraph,
  ResolutionDocument,
} from '../../../src/core/model/types.ts';

export function withOperative(
  doc: ResolutionDocument,
  edit: (paragraphs: OperativeParagraph[]) => OperativeParagraph[],
): ResolutionDocument {
  return { ...doc, operative: edit([...doc.operative]) };
}

export function withPreamble(
  doc: ResolutionDocument,
  edit: (paragraphs: PreambularParagraph[]) => PreambularParagraph[],
): ResolutionDocument {
  return { ...doc, preamble: edit([...doc.preamble]) };
}

/** Replaces the first occurrence of `from` in the text runs of `content`. */
export function replaceIn(content: readonly Inline[], from: string, to: string): Inline[] {
  let done = false;
  const out = content.map((part) => {
    if (done || part.type !== 'text' || !part.text.includes(from)) return part;
    done = true;
    return { ...part, text: part.text.replace(from, to) };
  });
  if (!done) throw new Error(`"${from}" is not in the paragraph`);
  return out;
}

/** Moves the item at `from` so that it ends up at index `to`. */
export function move<T>(items: readonly T[], from: number, to: number): T[] {
  const out = [...items];
  const [item] = out.splice(from, 1);
  if (item === undefined) throw new Error(`nothing at ${from}`);
  out.splice(to, 0, item);
  return out;
}

/** The paragraph at `index`, or a failing test. */
export function at<T>(items: readonly T[], index: number): T {
  const item = items[index];
  if (item === undefined) throw new Error(`nothing at ${index}`);
  return item;
}
