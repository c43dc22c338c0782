/**
 * Schema versions and the steps that carry an older document forward (ARCHITECTURE.md, convention 2:
 * saved drafts must survive changes to the model).
 *
 * History of `SCHEMA_VERSION` (types.ts):
 *   0  The pre-release draft shape, written by prototypes before the first release:
 *        { version: 0, kind, number?, organ, formula, title, metadata, preamble, footnotes,
 *          operative: [{ label?, text, subparagraphs?: [{ label?, text, subparagraphs? }] }] }
 *      - `version` instead of `schemaVersion`;
 *      - operative paragraphs and subparagraphs are plain strings in `text`, with the opener inside the
 *        text and marked as italic the way the prototype's plain-text editor did: "*Requests* the Office";
 *      - `subparagraphs` may be missing; there is no `annex` key (the prototype had no annexes).
 *      Preamble, metadata and footnotes already had their version 1 shape.
 *   1  The first release.
 *   2  Negotiation (issue 14): a draft may carry `negotiation`, its proposals, brackets and
 *      paragraph statuses (src/core/negotiation/types.ts). A version 1 draft is not under negotiation:
 *      it gains nothing but its new version number.
 *
 * A step never throws on a malformed document: it converts what it recognizes and leaves the rest for
 * `validateDocument`, which reports it with its path.
 */
import type { Inline } from './types.ts';
import { SCHEMA_VERSION } from './types.ts';
import { plain } from './inline.ts';

type Raw = Readonly<Record<string, unknown>>;

export interface Migration {
  readonly from: number;
  readonly to: number;
  /** One line for the changelog and for the "this file was upgraded" notice. */
  readonly describe: string;
  up(doc: Raw): Raw;
}

export type MigrationResult =
  | { readonly ok: true; readonly value: unknown; readonly from: number }
  | { readonly ok: false; readonly error: string };

function isRaw(value: unknown): value is Raw {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The opener the prototype marked as italic at the start of the text: "*Also requests* the Office". */
const V0_OPENER = /^\*([^*]+)\*\s*/;

function splitV0Opener(text: string): { opener: string; content: readonly Inline[] } {
  const m = V0_OPENER.exec(text);
  return m
    ? { opener: (m[1] ?? '').trim(), content: plain(text.slice(m[0].length)) }
    : { opener: '', content: plain(text) };
}

function v0Subparagraphs(value: unknown): unknown {
  if (value === undefined) return [];
  if (!Array.isArray(value)) return value;
  return value.map((item: unknown) => {
    if (!isRaw(item) || typeof item.text !== 'string') return item;
    const { text, subparagraphs, ...rest } = item;
    return { ...rest, content: plain(text), subparagraphs: v0Subparagraphs(subparagraphs) };
  });
}

function v0Operative(value: unknown): unknown {
  if (!Array.isArray(value)) return value;
  return value.map((item: unknown) => {
    if (!isRaw(item) || typeof item.text !== 'string') return item;
    const { text, subparagraphs, ...rest } = item;
    return { ...rest, ...splitV0Opener(text), subparagraphs: v0Subparagraphs(subparagraphs) };
  });
}

/** Ordered by `from`; each step goes up by one, and the last one ends at `SCHEMA_VERSION`. */
export const MIGRATIONS: readonly Migration[] = [
  {
    from: 0,
    to: 1,
    describe:
      'Pre-release draft: schemaVersion replaces version, openers split from operative text, annex added',
    up(doc) {
      const { version: _version, schemaVersion: _schemaVersion, operative, ...rest } = doc;
      return {
        schemaVersion: 1,
        ...rest,
        operative: v0Operative(operative),
        annex: Object.hasOwn(doc, 'annex') ? doc.annex : null,
      };
    },
  },
  {
    from: 1,
    to: 2,
    describe: 'Negotiation: a draft may now hold its proposals, brackets and paragraph statuses',
    up(doc) {
      return { ...doc, schemaVersion: 2 };
    },
  },
];

function show(value: unknown): string {
  if (typeof value === 'string') return JSON.stringify(value.slice(0, 20));
  return typeof value === 'number' ? String(value) : value === null ? 'null' : typeof value;
}

/** The version a raw document says it has: `schemaVersion`, or `version` in the pre-release shape. */
function versionOf(doc: Raw): unknown {
  if (Object.hasOwn(doc, 'schemaVersion')) return doc.schemaVersion;
  if (Object.hasOwn(doc, 'version')) return doc.version;
  return undefined;
}

/**
 * Brings a raw document (parsed JSON) to `SCHEMA_VERSION`. The result is not validated: pass
 * `value` to `validateDocument`. A document already at the current version is returned as is.
 */
export function migrate(raw: unknown): MigrationResult {
  if (!isRaw(raw)) return { ok: false, error: 'This is not a resolution document: expected an object.' };
  const version = versionOf(raw);
  if (version === undefined)
    return { ok: false, error: 'This is not a resolution document: it has no schemaVersion.' };
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 0)
    return { ok: false, error: `The document's schemaVersion must be a whole number, got ${show(version)}.` };
  if (version > SCHEMA_VERSION)
    return {
      ok: false,
      error:
        `This document was written by a newer version of Resolution Drafter (schema version ${version}; ` +
        `this version reads up to ${SCHEMA_VERSION}). Update the app to open it.`,
    };
  let doc: Raw = raw;
  for (let v = version; v < SCHEMA_VERSION;) {
    const step = MIGRATIONS.find((m) => m.from === v);
    if (!step)
      return { ok: false, error: `No migration from schema version ${v}: the document cannot be opened.` };
    try {
      doc = step.up(doc);
    } catch (error) {
      const reason = error instanceof Error ? error.message : 'unknown failure';
      return { ok: false, error: `Could not upgrade the document from schema version ${v}: ${reason}` };
    }
    v = step.to;
  }
  return { ok: true, value: doc, from: version };
}
