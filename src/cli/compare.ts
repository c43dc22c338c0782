/**
 * `compare <base> <draft> [--json] [--ignore-punctuation] [--ignore-footnotes] [--show-typography]`: a structure-aware
 * diff of two documents (src/core/compare). Each side is a corpus reference ("6/3", "decision 6/1"),
 * a plain-text resolution, a *.resolution.json file, a .docx, a PDF or a web page (sources.ts): e.g.
 * `compare A_C.3_80_L.4.pdf A_RES_80_228.pdf`, what changed between a draft and the adopted text.
 *
 * With --json: `{"changes": [{type, part, base, draft, words, opener?, footnotes?, ...}], "summary": {...}}`
 * (ParagraphChange in src/core/compare/types.ts; `title`, `annexTitle`, `annexIntro` when they differ).
 * Without it: a redline for the terminal, in colour when stdout is a terminal (deletions red and struck
 * through, insertions green and underlined), otherwise marked [-deleted-] and {+inserted+}.
 *
 * Typography is no change (issue 12, item 6): a paragraph that differs from the base only in
 * non-breaking hyphens, no-break spaces, curly quotes, dashes or ligatures is counted on a line of its
 * own ("3 paragraphs differ only in typography"); --show-typography shows those differences as changes.
 */
import { compareDocuments } from '../core/compare/compare.ts';
import type { CompareResult, ParagraphChange, WordChange } from '../core/compare/types.ts';
import type { ResolutionDocument } from '../core/model/types.ts';
import { UsageError } from './io.ts';
import { readOneDocumentAsync } from './sources.ts';

export const COMPARE_USAGE =
  'usage: resolution-drafter compare <base> <draft> [--json] [--ignore-punctuation] [--ignore-footnotes] [--show-typography]\n       resolution-drafter compare <base> --shared ws://host:port/<id> --token <token> [same options]';

const COLOR = {
  delete: ['\u001b[31;9m', '\u001b[0m'],
  insert: ['\u001b[32;4m', '\u001b[0m'],
  bold: ['\u001b[1m', '\u001b[0m'],
} as const;
const PLAIN = { delete: ['[-', '-]'], insert: ['{+', '+}'], bold: ['', ''] } as const;

type Marks = typeof COLOR | typeof PLAIN;

export interface CompareCommandOptions {
  /** ANSI colour; by default when stdout is a terminal and NO_COLOR is unset. */
  readonly color?: boolean;
  /** The draft side read otherwise (a shared draft, `--shared`): then the arguments name only the base. */
  readonly draft?: { readonly read: () => Promise<ResolutionDocument>; readonly label: string };
}

function redline(words: readonly WordChange[], marks: Marks): string {
  return words
    .map((w) => {
      if (w.op === 'equal') return w.text;
      // Whitespace stays outside the marks, so "{+all+} States" rather than "{+all +}States".
      const m = /^(\s*)([\s\S]*?)(\s*)$/.exec(w.text);
      const [open, close] = marks[w.op];
      return m && m[2] ? `${m[1]}${open}${m[2]}${close}${m[3]}` : w.text;
    })
    .join('');
}

/** A word diff as the redline prints it: `library lineage` shows each version's change this way. */
export function redlineWords(words: readonly WordChange[], color: boolean): string {
  return redline(words, color ? COLOR : PLAIN);
}

function heading(c: ParagraphChange): string {
  if (c.type === 'inserted') return `${c.draftLabel ?? ''}  inserted`;
  if (c.type === 'deleted') return `${c.baseLabel ?? ''}  deleted`;
  const where =
    c.baseLabel === c.draftLabel ? (c.draftLabel ?? '') : `${c.baseLabel ?? ''} → ${c.draftLabel ?? ''}`;
  const notes: string[] = [];
  if (c.split) notes.push(`split into ${c.split.labels.join(', ')}`);
  if (c.merge) notes.push(`merges ${c.merge.labels.join(', ')}`);
  if (c.opener)
    notes.push(`opener ${c.opener.base || '(none)'} → ${c.opener.draft || '(none)'}: ${c.opener.shift}`);
  if (c.typography) notes.push('typography only');
  return `${where}  ${c.type}${notes.length ? `  (${notes.join('; ')})` : ''}`;
}

