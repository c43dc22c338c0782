/**
 * Subparagraph labels by level and position (DRAFTING-RULES.md section 1.5): (a), (b) ... then
 * (i), (ii) ... one level down. Plain functions, no Lexical, so the bridge, the transforms and tests
 * agree on one spelling.
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

/**
 * The label of the `n`th subparagraph (from 1) at `level` (from 1): (a), (i), then (A), (I) for the
 * third and fourth levels, which the corpus never reaches; upper case keeps them distinct from the
 * first two while keeping the bracketed form.
 */
export function subparagraphLabel(level: number, n: number): string {
  switch (level) {
    case 1:
      return `(${alphabeticLabel(n)})`;
    case 2:
      return `(${romanLabel(n)})`;
    case 3:
      return `(${alphabeticLabel(n).toUpperCase()})`;
    case 4:
      return `(${romanLabel(n).toUpperCase()})`;
    default:
      throw new Error(`subparagraphLabel: level must be 1 to 4, got ${level}`);
  }
}
