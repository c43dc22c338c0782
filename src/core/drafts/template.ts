/**
 * Templates: human-readable files in templates/*.template.txt (the format is described in
 * templates/README.md). A front-matter block of `key: value` lines between `---` lines, then the body
 * in the plain-text form the recognizer reads (src/core/parse/recognize.ts), with ‹placeholders›.
 *
 * The core reads template text, never files: the app hands over what Vite's
 * `import.meta.glob('/templates/*.template.txt', { query: '?raw', import: 'default', eager: true })`
 * gives it, the tests what they read from disk (ARCHITECTURE.md convention 1).
 *
 * A bad template is expected trouble, not misuse (convention 6): `parseTemplate` returns the problem
 * as a value, naming the file and the line, and never throws.
 */
import { findPlaceholders, PLACEHOLDER_PATTERN } from '../model/placeholders.ts';
import type { DocumentKind, FootnoteRule, Metadata, ResolutionDocument } from '../model/types.ts';
import { DOCUMENT_KINDS, FOOTNOTE_RULES } from '../model/types.ts';
import { formatValidationErrors, validateDocument } from '../model/validate.ts';
import { recognize } from '../parse/recognize.ts';
import { withPositionalNumbering } from './numbering.ts';

export interface Template {
  /** "cop-draft-resolution": the file name without ".template.txt". */
  readonly id: string;
  /** What the template picker lists: "Draft resolution for submission". */
  readonly name: string;
  readonly description: string;
  /** The body read into the model, metadata filled from the front matter; a draft has no number. */
  readonly document: ResolutionDocument;
  /** The distinct placeholders of `document`, in the order a reader meets them: ["‹Sponsors›", ...]. */
  readonly placeholders: readonly string[];
  /**
   * The masthead date is a placeholder: a draft started from the template is dated the day it starts
   * (the model's date is an ISO date, so the placeholder itself is not kept in `document`).
   */
  readonly datedOnStart: boolean;
}

export type TemplateResult =
  { readonly ok: true; readonly template: Template } | { readonly ok: false; readonly error: string };

/** The front-matter keys, in the order templates/README.md lists them. */
export const TEMPLATE_KEYS = [
  'id',
  'name',
  'description',
  'kind',
  'organ',
  'symbol',
  'revision',
  'distribution',
  'date',
  'originalLanguage',
  'session',
  'agendaItem',
  'agendaItemTitle',
  'sponsors',
  'footnoteRule',
] as const;
type TemplateKey = (typeof TEMPLATE_KEYS)[number];

const REQUIRED: readonly TemplateKey[] = ['id', 'name', 'description', 'kind', 'organ'];

export const TEMPLATE_SUFFIX = '.template.txt';

const ID = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
const FENCE = /^---\s*$/;

/** A value that is one placeholder and nothing else: "‹date›". */
function isPlaceholderOnly(value: string): boolean {
  return value.replace(PLACEHOLDER_PATTERN, '') === '' && value !== '';
}

class TemplateError extends Error {}

interface FrontMatter {
  readonly values: Partial<Record<TemplateKey, string>>;
  /** 1-based line of each key, for messages. */
  readonly lines: Partial<Record<TemplateKey, number>>;
  /** Index of the first body line (0-based). */
  readonly bodyStart: number;
}

function readFrontMatter(lines: readonly string[]): FrontMatter {
  if (!FENCE.test(lines[0] ?? ''))
    throw new TemplateError(
      'the file must start with a front-matter block: a "---" line, "key: value" lines, "---"',
    );
  const values: Partial<Record<TemplateKey, string>> = {};
  const at: Partial<Record<TemplateKey, number>> = {};
  for (let i = 1; i < lines.length; i++) {
    const line = (lines[i] ?? '').trim();
    const lineNo = i + 1;
    if (FENCE.test(line)) return { values, lines: at, bodyStart: i + 1 };
    if (line === '' || line.startsWith('#')) continue;
    const m = /^([A-Za-z][\w-]*)\s*:\s*(.*)$/.exec(line);
    if (!m || m[1] === undefined)
      throw new TemplateError(
        `line ${lineNo}: expected "key: value" in the front matter, got ${JSON.stringify(line.slice(0, 60))} (is the closing "---" missing?)`,
      );
    const key = m[1];
    if (!(TEMPLATE_KEYS as readonly string[]).includes(key))
      throw new TemplateError(
        `line ${lineNo}: unknown key "${key}" (expected one of: ${TEMPLATE_KEYS.join(', ')})`,
      );
    const known = key as TemplateKey;
    if (values[known] !== undefined)
      throw new TemplateError(`line ${lineNo}: "${key}" is given twice (first on line ${at[known]})`);
    const value = (m[2] ?? '').trim();
    if (value === '') throw new TemplateError(`line ${lineNo}: "${key}" has no value`);
    values[known] = value;
    at[known] = lineNo;
  }
  throw new TemplateError('the front matter is not closed: no "---" line after the keys');
}

