/**
 * The command line over the core: `npm run -s cli -- <command> [options]`, or the
 * `resolution-drafter` bin. JSON on stdout only with --json; a readable table without it; errors on
 * stderr with exit status 2. Importing this module runs nothing: bin/resolution-drafter.mjs calls
 * `main()`, the tests call `execute(argv, io)` in their own process (tests/cli/run.ts).
 */
import { buildLexicon } from '../core/lexicon/lexicon.ts';
import { toPublicJson } from '../core/export/json.ts';
import type { ResolutionDocument } from '../core/model/types.ts';
import type { Diagnostic } from '../core/parse/diagnostics.ts';
import { loadCorpus, UsageError } from './io.ts';
import { readSourceAsync, type SourceResult } from './sources.ts';
import { referencesCommand } from './references.ts';
import { lintCommand } from './lint.ts';
import { COMPARE_USAGE, compareCommand } from './compare.ts';
import { table } from './table.ts';

export const USAGE = `Resolution Drafter — command line

usage: resolution-drafter <command> [arguments] [--json]

commands:
  corpus                  the resolutions and decisions of CTOC/COP/2012/15
  parse <file>            read a resolution or draft into documents (see sources below)
  lexicon                 every opener of the corpus with its count and where it is used
  references              instruments, resolutions, decisions and documents the corpus cites
  lint <source>           editorial checks of a document; exit status 1 when there are errors
  compare <base> <draft>  paragraph-aware diff of two documents;
                          --ignore-punctuation, --ignore-footnotes, --show-typography
  export <source> --out <file.docx> [--base <source>] [--author <name>] [--show-typography]
                          the UN-layout Word document; with --base, tracked changes against it
  export <source> --format akn --out <file.xml>
                          the document as Akoma Ntoso 3.0 (AKN4UN), valid against the OASIS schema
  share <source> --server ws://host:port --delegations "Mexico,Norway" [--app <url>]
                          make a shared draft of the source on a co-drafting server (npm run
                          server): its id, the link to open it, and a token per role
  parse --shared ws://host:port/<id> --token <token>
  export --shared ws://host:port/<id> --token <token> --out <file.docx> [--base <source>]
  compare <base> --shared ws://host:port/<id> --token <token>
                          read a shared draft as the app shows it (any role's token)
  compile <base> <delegation.docx>... --out <compilation.docx> [--authors authors.json]
                          merge the Word files delegations send back (tracked changes) into
                          the compilation text on the base; --authors maps Word's authors to
                          delegations ({"jdoe": "Mexico"})
  library search "<paragraph text>" [--top N] [--session 79] [--body ga|cop|user]
                          the closest adopted paragraphs of the library (the Assembly's
                          sessions 78-80, the Conference's sixth session), best first
  library lineage <symbol> <part> <paragraph>
                          a paragraph's versions, oldest first, as word diffs: e.g.
                          library lineage A/RES/80/220 operative "2 (b)" (part: preamble,
                          operative, annex or PP, OP; paragraph: its position, subparagraphs
                          by label or as 9.1); library help for the details
  library stats           documents by session, paragraphs, the pack's size, index build time
  help                    this text

sources (every command reads each kind):
  6/3, "decision 6/1"     a resolution or decision of the corpus
  file.pdf                a PDF as the UN's document system gives it (not scanned, no password)
  file.docx               a Word document
  file.html, file.htm     a web page (a document site's rendition, or Word saved as a web page)
  file.resolution.json    a draft saved by the app
  file.xml                Akoma Ntoso 3.0 (what export --format akn writes, or another tool's)
  file.txt (any other)    plain text: what a PDF viewer copies, or pdftotext gives

options:
  --json                  print JSON on stdout (otherwise a readable table)
`;

interface Args {
  readonly command: string | undefined;
  readonly positional: readonly string[];
  readonly json: boolean;
}

function parseArgs(argv: readonly string[]): Args {
  const positional: string[] = [];
  let json = false;
  for (const arg of argv) {
    if (arg === '--json') json = true;
    else if (arg === '-h' || arg === '--help') positional.unshift('help');
    else if (arg.startsWith('--')) throw new UsageError(`unknown option ${arg}`);
    else positional.push(arg);
  }
  const [command, ...rest] = positional;
  return { command, positional: rest, json };
}

/** "resolution 6/3", or "resolution" for a text without a number. */
function documentName(d: ResolutionDocument): string {
  return `${d.kind} ${d.number ?? ''}`.trim();
}

function documentRows(documents: readonly ResolutionDocument[]): string[][] {
  return documents.map((d) => [
    documentName(d),
    String(d.preamble.length),
    String(d.operative.length),
    d.annex ? String(d.annex.items.length) : '-',
    String(d.footnotes.length),
    d.metadata.adoption?.draftSymbol ?? '',
    d.title,
  ]);
}

