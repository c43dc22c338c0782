/**
 * Paragraph labels as UN documents print them (DRAFTING-RULES.md section 1): operative paragraphs
 * 1, 2, 3; subparagraphs (a), (b) then (i), (ii) one level down. The one place letters and roman
 * numerals are written: export, compare, the rules and the editor's transforms all call these.
 */

/** a … z, then aa, bb … zz, as long lists are lettered in UN documents (the corpus never passes (z)). */
export function alphabeticLabel(n: number): string {
  if (!Number.isInteger(n) || n < 1)
    throw new Error(`alphabeticLabel: expected a positive integer, got ${n}`);
  const letter = String.fromCharCode(97 + ((n - 1) % 26));
  return letter.repeat(Math.floor((n - 1) / 26) + 1);
}

const ROMAN: readonly (readonly [number, string])[] = [
  [1000, 'm'],
  [900, 'cm'],
  [500, 'd'],
  [400, 'cd'],
  [100, 'c'],
  [90, 'xc'],
  [50, 'l'],
  [40, 'xl'],
  [10, 'x'],
  [9, 'ix'],
  [5, 'v'],
  [4, 'iv'],
  [1, 'i'],
];

/** Lower-case roman numerals: 1 → i, 4 → iv, 14 → xiv. */
export function romanLabel(n: number): string {
  if (!Number.isInteger(n) || n < 1) throw new Error(`romanLabel: expected a positive integer, got ${n}`);
  let rest = n;
  let out = '';
  for (const [value, numeral] of ROMAN) {
    while (rest >= value) {
      out += numeral;
      rest -= value;
    }
  }
  return out;
}

/** The label of a subparagraph at `depth` (1 = (a), 2 = (i), then (a) again) and 1-based `position`. */
export function subparagraphLabel(depth: number, position: number): string {
  return `(${depth % 2 === 1 ? alphabeticLabel(position) : romanLabel(position)})`;
}