function oneOf<T extends string>(
  value: string,
  allowed: readonly T[],
  key: string,
  line: number | undefined,
): T {
  if ((allowed as readonly string[]).includes(value)) return value as T;
  throw new TemplateError(
    `line ${line}: "${key}" must be ${allowed.map((a) => `"${a}"`).join(' or ')}, got ${JSON.stringify(value)}`,
  );
}

/** "Mexico, Peru" → ["Mexico", "Peru"]; the sponsors line joins them again with "and". */
function sponsorList(value: string): string[] {
  return value
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s !== '');
}

function metadataOf(front: FrontMatter): { metadata: Metadata; datedOnStart: boolean } {
  const v = front.values;
  const line = (key: TemplateKey): number | undefined => front.lines[key];
  let symbol = v.symbol;
  if (v.revision !== undefined) {
    // UN practice: citing resolutions: the revision is part of the symbol, "CTOC/COP/2012/L.4/Rev.2".
    if (!/^[1-9]\d*$/.test(v.revision) && !isPlaceholderOnly(v.revision))
      throw new TemplateError(
        `line ${line('revision')}: "revision" must be a number (Rev.1, Rev.2 ...) or a placeholder such as ‹n›, got ${JSON.stringify(v.revision)}`,
      );
    if (symbol === undefined)
      throw new TemplateError(
        `line ${line('revision')}: "revision" needs a "symbol" to add "/Rev.${v.revision}" to`,
      );
    if (/\/Rev\./.test(symbol))
      throw new TemplateError(
        `line ${line('symbol')}: the symbol already has a revision; give it without "/Rev." and put the number in "revision"`,
      );
    symbol = `${symbol}/Rev.${v.revision}`;
  }
  let date: string | undefined;
  let datedOnStart = false;
  if (v.date !== undefined) {
    if (isPlaceholderOnly(v.date)) datedOnStart = true;
    else if (ISO_DATE.test(v.date)) date = v.date;
    else
      throw new TemplateError(
        `line ${line('date')}: "date" must be an ISO date such as 2014-10-06 or a placeholder such as ‹date›, got ${JSON.stringify(v.date)}`,
      );
  }
  const sponsors = v.sponsors === undefined ? undefined : sponsorList(v.sponsors);
  const metadata: Metadata = {
    ...(symbol === undefined ? {} : { symbol }),
    ...(v.distribution === undefined
      ? {}
      : {
          distribution: oneOf(
            v.distribution,
            ['limited', 'general'] as const,
            'distribution',
            line('distribution'),
          ),
        }),
    ...(date === undefined ? {} : { date }),
    ...(v.originalLanguage === undefined ? {} : { originalLanguage: v.originalLanguage }),
    ...(v.session === undefined ? {} : { session: v.session }),
    ...(v.agendaItem === undefined ? {} : { agendaItem: v.agendaItem }),
    ...(v.agendaItemTitle === undefined ? {} : { agendaItemTitle: v.agendaItemTitle }),
    ...(sponsors === undefined ? {} : { sponsors }),
    ...(v.footnoteRule === undefined
      ? {}
      : {
          footnoteRule: oneOf<FootnoteRule>(
            v.footnoteRule,
            FOOTNOTE_RULES,
            'footnoteRule',
            line('footnoteRule'),
          ),
        }),
  };
  return { metadata, datedOnStart };
}

function baseName(fileName: string): string {
  return fileName.slice(fileName.lastIndexOf('/') + 1);
}

