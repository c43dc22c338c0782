/**
 * Placeholders: text still to be written, wrapped in single guillemets, "‹title of the resolution›".
 * U+2039/U+203A never occur in UN English text (UN spelling and style use double quotation
 * marks only), so a placeholder needs no node or run type of its own: the model stays plain strings
 * and inline runs, templates stay readable text files, and the editor, Tab navigation and the lint
 * rule for unfilled placeholders all find them with the same pattern.
 */
import { inlineText } from './inline.ts';
import type { Inline, ResolutionDocument, Subparagraph } from './types.ts';

/**
 * One placeholder, guillemets included: at least one character, on one line, not nested.
 * Global: use it with `matchAll`, `replace` or `replaceAll` (which leave it untouched), not `exec`
 * or `test`, which move its `lastIndex`.
 */
export const PLACEHOLDER_PATTERN = /‹[^‹›\n]+›/g;

/** The placeholder for a label: placeholder('title') → "‹title›". */
export function placeholder(label: string): string {
  return `‹${label}›`;
}

export const PLACEHOLDER_PARTS = [
  'metadata',
  'title',
  'formula',
  'preamble',
  'operative',
  'annex',
  'footnote',
] as const;
export type PlaceholderPart = (typeof PLACEHOLDER_PARTS)[number];

export interface PlaceholderLocation {
  readonly part: PlaceholderPart;
  /** Index into `preamble`, `operative` or `footnotes` (0-based); absent for the other parts. */
  readonly paragraph?: number;
  /**
   * Where inside the part, as a path like the validator's: "opener", "content",
   * "subparagraphs[1].content" (paragraphs); "title", "intro", "items[0].content" (annex); the key,
   * e.g. "symbol" or "sponsors[0]" (metadata); "content" (footnotes). Absent for title and formula.
   */
  readonly field?: string;
  /** The placeholder as written, guillemets included: "‹date›". */
  readonly text: string;
  /** Where it starts in the field's plain text (footnote references left out, runs joined). */
  readonly offset: number;
}

/**
 * Metadata fields that hold free text, in the order the UN masthead prints
 * them: symbol, "Original:" language, session, agenda item and its title, then the sponsors line.
 * The date and the distribution are not free text (the validator wants an ISO date and a keyword).
 */
const METADATA_TEXT_FIELDS = [
  'symbol',
  'originalLanguage',
  'session',
  'agendaItem',
  'agendaItemTitle',
] as const;

/** Every placeholder of the document in the order a reader meets them: masthead first, footnotes last. */
export function findPlaceholders(doc: ResolutionDocument): PlaceholderLocation[] {
  const out: PlaceholderLocation[] = [];
  const scan = (text: string, at: Omit<PlaceholderLocation, 'text' | 'offset'>): void => {
    for (const m of text.matchAll(PLACEHOLDER_PATTERN)) out.push({ ...at, text: m[0], offset: m.index });
  };
  const scanSubs = (
    subs: readonly Subparagraph[],
    path: string,
    at: Omit<PlaceholderLocation, 'text' | 'offset' | 'field'>,
  ): void =>
    subs.forEach((s, k) => {
      const here = `${path}[${k}]`;
      scan(inlineText(s.content), { ...at, field: `${here}.content` });
      scanSubs(s.subparagraphs, `${here}.subparagraphs`, at);
    });
  const content = (c: readonly Inline[]): string => inlineText(c);

  const meta = doc.metadata;
  for (const key of METADATA_TEXT_FIELDS) {
    const value = meta[key];
    if (value !== undefined) scan(value, { part: 'metadata', field: key });
  }
  meta.sponsors?.forEach((s, k) => scan(s, { part: 'metadata', field: `sponsors[${k}]` }));
  scan(doc.title, { part: 'title' });
  scan(doc.formula, { part: 'formula' });
  doc.preamble.forEach((p, paragraph) => {
    scan(p.opener, { part: 'preamble', paragraph, field: 'opener' });
    scan(content(p.content), { part: 'preamble', paragraph, field: 'content' });
  });
  doc.operative.forEach((p, paragraph) => {
    scan(p.opener, { part: 'operative', paragraph, field: 'opener' });
    scan(content(p.content), { part: 'operative', paragraph, field: 'content' });
    scanSubs(p.subparagraphs, 'subparagraphs', { part: 'operative', paragraph });
  });
  if (doc.annex) {
    scan(doc.annex.title, { part: 'annex', field: 'title' });
    scan(content(doc.annex.intro), { part: 'annex', field: 'intro' });
    scanSubs(doc.annex.items, 'items', { part: 'annex' });
  }
  doc.footnotes.forEach((f, paragraph) =>
    scan(content(f.content), { part: 'footnote', paragraph, field: 'content' }),
  );
  return out;
}

export function hasPlaceholders(doc: ResolutionDocument): boolean {
  return findPlaceholders(doc).length > 0;
}