function footnoteLines(c: ParagraphChange): string[] {
  return (c.footnotes ?? []).map((f) => {
    if (f.change === 'added') return `    footnote added: ${f.draft?.text ?? ''}`;
    if (f.change === 'removed') return `    footnote removed: ${f.base?.text ?? ''}`;
    return `    footnote changed: ${f.base?.source ?? ''} → ${f.draft?.source ?? ''}`;
  });
}

function summaryLine(result: CompareResult): string {
  const s = result.summary;
  const parts = [
    `${s.changed} changed`,
    `${s.moved} moved`,
    `${s.inserted} inserted`,
    `${s.deleted} deleted`,
    `${s.unchanged} unchanged`,
  ];
  const extra = [
    s.strengthening ? `${s.strengthening} strengthening` : '',
    s.softening ? `${s.softening} softening` : '',
    s.footnotes ? `${s.footnotes} with footnote changes` : '',
  ].filter(Boolean);
  return `${parts.join(', ')}${extra.length ? ` (${extra.join(', ')})` : ''}`;
}

/** "3 paragraphs differ only in typography (not shown; --show-typography shows them)", or '' for none. */
export function typographyLine(result: CompareResult, shown: boolean): string {
  const n = result.summary.typography;
  if (n === 0) return '';
  const what = `${n} paragraph${n === 1 ? '' : 's'} differ${n === 1 ? 's' : ''} only in typography`;
  return `${what} (${shown ? 'shown as changes' : 'not shown; --show-typography shows them'})`;
}

export function renderRedline(
  result: CompareResult,
  baseName: string,
  draftName: string,
  color: boolean,
  showTypography = false,
): string {
  const marks: Marks = color ? COLOR : PLAIN;
  const [b0, b1] = marks.bold;
  const lines = [`${baseName} → ${draftName}: ${summaryLine(result)}`];
  const typography = typographyLine(result, showTypography);
  if (typography) lines.push(typography);
  const headings = [
    ['title', result.title],
    ['annex title', result.annexTitle],
    ['annex introduction', result.annexIntro],
  ] as const;
  for (const [name, h] of headings)
    if (h) lines.push('', `${b0}${name}  changed${b1}`, `  ${redline(h.words, marks)}`);
  for (const c of result.changes) {
    if (c.type === 'unchanged') continue;
    lines.push('', `${b0}${'  '.repeat(c.level)}${heading(c)}${b1}`, `  ${redline(c.words, marks)}`);
    lines.push(...footnoteLines(c));
  }
  if (
    result.changes.every((c) => c.type === 'unchanged') &&
    !result.title &&
    !result.annexTitle &&
    !result.annexIntro
  )
    lines.push('', 'no difference');
  return lines.join('\n');
}

function describe(arg: string): string {
  const ref = /^(?:(resolution|decision)\s+)?(\d+\/\d+)$/i.exec(arg.trim());
  return ref ? `${(ref[1] ?? 'resolution').toLowerCase()} ${ref[2] ?? ''}` : arg;
}

export async function compareCommand(
  args: readonly string[],
  options: CompareCommandOptions = {},
): Promise<string> {
  const positional: string[] = [];
  let json = false;
  let ignorePunctuation = false;
  let ignoreFootnotes = false;
  let showTypography = false;
  for (const arg of args) {
    if (arg === '--json') json = true;
    else if (arg === '--ignore-punctuation') ignorePunctuation = true;
    else if (arg === '--ignore-footnotes') ignoreFootnotes = true;
    else if (arg === '--show-typography') showTypography = true;
    else if (arg === '-h' || arg === '--help') return COMPARE_USAGE;
    else if (arg.startsWith('--'))
      throw new UsageError(`unknown option ${arg} for compare\n${COMPARE_USAGE}`);
    else positional.push(arg);
  }
  const given = options.draft;
  const [a, b] = positional;
  if (a === undefined || positional.length !== (given ? 1 : 2) || (!given && b === undefined))
    throw new UsageError(COMPARE_USAGE);
  const base = await readOneDocumentAsync(a);
  const draft = given ? await given.read() : await readOneDocumentAsync(b ?? '');
  const result = compareDocuments(base, draft, { ignorePunctuation, ignoreFootnotes, showTypography });
  if (json) return JSON.stringify(result, null, 2);
  const color = options.color ?? (Boolean(process.stdout.isTTY) && !process.env['NO_COLOR']);
  return renderRedline(result, describe(a), given ? given.label : describe(b ?? ''), color, showTypography);
}