const DOC_HEADERS = ['document', 'PP', 'OP', 'annex', 'notes', 'draft', 'title'];

function diagnosticLines(diagnostics: readonly Diagnostic[]): string {
  return diagnostics
    .map((d) => `  ${d.severity}: ${d.document ? `${d.document}: ` : ''}${d.message}`)
    .join('\n');
}

/**
 * Where a run of the command line writes, and what it knows of the terminal it writes to. The bin
 * passes the process's own (`processIo`); the tests pass strings to collect, and run the commands in
 * their own process (tests/cli/run.ts).
 */
export interface CliIo {
  readonly stdout: (text: string) => void;
  readonly stderr: (text: string) => void;
  /** ANSI colour in redlines (compare, library lineage): when stdout is a terminal and NO_COLOR is unset. */
  readonly color: boolean;
}

/** The process's stdout and stderr, in colour when stdout is a terminal and NO_COLOR is unset. */
export function processIo(): CliIo {
  return {
    stdout: (text) => void process.stdout.write(text),
    stderr: (text) => void process.stderr.write(text),
    color: Boolean(process.stdout.isTTY) && !process.env['NO_COLOR'],
  };
}

/** A writer of whole lines: what a command prints ends with a newline. */
type Out = (text: string) => void;

function lines(io: CliIo): Out {
  return (text) => io.stdout(text.endsWith('\n') ? text : `${text}\n`);
}

/** Prints what `parse` read (a PDF, .docx, web page, plain text or *.resolution.json). */
function printParsed({ documents, diagnostics }: SourceResult, json: boolean, out: Out): number {
  if (json) out(JSON.stringify({ documents: documents.map(toPublicJson), diagnostics }, null, 2));
  else {
    const body = documents.length
      ? table(DOC_HEADERS, documentRows(documents))
      : 'no resolution or decision recognized';
    const details = documents
      .map((d) =>
        [
          `\n${documentName(d)}: ${d.title}`,
          ...d.preamble.map((p, k) => `  PP${k + 1}  ${p.opener || '(no opener)'}`),
          ...d.operative.map(
            (p, k) =>
              `  OP${k + 1}  ${p.opener || '(no opener)'}${p.subparagraphs.length ? `  [${p.subparagraphs.length} subparagraphs]` : ''}`,
          ),
        ].join('\n'),
      )
      .join('\n');
    out(
      `${body}\n${details}${diagnostics.length ? `\n\ndiagnostics:\n${diagnosticLines(diagnostics)}` : ''}`,
    );
  }
  return 0;
}

const PARSE_SHARED_USAGE =
  'usage: resolution-drafter parse --shared ws://host:port/<id> --token <token> [--json]';

/**
 * Runs one command and gives its exit status; a refusal is thrown (UsageError) for `execute` to print.
 * A command prints through `out` (whole lines on io.stdout), never on process.stdout: the tests run it
 * in their own process (tests/cli/run.ts). One with options of its own parses them (a module of its
 * own, imported here when the command is run, returning the text to print), a refusal being a
 * UsageError; colour, when its output has any, is io.color.
 */
