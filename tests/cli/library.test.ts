/**
 * `library search | lineage | stats` as a user runs them (the command line's `execute`, in this process:
 * the library is read once for the file, tests/cli/run.ts), and the errors they refuse with: their exit
 * status and stderr through the command line, their messages from libraryCommand itself.
 */
import { describe, expect, it } from 'vitest';
import { UsageError } from '../../src/cli/io.ts';
import { libraryCommand } from '../../src/cli/library.ts';
import { documentOutline } from '../../src/core/compare/units.ts';
import { gaDocument } from '../helpers/ga.ts';
import { corpusDocument } from '../helpers/corpus.ts';
import { cli, cliJson, cliOnTerminal } from './run.ts';

/**
 * The library command's JSON, straight from libraryCommand. The command line is run below for its
 * table, its redline, its options and its exit status.
 */
function libraryJson<T>(...args: string[]): T {
  const [command, ...rest] = args;
  if (command !== 'library') throw new Error('libraryJson runs library commands');
  return JSON.parse(libraryCommand([...rest, '--json'])) as T;
}

interface Match {
  symbol: string;
  part: string;
  paragraph: number;
  label: string;
  path: number[];
  section: string | null;
  score: number;
  text: string;
  date: string | null;
  title: string;
}

interface Version {
  symbol: string;
  part: string;
  paragraph: number;
  label: string;
  path: number[];
  date: string | null;
  text: string;
  similarity: number | null;
  words: { op: 'equal' | 'insert' | 'delete'; text: string }[] | null;
}

interface Lineage {
  symbol: string;
  part: string;
  paragraph: number;
  label: string;
  versions: Version[];
}

/** The text of a paragraph of a shipped resolution, as printed: `textOf('A_RES_80_220', 'operative', [5])`. */
function textOf(name: string, part: 'preamble' | 'operative', path: number[]): string {
  let units = documentOutline(gaDocument(name))[part];
  let text = '';
  for (const step of path) {
    const unit = units[step - 1];
    if (!unit) throw new Error(`${name} has no ${part} ${path.join('.')}`);
    text = unit.text;
    units = unit.children;
  }
  return text;
}

/** A/RES/80/220 OP5 (human rights in the Democratic People's Republic of Korea), edited every year. */
const DPRK_OP5 = textOf('A_RES_80_220', 'operative', [5]);

