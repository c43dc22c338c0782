/**
 * `npm run bench` — one honest measurement for every figure the issues name. A table for people;
 * with --json one JSON object for machines, and nothing else on stdout (progress goes to stderr).
 * Not part of `npm test`: no timed tests.
 *
 * Core figures are measured in Node (the same TypeScript the browser runs). Browser and bundle figures
 * (bench/browser.ts, bench/bundle.ts) come from a production build the run makes itself in a temporary
 * directory and measures in headless Chromium; `--no-browser` skips them. `--high-priority` runs the
 * benchmark (build and browser included) at nice -15, for a machine busy with other work (needs root).
 * The paste figures (bench/browser.ts `measurePaste`) paste 50 KB, 500 KB and 2 MB of operative
 * paragraphs and one 90 KB paragraph into a 500-paragraph draft; `--paste-sizes=100KB,200KB` pastes
 * other sizes, `--paste-paragraph=4KB` pastes paragraphs of that size (fewer of them, under the
 * part's limit of 2,000 paragraphs), `--no-single-line` leaves the long paragraph out, `--paste-only`
 * measures nothing else in the browser. `--library-only` measures only the library's figures in the
 * browser (its load in the worker, searches). `--pdf-only` measures only the PDF figures in the browser
 * (reading the dev set's PDFs in the app's PDF worker, opening one in the app). `--typing-only`
 * measures only the keystrokes (in the editor and in the compilation, each against the bare editor).
 * `--first-screen-only` measures only the first screen's figures (the bundle, the cold loads, the
 * typeahead menu). `--collab-only` measures only the co-drafting figures (servers, Redis and PostgreSQL started for it).
 * `--browser-only`
 * skips the Node figures (the library's among them, about 3 min).
 *
 * The JSON object nests at the dots of the keys: {"corpusParseMs": 5.5, …, "browser": {"coldLoadMs": …},
 * "bundle": {"initialJsGzipKb": …, "lazyChunksGzipKb": {"<chunk>": kB, …}}}. A figure that could not be
 * measured is null (the reason is on stderr). The exit status is 1 when a measurement failed, else 0,
 * budgets met or not: the table and the JSON say which are over.
 */
import { constants, setPriority } from 'node:os';
import { readReport } from '../src/core/corpus/report.ts';
import { buildLexicon } from '../src/core/lexicon/lexicon.ts';
import { suggestOpeners } from '../src/core/lexicon/query.ts';
import { benchCorpus, median, percentile, REPORT_TEXT, round, sample, type Figure } from './measure.ts';
import { measureCompare } from './compare.ts';
import { measureLint } from './lint.ts';
import { measureReading } from './reading.ts';
import { measureDocx } from './docx.ts';
import { measureHostileDocx, measureHostilePdf } from './hostile.ts';
import { measureBrowserFigures, stopBrowserBench, type BrowserOptions } from './browser.ts';
import { measureLibrary } from './library.ts';
import { measureNegotiation } from './negotiation.ts';
import { measureCollab } from './collab.ts';

export function measureCore(): Figure[] {
  const figures: Figure[] = [];
  const parse = sample(() => readReport(REPORT_TEXT), 60, 15);
  figures.push({
    key: 'corpusParseMs',
    value: round(median(parse)),
    unit: 'ms',
    budget: 30,
    what: 'read the whole report into documents (median)',
  });

  const corpus = benchCorpus();
  const lexicon = buildLexicon(corpus.documents);
  const queries = ['Req', 'Ur', 'Recog', 'Not', 'Also', 'Inv', 'Welc', 'Dec', 'Takin', 'E'];
  const previous = corpus.documents[0]?.operative.slice(0, 6).map((p) => p.opener) ?? [];
  // One lookup at a time, so the 99th percentile says what a keystroke waits for.
  const lookups: number[] = [];
  for (let round_ = 0; round_ < 400; round_++) {
    for (const typed of queries) {
      const t = sample(
        () => suggestOpeners(lexicon, { part: 'operative', typed, previousOpeners: previous }),
        1,
        0,
      );
      if (round_ >= 50) lookups.push((t[0] ?? 0) * 1000);
    }
  }
  lookups.sort((a, b) => a - b);
  figures.push({
    key: 'lexiconQueryP99Us',
    value: round(percentile(lookups, 99), 1),
    unit: 'µs',
    budget: 200,
    what: 'one opener completion lookup (99th percentile)',
  });
  return figures;
}