export function run(argv: readonly string[], io: CliIo = processIo()): number | Promise<number> {
  const out = lines(io);
  // compare reads options of its own (--ignore-punctuation, --ignore-footnotes, --show-typography):
  // src/cli/compare.ts.
  // Either side may be a .docx, a PDF or a web page, read asynchronously (sources.ts).
  // With --shared, the draft side is a shared draft on a co-drafting server (src/cli/shared.ts).
  if (argv[0] === 'compare' && argv.includes('--shared'))
    return import('./shared.ts').then(async ({ readSharedSource, takeSharedOption }) => {
      const { rest, shared } = takeSharedOption(argv.slice(1), COMPARE_USAGE);
      if (shared === null) throw new UsageError(COMPARE_USAGE);
      const draft = { read: () => readSharedSource(shared), label: 'the shared draft' };
      out(await compareCommand(rest, { color: io.color, draft }));
      return 0;
    });
  if (argv[0] === 'compare')
    return compareCommand(argv.slice(1), { color: io.color }).then((text) => {
      out(text);
      return 0;
    });
  // export reads options of its own (--out, --base, --author): src/cli/export.ts, loaded only here
  // (the Word writer and the zip reader are large; other commands start without them).
  if (argv[0] === 'export')
    return import('./export.ts').then(async ({ exportCommand }) => {
      out(await exportCommand(argv.slice(1)));
      return 0;
    });
  // compile reads options of its own (--out, --authors) and loads the Word reader and writer only here.
  if (argv[0] === 'compile')
    return import('./compile.ts').then(async ({ compileCommand }) => {
      out(await compileCommand(argv.slice(1)));
      return 0;
    });
  // share makes a shared draft on a co-drafting server; it and the --shared readers load Yjs and the
  // provider only here (src/cli/shared.ts).
  if (argv[0] === 'share')
    return import('./shared.ts').then(async ({ shareCommand }) => {
      out(await shareCommand(argv.slice(1)));
      return 0;
    });
  if (argv[0] === 'parse' && argv.includes('--shared'))
    return import('./shared.ts').then(async ({ readSharedSource, takeSharedOption }) => {
      const { rest, shared } = takeSharedOption(argv.slice(1), PARSE_SHARED_USAGE);
      if (shared === null || rest.some((a) => a !== '--json')) throw new UsageError(PARSE_SHARED_USAGE);
      const document = await readSharedSource(shared);
      return printParsed({ documents: [document], diagnostics: [] }, rest.includes('--json'), out);
    });
  // library reads options of its own (--top, --session, --body) and loads the library only here.
  if (argv[0] === 'library')
    return import('./library.ts').then(({ libraryCommand }) => {
      out(libraryCommand(argv.slice(1), { color: io.color }));
      return 0;
    });
  const args = parseArgs(argv);
  const expectArgs = (n: number, usage: string): void => {
    if (args.positional.length !== n) throw new UsageError(`usage: resolution-drafter ${usage}`);
  };
  switch (args.command) {
    case undefined:
    case 'help':
      out(USAGE);
      return args.command === undefined ? 2 : 0;
    case 'corpus': {
      expectArgs(0, 'corpus [--json]');
      const corpus = loadCorpus();
      if (args.json)
        out(
          JSON.stringify(
            {
              source: corpus.symbol,
              documents: corpus.documents.map(toPublicJson),
              diagnostics: corpus.diagnostics,
            },
            null,
            2,
          ),
        );
      else
        out(
          `${corpus.symbol}\n\n${table(DOC_HEADERS, documentRows(corpus.documents))}\n\n${corpus.diagnostics.length} flaws of the converted text handled:\n${diagnosticLines(corpus.diagnostics)}`,
        );
      return 0;
    }
    case 'parse': {
      expectArgs(1, 'parse <file> [--json]');
      // A PDF, .docx or web page is read asynchronously (sources.ts); text and JSON as before.
      return readSourceAsync(args.positional[0] ?? '').then((result) => printParsed(result, args.json, out));
    }
    case 'lexicon': {
      expectArgs(0, 'lexicon [--json]');
      const lexicon = buildLexicon(loadCorpus().documents);
      const entries = lexicon.entries.map((e) => ({
        phrase: e.phrase,
        part: e.part,
        count: e.count,
        fromCorpus: e.fromCorpus,
        sources: e.sources.map((s) => s.label),
      }));
      if (args.json) out(JSON.stringify({ entries }, null, 2));
      else
        out(
          table(
            ['opener', 'part', 'count', 'where'],
            entries
              .filter((e) => e.fromCorpus)
              .map((e) => [e.phrase, e.part, String(e.count), e.sources.join(', ')]),
            90,
          ) +
            `\n\n(${entries.filter((e) => !e.fromCorpus).length} further openers not from the corpus: see --json)`,
        );
      return 0;
    }
    case 'references':
      expectArgs(0, 'references [--json]');
      out(referencesCommand(loadCorpus(), args.json));
      return 0;
    case 'lint': {
      expectArgs(1, 'lint <source> [--json]');
      return lintCommand(args.positional[0] ?? '', args.json).then((result) => {
        out(result.output);
        return result.status;
      });
    }
    default:
      throw new UsageError(`unknown command "${args.command}" (try: resolution-drafter help)`);
  }
}

/**
 * A run as the user sees it: the exit status, with a refusal on stderr (status 2: bad arguments,
 * unreadable or malformed files) or an internal error with its stack (status 70).
 */
export async function execute(argv: readonly string[], io: CliIo = processIo()): Promise<number> {
  try {
    return await run(argv, io);
  } catch (e) {
    if (e instanceof UsageError) {
      io.stderr(`resolution-drafter: ${e.message}\n`);
      return 2;
    }
    io.stderr(
      `resolution-drafter: internal error: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`,
    );
    return 70;
  }
}

/** The bin's entry point (bin/resolution-drafter.mjs): this process's arguments, streams and exit status. */
export async function main(): Promise<void> {
  // A reader that closes the pipe early (`| head`) is not an error.
  process.stdout.on('error', (e: NodeJS.ErrnoException) => {
    if (e.code === 'EPIPE') process.exit(0);
    throw e;
  });
  process.exitCode = await execute(process.argv.slice(2), processIo());
}
