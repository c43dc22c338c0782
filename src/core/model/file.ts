/**
 * The `*.resolution.json` file: the document model wrapped in a small envelope that says what the file
 * is and which schema version wrote it.
 *
 *   { "format": "resolution-drafter/resolution", "schemaVersion": 1, "savedAt": "2012-10-19T10:00:00.000Z",
 *     "document": { ...ResolutionDocument } }
 *
 * Reading is expected trouble, not misuse (ARCHITECTURE.md, convention 6): `parseDocumentFile` returns
 * a human message for anything it refuses and never throws. A bare document (no envelope) is accepted
 * too, so a document copied out of a test or the console opens as well.
 */
import type { ResolutionDocument } from './types.ts';
import type { ValidationError } from './validate.ts';
import { SCHEMA_VERSION } from './types.ts';
import { migrate } from './migrations.ts';
import { describeValue, formatValidationErrors, validateDocument } from './validate.ts';

export const FILE_FORMAT = 'resolution-drafter/resolution';
export const FILE_EXTENSION = '.resolution.json';

/** Far above any real resolution (the whole corpus report is under 200 KB), low enough to stay responsive. */
export const MAX_FILE_CHARS = 20 * 1024 * 1024;

/**
 * A document nests about 15 levels at its deepest (envelope, operative, four levels of subparagraphs,
 * content, run). JSON.parse itself copes with far deeper input, but code walking the result could
 * overflow the stack, so absurd nesting is refused before parsing.
 */
export const MAX_JSON_DEPTH = 64;

export type ParseFileResult =
  | { readonly ok: true; readonly document: ResolutionDocument; readonly migratedFrom?: number }
  | { readonly ok: false; readonly error: string; readonly details?: readonly ValidationError[] };

export function serializeDocumentFile(
  doc: ResolutionDocument,
  options: { savedAt?: string; app?: string } = {},
): string {
  const envelope = {
    format: FILE_FORMAT,
    schemaVersion: SCHEMA_VERSION,
    ...(options.app === undefined ? {} : { app: options.app }),
    savedAt: options.savedAt ?? new Date().toISOString(),
    document: doc,
  };
  return `${JSON.stringify(envelope, null, 2)}\n`;
}

export function parseDocumentFile(text: string): ParseFileResult {
  if (text.length > MAX_FILE_CHARS) {
    const mb = (text.length / 1024 / 1024).toFixed(1);
    return { ok: false, error: `The file is too large (${mb} MB); a resolution file can be at most 20 MB.` };
  }
  // A byte-order mark is what some Windows editors put at the start of a UTF-8 file.
  const body = text.startsWith('\uFEFF') ? text.slice(1) : text;
  if (body.trim() === '') return { ok: false, error: 'The file is empty.' };
  if (nestsDeeperThan(body, MAX_JSON_DEPTH))
    return {
      ok: false,
      error: `The file nests lists or objects more than ${MAX_JSON_DEPTH} levels deep; it is not a resolution file.`,
    };

  let parsed: unknown;
  try {
    parsed = JSON.parse(body);
  } catch (error) {
    return { ok: false, error: describeJsonError(error, body) };
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed))
    return {
      ok: false,
      error: `The file does not hold a resolution: expected a JSON object, got ${describeValue(parsed)}.`,
    };

  const record = parsed as Readonly<Record<string, unknown>>;
  let raw: unknown = record;
  // An envelope is recognized by its own keys; anything else is taken as a bare document.
  if (Object.hasOwn(record, 'format') || Object.hasOwn(record, 'document')) {
    if (record.format !== FILE_FORMAT)
      return {
        ok: false,
        error: `This is not a Resolution Drafter file: its format is ${show(record.format)}, expected "${FILE_FORMAT}".`,
      };
    const version = record.schemaVersion;
    if (typeof version === 'number' && version > SCHEMA_VERSION)
      return {
        ok: false,
        error:
          `This file was written by a newer version of Resolution Drafter (schema version ${version}; ` +
          `this version reads up to ${SCHEMA_VERSION}). Update the app to open it.`,
      };
    if (!Object.hasOwn(record, 'document')) return { ok: false, error: 'The file has no "document" in it.' };
    raw = record.document;
  }

  const migrated = migrate(raw);
  if (!migrated.ok) return { ok: false, error: migrated.error };
  const result = validateDocument(migrated.value);
  if (!result.ok) {
    const n = result.errors.length;
    return {
      ok: false,
      error: `The file's document is not valid (${n} problem${n === 1 ? '' : 's'}): ${formatValidationErrors(result.errors, 3)}`,
      details: result.errors,
    };
  }
  return migrated.from < SCHEMA_VERSION
    ? { ok: true, document: result.document, migratedFrom: migrated.from }
    : { ok: true, document: result.document };
}

/** Brackets outside strings, counted in one pass without parsing. */
function nestsDeeperThan(text: string, max: number): boolean {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c)
        i++; // backslash: skip the escaped character
      else if (c === 0x22) inString = false;
    } else if (c === 0x22) inString = true;
    else if (c === 0x5b || c === 0x7b) {
      if (++depth > max) return true;
    } else if (c === 0x5d || c === 0x7d) depth--;
  }
  return false;
}

/**
 * A human message for a JSON.parse failure, with the line and column when the engine gives them:
 * V8 says "at position 12" (newer versions add "(line 2 column 3)"), Firefox "at line 2 column 3".
 * V8 quotes the input in some messages; that quote is dropped, as the file may be anything.
 */
function describeJsonError(error: unknown, text: string): string {
  const message = error instanceof Error ? error.message : '';
  const lineColumn = /line (\d+) column (\d+)/.exec(message);
  const position = /position (\d+)/.exec(message);
  // "Unexpected end of JSON input", or an unterminated string or number running to the last character.
  if (/unexpected end/i.test(message) || (position && Number(position[1]) >= text.trimEnd().length))
    return 'The file is not valid JSON: it ends too early (was it cut off?).';
  let where = '';
  if (lineColumn) where = ` at line ${lineColumn[1]}, column ${lineColumn[2]}`;
  else if (position) {
    const before = text.slice(0, Number(position[1]));
    const line = before.split('\n').length;
    where = ` at line ${line}, column ${before.length - before.lastIndexOf('\n')}`;
  }
  const reason = message
    .replace(/^JSON\.parse: /, '')
    .replace(/, ".*" is not valid JSON$/s, '')
    .replace(/ (in JSON )?at (position|line) .*$/s, '')
    .slice(0, 120)
    .replace(/^[A-Z](?=[a-z])/, (c) => c.toLowerCase());
  return `The file is not valid JSON${where}${reason === '' ? '' : ` (${reason})`}.`;
}

function show(value: unknown): string {
  if (value === undefined) return 'missing';
  return typeof value === 'string' ? JSON.stringify(value.slice(0, 60)) : describeValue(value);
}