/** The browser figures, each null, when the browser part could not run. */
const BROWSER_KEYS: readonly (readonly [string, Figure['unit'], number | null])[] = [
  ['browser.coldLoadMs', 'ms', 1500],
  ['browser.bareColdLoadMs', 'ms', null],
  ['browser.coldLoadVsBare', '×', 1.5],
  ['browser.keystrokeP95Ms', 'ms', 16],
  ['browser.keystrokeBareP95Ms', 'ms', null],
  ['browser.keystrokeVsBare', '×', 1.5],
  ['browser.keystrokeEventTimingP95Ms', 'ms', null],
  ['browser.negotiationKeystrokeP95Ms', 'ms', 16],
  ['browser.negotiationKeystrokeVsBare', '×', 1.5],
  ['browser.typeaheadOpenP95Ms', 'ms', 16],
  ['browser.typeaheadBareFirstKeyP95Ms', 'ms', null],
  ['browser.typeaheadVsBareFirstKey', '×', null],
  ['browser.docxExportMs', 'ms', 500],
  ['browser.pdfReadMs', 'ms', 500],
  ['browser.pdfImportMs', 'ms', null],
  ['browser.libraryLoadMs', 'ms', 1500],
  ['browser.libraryBytesMb', 'MB', 6],
  ['browser.libraryQueryP99Ms', 'ms', 10],
  ['bundle.initialJsGzipKb', 'KB', 180],
];

function toJson(figures: readonly Figure[], withBrowser: boolean): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  if (withBrowser) out.bundle = {};
  for (const f of figures) {
    const path = f.path ?? f.key.split('.');
    let node = out;
    for (const part of path.slice(0, -1)) {
      const next = node[part];
      if (typeof next === 'object' && next !== null) node = next as Record<string, unknown>;
      else node = node[part] = {};
    }
    node[path[path.length - 1] as string] = f.value;
  }
  // With no lazy chunk at all the key is still there, as {}.
  if (withBrowser) {
    const b = out.bundle as Record<string, unknown>;
    if (b.lazyChunksGzipKb === undefined) b.lazyChunksGzipKb = {};
  }
  // The order people read: core figures, then browser, then bundle.
  const { browser, bundle, ...core } = out;
  return {
    ...core,
    ...(browser === undefined ? {} : { browser }),
    ...(bundle === undefined ? {} : { bundle }),
  };
}

const show = (n: number): string =>
  Math.abs(n) >= 100 ? n.toFixed(0) : Math.abs(n) >= 10 ? n.toFixed(1) : n.toFixed(2);

function table(figures: readonly Figure[]): string {
  const width = Math.max(...figures.map((f) => f.key.length));
  const rows = figures.map((f) => {
    const value = f.value === null ? 'n/a' : String(f.value);
    const budget = f.budget === null ? '—' : String(f.budget);
    const status = f.value === null || f.budget === null ? '    ' : f.value <= f.budget ? 'ok  ' : 'OVER';
    const spread = f.spread ? `${show(f.spread[0])}–${show(f.spread[1])}` : '';
    return `${f.key.padEnd(width)} ${value.padStart(8)} ${f.unit.padEnd(4)} budget ${budget.padStart(5)} ${status} ${spread.padStart(11)}  ${f.what}`;
  });
  const header = `${'figure'.padEnd(width)} ${'value'.padStart(8)} ${''.padEnd(4)} ${'budget'.padStart(12)} ${'    '} ${'spread'.padStart(11)}  what`;
  return [header, ...rows].join('\n');
}

