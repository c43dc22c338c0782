/**
 * Whether a reading of a printed resolution holds together: the checks that need no hand count, used
 * over the Assembly's resolutions (tests, benchmark) and available to say a reading looks wrong.
 */
import { inlineText } from '../model/inline.ts';
import type { Inline, ResolutionDocument, Subparagraph } from '../model/types.ts';

export const CONSISTENCY_CHECKS = ['formula', 'numbering', 'openers', 'furniture', 'footnotes'] as const;
export type ConsistencyCheck = (typeof CONSISTENCY_CHECKS)[number];

export interface ConsistencyFailure {
  readonly check: ConsistencyCheck;
  readonly detail: string;
}

/** Page furniture that must never be left inside a paragraph. */
const FURNITURE_IN_TEXT = [
  /\b\d{2}-\d{5}\s*\([A-Z]\)/, // job number "24-23454 (E)"
  /\*\d{7,8}\*/, // barcode
  /\bA\/RES\/\d+\/\d+\s+[A-Z]/, // the symbol as a running head run into the text
  /_{5,}/, // the footnote rule
];

/** Every paragraph of a document with where it stands, subparagraphs, sections and annex included. */
function paragraphsOf(
  doc: ResolutionDocument,
): { where: string; opener: string; content: readonly Inline[] }[] {
  const out: { where: string; opener: string; content: readonly Inline[] }[] = [];
  const subs = (list: readonly Subparagraph[], where: string): void =>
    list.forEach((s, k) => {
      out.push({ where: `${where}(${k + 1})`, opener: '', content: s.content });
      subs(s.subparagraphs, `${where}(${k + 1})`);
    });
  const part = (
    prefix: string,
    preamble: ResolutionDocument['preamble'],
    operative: ResolutionDocument['operative'],
  ): void => {
    preamble.forEach((p, k) => {
      out.push({ where: `${prefix}PP${k + 1}`, opener: p.opener, content: p.content });
      subs(p.subparagraphs ?? [], `${prefix}PP${k + 1}`);
    });
    operative.forEach((p, k) => {
      out.push({ where: `${prefix}OP${k + 1}`, opener: p.opener, content: p.content });
      subs(p.subparagraphs, `${prefix}OP${k + 1}`);
    });
  };
  part('', doc.preamble, doc.operative);
  for (const s of doc.sections ?? []) part(`${s.number} `, s.preamble, s.operative);
  if (doc.annex) {
    out.push({ where: 'annex intro', opener: '', content: doc.annex.intro });
    subs(doc.annex.items, 'annex ');
  }
  return out;
}

const MONTH_AFTER =
  /^\d{1,2}\s+(?:January|February|March|April|May|June|July|August|September|October|November|December)\b/;

/**
 * The footnote numbers a printed text shows at its pages' feet: digits standing alone, or leading a
 * line, after a rule of underscores and before the page's end.
 */
export function printedFootnoteNumbers(text: string): number[] {
  const numbers = new Set<number>();
  for (const page of text.split('\f')) {
    const rule = page.search(/^_{5,}\s*$/m);
    if (rule < 0) continue;
    for (const line of page.slice(rule).split('\n')) {
      const t = line.trim();
      const m = /^(\d{1,3})(?:\s+[A-Z“"(]|\s*$)/.exec(t);
      if (m && !/^\d{1,3}\/\d/.test(t) && !MONTH_AFTER.test(t)) numbers.add(Number(m[1]));
    }
  }
  return [...numbers].sort((a, b) => a - b);
}

/** What does not hold together in a reading; empty when it all does. */
export function consistencyFailures(
  doc: ResolutionDocument,
  printedFootnotes?: readonly number[],
): ConsistencyFailure[] {
  const failures: ConsistencyFailure[] = [];
  if (doc.formula.trim() === '') failures.push({ check: 'formula', detail: 'no enacting formula' });

  const runs: { where: string; labels: (string | undefined)[] }[] = [
    { where: '', labels: doc.operative.map((p) => p.label) },
  ];
  for (const s of doc.sections ?? [])
    runs.push({ where: `section ${s.number} `, labels: s.operative.map((p) => p.label) });
  let expected = 1;
  for (const run of runs) {
    if (run.labels.length === 0) continue;
    // Sections either continue the numbering or start again at 1.
    if (run.labels[0] === '1') expected = 1;
    for (const label of run.labels) {
      const n = label === undefined ? NaN : parseInt(label, 10);
      if (run.labels.length === 1 && label === undefined) continue; // a single unnumbered paragraph
      if (n !== expected) {
        failures.push({
          check: 'numbering',
          detail: `${run.where}paragraph ${label ?? '(unnumbered)'} where ${expected} was due`,
        });
        break;
      }
      expected++;
    }
  }

  const preambles = [doc.preamble, ...(doc.sections ?? []).map((s) => s.preamble)];
  for (const list of preambles)
    list.forEach((p, k) => {
      if (p.opener.trim() === '')
        failures.push({
          check: 'openers',
          detail: `PP${k + 1} has no opener: "${inlineText(p.content).slice(0, 60)}"`,
        });
    });

  const paragraphs = paragraphsOf(doc);
  for (const { where, opener, content } of paragraphs) {
    const text = `${opener} ${inlineText(content)}`;
    for (const re of FURNITURE_IN_TEXT) {
      const m = re.exec(text);
      if (m) failures.push({ check: 'furniture', detail: `${where}: "${m[0]}"` });
    }
    // A page number "2/5" run into the text: a fraction whose first part is not above the second,
    // not taken by a word as a resolution's number is ("resolutions 2/5 and").
    for (const m of text.matchAll(/(?<=^|\s)(\d{1,2})\/(\d{1,2})(?=\s|$)/g)) {
      const before = text.slice(0, m.index ?? 0);
      const taken = /(?:resolutions?|decisions?|and|,|Council|Commission|[A-Z]{2,})\s*$/.test(before);
      const ratio = /^\s*(?:gender|balance|split|ratio)/.test(text.slice((m.index ?? 0) + m[0].length));
      if (Number(m[1]) <= Number(m[2]) && !taken && !ratio)
        failures.push({ check: 'furniture', detail: `${where}: page number "${m[0]}"` });
    }
  }

  const refs = new Set(
    paragraphs.flatMap((p) => p.content.flatMap((c) => (c.type === 'footnoteRef' ? [c.footnoteId] : []))),
  );
  for (const f of doc.footnotes)
    if (!refs.has(f.id))
      failures.push({ check: 'footnotes', detail: `footnote ${f.number ?? f.id} is not attached` });
  if (printedFootnotes) {
    const read = new Set(doc.footnotes.map((f) => f.number));
    const missing = printedFootnotes.filter((n) => !read.has(n));
    if (missing.length)
      failures.push({ check: 'footnotes', detail: `footnotes ${missing.join(', ')} printed but not read` });
  }
  return failures;
}
