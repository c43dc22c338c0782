/**
 * The base's paragraphs by key (types.ts `ParagraphKey`): what proposals are anchored to.
 */
import { documentOutline, type OutlineUnit } from '../compare/units.ts';
import type { ResolutionDocument } from '../model/types.ts';
import type { NegotiationPart, ParagraphKey, TextRange } from './types.ts';

export const NEGOTIATION_PARTS: readonly NegotiationPart[] = ['preamble', 'operative', 'annex'];

export function paragraphKey(part: NegotiationPart, path: readonly number[]): ParagraphKey {
  return `${part}:${path.join('.')}`;
}

/** The part and path a key names, or undefined for a new paragraph's key or a malformed one. */
export function readKey(key: ParagraphKey): { part: NegotiationPart; path: number[] } | undefined {
  const m = /^(preamble|operative|annex):(\d+(?:\.\d+)*)$/.exec(key);
  if (!m) return undefined;
  return { part: m[1] as NegotiationPart, path: (m[2] ?? '').split('.').map(Number) };
}

/** A base paragraph with its key, in reading order. */
export interface BaseParagraph {
  readonly key: ParagraphKey;
  readonly unit: OutlineUnit;
  /** Its depth: 1 for a paragraph, 2 for a subparagraph … */
  readonly depth: number;
}

export interface BaseParagraphs {
  /** Every paragraph, subparagraph and annex item, preamble first, each followed by its subparagraphs. */
  readonly list: readonly BaseParagraph[];
  readonly byKey: ReadonlyMap<ParagraphKey, BaseParagraph>;
}

const cache = new WeakMap<ResolutionDocument, BaseParagraphs>();

/** The base's paragraphs by key (computed once per document object). */
export function baseParagraphs(doc: ResolutionDocument): BaseParagraphs {
  const known = cache.get(doc);
  if (known) return known;
  const outline = documentOutline(doc);
  const list: BaseParagraph[] = [];
  const walk = (units: readonly OutlineUnit[]): void => {
    for (const unit of units) {
      list.push({
        key: paragraphKey(unit.part as NegotiationPart, unit.path),
        unit,
        depth: unit.path.length,
      });
      walk(unit.children);
    }
  };
  for (const part of NEGOTIATION_PARTS) walk(outline[part]);
  const result = { list, byKey: new Map(list.map((p) => [p.key, p])) };
  cache.set(doc, result);
  return result;
}

/** Whether a key names the position before the first paragraph of a part or list ("operative:0", "operative:3.0"). */
export function isStartKey(key: ParagraphKey): boolean {
  const read = readKey(key);
  return read !== undefined && read.path[read.path.length - 1] === 0;
}

/** Whether a range lies within a text of this length. */
export function rangeFits(range: TextRange, length: number): boolean {
  return (
    Number.isInteger(range.start) &&
    Number.isInteger(range.end) &&
    range.start >= 0 &&
    range.start <= range.end &&
    range.end <= length
  );
}

/** Whether two ranges of one paragraph touch the same words: two insertions at one place, an insertion inside the other's range, or shared characters. */
export function rangesOverlap(a: TextRange, b: TextRange): boolean {
  if (a.start === a.end && b.start === b.end) return a.start === b.start;
  if (a.start === a.end) return a.start > b.start && a.start < b.end;
  if (b.start === b.end) return b.start > a.start && b.start < a.end;
  return Math.max(a.start, b.start) < Math.min(a.end, b.end);
}