async function main(): Promise<void> {
  const json = process.argv.includes('--json');
  const withBrowser = !process.argv.includes('--no-browser');
  const log = (message: string) => process.stderr.write(`bench: ${message}\n`);
  let failed = false;
  let highPriority = false;
  if (process.argv.includes('--high-priority')) {
    // On a shared machine busy with other jobs, latency percentiles measure the other jobs. A higher
    // scheduling priority, inherited by the build and the browser, brings the figures near a quiet
    // machine's. Raising it needs root (or CAP_SYS_NICE).
    try {
      setPriority(0, constants.priority.PRIORITY_HIGHEST + 5);
      highPriority = true;
      log('running at a higher scheduling priority (nice -15)');
    } catch (error) {
      log(
        `--high-priority: could not raise the priority (${error instanceof Error ? error.message : String(error)})`,
      );
    }
  }

  const browserOnly = process.argv.includes('--browser-only');
  // Co-drafting (issue 15): servers in processes of their own, Redis and PostgreSQL started here.
  const collabOnly = process.argv.includes('--collab-only');
  const figures: Figure[] = collabOnly
    ? await measureCollab(log)
    : browserOnly
      ? []
      : [
          ...measureCore(),
          ...measureCompare(),
          ...measureLint(),
          ...measureReading(),
          ...(await measureDocx()),
          ...(await measureHostileDocx()),
          ...(await measureHostilePdf()),
          // The library (issue 13): built, searched at its size, doubled and quadrupled (about 2 min).
          ...measureLibrary(log),
          // Negotiation (issue 14): five returned Word files merged into a 60-paragraph draft.
          ...(await measureNegotiation()),
          ...(await measureCollab(log)),
        ];
  const pasteOnly = process.argv.includes('--paste-only');
  const pdfOnly = process.argv.includes('--pdf-only');
  const libraryOnly = process.argv.includes('--library-only');
  const typingOnly = process.argv.includes('--typing-only');
  const firstScreenOnly = process.argv.includes('--first-screen-only');
  const sizesArg = process.argv.find((a) => a.startsWith('--paste-sizes='));
  const paragraphArg = process.argv.find((a) => a.startsWith('--paste-paragraph='));
  const browserOptions: BrowserOptions = {
    pasteOnly,
    pdfOnly,
    libraryOnly,
    typingOnly,
    firstScreenOnly,
    ...(sizesArg === undefined
      ? {}
      : {
          pasteSizes: sizesArg
            .slice('--paste-sizes='.length)
            .split(',')
            .filter((x) => x !== ''),
        }),
    singleLine: !process.argv.includes('--no-single-line'),
    ...(paragraphArg === undefined
      ? {}
      : { pasteParagraph: paragraphArg.slice('--paste-paragraph='.length) }),
  };
  if (withBrowser && !collabOnly) {
    try {
      if (!(await measureBrowserFigures(log, figures, browserOptions))) failed = true;
    } catch (error) {
      failed = true;
      log(
        `the browser figures could not be measured: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`,
      );
    }
    for (const [key, unit, budget] of pasteOnly || pdfOnly || libraryOnly || typingOnly || firstScreenOnly
      ? []
      : BROWSER_KEYS)
      if (!figures.some((f) => f.key === key))
        figures.push({ key, value: null, unit, budget, what: 'n/a: not measured (see stderr)' });
  }

  // Core figures first, then the browser's, then the bundle's, each in the order measured.
  const group = (f: Figure) => (f.key.startsWith('browser.') ? 1 : f.key.startsWith('bundle.') ? 2 : 0);
  figures.sort((a, b) => group(a) - group(b));

  if (json) process.stdout.write(`${JSON.stringify(toJson(figures, withBrowser), null, 2)}\n`);
  else
    process.stdout.write(
      `Resolution Drafter benchmark (Node ${process.version}, ${new Date().toISOString().slice(0, 10)}${highPriority ? ', nice -15' : ''}); spread: the fastest and slowest of the repeated runs (of the rounds, for the keystroke percentiles)\n\n${table(figures)}\n`,
    );
  process.exitCode = failed ? 1 : 0;
}

// Ctrl+C or a kill: stop the build, the servers and the browser, and remove the temporary build.
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const)
  process.once(signal, () => {
    void stopBrowserBench().finally(() => process.exit(130));
  });

void main();
