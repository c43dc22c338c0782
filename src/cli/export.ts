/**
 * `export <source> --out <file.docx> [--base <source>] [--author <name>] [--show-typography] [--json]`: the UN-layout
 * .docx of a document (src/core/export/docx). A source is a corpus reference ("6/1", "decision 6/2"),
 * a plain-text resolution, a *.resolution.json file or a .docx. With --base, the output carries the
 * differences from the base as Word tracked changes, attributed to --author (by default the draft's
 * first sponsor) and dated now. Differences of typography alone (non-breaking hyphens, no-break spaces,
 * curly quotes, dashes, ligatures) are not tracked, as compare does not report them; with
 * --show-typography they are.
 *
 * With --format akn, the document as Akoma Ntoso 3.0 XML (src/core/export/akn.ts) instead.
 *
 * With --json: `{"out": "<file>", "bytes": n, "base": "<source>" | null, "author": "<name>" | null}`
 * (for Akoma Ntoso, `{"out": "<file>", "bytes": n, "format": "akn"}`).
 */
import { writeFileSync } from 'node:fs';
import { writeAkn } from '../core/export/akn.ts';
import { exactCompareEngine } from '../core/export/docx/compare-engine.ts';
import { exportDocx, DEFAULT_AUTHOR } from '../core/export/docx/docx.ts';
import { UsageError } from './io.ts';
import { readOneDocumentAsync } from './sources.ts';
import type { ResolutionDocument } from '../core/model/types.ts';

export const EXPORT_USAGE =
  'usage: resolution-drafter export <source> --out <file.docx> [--base <source>] [--author <name>] [--show-typography] [--json]\n       resolution-drafter export <source> --format akn --out <file.xml> [--json]\n       resolution-drafter export --shared ws://host:port/<id> --token <token> --out <file.docx|file.xml> [--format akn] [--json]';

export const EXPORT_FORMATS = ['docx', 'akn'] as const;
type ExportFormat = (typeof EXPORT_FORMATS)[number];

interface ExportArgs {
  readonly source: string;
  readonly out: string;
  readonly base?: string;
  readonly author?: string;
  readonly json: boolean;
  readonly showTypography: boolean;
  readonly format: ExportFormat;
}

function parseExportArgs(argv: readonly string[]): ExportArgs {
  const positional: string[] = [];
  const values: Record<string, string> = {};
  let json = false;
  let showTypography = false;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] ?? '';
    if (arg === '--json') json = true;
    else if (arg === '--show-typography') showTypography = true;
    else if (arg === '--out' || arg === '--base' || arg === '--author' || arg === '--format') {
      const value = argv[i + 1];
      if (value === undefined || value.startsWith('--'))
        throw new UsageError(`${arg} needs a value\n${EXPORT_USAGE}`);
      values[arg.slice(2)] = value;
      i++;
    } else if (arg.startsWith('--')) throw new UsageError(`unknown option ${arg}\n${EXPORT_USAGE}`);
    else positional.push(arg);
  }
  const [source, ...extra] = positional;
  if (source === undefined || extra.length > 0) throw new UsageError(EXPORT_USAGE);
  const format = (values.format ?? 'docx') as ExportFormat;
  if (!EXPORT_FORMATS.includes(format))
    throw new UsageError(`--format ${values.format ?? ''}: the formats are ${EXPORT_FORMATS.join(' and ')}`);
  const ending = format === 'akn' ? '.xml' : '.docx';
  const out = values.out;
  if (out === undefined) throw new UsageError(`--out <file${ending}> is required\n${EXPORT_USAGE}`);
  if (!out.toLowerCase().endsWith(ending))
    throw new UsageError(
      `${out}: the output file must end in ${ending}${format === 'docx' ? ' (or give --format akn for Akoma Ntoso)' : ''}`,
    );
  if (format === 'akn' && (values.base !== undefined || showTypography))
    throw new UsageError(
      '--base and --show-typography make Word tracked changes: they do not go with --format akn',
    );
  return {
    source,
    out,
    json,
    showTypography,
    format,
    ...(values.base !== undefined ? { base: values.base } : {}),
    ...(values.author !== undefined ? { author: values.author } : {}),
  };
}

export async function exportCommand(argv: readonly string[]): Promise<string> {
  // A shared draft instead of a source: --shared ws://host:port/<id> --token <t> (src/cli/shared.ts).
  if (argv.includes('--shared')) {
    const { readSharedSource, takeSharedOption } = await import('./shared.ts');
    const { rest, shared } = takeSharedOption(argv, EXPORT_USAGE);
    if (shared === null) throw new UsageError(EXPORT_USAGE);
    const args = parseExportArgs([shared.url, ...rest]);
    return writeExport(args, await readSharedSource(shared));
  }
  const args = parseExportArgs(argv);
  return writeExport(args, await readOneDocumentAsync(args.source));
}

async function writeExport(args: ExportArgs, draft: ResolutionDocument): Promise<string> {
  if (args.format === 'akn') return writeAknExport(args, draft);
  const base = args.base === undefined ? undefined : await readOneDocumentAsync(args.base);
  const bytes = await exportDocx(draft, {
    ...(base ? { base } : {}),
    ...(args.author !== undefined ? { author: args.author } : {}),
    ...(args.showTypography ? { compare: exactCompareEngine } : {}),
  });
  try {
    writeFileSync(args.out, bytes);
  } catch (e) {
    throw new UsageError(`cannot write ${args.out} (${(e as NodeJS.ErrnoException).code ?? String(e)})`);
  }
  const author = base ? (args.author ?? draft.metadata.sponsors?.[0] ?? DEFAULT_AUTHOR) : null;
  if (args.json)
    return JSON.stringify({ out: args.out, bytes: bytes.length, base: args.base ?? null, author }, null, 2);
  const what = `${draft.kind}${draft.number ? ` ${draft.number}` : ''}`;
  return base
    ? `wrote ${args.out} (${what}, ${Math.round(bytes.length / 1024)} KB) with tracked changes against ${args.base ?? ''}, by ${author ?? ''}`
    : `wrote ${args.out} (${what}, ${Math.round(bytes.length / 1024)} KB)`;
}

/** The document as Akoma Ntoso (src/core/export/akn.ts). */
function writeAknExport(args: ExportArgs, doc: ResolutionDocument): string {
  const xml = writeAkn(doc);
  try {
    writeFileSync(args.out, xml);
  } catch (e) {
    throw new UsageError(`cannot write ${args.out} (${(e as NodeJS.ErrnoException).code ?? String(e)})`);
  }
  const bytes = Buffer.byteLength(xml);
  if (args.json) return JSON.stringify({ out: args.out, bytes, format: 'akn' }, null, 2);
  const what = `${doc.kind}${doc.number ? ` ${doc.number}` : ''}`;
  return `wrote ${args.out} (${what}, Akoma Ntoso, ${Math.round(bytes / 1024)} KB)`;
}
