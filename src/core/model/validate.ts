/**
 * Runtime validation of the document model (ARCHITECTURE.md, convention 2): everything that reaches
 * the app from outside (a saved file, a stored draft, an import) is checked field by field against
 * `types.ts` before anything reads it.
 *
 * Two kinds of failure (convention 6): `validateDocument` returns every problem as a value with its
 * path and never throws, whatever it is given; `assertDocument` is for code that should only ever hold
 * a valid document, and throws.
 *
 * The validator is strict: unknown keys are errors at every level, so a typo such as `italics: true`
 * is reported instead of silently dropped, and a file cannot smuggle `__proto__` or other extra keys
 * through to code that copies objects.
 */
import type { ResolutionDocument } from './types.ts';
import { DOCUMENT_KINDS, FOOTNOTE_RULES, SCHEMA_VERSION } from './types.ts';
import { PARAGRAPH_STATUSES, PROPOSAL_KINDS, PROPOSAL_STATES } from '../negotiation/types.ts';
import { negotiationProblems } from '../negotiation/consistency.ts';

export interface ValidationError {
  /** Where the problem is, e.g. "operative[3].subparagraphs[0].content[2].footnoteId"; "" for the whole value. */
  readonly path: string;
  /** What is wrong and what was expected, after the path, e.g. "expected a string, got number". */
  readonly message: string;
  /**
   * The problem as a sentence for the person drafting, with the place named as they know it and
   * positions counted from 1, e.g. "Operative paragraph 3 is 100,120 characters long; the limit is
   * 100,000." `formatValidationErrors` shows these.
   */
  readonly description: string;
}

export type ValidationResult =
  | { readonly ok: true; readonly document: ResolutionDocument }
  | { readonly ok: false; readonly errors: readonly ValidationError[] };

/**
 * Caps that protect the app from hostile or corrupt input, set far above any real resolution: the
 * longest paragraph of the corpus is under 2,000 characters and its longest resolution has 20
 * operative paragraphs. Subparagraphs go (a) then (i) (UN practice: subparagraphs); depth 4
 * leaves room for negotiation texts without letting a file nest without end.
 */
export const LIMITS = {
  /** Paragraphs in the preamble, the operative part or the annex; subparagraphs under one paragraph. */
  paragraphs: 2_000,
  footnotes: 2_000,
  /** Characters of one paragraph, subparagraph or footnote (all its runs together). */
  paragraphChars: 100_000,
  /** Runs in one paragraph's content. */
  runs: 5_000,
  /** Characters of a one-line field: title, opener, label, symbol, footnote id ... */
  fieldChars: 2_000,
  sponsors: 500,
  subparagraphDepth: 4,
  /** Problems reported before the validator stops looking: a broken file should not yield a million. */
  errors: 100,
} as const;

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

export function validateDocument(value: unknown): ValidationResult {
  const checker = new Checker();
  try {
    checker.document(value);
  } catch (error) {
    // Only reachable through exotic values built in code (a Proxy or a throwing getter); JSON cannot
    // produce them. The promise is "never throws", so the failure becomes an error like any other.
    const why = error instanceof Error ? error.message : 'unknown failure';
    checker.add('', `could not be read: ${why}`, `The document could not be read: ${why}.`);
  }
  if (checker.errors.length > 0) return { ok: false, errors: checker.errors };
  const document = value as ResolutionDocument;
  // What the negotiation says of the text (its proposals' paragraphs and words) once both have their shape.
  const problems = document.negotiation ? negotiationProblems(document, document.negotiation) : [];
  return problems.length === 0
    ? { ok: true, document }
    : {
        ok: false,
        errors: problems
          .slice(0, LIMITS.errors)
          .map((p) => ({ path: p.path, message: p.description, description: p.description })),
      };
}

/** For code that must hold a valid document: throws an Error listing the first problems. */
export function assertDocument(value: unknown): ResolutionDocument {
  const result = validateDocument(value);
  if (result.ok) return result.document;
  throw new Error(`Invalid resolution document: ${formatValidationErrors(result.errors)}`);
}

/**
 * The first problems as sentences, e.g. "The opener of operative paragraph 1 should be text, not a
 * number. The title is 2,151 characters long; the limit is 2,000. There are 3 more problems."
 */
export function formatValidationErrors(errors: readonly ValidationError[], max = 5): string {
  const shown = errors.slice(0, max).map((e) => e.description);
  const more = errors.length - shown.length;
  if (more > 0)
    shown.push(more === 1 ? 'There is 1 more problem.' : `There are ${count(more)} more problems.`);
  return shown.join(' ');
}

