/**
 * Typography folded for matching (issue 12, item 6): the same words printed with other marks are the
 * same text. UN documents print non-breaking hyphens (U+2011: "Secretary‑General"), no-break spaces
 * ("27 December 2019"), curly quotes and apostrophes, en dashes and ligatures from the PDF's fonts
 * ("ﬁnancing"); a draft typed on a keyboard has "-", " ", straight quotes and "fi". Text is kept as
 * printed everywhere (the model, the editor, exports); only where two texts are matched — compare,
 * paragraph alignment, the finder of agreed language, the reference lookup — are both folded first.
 *
 * What folds:
 * - spaces of every width (no-break U+00A0, narrow no-break U+202F, thin, en, em …), tabs and line
 *   ends: a run of them is one space; none at either end;
 * - soft hyphens (U+00AD), zero-width spaces and joiners, word joiners, byte-order marks: nothing;
 * - hyphens (U+2010 hyphen, U+2011 non-breaking hyphen, U+2012 figure dash, U+2212 minus): "-";
 * - en and em dashes and the horizontal bar where they stand as hyphens, between two letters or
 *   digits ("Secretary–General", "2019–2020"): "-"; a dash standing apart between spaces, whatever
 *   mark prints it ("-", "–", "—"): "–";
 * - single quotes and apostrophes ‘ ’ ‚ ‛ ʼ ‹ ›: "'"; double quotes “ ” „ ‟ « »: '"';
 * - the ligatures ﬀ ﬁ ﬂ ﬃ ﬄ ﬅ ﬆ: their letters; the ellipsis "…": "...".
 */

/** Characters that print nothing. */
const INVISIBLE = /[\u00ad\u200b-\u200d\u2060\ufeff]/;
const SPACE = /\s/;
/** Always a hyphen. */
const HYPHENS = '-\u2010\u2011\u2012\u2212';
/** A hyphen between letters or digits, a dash between spaces. */
const DASHES = '\u2013\u2014\u2015';
const WORD_CHAR = /[\p{L}\p{N}]/u;

const PLAIN: Readonly<Record<string, string>> = {
  '\u2018': "'",
  '\u2019': "'",
  '\u201a': "'",
  '\u201b': "'",
  '\u02bc': "'",
  '\u2039': "'",
  '\u203a': "'",
  '\u201c': '"',
  '\u201d': '"',
  '\u201e': '"',
  '\u201f': '"',
  '\u00ab': '"',
  '\u00bb': '"',
  '\ufb00': 'ff',
  '\ufb01': 'fi',
  '\ufb02': 'fl',
  '\ufb03': 'ffi',
  '\ufb04': 'ffl',
  '\ufb05': 'st',
  '\ufb06': 'st',
  '\u2026': '...',
};

/** Anything the fold changes beyond single ASCII spaces: texts without it fold fast. */
const FOLDED =
  /[^\S ]| {2}|^ | $|[\u00ad\u200b-\u200d\u2060\ufeff\u2010-\u2015\u2212\u2018-\u201f\u02bc\u2039\u203a\u00ab\u00bb\ufb00-\ufb06\u2026]|(?:^| )-(?: |$)/u;

/** A text folded, with where each of its characters comes from in the printed text. */
export interface FoldedText {
  readonly text: string;
  /**
   * `from[k]` is the index in the printed text of the character that gave the folded text's k-th
   * character; `from[text.length]` is the printed text's length. The printed text of the folded
   * slice [a, b) is `printed.slice(a === 0 ? 0 : from[a], from[b])`.
   */
  readonly from: readonly number[];
}

/** The text as it is matched: typography folded (see above). */
export function foldTypography(text: string): string {
  return FOLDED.test(text) ? foldTypographyMapped(text).text : text;
}

/** Whether two texts differ only in typography (and are not the same to the letter). */
export function sameButTypography(a: string, b: string): boolean {
  return a !== b && foldTypography(a) === foldTypography(b);
}

/** `foldTypography` with the map back to the printed text, for showing a diff of folded texts as printed. */
export function foldTypographyMapped(text: string): FoldedText {
  let out = '';
  const from: number[] = [];
  const push = (s: string, at: number): void => {
    out += s;
    for (let k = 0; k < s.length; k++) from.push(at);
  };
  const n = text.length;
  for (let i = 0; i < n; i++) {
    const c = text.charAt(i);
    if (INVISIBLE.test(c)) continue;
    if (SPACE.test(c)) {
      if (out !== '' && !out.endsWith(' ')) push(' ', i);
      continue;
    }
    const isHyphen = HYPHENS.includes(c);
    if (isHyphen || DASHES.includes(c)) {
      const before = text.charAt(i - 1);
      const after = text.charAt(i + 1);
      const spaced = (i === 0 || SPACE.test(before)) && (i === n - 1 || SPACE.test(after));
      if (spaced) push('\u2013', i);
      else if (isHyphen || (WORD_CHAR.test(before) && WORD_CHAR.test(after))) push('-', i);
      else push(c, i);
      continue;
    }
    push(PLAIN[c] ?? c, i);
  }
  if (out.endsWith(' ')) {
    out = out.slice(0, -1);
    from.pop();
  }
  from.push(n);
  return { text: out, from };
}

/** The text as it is, with the map `foldTypographyMapped` gives: for a comparison that shows typography. */
export function unfolded(text: string): FoldedText {
  return { text, from: Array.from({ length: text.length + 1 }, (_, k) => k) };
}
