/**
 * Session ordinals as the Assembly prints them: "Seventy-ninth session", "its eighty-first session".
 * Read into numbers (to file a resolution under its session) and written back (to move a draft's
 * "eighty-first session" on to "eighty-second" when last year's resolution is updated).
 */

const TENS = ['', '', 'twenty', 'thirty', 'forty', 'fifty', 'sixty', 'seventy', 'eighty', 'ninety'] as const;
const UNIT_ORDINALS = [
  '',
  'first',
  'second',
  'third',
  'fourth',
  'fifth',
  'sixth',
  'seventh',
  'eighth',
  'ninth',
] as const;
const TEEN_ORDINALS = [
  'tenth',
  'eleventh',
  'twelfth',
  'thirteenth',
  'fourteenth',
  'fifteenth',
  'sixteenth',
  'seventeenth',
  'eighteenth',
  'nineteenth',
] as const;
const TEN_ORDINALS = [
  '',
  '',
  'twentieth',
  'thirtieth',
  'fortieth',
  'fiftieth',
  'sixtieth',
  'seventieth',
  'eightieth',
  'ninetieth',
] as const;

/** 1..199 in words, lower case: 81 → "eighty-first". Outside that range, undefined. */
export function ordinalWords(n: number): string | undefined {
  if (!Number.isInteger(n) || n < 1 || n > 199) return undefined;
  const hundred = n >= 100 ? 'one hundred' : '';
  const rest = n % 100;
  if (rest === 0) return 'one hundredth';
  let words: string;
  if (rest < 10) words = UNIT_ORDINALS[rest] ?? '';
  else if (rest < 20) words = TEEN_ORDINALS[rest - 10] ?? '';
  else {
    const tens = Math.floor(rest / 10);
    const units = rest % 10;
    words = units === 0 ? (TEN_ORDINALS[tens] ?? '') : `${TENS[tens] ?? ''}-${UNIT_ORDINALS[units] ?? ''}`;
  }
  return hundred ? `${hundred} and ${words}` : words;
}

const ORDINAL_VALUES: ReadonlyMap<string, number> = (() => {
  const m = new Map<string, number>();
  for (let n = 1; n <= 199; n++) {
    const w = ordinalWords(n);
    if (w) m.set(w, n);
  }
  return m;
})();

/** "Seventy-eighth", "eighty‑first" (any hyphen), "sixth" → the number; undefined if not an ordinal. */
export function ordinalValue(words: string): number | undefined {
  const key = words
    .toLowerCase()
    .replace(/[\u2010-\u2015\u2212]/g, '-')
    .replace(/\s+/g, ' ')
    .trim();
  return ORDINAL_VALUES.get(key);
}

/** Every ordinal the Assembly prints for a session, as one alternation for a regular expression. */
export const ORDINAL_SOURCE = [...ORDINAL_VALUES.keys()]
  .sort((a, b) => b.length - a.length)
  .map((w) => w.replace(/-/g, '[-\u2010\u2011]').replace(/ /g, '\\s+'))
  .join('|');

/** "Seventy-ninth session" (a masthead), "Sixth session, Vienna, …" (a report) → 79, 6. */
export function sessionNumber(session: string | undefined): number | undefined {
  if (!session) return undefined;
  const m = new RegExp(`^\\s*(${ORDINAL_SOURCE})\\s+(?:special\\s+)?session`, 'i').exec(session);
  return m?.[1] ? ordinalValue(m[1]) : undefined;
}
