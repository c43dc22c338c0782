/**
 * `library search | lineage | stats` (issue 13, "The command line"): the library the app ships (the
 * Assembly's resolutions of sessions 78-80 and the sixth session of the Conference of the Parties),
 * built once from the shipped texts and cached (library-build.ts), searched and traced from the
 * terminal. The user's own documents live in the browser's storage and are not in it.
 *
 * - `search "<paragraph text>" [--top N] [--session 79] [--body ga|cop|user] --json` →
 *   `{"matches": [{symbol, part, paragraph, label, path, section, score, text, date, title}]}`:
 *   `paragraph` is the paragraph's position in its part (path[0], what `lineage` takes), `label` the
 *   printed label without the part's prefix ("21", "21 (a)", "3" for PP3), `section` the section of
 *   an omnibus resolution ("VIII") or null.
 * - `lineage <symbol> <part> <paragraph> --json` → the paragraph's versions across the library, oldest
 *   first, each with its word diff against the one before (`words`, as `compare --json` gives them:
 *   [{op: "equal" | "delete" | "insert", text}], null for the oldest).
 * - `stats --json` → documents by body and session, paragraphs, vocabulary, the pack's size (raw and
 *   gzip) and the time the index took to build.
 *
 * Arguments are checked before the library is loaded (a second or two), so a mistyped command fails at
 * once; an unknown symbol or a paragraph out of range fails once the library is read. Both exit 2.
 */