describe('library search', () => {
  it('finds an adopted paragraph first, with its symbol, part, position, label, score, text, date and title', () => {
    const { matches } = libraryJson<{ matches: Match[] }>('library', 'search', DPRK_OP5);
    expect(matches.length).toBeGreaterThan(1);
    expect(matches.length).toBeLessThanOrEqual(5);
    const [first] = matches;
    expect(Object.keys(first ?? {}).sort()).toEqual(
      ['date', 'label', 'paragraph', 'part', 'path', 'score', 'section', 'symbol', 'text', 'title'].sort(),
    );
    expect(first).toEqual({
      symbol: 'A/RES/80/220',
      part: 'operative',
      paragraph: 5,
      label: '5',
      path: [5],
      section: null,
      score: 1,
      text: DPRK_OP5,
      date: '2025-12-18',
      title: 'Situation of human rights in the Democratic People’s Republic of Korea',
    });
    // Its earlier versions follow, best first.
    expect(matches.slice(1, 3).map((m) => m.symbol)).toEqual(['A/RES/79/181', 'A/RES/78/218']);
    expect(matches.every((m, k) => k === 0 || m.score <= (matches[k - 1]?.score ?? 1))).toBe(true);
  });

  it('filters by session and labels a subparagraph "2 (b)" with its path', () => {
    const { matches } = libraryJson<{ matches: Match[] }>(
      'library',
      'search',
      textOf('A_RES_80_220', 'operative', [2, 2]),
      '--session',
      '79',
      '--top',
      '2',
    );
    expect(matches).toHaveLength(2);
    expect(matches.every((m) => m.symbol.startsWith('A/RES/79/'))).toBe(true);
    expect(matches[0]).toMatchObject({
      symbol: 'A/RES/79/181',
      part: 'operative',
      paragraph: 2,
      label: '2 (b)',
      path: [2, 2],
    });
  });

  it('searches the Conference of the Parties alone with --body cop', () => {
    const r3 = corpusDocument('resolution', '6/3');
    const text = documentOutline(r3).operative[0]?.text ?? '';
    const cop = libraryJson<{ matches: Match[] }>('library', 'search', text, '--body', 'cop', '--top', '3');
    expect(cop.matches[0]).toMatchObject({ symbol: 'resolution 6/3', paragraph: 1, label: '1', score: 1 });
    expect(cop.matches.every((m) => /^(resolution|decision) 6\//.test(m.symbol))).toBe(true);
    const ga = libraryJson<{ matches: Match[] }>('library', 'search', text, '--body=ga');
    expect(ga.matches.every((m) => m.symbol.startsWith('A/RES/'))).toBe(true);
  });

  it('prints a table without --json, each match cited as a delegate cites it', async () => {
    const r = await cli('library', 'search', DPRK_OP5, '--top', '2');
    expect(r.status).toBe(0);
    const [header, rule, first, second, ...rest] = r.stdout.trimEnd().split('\n');
    expect(header).toMatch(/^score\s+where\s+adopted\s+text$/);
    expect(rule).toMatch(/^-+ +-+/);
    expect(first).toMatch(
      /^1\.000\s+A\/RES\/80\/220 OP5\s+18 December 2025\s+Expresses its very deep concern/,
    );
    expect(second).toMatch(/A\/RES\/79\/181 OP5\s+17 December 2024/);
    expect(rest).toEqual([]);
  });
});

describe('library lineage', () => {
  it("gives a paragraph's versions oldest first, each with its word diff against the one before", () => {
    const lineage = libraryJson<Lineage>('library', 'lineage', 'A/RES/80/220', 'operative', '5');
    expect(lineage).toMatchObject({ symbol: 'A/RES/80/220', part: 'operative', paragraph: 5, label: '5' });
    expect(lineage.versions.map((v) => [v.symbol, v.label, v.date])).toEqual([
      ['A/RES/78/218', '5', '2023-12-19'],
      ['A/RES/79/181', '5', '2024-12-17'],
      ['A/RES/80/220', '5', '2025-12-18'],
    ]);
    const [oldest, middle, newest] = lineage.versions;
    expect(oldest?.words).toBeNull();
    expect(oldest?.similarity).toBeNull();
    // 2024 replaced "including political prisoners" by the places of detention.
    expect(middle?.words).toContainEqual({ op: 'delete', text: 'including political prisoners' });
    expect(middle?.words?.some((w) => w.op === 'insert' && w.text.includes('places of detention'))).toBe(
      true,
    );
    expect(middle?.similarity).toBeLessThan(1);
    // Each diff reads back to both versions.
    for (const [before, after] of [
      [oldest, middle],
      [middle, newest],
    ] as const) {
      const words = after?.words ?? [];
      const read = (skip: 'insert' | 'delete'): string =>
        words
          .filter((w) => w.op !== skip)
          .map((w) => w.text)
          .join('');
      // The diff places spaces by its own rules (compare/words.ts): the words, not the spaces, are checked.
      const bare = (t: string | undefined): string => (t ?? '').replace(/\s+/g, '');
      expect(bare(read('delete'))).toBe(bare(after?.text));
      expect(bare(read('insert'))).toBe(bare(before?.text));
    }
    expect(newest?.text).toBe(DPRK_OP5);
  });

  it('takes a subparagraph as "2 (b)", "2(b)" or "2.2", and the part as OP', () => {
    const a = libraryJson<Lineage>('library', 'lineage', 'A/RES/80/220', 'OP', '2 (b)');
    expect(a.label).toBe('2 (b)');
    expect(a.versions.map((v) => `${v.symbol} ${v.label}`)).toEqual([
      'A/RES/78/218 2 (b)',
      'A/RES/79/181 2 (b)',
      'A/RES/80/220 2 (b)',
    ]);
    const b = libraryCommand(['lineage', '80/220', 'operative', '2.2', '--json']);
    const c = libraryCommand(['lineage', 'A_RES_80_220', 'op', '2(b)', '--json']);
    expect(JSON.parse(b)).toEqual(a);
    expect(JSON.parse(c)).toEqual(a);
  });

  it('follows a paragraph that became a subparagraph: A/RES/78/29 OP5 → A/RES/80/34 OP11 (b)', () => {
    const { versions } = JSON.parse(
      libraryCommand(['lineage', 'A/RES/80/34', 'operative', '11 (b)', '--json']),
    ) as Lineage;
    expect(versions.map((v) => `${v.symbol} ${v.label}`)).toEqual([
      'A/RES/78/29 5',
      'A/RES/79/56 6',
      'A/RES/80/34 11 (b)',
    ]);
  });

  it('prints the versions as a redline without --json', async () => {
    const r = await cli('library', 'lineage', 'A/RES/80/220', 'OP', '5');
    expect(r.status).toBe(0);
    const lines = r.stdout.split('\n');
    expect(lines[0]).toBe('A/RES/80/220 OP5: 3 versions in the library, oldest first');
    expect(lines).toContain('A/RES/78/218 OP5, 19 December 2023: oldest');
    expect(r.stdout).toContain('[-including political prisoners-]');
    expect(r.stdout).toMatch(/\{\+throughout the entire penal system and in all places of detention\+\}/);
    const coloured = await cliOnTerminal('library', 'lineage', 'A/RES/80/220', 'OP', '5');
    expect(coloured.stdout).toContain('\u001b[31;9mincluding political prisoners\u001b[0m');
  });
});

describe('library stats', () => {
  it('takes --json before the command too', () => {
    expect(JSON.parse(libraryCommand(['--json', 'stats'])) as unknown).toMatchObject({
      documents: { total: 898 },
    });
  });

  it('counts the documents by body and session, the paragraphs and words, and gives the pack size', async () => {
    const stats = await cliJson<{
      documents: {
        total: number;
        byBody: Record<string, number>;
        bySession: Record<string, Record<string, number>>;
      };
      predecessors: number;
      paragraphs: number;
      vocabulary: number;
      pack: { rawBytes: number; gzipBytes: number };
      indexBuildMs: number;
    }>('library', 'stats');
    expect(stats.documents.total).toBe(898);
    expect(stats.documents.byBody).toEqual({ ga: 891, cop: 7 });
    expect(stats.documents.bySession).toEqual({ ga: { 78: 326, 79: 326, 80: 239 }, cop: { 6: 7 } });
    expect(stats.predecessors).toBeGreaterThan(350);
    expect(stats.paragraphs).toBeGreaterThan(40_000);
    expect(stats.vocabulary).toBeGreaterThan(15_000);
    expect(stats.pack.gzipBytes).toBeLessThan(6 * 1024 * 1024);
    expect(stats.pack.rawBytes).toBeGreaterThan(3 * stats.pack.gzipBytes);
    expect(stats.indexBuildMs).toBeGreaterThan(0);
  });
});

describe('library errors (exit status 2, a message on stderr)', () => {
  it.each([
    [['library'], /usage: resolution-drafter library <command>/],
    [['library', 'search', 'States', '--top', '0'], /--top needs a whole number from 1 to 100, not "0"/],
    [['library', 'lineage', 'A/RES/99/1', 'OP', '1'], /no document "A\/RES\/99\/1" in the library/],
  ])('%j', async (args, message) => {
    const r = await cli(...args);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(message);
    expect(r.stdout).toBe('');
  });

  // The same errors in the process: libraryCommand throws the UsageError the command line prints.
  it.each([
    [['frob'], /unknown library command "frob"/],
    [['search'], /library search needs the paragraph's text/],
    [['search', '… ;'], /needs words to search for/],
    [['search', 'States', '--top', 'ten'], /--top needs a whole number from 1 to 100, not "ten"/],
    [['search', 'States', '--top', '101'], /--top needs a whole number from 1 to 100, not "101"/],
    [['search', 'States', '--top'], /--top needs a value/],
    [
      ['search', 'States', '--session', 'eighty'],
      /--session needs a session number such as 79, not "eighty"/,
    ],
    [['search', 'States', '--body', 'un'], /--body is one of ga, cop, user, not "un"/],
    [['search', 'States', '--lang', 'fr'], /unknown option --lang/],
    [['lineage', 'A/RES/80/220', 'middle', '3'], /unknown part "middle": preamble, operative or annex/],
    [['lineage', 'A/RES/80/220', 'OP', 'third'], /cannot read paragraph "third"/],
    [['lineage', 'A/RES/80/220', 'OP'], /usage: resolution-drafter library lineage/],
    [['lineage', 'A/RES/80/220', 'OP', '5', '6'], /usage: resolution-drafter library lineage/],
    [['lineage', 'A/RES/80/220', 'OP', '5', '--top', '3'], /unknown option --top/],
    [['stats', 'now'], /usage: resolution-drafter library stats/],
  ])('library %j', (args, message) => {
    expect(() => libraryCommand(args)).toThrow(UsageError);
    expect(() => libraryCommand(args)).toThrow(message);
  });

  it('names the range of an out-of-range paragraph and the subparagraphs there are', () => {
    expect(() => libraryCommand(['lineage', 'A/RES/80/220', 'OP', '300'])).toThrow(
      'A/RES/80/220 has 28 operative paragraphs: there is no paragraph 300',
    );
    expect(() => libraryCommand(['lineage', 'A/RES/80/220', 'PP', '0'])).toThrow(/there is no paragraph 0/);
    expect(() => libraryCommand(['lineage', 'A/RES/80/220', 'OP', '2 (z)'])).toThrow(
      /^OP2 of A\/RES\/80\/220 has no subparagraph \(z\) \(it has \(a\), \(b\)/,
    );
    expect(() => libraryCommand(['lineage', 'A/RES/80/220', 'annex', '1'])).toThrow(
      'A/RES/80/220 has 0 annex items: there is no paragraph 1',
    );
    expect(() => libraryCommand(['lineage', 'A/RES/80/220', 'OP', '2.9'])).toThrow(
      'A/RES/80/220 has 28 operative paragraphs; none is at 2.9',
    );
  });
});
