/**
 * The punctuation a paragraph ends with (UN practice: preambular paragraphs, operative paragraphs and subparagraphs): a comma after a
 * preambular paragraph, a semicolon after an operative paragraph or subparagraph, a colon before
 * subparagraphs, a full stop at the very end. Shared by the three ending rules.
 */
import type { Fix, ParagraphUnit, TextRange } from './types.ts';

export const ENDING_MARKS = [',', ';', ':', '.'] as const;
export type EndingMark = (typeof ENDING_MARKS)[number];

export const MARK_NAMES: Readonly<Record<EndingMark, string>> = {
  ',': 'a comma',
  ';': 'a semicolon',
  ':': 'a colon',
  '.': 'a full stop',
};

export interface Ending {
  /** The closing punctuation, or undefined when the text ends with a word. */
  readonly mark: EndingMark | undefined;
  /** Where the mark is, or where one would be inserted (the end of the text, blanks left out). */
  readonly range: TextRange;
}

/**
 * A footnote marker printed as plain digits after the closing mark, as text copied from a PDF has it
 * ("... Habitat III, held in Quito, 4" for a raised 4; "...; 25"): after a space, or glued to the mark
 * when no digit stands before it (a glued "77/293,2" could be a number, and is left alone).
 */
const TRAILING_MARKER = /(?:(?<=[^\d\s])[,;:.]|[,;:.]\s)\d{1,3}$/;

/**
 * What the text ends with, looking through closing quotation marks, brackets and blanks: `thereto",`
 * ends with a comma (6/1 PP1), `...;]` with a semicolon (a bracketed paragraph in negotiation). A mark
 * inside the quotation (`"...,"`) counts as the paragraph's own. A footnote marker printed as plain
 * digits after the mark is looked through too (`TRAILING_MARKER`).
 */
export function endingOf(text: string): Ending | undefined {
  const trimmed = text.trimEnd();
  const marker = TRAILING_MARKER.exec(trimmed);
  if (marker) {
    const at = marker.index;
    const ch = trimmed[at] as EndingMark;
    return { mark: ch, range: { start: at, end: at + 1 } };
  }
  let i = text.length - 1;
  while (i >= 0 && /[\s\]"”’)]/.test(text[i] ?? '')) i--;
  if (i < 0) return undefined;
  const ch = text[i] ?? '';
  if ((ENDING_MARKS as readonly string[]).includes(ch)) {
    return { mark: ch as EndingMark, range: { start: i, end: i + 1 } };
  }
  const end = text.trimEnd().length;
  return { mark: undefined, range: { start: end, end } };
}

/** The last word before the ending, lower case: "and" for 6/2 OP12 (c) "capacity-building and". */
export function lastWord(text: string, ending: Ending): string {
  return /([\p{L}-]+)\W*$/u.exec(text.slice(0, ending.range.start))?.[1]?.toLowerCase() ?? '';
}

/**
 * The fix that puts `wanted` in place of the ending. None when the text ends with a conjunction ("and",
 * "or"): whether the list runs on is the drafter's call, so no safe fix exists.
 */
export function endingFix(unit: ParagraphUnit, ending: Ending, wanted: EndingMark): Fix | undefined {
  if (ending.mark === undefined && /^(?:and|or)$/.test(lastWord(unit.text, ending))) return undefined;
  return {
    description:
      ending.mark === undefined
        ? `End the paragraph with ${MARK_NAMES[wanted]}`
        : `Replace "${ending.mark}" with "${wanted}"`,
    edits: [{ kind: 'replaceText', target: unit.address, range: ending.range, text: wanted }],
  };
}

/** The ending in words: "a full stop", 'the word "and"'. */
export function describeEnding(text: string, ending: Ending): string {
  return ending.mark ? MARK_NAMES[ending.mark] : `the word "${lastWord(text, ending)}"`;
}

/**
 * Whether the text ends with a question, through closing quotation marks: a resolution that puts a
 * question to the International Court of Justice ends with it (A/RES/79/232, last paragraph), and a
 * later one recalls it in its preamble (A/RES/80/116 PP10).
 */
export function endsWithQuestion(text: string): boolean {
  return /\?[\s"”’)\]]*$/.test(text);
}
