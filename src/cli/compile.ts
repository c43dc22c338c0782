/**
 * `compile <base> <delegation.docx>... [--authors authors.json] --out compilation.docx [--json]`
 * (issue 14): merges the Word files delegations sent back — each the circulated text with their
 * proposals as tracked changes — into the compilation text on the base, and writes it as the Word
 * file facilitators circulate (src/core/export/docx/compilation.ts).
 *
 * --authors maps the authors Word recorded to delegations: `{"jdoe": "Mexico", "EU Presidency": "EU"}`.
 *
 * With --json: `{out, bytes, proposals: [{id, delegation, kind, part, paragraph, text, conflictsWith}],
 * unplaced: [{file, paragraph, text, reason}], unchanged: [file]}`; `paragraph` is the 1-based position
 * in the base (for a new paragraph, the one it comes after; 0 for first).
 */
import { basename } from 'node:path';
import { writeFileSync } from 'node:fs';
import { exportCompilationDocx } from '../core/export/docx/compilation.ts';
import { readTrackedChanges } from '../core/import/tracked.ts';
import { mergedInputs, mergeReturnedFiles, type ReturnedFile } from '../core/negotiation/merge.ts';
import { addProposals, startNegotiation } from '../core/negotiation/operations.ts';
import { readInputFile, UsageError } from './io.ts';
import { readOneDocumentAsync } from './sources.ts';

export const COMPILE_USAGE =
  'usage: resolution-drafter compile <base> <delegation.docx>... [--authors authors.json] --out compilation.docx [--json]';

interface CompileArgs {
  readonly base: string;
  readonly files: readonly string[];
  readonly out: string;
  readonly authors?: string;
  readonly json: boolean;
}

function parseCompileArgs(argv: readonly string[]): CompileArgs {
  const positional: string[] = [];
  const values: Record<string, string> = {};
  let json = false;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] ?? '';
    if (arg === '--json') json = true;
    else if (arg === '--out' || arg === '--authors') {
      const value = argv[i + 1];
      if (value === undefined || value.startsWith('--'))
        throw new UsageError(`${arg} needs a value\n${COMPILE_USAGE}`);
      values[arg.slice(2)] = value;
      i++;
    } else if (arg.startsWith('--')) throw new UsageError(`unknown option ${arg}\n${COMPILE_USAGE}`);
    else positional.push(arg);
  }
  const [base, ...files] = positional;
  if (base === undefined || files.length === 0) throw new UsageError(COMPILE_USAGE);
  const out = values.out;
  if (out === undefined) throw new UsageError(`--out <compilation.docx> is required\n${COMPILE_USAGE}`);
  if (!/\.docx$/i.test(out)) throw new UsageError(`${out}: the output file must end in .docx`);
  for (const f of files)
    if (!/\.docx$/i.test(f))
      throw new UsageError(`${f}: a delegation's file must be a Word file (.docx) with tracked changes`);
  return { base, files, out, json, ...(values.authors !== undefined ? { authors: values.authors } : {}) };
}

/** The --authors file: an object of author → delegation, every value a name. */
function readAuthors(path: string): Map<string, string> {
  const { text } = readInputFile(path);
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (e) {
    throw new UsageError(
      `${path}: not JSON (${e instanceof Error ? e.message : String(e)}); expected {"author": "delegation", …}`,
    );
  }
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw))
    throw new UsageError(`${path}: expected an object mapping authors to delegations, {"jdoe": "Mexico", …}`);
  const out = new Map<string, string>();
  for (const [author, delegation] of Object.entries(raw)) {
    if (typeof delegation !== 'string' || delegation.trim() === '')
      throw new UsageError(
        `${path}: the delegation of ${JSON.stringify(author)} must be a name, not ${JSON.stringify(delegation)}`,
      );
    out.set(author, delegation.trim());
  }
  return out;
}

export async function compileCommand(argv: readonly string[]): Promise<string> {
  const args = parseCompileArgs(argv);
  const base = await readOneDocumentAsync(args.base);
  const authors = args.authors !== undefined ? readAuthors(args.authors) : undefined;
  const files: ReturnedFile[] = [];
  for (const path of args.files) {
    const { bytes } = readInputFile(path);
    const read = await readTrackedChanges(bytes);
    if (!read.ok) throw new UsageError(`${path}: ${read.error}`);
    files.push({ name: basename(path), tracked: read.value });
  }
  const merged = mergeReturnedFiles(base, files, authors ? { authors } : {});
  const added = addProposals(
    base,
    startNegotiation(base.metadata.sponsors?.[0] ?? 'Facilitator'),
    mergedInputs(merged),
  );
  if (!added.ok) throw new UsageError(`the merged proposals do not fit the base: ${added.error}`);
  const bytes = await exportCompilationDocx(base, added.negotiation);
  try {
    writeFileSync(args.out, bytes);
  } catch (e) {
    throw new UsageError(`cannot write ${args.out} (${(e as NodeJS.ErrnoException).code ?? String(e)})`);
  }
  if (args.json)
    return JSON.stringify(
      {
        out: args.out,
        bytes: bytes.length,
        proposals: merged.proposals.map((p) => ({
          id: p.id,
          delegation: p.delegation,
          kind: p.kind,
          part: p.part,
          paragraph: p.paragraph,
          text: p.text,
          conflictsWith: p.conflictsWith,
        })),
        unplaced: merged.unplaced,
        unchanged: merged.unchanged,
      },
      null,
      2,
    );
  const lines = [
    `wrote ${args.out} (${Math.round(bytes.length / 1024)} KB): ${merged.proposals.length} proposals from ${files.length - merged.unchanged.length} of ${files.length} files`,
  ];
  const by = new Map<string, number>();
  for (const p of merged.proposals) by.set(p.delegation, (by.get(p.delegation) ?? 0) + 1);
  for (const [d, k] of by) lines.push(`  ${d}: ${k}`);
  const conflicts = merged.proposals.filter((p) => p.conflictsWith.length > 0).length;
  if (conflicts > 0)
    lines.push(`${conflicts} proposals conflict with another delegation's: they are in brackets`);
  for (const u of merged.unplaced) lines.push(`not placed: ${u.file}, paragraph ${u.paragraph}: ${u.reason}`);
  for (const f of merged.unchanged) lines.push(`no tracked change in ${f}`);
  return lines.join('\n');
}
