/**
 * Paragraph labels as UN documents print them (DRAFTING-RULES.md section 1): operative paragraphs
 * 1, 2, 3; subparagraphs (a), (b) then (i), (ii) one level down.
 */
const ROMANS: readonly [number, string][] = [
  [10, 'x'],
  [9, 'ix'],
  [5, 'v'],
  [4, 'iv'],
  [1, 'i'],
];

export function romanLabel(position: number): string {
  let n = position;
  let out = '';
  for (const [value, digits] of ROMANS) {
    while (n >= value) {
      out += digits;
      n -= value;
    }
  }
  return out;
}

/** "a" .. "z", then "aa", "bb" as the Editorial Manual continues a long list. */
export function letterLabel(position: number): string {
  const letter = String.fromCharCode(97 + ((position - 1) % 26));
  return letter.repeat(Math.floor((position - 1) / 26) + 1);
}

/** The label of a subparagraph at `depth` (1 = (a), 2 = (i)) and 1-based `position`. */
export function subparagraphLabel(depth: number, position: number): string {
  return `(${depth % 2 === 1 ? letterLabel(position) : romanLabel(position)})`;
}
