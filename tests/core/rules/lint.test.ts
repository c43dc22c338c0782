import { describe, expect, it } from 'vitest';
import type { ResolutionDocument } from '../../../src/core/model/types.ts';
import { createLinter, lintDocument } from '../../../src/core/rules/lint.ts';
import { RULE_AUTHORITIES } from '../../../src/core/rules/authority.ts';
import { RULES } from '../../../src/core/rules/registry.ts';
import { addressLabel } from '../../../src/core/rules/units.ts';
import { corpus } from '../../helpers/corpus.ts';
import { op, pre, res } from '../../helpers/builders.ts';
import { lintContext } from './context.ts';

const brief = (doc: ResolutionDocument, settings = {}) =>
  lintDocument(doc, lintContext(settings)).map((d) => `${addressLabel(d.location)} ${d.severity} ${d.rule}`);

describe('the registry', () => {
  it('lists each rule once, each named by a sentence that states it and answering to an authority', () => {
    const ids = RULES.map((r) => r.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids).toEqual(
      expect.arrayContaining([
        'preamble-opener',
        'preamble-ending',
        'operative-opener',
        'operative-ending',
        'operative-numbering',
        'also-further',
        'instrument-citation',
        'act-citation',
        'un-spelling',
        'formula-ending',
        'title-present',
        'square-brackets',
      ]),
    );
    for (const rule of RULES) {
      expect(rule.title, rule.id).toMatch(/^[A-Z][^.]+[^.\s]$/);
      expect(RULE_AUTHORITIES, rule.id).toContain(rule.authority);
    }
    // What each rule checks, its full authority and an example are its page in the Help (help.test.ts).
    expect(new Set(RULES.map((r) => r.title)).size).toBe(RULES.length);
  });
});

describe('lintDocument', () => {
  const doc = res({
    title: '',
    preamble: [pre('Recalling', 'the report.'), pre('Recalling', 'the organisation,')],
    operative: [op('Requests', 'the Office:'), op('Invites', 'States;')],
  });

  it('runs every rule and sorts the findings in reading order', () => {
    expect(brief(doc)).toEqual([
      'title error title-present',
      'PP1 error preamble-ending',
      'PP2 warning also-further',
      'PP2 warning un-spelling',
      'OP1 error operative-ending',
      'OP2 error operative-ending',
    ]);
  });

  it('leaves out the rules switched off', () => {
    expect(brief(doc, { disabled: ['operative-ending', 'un-spelling', 'title-present'] })).toEqual([
      'PP1 error preamble-ending',
      'PP2 warning also-further',
    ]);
  });
});

describe('createLinter (incremental)', () => {
  const base = res({
    preamble: [
      pre('Recalling', 'its resolution 5/1 of 22 October 2010,'),
      pre('Noting', 'the organisation,'),
    ],
    operative: [op('Requests', 'the Office;'), op('Also requests', 'the Office;'), op('Invites', 'States.')],
  });

  it('gives what lintDocument gives, re-checking only the paragraph that changed', () => {
    const linter = createLinter(lintContext());
    expect(linter.lint(base)).toEqual(lintDocument(base, lintContext()));
    expect(linter.stats.checked).toBe(7);

    const typed: ResolutionDocument = {
      ...base,
      operative: [base.operative[0]!, op('Also requests', 'the Office to report:'), base.operative[2]!],
    };
    expect(linter.lint(typed)).toEqual(lintDocument(typed, lintContext()));
    expect(linter.stats).toEqual({ checked: 1, reused: 6 });
  });

  it('re-checks a neighbour whose place changed: the paragraph that stopped being the last', () => {
    const linter = createLinter(lintContext());
    linter.lint(base);
    const appended = { ...base, operative: [...base.operative, op('Decides', 'to remain seized.')] };
    expect(linter.lint(appended)).toEqual(lintDocument(appended, lintContext()));
    expect(linter.stats.checked).toBe(2);
    expect(
      linter
        .lint(appended)
        .filter((d) => d.rule === 'operative-ending')
        .map((d) => d.location.paragraph),
    ).toEqual([3]);
  });

  it('re-addresses cached findings when a paragraph is inserted above, fixes included', () => {
    const linter = createLinter(lintContext());
    linter.lint(base);
    const inserted = { ...base, preamble: [pre('Welcoming', 'the report,'), ...base.preamble] };
    const found = linter.lint(inserted);
    expect(linter.stats.checked).toBe(1);
    const spelling = found.find((d) => d.rule === 'un-spelling');
    expect(spelling?.location).toMatchObject({ part: 'preamble', paragraph: 3 });
    expect(spelling?.fix?.edits[0]?.target).toEqual({ part: 'preamble', paragraph: 3 });
    expect(found).toEqual(lintDocument(inserted, lintContext()));
  });
});

/**
 * Issue 6, "Done when": the adopted texts raise no error that is not a real defect of the source text.
 * Each one below was checked against corpus/CTOC-COP-2012-15.txt.
 */
describe('the corpus (CTOC/COP/2012/15)', () => {
  const findings = corpus().documents.flatMap((doc) =>
    lintDocument(doc, lintContext()).map((d) => ({ doc: `${doc.kind} ${doc.number}`, d })),
  );
  const list = (severity: string) =>
    findings
      .filter(({ d }) => d.severity === severity)
      .map(({ doc, d }) => `${doc} ${addressLabel(d.location)} ${d.rule}`);

  it('finds only the real defects of resolutions 6/1-6/4 as errors, and none in the decisions', () => {
    expect(list('error')).toEqual([
      // "...supplementing the United Nations Convention on Transnational Organized Crime" (report line 129):
      // "on" for "against" in the Protocol's title.
      'resolution 6/1 OP12 instrument-citation',
      // "...with the relevant technical assistance:" (line 140), and paragraph 17 follows: no subparagraphs.
      'resolution 6/1 OP16 operative-ending',
      // "...in conformity with their national laws." and "...organized criminal groups." (lines 159, 161):
      // full stops inside the preamble.
      'resolution 6/2 PP2 preamble-ending',
      'resolution 6/2 PP3 preamble-ending',
      // Paragraph 12 prints its list run in: "(a) ...Firearms Protocol, (b) ...organizations, (c) ...
      // capacity-building and (d) ...;" (lines 212-215), commas and "and" where subparagraphs take ";".
      'resolution 6/2 OP12 (a) subparagraph-ending',
      'resolution 6/2 OP12 (b) subparagraph-ending',
      'resolution 6/2 OP12 (c) subparagraph-ending',
      // "...commensurate with the nature and gravity of the offence:" (line 245), and paragraph 3 follows.
      'resolution 6/3 OP2 operative-ending',
    ]);
  });

  it('warns only where the text departs from the rules', () => {
    expect(list('warning')).toEqual([
      // The Model Law's first mention carries no footnote; the report gives its source only in para. 78
      // ("United Nations publication, Sales No. E.11.V.9").
      'resolution 6/2 OP8 instrument-citation',
    ]);
  });

  it('suggests short titles for full titles repeated after the first mention (info only)', () => {
    expect(list('info')).toEqual([
      // Not 6/1 PP5: the group mention of PP2 is not the Trafficking in Persons Protocol's first mention.
      'resolution 6/1 PP17 instrument-citation',
      'resolution 6/1 OP3 instrument-citation',
      'resolution 6/1 OP11 instrument-citation',
      'resolution 6/2 PP9 instrument-citation',
    ]);
  });
});
