/**
 * Paragraph labels as UN documents print them (UN practice: the parts of a resolution): operative paragraphs
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

/**
 * The number a printed label stands for: "12" and "12 bis" → 12, "(b)" → 2, "(bb)" → 28; null for
 * anything else. How a section of an omnibus resolution that prints no label goes on from the one
 * before it.
 */
export function labelNumber(label: string | undefined): number | null {
  if (label === undefined) return null;
  const digits = /^\s*(\d+)/.exec(label);
  if (digits) return Number(digits[1]);
  const letters = /^\s*\(([a-z])\1*\)\s*$/.exec(label);
  if (!letters) return null;
  const letter = letters[1] ?? 'a';
  const repeats = label.trim().length - 2;
  return (repeats - 1) * 26 + (letter.charCodeAt(0) - 96);
}

/** The label of the `n`th operative paragraph (from 1): "3" in a resolution, "(c)" in a decision. */
export function operativeLabel(kind: 'resolution' | 'decision', n: number): string {
  return kind === 'decision' ? subparagraphLabel(1, n) : String(n);
}

/**
 * The labels the operative paragraphs of each section of an omnibus resolution print: its own as
 * printed, and where there is none the number after the paragraph before it (the top-level part's
 * last, for a section's first), so that a section that prints none runs on.
 */
export function sectionOperativeLabels(doc: {
  readonly kind: 'resolution' | 'decision';
  readonly operative: readonly { readonly label?: string }[];
  readonly sections?: readonly { readonly operative: readonly { readonly label?: string }[] }[];
}): string[][] {
  let count = doc.operative.length;
  const last = doc.operative[doc.operative.length - 1];
  count = labelNumber(last?.label) ?? count;
  return (doc.sections ?? []).map((section) =>
    section.operative.map((p) => {
      count = labelNumber(p.label) ?? count + 1;
      return p.label ?? operativeLabel(doc.kind, count);
    }),
  );
}