/**
 * A path of the model named as the person drafting knows the place, positions counted from 1:
 * "operative[2].content" is "the text of operative paragraph 3", "preamble[0].subparagraphs[1]"
 * "subparagraph 2 of preambular paragraph 1", "metadata.sponsors" "the list of sponsors", "" "the
 * document". A key the model does not have is named as a field: 'the field "italics" of ...'.
 */
export function describePath(path: string): string {
  return nameOf(pathSegments(path));
}

type Segment = string | number;

/** The segments `join` wrote: `.key`, `[3]` and `["odd key"]`. */
function pathSegments(path: string): Segment[] {
  const segments: Segment[] = [];
  for (const m of path.matchAll(/([A-Za-z_$][\w$]*)|\[(\d+)\]|\[("(?:[^"\\]|\\.)*")\]/g)) {
    if (m[1] !== undefined) segments.push(m[1]);
    else if (m[2] !== undefined) segments.push(Number(m[2]));
    else if (m[3] !== undefined) segments.push(JSON.parse(m[3]) as string);
  }
  return segments;
}

/** Places named by where they are, indices left out ("metadata.sponsors", "annex.items"). */
const PLACES: Readonly<Record<string, string>> = {
  '': 'the document',
  schemaVersion: 'the schema version',
  kind: 'the kind of document',
  number: 'the document number',
  organ: 'the organ',
  formula: 'the formula',
  title: 'the title',
  metadata: 'the details section',
  'metadata.session': 'the session',
  'metadata.symbol': 'the symbol',
  'metadata.date': 'the date',
  'metadata.sponsors': 'the list of sponsors',
  'metadata.agendaItem': 'the agenda item',
  'metadata.agendaItemTitle': 'the agenda item title',
  'metadata.distribution': 'the distribution',
  'metadata.originalLanguage': 'the original language',
  'metadata.footnoteRule': 'the footnote rule',
  'metadata.base': 'the base text',
  'metadata.base.source': 'the source of the base text',
  'metadata.base.ref': 'the reference of the base text',
  'metadata.adoption': 'the record of adoption',
  'metadata.adoption.date': 'the date of adoption',
  'metadata.adoption.meeting': 'the number of the adoption meeting',
  'metadata.adoption.draftSymbol': 'the symbol of the adopted draft',
  'metadata.adoption.submittedBy': 'the submitter of the adopted draft',
  'metadata.adoption.basis': 'what the adoption was on (the report or the draft)',
  'metadata.notes': 'the notes under the masthead',
  'metadata.adoption.sponsors': 'the list of sponsors at adoption',
  preamble: 'the preamble',
  sections: 'the sections',
  'annex.headings': 'the headings of the annex',
  operative: 'the operative part',
  annex: 'the annex',
  'annex.title': 'the annex title',
  'annex.intro': 'the introduction of the annex',
  'annex.items': 'the list of annex items',
  footnotes: 'the list of footnotes',
};

/** Fields of paragraphs, subparagraphs, footnotes and runs, named after what holds them. */
const FIELDS: Readonly<Record<string, (holder: string) => string>> = {
  opener: (h) => `the opener of ${h}`,
  label: (h) => `the label of ${h}`,
  content: (h) => `the text of ${h}`,
  subparagraphs: (h) => `the list of subparagraphs of ${h}`,
  id: (h) => `the id of ${h}`,
  number: (h) => `the number of ${h}`,
  resolved: (h) => `the resolved text of ${h}`,
  // A text run's text is the run itself: "part 2 of the text of footnote 1".
  text: (h) => h,
  italic: (h) => `the italic setting of ${h}`,
  type: (h) => `the type of ${h}`,
  footnoteId: (h) => `the footnote id of ${h}`,
};

function nameOf(segments: readonly Segment[]): string {
  const place = segments.filter((s) => typeof s === 'string').join('.');
  const last = segments[segments.length - 1];
  const holder = segments.slice(0, -1);
  if (typeof last === 'number') {
    const at = String(last + 1);
    const list = holder.filter((s) => typeof s === 'string').join('.');
    if (list === 'preamble') return `preambular paragraph ${at}`;
    if (list === 'operative') return `operative paragraph ${at}`;
    if (list === 'footnotes') return `footnote ${at}`;
    if (list === 'annex.items') return `annex item ${at}`;
    if (list === 'metadata.sponsors') return `sponsor ${at}`;
    if (list === 'metadata.adoption.sponsors') return `sponsor ${at} at adoption`;
    const owner = holder.slice(0, -1);
    if (holder[holder.length - 1] === 'subparagraphs') return `subparagraph ${at} of ${nameOf(owner)}`;
    return `part ${at} of ${nameOf(holder)}`;
  }
  if (last === undefined) return 'the document';
  // Only paths without indices are places; "operative[0].title" is a field the paragraph lacks.
  const indexed = segments.some((s) => typeof s === 'number');
  const known = !indexed && Object.hasOwn(PLACES, place) ? PLACES[place] : undefined;
  if (known !== undefined) return known;
  const ofHolder = indexed && Object.hasOwn(FIELDS, last) ? FIELDS[last] : undefined;
  if (ofHolder !== undefined) return ofHolder(nameOf(holder));
  return `the field ${JSON.stringify(last)} of ${nameOf(holder)}`;
}

/** "the title" → "The title". */
function capitalized(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** The place of `path` at the start of a sentence. */
function subject(path: string): string {
  return capitalized(describePath(path));
}

/** What was found, as a person reads it: "text", "a number", "a list" ... */
function found(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  switch (typeof value) {
    case 'string':
      return 'text';
    case 'number':
    case 'bigint':
      return 'a number';
    case 'boolean':
      return 'true or false';
    case 'function':
      return 'a function';
    case 'symbol':
      return 'a symbol';
    default:
      return 'a group of fields';
  }
}

/** "The title is missing." or "The title should be text, not a number." */
function wrong(path: string, expected: string, value: unknown, shown = found(value)): string {
  return value === undefined
    ? `${subject(path)} is missing.`
    : `${subject(path)} should be ${expected}, not ${shown}.`;
}

/** "number", "null", "an array", "a function" ...: what was found, for "expected X, got Y". */
export function describeValue(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  if (typeof value === 'function') return 'a function';
  if (typeof value === 'symbol') return 'a symbol';
  if (typeof value === 'object') return 'an object';
  return typeof value;
}

type Fields = Readonly<Record<string, unknown>>;

function isFields(value: unknown): value is Fields {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Reads own properties only: a polluted Object.prototype must not supply a missing field. */
function field(record: Fields, key: string): unknown {
  return Object.hasOwn(record, key) ? record[key] : undefined;
}

function join(path: string, key: string | number): string {
  if (typeof key === 'number') return `${path}[${key}]`;
  if (!/^[A-Za-z_$][\w$]*$/.test(key)) return `${path}[${JSON.stringify(key)}]`;
  return path === '' ? key : `${path}.${key}`;
}

function isIsoDate(text: string): boolean {
  const m = ISO_DATE.exec(text);
  if (!m) return false;
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

const count = (n: number): string => n.toLocaleString('en-US');

interface PendingRef {
  readonly path: string;
  /** The path of the paragraph, subparagraph or annex introduction the reference is in. */
  readonly text: string;
  readonly id: string;
}

class Checker {
  readonly errors: ValidationError[] = [];
  private readonly refs: PendingRef[] = [];

  add(path: string, message: string, description: string): void {
    if (this.errors.length < LIMITS.errors) this.errors.push({ path, message, description });
    else if (this.errors.length === LIMITS.errors)
      this.errors.push({
        path: '',
        message: `too many problems; stopped after ${LIMITS.errors}`,
        description: `There are more than ${LIMITS.errors} problems; the check stopped there.`,
      });
  }

  private get full(): boolean {
    return this.errors.length > LIMITS.errors;
  }

  document(value: unknown): void {
    const doc = this.record(
      value,
      '',
      ['a resolution document object', 'a resolution document'],
      [
        'schemaVersion',
        'kind',
        'number',
        'organ',
        'formula',
        'title',
        'metadata',
        'preamble',
        'operative',
        'sections',
        'annex',
        'footnotes',
        'negotiation',
      ],
    );
    if (!doc) return;
    const version = field(doc, 'schemaVersion');
    if (version !== SCHEMA_VERSION)
      this.add(
        'schemaVersion',
        `expected schema version ${SCHEMA_VERSION}, got ${describeOrShow(version)}`,
        wrong('schemaVersion', String(SCHEMA_VERSION), version, shown(version)),
      );
    this.oneOf(field(doc, 'kind'), 'kind', DOCUMENT_KINDS);
    this.optionalString(doc, 'number', '');
    for (const key of ['organ', 'formula', 'title']) this.string(field(doc, key), key);
    this.metadata(field(doc, 'metadata'));
    this.list(field(doc, 'preamble'), 'preamble', LIMITS.paragraphs, 'preambular paragraphs', (item, path) =>
      this.preambular(item, path),
    );
    this.list(field(doc, 'operative'), 'operative', LIMITS.paragraphs, 'operative paragraphs', (item, path) =>
      this.operative(item, path),
    );
    const sections = field(doc, 'sections');
    if (sections !== undefined)
      this.list(sections, 'sections', LIMITS.paragraphs, 'sections', (item, path) =>
        this.section(item, path),
      );
    const annex = field(doc, 'annex');
    if (annex !== null) this.annex(annex);
    const ids = this.footnotes(field(doc, 'footnotes'));
    const negotiation = field(doc, 'negotiation');
    if (negotiation !== undefined) this.negotiation(negotiation);
    // References are checked last, once every footnote id is known (a reference may precede its note's entry).
    if (ids)
      for (const ref of this.refs)
        if (!ids.has(ref.id))
          this.add(
            ref.path,
            `refers to footnote "${ref.id}", which does not exist`,
            `A footnote reference in ${describePath(ref.text)} refers to footnote "${ref.id}", which does not exist.`,
          );
  }

  /** The shape of a negotiation (negotiation/types.ts); what it says of the text is checked once the shape holds. */
  private negotiation(value: unknown): void {
    const path = 'negotiation';
    const n = this.record(
      value,
      path,
      ['an object', 'a group of fields'],
      ['round', 'facilitator', 'delegations', 'proposals', 'brackets', 'paragraphs', 'nextId'],
    );
    if (!n) return;
    for (const key of ['round', 'nextId']) {
      const v = field(n, key);
      if (!(typeof v === 'number' && Number.isSafeInteger(v) && v >= 0))
        this.add(
          join(path, key),
          `expected a whole number, got ${describeOrShow(v)}`,
          wrong(join(path, key), 'a whole number', v),
        );
    }
    this.string(field(n, 'facilitator'), join(path, 'facilitator'));
    const strings = (v: unknown, at: string): void => {
      this.list(v, at, LIMITS.sponsors, 'delegations', (item, itemPath) => this.string(item, itemPath));
    };
    this.list(
      field(n, 'delegations'),
      join(path, 'delegations'),
      LIMITS.sponsors,
      'delegations',
      (item, at) => {
        const d = this.record(item, at, ['an object', 'a group of fields'], ['name', 'colour']);
        if (!d) return;
        this.string(field(d, 'name'), join(at, 'name'));
        const colour = field(d, 'colour');
        if (this.string(colour, join(at, 'colour')) && !/^#[0-9a-f]{6}$/i.test(colour))
          this.add(
            join(at, 'colour'),
            'expected a colour such as "#1f5fa8"',
            `${subject(join(at, 'colour'))} should be a colour such as #1f5fa8.`,
          );
      },
    );
    const range = (v: unknown, at: string): void => {
      const r = this.record(v, at, ['an object', 'a group of fields'], ['start', 'end']);
      if (!r) return;
      for (const key of ['start', 'end']) {
        const x = field(r, key);
        if (!(typeof x === 'number' && Number.isSafeInteger(x) && x >= 0))
          this.add(
            join(at, key),
            `expected a whole number, got ${describeOrShow(x)}`,
            wrong(join(at, key), 'a whole number', x),
          );
      }
    };
    this.list(
      field(n, 'proposals'),
      join(path, 'proposals'),
      LIMITS.paragraphs * 5,
      'proposals',
      (item, at) => {
        const p = this.record(
          item,
          at,
          ['an object', 'a group of fields'],
          [
            'id',
            'delegation',
            'date',
            'kind',
            'key',
            'range',
            'text',
            'to',
            'supporters',
            'opposers',
            'state',
            'source',
          ],
        );
        if (!p) return;
        for (const key of ['id', 'delegation', 'key']) this.string(field(p, key), join(at, key));
        this.string(field(p, 'text'), join(at, 'text'), LIMITS.paragraphChars);
        this.optionalString(p, 'date', at);
        this.optionalString(p, 'to', at);
        this.oneOf(field(p, 'kind'), join(at, 'kind'), PROPOSAL_KINDS);
        this.oneOf(field(p, 'state'), join(at, 'state'), PROPOSAL_STATES);
        if (field(p, 'range') !== undefined) range(field(p, 'range'), join(at, 'range'));
        strings(field(p, 'supporters'), join(at, 'supporters'));
        strings(field(p, 'opposers'), join(at, 'opposers'));
        const source = field(p, 'source');
        if (source !== undefined) {
          const r = this.record(
            source,
            join(at, 'source'),
            ['an object', 'a group of fields'],
            ['file', 'author'],
          );
          if (r)
            for (const key of ['file', 'author']) this.string(field(r, key), join(join(at, 'source'), key));
        }
      },
    );
    this.list(field(n, 'brackets'), join(path, 'brackets'), LIMITS.paragraphs * 5, 'brackets', (item, at) => {
      const b = this.record(
        item,
        at,
        ['an object', 'a group of fields'],
        ['id', 'key', 'range', 'originalHolders', 'proposals', 'resolved'],
      );
      if (!b) return;
      for (const key of ['id', 'key']) this.string(field(b, key), join(at, key));
      range(field(b, 'range'), join(at, 'range'));
      strings(field(b, 'originalHolders'), join(at, 'originalHolders'));
      this.list(field(b, 'proposals'), join(at, 'proposals'), LIMITS.paragraphs, 'proposals', (x, xp) =>
        this.string(x, xp),
      );
      this.optionalString(b, 'resolved', at);
    });
    const paragraphs = field(n, 'paragraphs');
    const at = join(path, 'paragraphs');
    if (!isFields(paragraphs)) {
      this.add(
        at,
        `expected an object, got ${describeValue(paragraphs)}`,
        wrong(at, 'a group of fields', paragraphs),
      );
      return;
    }
    for (const key of Object.keys(paragraphs)) {
      const keyPath = join(at, key);
      if (!/^(?:(?:preamble|operative|annex):\d+(?:\.\d+)*|new:p\d+)$/.test(key)) {
        this.add(
          keyPath,
          `unknown paragraph key ${JSON.stringify(key.slice(0, 40))}`,
          `The negotiation records a status for ${JSON.stringify(key.slice(0, 40))}, which names no paragraph.`,
        );
        continue;
      }
      const state = this.record(
        field(paragraphs, key),
        keyPath,
        ['an object', 'a group of fields'],
        ['status', 'note'],
      );
      if (!state) continue;
      this.oneOf(field(state, 'status'), join(keyPath, 'status'), PARAGRAPH_STATUSES);
      if (field(state, 'note') !== undefined)
        this.string(field(state, 'note'), join(keyPath, 'note'), LIMITS.paragraphChars);
    }
  }

  private metadata(value: unknown): void {
    const meta = this.record(
      value,
      'metadata',
      ['an object', 'a group of fields'],
      [
        'session',
        'symbol',
        'date',
        'sponsors',
        'agendaItem',
        'agendaItemTitle',
        'distribution',
        'originalLanguage',
        'base',
        'adoption',
        'footnoteRule',
        'notes',
      ],
    );
    if (!meta) return;
    for (const key of ['session', 'symbol', 'agendaItem', 'agendaItemTitle', 'originalLanguage'])
      this.optionalString(meta, key, 'metadata');
    const date = field(meta, 'date');
    if (date !== undefined) this.date(date, 'metadata.date');
    const sponsors = field(meta, 'sponsors');
    if (sponsors !== undefined) this.sponsors(sponsors, 'metadata.sponsors');
    const distribution = field(meta, 'distribution');
    if (distribution !== undefined) this.oneOf(distribution, 'metadata.distribution', ['limited', 'general']);
    const rule = field(meta, 'footnoteRule');
    if (rule !== undefined) this.oneOf(rule, 'metadata.footnoteRule', FOOTNOTE_RULES);
    const base = field(meta, 'base');
    if (base !== undefined) {
      const record = this.record(
        base,
        'metadata.base',
        ['an object', 'a group of fields'],
        ['source', 'ref'],
      );
      if (record) {
        this.oneOf(field(record, 'source'), 'metadata.base.source', ['corpus', 'revision', 'file']);
        this.string(field(record, 'ref'), 'metadata.base.ref');
      }
    }
    const adoption = field(meta, 'adoption');
    if (adoption !== undefined) this.adoption(adoption, 'metadata.adoption');
    const notes = field(meta, 'notes');
    if (notes !== undefined)
      this.list(notes, 'metadata.notes', LIMITS.sponsors, 'notes', (item, itemPath) =>
        this.string(item, itemPath),
      );
  }

  private adoption(value: unknown, path: string): void {
    const record = this.record(
      value,
      path,
      ['an object', 'a group of fields'],
      ['date', 'meeting', 'draftSymbol', 'sponsors', 'submittedBy', 'basis'],
    );
    if (!record) return;
    this.date(field(record, 'date'), join(path, 'date'));
    const meeting = field(record, 'meeting');
    if (meeting !== undefined) this.positiveInteger(meeting, join(path, 'meeting'));
    this.optionalString(record, 'draftSymbol', path);
    this.optionalString(record, 'submittedBy', path);
    this.optionalString(record, 'basis', path);
    this.sponsors(field(record, 'sponsors'), join(path, 'sponsors'));
  }

  private sponsors(value: unknown, path: string): void {
    this.list(value, path, LIMITS.sponsors, 'sponsors', (item, itemPath) => this.string(item, itemPath));
  }

  private preambular(value: unknown, path: string): void {
    const record = this.record(
      value,
      path,
      ['a preambular paragraph object', 'a preambular paragraph'],
      ['opener', 'content', 'subparagraphs'],
    );
    if (!record) return;
    this.string(field(record, 'opener'), join(path, 'opener'));
    this.inlines(field(record, 'content'), join(path, 'content'), true);
    const subs = field(record, 'subparagraphs');
    if (subs !== undefined) this.subparagraphs(subs, join(path, 'subparagraphs'), 1);
  }

  private section(value: unknown, path: string): void {
    const record = this.record(
      value,
      path,
      ['a section object', 'a section'],
      ['number', 'heading', 'preamble', 'operative'],
    );
    if (!record) return;
    this.string(field(record, 'number'), join(path, 'number'));
    this.string(field(record, 'heading'), join(path, 'heading'));
    this.list(
      field(record, 'preamble'),
      join(path, 'preamble'),
      LIMITS.paragraphs,
      'preambular paragraphs',
      (item, p) => this.preambular(item, p),
    );
    this.list(
      field(record, 'operative'),
      join(path, 'operative'),
      LIMITS.paragraphs,
      'operative paragraphs',
      (item, p) => this.operative(item, p),
    );
  }

  private operative(value: unknown, path: string): void {
    const record = this.record(
      value,
      path,
      ['an operative paragraph object', 'an operative paragraph'],
      ['label', 'opener', 'content', 'subparagraphs'],
    );
    if (!record) return;
    this.optionalString(record, 'label', path);
    this.string(field(record, 'opener'), join(path, 'opener'));
    this.inlines(field(record, 'content'), join(path, 'content'), true);
    this.subparagraphs(field(record, 'subparagraphs'), join(path, 'subparagraphs'), 1);
  }

  private annex(value: unknown): void {
    const record = this.record(
      value,
      'annex',
      ['an annex object or null', 'an annex or nothing'],
      ['title', 'intro', 'items', 'headings'],
    );
    if (!record) return;
    this.string(field(record, 'title'), 'annex.title');
    this.inlines(field(record, 'intro'), 'annex.intro', true);
    this.subparagraphs(field(record, 'items'), 'annex.items', 1);
    const headings = field(record, 'headings');
    if (headings !== undefined)
      this.list(headings, 'annex.headings', LIMITS.paragraphs, 'headings', (item, p) => {
        const h = this.record(
          item,
          p,
          ['an annex heading object', 'an annex heading'],
          ['before', 'number', 'heading'],
        );
        if (!h) return;
        const before = field(h, 'before');
        if (typeof before !== 'number' || !Number.isInteger(before) || before < 0)
          this.add(
            join(p, 'before'),
            'expected a whole number of 0 or more',
            `${subject(p)} has no valid place.`,
          );
        this.string(field(h, 'number'), join(p, 'number'));
        this.string(field(h, 'heading'), join(p, 'heading'));
      });
  }

  /** `depth` is the level of the items in this list: (a) is 1, (i) is 2. */
  private subparagraphs(value: unknown, path: string, depth: number): void {
    // Past the deepest level only the empty list that every deepest subparagraph carries is allowed.
    if (depth > LIMITS.subparagraphDepth && Array.isArray(value)) {
      if (value.length > 0)
        this.add(
          path,
          `subparagraphs are nested ${depth} levels deep; at most ${LIMITS.subparagraphDepth} are allowed`,
          `${subject(topParagraph(path))} has subparagraphs nested ${depth} levels deep; ` +
            `at most ${LIMITS.subparagraphDepth} levels are allowed.`,
        );
      return;
    }
    this.list(
      value,
      path,
      LIMITS.paragraphs,
      depth === 1 && path === 'annex.items' ? 'items' : 'subparagraphs',
      (item, itemPath) => {
        const record = this.record(
          item,
          itemPath,
          ['a subparagraph object', 'a subparagraph'],
          ['label', 'content', 'subparagraphs'],
        );
        if (!record) return;
        this.optionalString(record, 'label', itemPath);
        this.inlines(field(record, 'content'), join(itemPath, 'content'), true);
        this.subparagraphs(field(record, 'subparagraphs'), join(itemPath, 'subparagraphs'), depth + 1);
      },
    );
  }

  /** Returns the set of footnote ids, or undefined when the list itself is unusable. */
  private footnotes(value: unknown): Set<string> | undefined {
    const ids = new Set<string>();
    const usable = this.list(value, 'footnotes', LIMITS.footnotes, 'footnotes', (item, path) => {
      const record = this.record(
        item,
        path,
        ['a footnote object', 'a footnote'],
        ['id', 'number', 'content', 'resolved'],
      );
      if (!record) return;
      const id = field(record, 'id');
      if (this.string(id, join(path, 'id'))) {
        if (id === '')
          this.add(join(path, 'id'), 'expected a non-empty footnote id', `${subject(path)} has an empty id.`);
        else if (ids.has(id))
          this.add(
            join(path, 'id'),
            `duplicate footnote id "${id}"; ids must be unique`,
            `${subject(path)} has the id "${id}" of an earlier footnote; ids must be unique.`,
          );
        ids.add(id);
      }
      const number = field(record, 'number');
      if (number !== undefined) this.positiveInteger(number, join(path, 'number'));
      this.inlines(field(record, 'content'), join(path, 'content'), false);
      const resolved = field(record, 'resolved');
      if (resolved !== undefined) this.string(resolved, join(path, 'resolved'), LIMITS.paragraphChars);
    });
    return usable ? ids : undefined;
  }

  /** Inline runs; `refsAllowed` is false inside a footnote, which cannot carry a footnote of its own. */
  private inlines(value: unknown, path: string, refsAllowed: boolean): void {
    let chars = 0;
    // The paragraph, subparagraph or footnote whose text this is: "operative[2]" of "operative[2].content".
    const text = path.replace(/\.content$/, '');
    const usable = this.list(value, path, LIMITS.runs, 'parts of text', (item, itemPath) => {
      const type = isFields(item) ? field(item, 'type') : undefined;
      if (type === 'text') {
        const run = this.record(item, itemPath, ['a text run', 'a run of text'], ['type', 'text', 'italic']);
        const runText = run && field(run, 'text');
        if (run && this.string(runText, join(itemPath, 'text'), Infinity)) chars += runText.length;
        const italic = run && field(run, 'italic');
        if (run && italic !== undefined && typeof italic !== 'boolean')
          this.add(
            join(itemPath, 'italic'),
            `expected a boolean, got ${describeValue(italic)}`,
            wrong(join(itemPath, 'italic'), 'true or false', italic),
          );
      } else if (type === 'footnoteRef') {
        const ref = this.record(
          item,
          itemPath,
          ['a footnote reference', 'a footnote reference'],
          ['type', 'footnoteId'],
        );
        const id = ref && field(ref, 'footnoteId');
        if (!ref || !this.string(id, join(itemPath, 'footnoteId'))) return;
        if (refsAllowed) this.refs.push({ path: join(itemPath, 'footnoteId'), text, id });
        else
          this.add(
            itemPath,
            'a footnote cannot contain a footnote reference',
            `${subject(text)} contains a footnote reference; a footnote cannot contain one.`,
          );
      } else if (isFields(item)) {
        this.add(
          join(itemPath, 'type'),
          `expected "text" or "footnoteRef", got ${describeOrShow(type)}`,
          wrong(join(itemPath, 'type'), '"text" or "footnoteRef"', type, shown(type)),
        );
      } else {
        this.add(
          itemPath,
          `expected an inline run object, got ${describeValue(item)}`,
          wrong(itemPath, 'a run of text or a footnote reference', item),
        );
      }
    });
    if (usable && chars > LIMITS.paragraphChars)
      this.add(
        path,
        `the text is ${count(chars)} characters long; the limit is ${count(LIMITS.paragraphChars)}`,
        `${subject(text)} is ${count(chars)} characters long; the limit is ${count(LIMITS.paragraphChars)}.`,
      );
  }

  /**
   * Checks an object and its keys; returns it when it is an object, so its fields can be checked.
   * `expected` is what it should be, in the message and in the description.
   */
  private record(
    value: unknown,
    path: string,
    [expected, described]: readonly [string, string],
    keys: readonly string[],
  ): Fields | undefined {
    if (!isFields(value)) {
      this.add(path, `expected ${expected}, got ${describeValue(value)}`, wrong(path, described, value));
      return undefined;
    }
    for (const key of Object.keys(value))
      if (!keys.includes(key))
        this.add(
          join(path, key),
          `unknown key "${key}" (expected one of: ${keys.join(', ')})`,
          `${subject(path)} has a field ${JSON.stringify(key)} it cannot have; its fields are ${keys.join(', ')}.`,
        );
    return value;
  }

  /**
   * Checks an array and its length, then each item; returns false when the value is not a usable
   * array. `entries` names what it holds, for "The document has 2,001 footnotes".
   */
  private list(
    value: unknown,
    path: string,
    max: number,
    entries: string,
    item: (value: unknown, path: string) => void,
  ): boolean {
    if (!Array.isArray(value)) {
      this.add(path, `expected an array, got ${describeValue(value)}`, wrong(path, 'a list', value));
      return false;
    }
    if (value.length > max) {
      const holder = path.endsWith('sponsors')
        ? `The ${path === 'metadata.sponsors' ? '' : 'adopted '}draft`
        : subject(path.replace(/\.?[\w$]+$/, ''));
      this.add(
        path,
        `has ${count(value.length)} entries; the limit is ${count(max)}`,
        `${holder} has ${count(value.length)} ${entries}; the limit is ${count(max)}.`,
      );
      return false;
    }
    for (let i = 0; i < value.length && !this.full; i++) item(value[i], join(path, i));
    return true;
  }

  private string(value: unknown, path: string, max: number = LIMITS.fieldChars): value is string {
    if (typeof value !== 'string') {
      this.add(path, `expected a string, got ${describeValue(value)}`, wrong(path, 'text', value));
      return false;
    }
    if (value.length > max) {
      this.add(
        path,
        `is ${count(value.length)} characters long; the limit is ${count(max)}`,
        `${subject(path)} is ${count(value.length)} characters long; the limit is ${count(max)}.`,
      );
      return false;
    }
    return true;
  }

  private optionalString(record: Fields, key: string, path: string): void {
    const value = field(record, key);
    if (value !== undefined) this.string(value, join(path, key));
  }

  private oneOf(value: unknown, path: string, allowed: readonly string[]): void {
    if (typeof value === 'string' && allowed.includes(value)) return;
    const expected = allowed.map((a) => `"${a}"`).join(' or ');
    this.add(
      path,
      `expected ${expected}, got ${describeOrShow(value)}`,
      wrong(path, expected, value, shown(value)),
    );
  }

  private date(value: unknown, path: string): void {
    if (!this.string(value, path)) return;
    if (!isIsoDate(value))
      this.add(
        path,
        `expected an ISO date such as "2012-10-19", got ${JSON.stringify(value.slice(0, 40))}`,
        `${subject(path)} should be written as 2012-10-19 (year, month, day), not ${shown(value)}.`,
      );
  }

  private positiveInteger(value: unknown, path: string): void {
    if (typeof value !== 'number')
      this.add(
        path,
        `expected a whole number, got ${describeValue(value)}`,
        wrong(path, 'a whole number', value),
      );
    else if (!Number.isSafeInteger(value) || value < 1)
      this.add(
        path,
        `expected a whole number of 1 or more, got ${value}`,
        `${subject(path)} should be a whole number of 1 or more, not ${value}.`,
      );
  }
}

/** The paragraph or annex item a subparagraph path is under: "operative[2]", "annex.items[0]". */
function topParagraph(path: string): string {
  return /^(?:preamble\[\d+\]|operative\[\d+\]|annex\.items\[\d+\])/.exec(path)?.[0] ?? path;
}

/** A short string or number shown as itself ("\"motion\"", 0), anything else as `found` names it. */
function shown(value: unknown): string {
  return typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean'
    ? describeOrShow(value)
    : found(value);
}

/** A short string or number is shown as itself ("got \"motion\""); anything else by its type. */
function describeOrShow(value: unknown): string {
  if (typeof value === 'string') return JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value);
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return describeValue(value);
}