function read(text: string, fileName: string | undefined): Template {
  const lines = text
    .replace(/^\uFEFF/, '')
    .replace(/\r\n?/g, '\n')
    .split('\n');
  const front = readFrontMatter(lines);
  const v = front.values;
  const missing = REQUIRED.filter((key) => v[key] === undefined);
  if (missing.length > 0)
    throw new TemplateError(`the front matter lacks ${missing.map((k) => `"${k}"`).join(', ')}`);
  const id = v.id ?? '';
  if (!ID.test(id))
    throw new TemplateError(
      `line ${front.lines.id}: "id" must be lower-case words joined by hyphens, such as cop-resolution, got ${JSON.stringify(id)}`,
    );
  if (fileName !== undefined) {
    const expected = `${id}${TEMPLATE_SUFFIX}`;
    if (baseName(fileName) !== expected)
      throw new TemplateError(
        `the id "${id}" does not match the file name; the file should be called ${expected}`,
      );
  }
  const kind = oneOf<DocumentKind>(v.kind ?? '', DOCUMENT_KINDS, 'kind', front.lines.kind);
  const { metadata, datedOnStart } = metadataOf(front);

  // The body keeps its line numbers (the front matter becomes blank lines, which the recognizer
  // skips), so the recognizer's diagnostics point at lines of the file.
  const body = [...lines.slice(0, front.bodyStart).map(() => ''), ...lines.slice(front.bodyStart)].join('\n');
  const recognized = recognize(body, { kind });
  if (recognized.diagnostics.length > 0)
    throw new TemplateError(
      `the body does not read as a ${kind}: ${recognized.diagnostics
        .map((d) =>
          d.line === undefined || d.message.includes(`line ${d.line}`)
            ? d.message
            : `line ${d.line}: ${d.message}`,
        )
        .join('; ')}`,
    );
  const [recognizedDoc, ...others] = recognized.documents;
  if (!recognizedDoc)
    throw new TemplateError('the body is empty: a template needs a title, a formula and paragraphs');
  if (others.length > 0)
    throw new TemplateError(`the body holds ${recognized.documents.length} documents; a template holds one`);
  const organ = v.organ ?? '';
  if (recognizedDoc.organ !== organ)
    throw new TemplateError(
      `line ${front.lines.organ}: "organ" is "${organ}" but the enacting formula names "${recognizedDoc.organ}"`,
    );
  const document: ResolutionDocument = withPositionalNumbering({ ...recognizedDoc, kind, organ, metadata });
  const valid = validateDocument(document);
  if (!valid.ok)
    throw new TemplateError(`the template is not a valid document: ${formatValidationErrors(valid.errors)}`);
  const placeholders = [...new Set(findPlaceholders(document).map((p) => p.text))];
  return { id, name: v.name ?? '', description: v.description ?? '', document, placeholders, datedOnStart };
}

/** Reads one template file's text. `fileName`, when given, prefixes errors and must match the id. */
export function parseTemplate(text: string, fileName?: string): TemplateResult {
  const prefix = fileName === undefined ? '' : `${baseName(fileName)}: `;
  if (typeof text !== 'string') return { ok: false, error: `${prefix}expected the template's text` };
  try {
    return { ok: true, template: read(text, fileName) };
  } catch (error) {
    // Only TemplateError is expected; anything else is a bug below, reported rather than thrown
    // because the picker must still list the good templates.
    const message = error instanceof Error ? error.message : 'unknown failure';
    return {
      ok: false,
      error: prefix + (error instanceof TemplateError ? message : `could not be read: ${message}`),
    };
  }
}

/**
 * Reads every template of a `{ path: text }` record (what `import.meta.glob` returns), sorted by id;
 * the ones that fail are listed in `errors`, so one bad file does not hide the others.
 */
export function parseTemplates(files: Readonly<Record<string, string>>): {
  readonly templates: readonly Template[];
  readonly errors: readonly string[];
} {
  const templates: Template[] = [];
  const errors: string[] = [];
  for (const [path, text] of Object.entries(files)) {
    const result = parseTemplate(text, path);
    if (result.ok) templates.push(result.template);
    else errors.push(result.error);
  }
  const seen = new Set<string>();
  for (const t of templates) {
    if (seen.has(t.id)) errors.push(`two templates have the id "${t.id}"`);
    seen.add(t.id);
  }
  templates.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  return { templates, errors };
}