import { readFileSync, statSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { gunzipSync } from 'node:zlib';
import { documentOutline, type OutlineUnit } from '../core/compare/units.ts';
import type { ComparePart } from '../core/compare/types.ts';
import { outlineAt, paragraphLineage } from '../core/library/lineage.ts';
import { readPack, type LibraryPack } from '../core/library/pack.ts';
import {
  buildLibraryIndex,
  entryMeta,
  entryUnit,
  searchLibrary,
  type LibraryIndex,
} from '../core/library/search-index.ts';
import { LIBRARY_BODIES, type LibraryBody, type LibraryDocument } from '../core/library/types.ts';
import type { ResolutionDocument } from '../core/model/types.ts';
import { printedFromIsoDate } from '../core/references/dates.ts';
import { redlineWords } from './compare.ts';
import { UsageError } from './io.ts';
import { ensurePackFile } from './library-build.ts';
import { table } from './table.ts';

export const LIBRARY_USAGE = `usage: resolution-drafter library <command> [--json]

  library search "<paragraph text>" [--top N] [--session S]... [--body ga|cop|user]...
      the closest adopted paragraphs, best first (--top: 1-100, default 5; --session 78,79 and
      --body ga,cop filter, each repeatable or comma-separated)
  library lineage <symbol> <part> <paragraph>
      a paragraph's versions across the library, oldest first, each as a word diff of the one
      before. <symbol>: A/RES/79/186, 79/186, "resolution 6/1", "decision 6/2"; <part>: preamble,
      operative or annex (PP, OP); <paragraph>: its position in the part ("21"), with
      subparagraphs by their printed labels ("9 (a)", "9(a)(ii)") or positions ("9.1.2"); an annex
      item or a decision's paragraph also by its label ("(b)")
  library stats
      documents by body and session, paragraphs, vocabulary, the pack's size, the index's build time`;

const PARTS: Readonly<Record<string, ComparePart>> = {
  preamble: 'preamble',
  pp: 'preamble',
  operative: 'operative',
  op: 'operative',
  annex: 'annex',
};

const PART_PREFIX: Readonly<Record<ComparePart, string>> = {
  preamble: 'PP',
  operative: 'OP',
  annex: 'annex',
};

const MAX_TOP = 100;

interface Options {
  readonly positional: readonly string[];
  readonly json: boolean;
  readonly top: number;
  readonly sessions: readonly number[];
  readonly bodies: readonly LibraryBody[];
}

/** "--top 5" and "--top=5"; --session and --body repeatable and comma-separated. */
function parseOptions(args: readonly string[], allowed: readonly string[]): Options {
  const positional: string[] = [];
  let json = false;
  let top = 5;
  const sessions: number[] = [];
  const bodies: LibraryBody[] = [];
  for (let k = 0; k < args.length; k++) {
    const arg = args[k] ?? '';
    if (arg === '--json') {
      json = true;
      continue;
    }
    if (!arg.startsWith('--') || arg === '--') {
      positional.push(arg);
      continue;
    }
    const eq = arg.indexOf('=');
    const name = eq < 0 ? arg : arg.slice(0, eq);
    if (!allowed.includes(name))
      throw new UsageError(`unknown option ${name} for this library command\n${LIBRARY_USAGE}`);
    let value = eq < 0 ? args[++k] : arg.slice(eq + 1);
    if (value === undefined || value === '') throw new UsageError(`${name} needs a value`);
    value = value.trim();
    if (name === '--top') {
      if (!/^\d+$/.test(value) || Number(value) < 1 || Number(value) > MAX_TOP)
        throw new UsageError(`--top needs a whole number from 1 to ${MAX_TOP}, not "${value}"`);
      top = Number(value);
    } else if (name === '--session') {
      for (const s of value.split(',')) {
        if (!/^\d{1,3}$/.test(s.trim()))
          throw new UsageError(`--session needs a session number such as 79, not "${s}"`);
        sessions.push(Number(s));
      }
    } else if (name === '--body') {
      for (const b of value.split(',')) {
        const body = LIBRARY_BODIES.find((x) => x === b.trim().toLowerCase());
        if (!body) throw new UsageError(`--body is one of ${LIBRARY_BODIES.join(', ')}, not "${b}"`);
        bodies.push(body);
      }
    }
  }
  return { positional, json, top, sessions, bodies };
}

interface OpenLibrary {
  readonly pack: LibraryPack;
  readonly index: LibraryIndex;
  readonly indexMs: number;
  readonly gzipBytes: number;
  readonly rawBytes: number;
}

let opened: OpenLibrary | undefined;

/**
 * The shipped library, from the cache (built first if the texts or the reader changed); read once per
 * process (a command runs once, the tests call several).
 */
function openLibrary(): OpenLibrary {
  opened ??= readLibrary();
  return opened;
}

function readLibrary(): OpenLibrary {
  const { path } = ensurePackFile();
  const gzip = readFileSync(path);
  const raw = gunzipSync(gzip);
  const pack = readPack(raw.toString('utf8'));
  const t0 = performance.now();
  const index = buildLibraryIndex(pack.documents);
  const indexMs = performance.now() - t0;
  return { pack, index, indexMs, gzipBytes: statSync(path).size, rawBytes: raw.length };
}

/** The section of an omnibus resolution a top-level paragraph at `position` of a part stands in. */
function sectionOf(doc: ResolutionDocument, part: ComparePart, position: number): string | null {
  if (part === 'annex') return null;
  let seen = (part === 'preamble' ? doc.preamble : doc.operative).length;
  if (position <= seen) return null;
  for (const [k, s] of (doc.sections ?? []).entries()) {
    seen += (part === 'preamble' ? s.preamble : s.operative).length;
    if (position <= seen) return s.number || `section ${k + 1}`;
  }
  return null;
}

/**
 * A unit's printed label without its part's prefix and section: "OP21 (a)" → "21 (a)", "PP3" → "3",
 * "annex (b)(iii)" → "(b)(iii)", "VIII OP174" → "174", a decision's "(a)" → "(a)".
 */
function bareLabel(label: string, part: ComparePart, section: string | null): string {
  let rest = section !== null && label.startsWith(`${section} `) ? label.slice(section.length + 1) : label;
  if (rest.startsWith(PART_PREFIX[part])) rest = rest.slice(PART_PREFIX[part].length);
  return rest.trim();
}

interface Where {
  readonly symbol: string;
  readonly part: ComparePart;
  readonly paragraph: number;
  readonly label: string;
  readonly path: readonly number[];
  readonly section: string | null;
}

function where(d: LibraryDocument, part: ComparePart, path: readonly number[]): Where {
  const section = sectionOf(d.doc, part, path[0] ?? 0);
  const unit = outlineAt(d.doc, part, path, 'printed');
  return {
    symbol: d.meta.symbol,
    part,
    paragraph: path[0] ?? 0,
    label: unit ? bareLabel(unit.label, part, section) : path.join('.'),
    path,
    section,
  };
}

/** "A/RES/79/186 OP21 (a)", "resolution 6/1 PP3", "A/RES/78/69 VIII OP174": as a delegate cites it. */
function citation(w: Where): string {
  const prefix = w.part === 'annex' ? 'annex ' : PART_PREFIX[w.part];
  const label = /^\(/.test(w.label) && w.part === 'operative' ? w.label : `${prefix}${w.label}`;
  return `${w.symbol} ${w.section ? `${w.section} ` : ''}${label}`;
}

const printedDate = (iso: string | null): string => (iso ? (printedFromIsoDate(iso) ?? iso) : '');

function search(options: Options): string {
  const text = options.positional.join(' ').trim();
  if (!text) throw new UsageError(`library search needs the paragraph's text\n${LIBRARY_USAGE}`);
  if (!/[\p{L}\p{N}]/u.test(text))
    throw new UsageError('library search needs words to search for: the text has none');
  const { index } = openLibrary();
  const found = searchLibrary(index, text, {
    top: options.top,
    sessions: options.sessions,
    bodies: options.bodies,
  });
  const matches = found.map(({ entry, score }) => {
    const unit = entryUnit(index, entry);
    const meta = entryMeta(index, entry);
    const doc = index.doc(index.entryDoc[entry] ?? 0);
    const d = meta && doc ? { meta, doc } : undefined;
    if (!unit || !d) throw new Error(`index entry ${entry} has no paragraph`);
    const w = where(d, unit.part, unit.path);
    return {
      symbol: w.symbol,
      part: w.part,
      paragraph: w.paragraph,
      label: w.label,
      path: w.path,
      section: w.section,
      score: Number(score.toFixed(3)),
      text: unit.text,
      date: d.meta.date,
      title: d.meta.title,
    };
  });
  if (options.json) return JSON.stringify({ matches }, null, 2);
  if (matches.length === 0) return 'no adopted paragraph close to this text';
  return table(
    ['score', 'where', 'adopted', 'text'],
    matches.map((m) => [m.score.toFixed(3), citation(m), printedDate(m.date), m.text]),
    70,
  );
}

/** A document by id or symbol ("A/RES/79/186", "A_RES_79_186"), GA number ("79/186") or "resolution 6/1". */
function findDocument(pack: LibraryPack, name: string): LibraryDocument {
  const wanted = name.trim().replace(/_/g, '/').replace(/\s+/g, ' ').toLowerCase();
  const documents = pack.documents;
  const found =
    documents.find((d) => d.meta.id.toLowerCase() === wanted) ??
    documents.find((d) => d.meta.symbol.toLowerCase() === wanted) ??
    documents.find((d) => d.meta.body === 'ga' && d.meta.number === wanted) ??
    documents.find((d) => d.meta.body === 'cop' && `resolution ${d.meta.number ?? ''}` === wanted);
  if (!found) throw new UsageError(`no document "${name}" in the library (${holdings(pack)})`);
  return found;
}

/** "it holds A/RES/78/1 … A/RES/80/246, and resolution 6/1 … decision 6/3 of the Conference of the Parties". */
function holdings(pack: LibraryPack): string {
  const ga = pack.documents.filter((d) => d.meta.body === 'ga').map((d) => d.meta.symbol);
  const cop = pack.documents.filter((d) => d.meta.body === 'cop').map((d) => d.meta.symbol);
  const bySymbol = (a: string, b: string): number => a.localeCompare(b, 'en', { numeric: true });
  ga.sort(bySymbol);
  const parts = [
    ga.length ? `${ga[0] ?? ''} … ${ga[ga.length - 1] ?? ''}` : '',
    cop.length ? `${cop.join(', ')} of the Conference of the Parties` : '',
  ].filter(Boolean);
  return `it holds ${parts.join(', and ') || 'nothing'}; library search "<text>" finds a paragraph's document`;
}

function parsePart(arg: string): ComparePart {
  const part = PARTS[arg.toLowerCase()];
  if (!part) throw new UsageError(`unknown part "${arg}": preamble, operative or annex (or PP, OP)`);
  return part;
}

/** "21", "9 (a)", "9(a)(ii)", "9.1.2", "(b)": the syntax, checked before the library is read. */
const PARAGRAPH_REF = /^(?:(\d+)|\(([^()\s]+)\))((?:\s*\([^()\s]+\))*)$|^(\d+(?:\.\d+)+)$/;

function checkParagraph(arg: string): void {
  if (!PARAGRAPH_REF.test(arg.trim()))
    throw new UsageError(
      `cannot read paragraph "${arg}": give its position in the part ("21"), with subparagraphs by label ("9 (a)") or position ("9.1")`,
    );
}

/** The label of a unit as printed among its siblings: "(a)" of "OP9 (a)", "(b)" of "annex (b)". */
function ownLabel(unit: OutlineUnit, parent: OutlineUnit | undefined, section: string | null): string {
  if (parent) return unit.label.slice(parent.label.length).trim();
  return bareLabel(
    unit.part === 'annex' ? unit.label.replace(/^annex /, '') : unit.label,
    unit.part,
    section,
  );
}

function resolvePath(d: LibraryDocument, part: ComparePart, arg: string): number[] {
  const m = PARAGRAPH_REF.exec(arg.trim());
  if (!m) throw new UsageError(`cannot read paragraph "${arg}"`);
  const units = documentOutline(d.doc, 'printed')[part];
  const what = `${d.meta.symbol} has ${units.length} ${part === 'annex' ? 'annex items' : `${part} paragraphs`}`;
  if (m[4]) {
    // A path by positions: 9.1.2.
    const path = m[4].split('.').map(Number);
    if (!outlineAt(d.doc, part, path, 'printed')) throw new UsageError(`${what}; none is at ${m[4]}`);
    return path;
  }
  const path: number[] = [];
  let parent: OutlineUnit | undefined;
  if (m[1]) {
    const n = Number(m[1]);
    if (n < 1 || n > units.length) throw new UsageError(`${what}: there is no paragraph ${n}`);
    path.push(n);
    parent = units[n - 1];
  } else {
    const label = `(${m[2] ?? ''})`;
    const k = units.findIndex((u) => ownLabel(u, undefined, null) === label);
    if (k < 0) throw new UsageError(`${what}: none is labelled ${label}`);
    path.push(k + 1);
    parent = units[k];
  }
  for (const sub of (m[3] ?? '').match(/\([^()\s]+\)/g) ?? []) {
    const children: readonly OutlineUnit[] = parent?.children ?? [];
    const k = children.findIndex((c) => ownLabel(c, parent, null) === sub);
    if (k < 0)
      throw new UsageError(
        `${parent?.label ?? ''} of ${d.meta.symbol} has no subparagraph ${sub}${children.length ? ` (it has ${children.map((c) => ownLabel(c, parent, null)).join(', ')})` : ''}`,
      );
    path.push(k + 1);
    parent = children[k];
  }
  return path;
}

function lineage(options: Options, color: boolean): string {
  const [symbol, partArg, paragraphArg, ...extra] = options.positional;
  if (symbol === undefined || partArg === undefined || paragraphArg === undefined || extra.length)
    throw new UsageError(`usage: resolution-drafter library lineage <symbol> <part> <paragraph> [--json]`);
  const part = parsePart(partArg);
  checkParagraph(paragraphArg);
  const { pack } = openLibrary();
  const d = findDocument(pack, symbol);
  const path = resolvePath(d, part, paragraphArg);
  const byId = new Map(pack.documents.map((x) => [x.meta.id, x]));
  const versions = paragraphLineage(
    { get: (id) => byId.get(id), predecessors: new Map(pack.predecessors) },
    { id: d.meta.id, part, path },
  ).map((v) => {
    const doc = byId.get(v.id);
    const w = doc ? where(doc, v.part, v.path) : undefined;
    return {
      symbol: v.meta.symbol,
      part: v.part,
      paragraph: w?.paragraph ?? v.path[0] ?? 0,
      label: w?.label ?? v.label,
      path: v.path,
      section: w?.section ?? null,
      date: v.meta.date,
      title: v.meta.title,
      text: v.text,
      similarity: v.similarity === undefined ? null : Number(v.similarity.toFixed(3)),
      words: v.words ?? null,
    };
  });
  const start = where(d, part, path);
  if (options.json) return JSON.stringify({ ...start, versions }, null, 2);
  const lines = [
    `${citation(start)}: ${versions.length} version${versions.length === 1 ? '' : 's'} in the library, oldest first`,
  ];
  for (const v of versions) {
    const state =
      v.similarity === null
        ? 'oldest'
        : v.similarity === 1 && v.words?.every((w) => w.op === 'equal')
          ? 'unchanged'
          : `changed (similarity ${v.similarity})`;
    lines.push('', `${citation(v)}, ${printedDate(v.date)}: ${state}`);
    lines.push(`  ${v.words ? redlineWords(v.words, color) : v.text}`);
  }
  return lines.join('\n');
}

function stats(options: Options): string {
  if (options.positional.length) throw new UsageError('usage: resolution-drafter library stats [--json]');
  const { pack, index, indexMs, gzipBytes, rawBytes } = openLibrary();
  const byBody: Record<string, number> = {};
  const bySession: Record<string, Record<string, number>> = {};
  for (const d of pack.documents) {
    const body = d.meta.body;
    byBody[body] = (byBody[body] ?? 0) + 1;
    const sessions = (bySession[body] ??= {});
    const key = d.meta.session === null ? 'unknown' : String(d.meta.session);
    sessions[key] = (sessions[key] ?? 0) + 1;
  }
  const result = {
    documents: { total: pack.documents.length, byBody, bySession },
    predecessors: pack.predecessors.length,
    paragraphs: index.size,
    vocabulary: index.vocabulary.size,
    pack: { rawBytes, gzipBytes },
    indexBuildMs: Number(indexMs.toFixed(1)),
  };
  if (options.json) return JSON.stringify(result, null, 2);
  const mb = (n: number): string => `${(n / 1024 / 1024).toFixed(2)} MB`;
  return table(
    ['what', 'count'],
    [
      ['documents', String(result.documents.total)],
      ...Object.entries(bySession).flatMap(([body, sessions]) =>
        Object.entries(sessions).map(([session, n]) => [`  ${body}, session ${session}`, String(n)]),
      ),
      ['with a predecessor', String(result.predecessors)],
      ['paragraphs', String(result.paragraphs)],
      ['distinct words', String(result.vocabulary)],
      ['pack (JSON)', mb(rawBytes)],
      ['pack (gzip)', mb(gzipBytes)],
      ['index built in', `${result.indexBuildMs} ms`],
    ],
  );
}

export interface LibraryCommandOptions {
  /** ANSI colour in `lineage`; by default when stdout is a terminal and NO_COLOR is unset. */
  readonly color?: boolean;
}

export function libraryCommand(args: readonly string[], options: LibraryCommandOptions = {}): string {
  // The command is the first argument that is not --json ("library --json stats" reads as "library stats --json").
  const at = args.findIndex((a) => a !== '--json');
  const command = at < 0 ? undefined : args[at];
  const rest = [...args.slice(0, Math.max(0, at)), ...args.slice(at + 1)];
  const color = options.color ?? (Boolean(process.stdout.isTTY) && !process.env['NO_COLOR']);
  switch (command) {
    case 'search':
      return search(parseOptions(rest, ['--top', '--session', '--body']));
    case 'lineage':
      return lineage(parseOptions(rest, []), color);
    case 'stats':
      return stats(parseOptions(rest, []));
    case 'help':
    case '-h':
    case '--help':
      return LIBRARY_USAGE;
    case undefined:
      throw new UsageError(LIBRARY_USAGE);
    default:
      throw new UsageError(`unknown library command "${command}"\n${LIBRARY_USAGE}`);
  }
}
