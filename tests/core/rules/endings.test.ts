import { describe, expect, it } from 'vitest';
import { operativeEndingRule } from '../../../src/core/rules/operative-ending.ts';
import { preambleEndingRule } from '../../../src/core/rules/preamble-ending.ts';
import { subparagraphEndingRule } from '../../../src/core/rules/subparagraph-ending.ts';
import { endingOf } from '../../../src/core/rules/endings.ts';
import { applyFix } from '../../../src/core/rules/fix.ts';
import { inlineText } from '../../../src/core/model/inline.ts';
import { annex, op, pre, res, sub } from '../../helpers/builders.ts';
import { check, render } from './context.ts';

describe('endingOf', () => {
  it('looks through closing quotation marks and brackets', () => {
    expect(endingOf('entitled "Ensuring effective implementation",')?.mark).toBe(',');
    expect(endingOf('[Requests the Office to report;]')?.mark).toBe(';');
    expect(endingOf('a title "quoted,"')?.mark).toBe(',');
  });

  it('looks through a footnote marker printed as plain digits after the mark (text copied from a PDF)', () => {
    expect(endingOf('held in Quito, Ecuador, from 17 to 20 October 2016, 4')).toEqual({
      mark: ',',
      range: { start: 50, end: 51 },
    });
    expect(endingOf('of the Convention;25')?.mark).toBe(';');
    // Glued to a number, the digits may be the number's own: "77/293,2" is left as printed.
    expect(endingOf('implementation of resolution 77/293,2')?.mark).toBeUndefined();
  });

  it('places a missing mark at the end of the text, blanks left out', () => {
    expect(endingOf('the Office  ')).toEqual({ mark: undefined, range: { start: 10, end: 10 } });
    expect(endingOf('   ')).toBeUndefined();
  });
});

describe('preamble-ending', () => {
  it('flags a full stop where the comma belongs (6/2 PP2 and PP3) and fixes it', () => {
    const doc = res({
      preamble: [
        pre('Recalling', 'its resolution 5/1,'),
        pre('Noting', 'the report.'),
        pre('Noting', 'also'),
      ],
    });
    const found = check(preambleEndingRule, doc);
    expect(render(doc, found)).toEqual(['PP2 error "."', 'PP3 error ""']);
    const fixed = applyFix(applyFix(doc, found[1]!.fix!), found[0]!.fix!);
    expect(fixed.preamble.map((p) => inlineText(p.content))).toEqual([
      'its resolution 5/1,',
      'the report,',
      'also,',
    ]);
  });

  it('accepts a comma after a closing quotation mark (6/1 PP1)', () => {
    const doc = res({ preamble: [pre('Recalling', 'its resolution entitled "Ensuring implementation",')] });
    expect(check(preambleEndingRule, doc)).toEqual([]);
  });
});

describe('operative-ending', () => {
  it('wants semicolons, a full stop at the end and a colon before subparagraphs', () => {
    const doc = res({
      operative: [
        op('Requests', 'the Office;'),
        op('Also urges', 'States parties:', [sub('To act;'), sub('To report;')]),
        op('Invites', 'States.'),
      ],
    });
    expect(check(operativeEndingRule, doc)).toEqual([]);
  });

  it('flags a colon with no subparagraphs after it (6/3 OP2, 6/1 OP16)', () => {
    const doc = res({ operative: [op('Calls upon', 'States parties to act:'), op('Invites', 'States.')] });
    const found = check(operativeEndingRule, doc);
    expect(render(doc, found)).toEqual(['OP1 error ":"']);
    expect(found[0]?.message).toMatch(/no subparagraphs follow/);
    expect(found[0]?.fix?.edits).toEqual([
      {
        kind: 'replaceText',
        target: { part: 'operative', paragraph: 1 },
        range: { start: 32, end: 33 },
        text: ';',
      },
    ]);
  });

  it('flags the last paragraph ending with a semicolon, and an introduction without its colon', () => {
    const doc = res({
      operative: [op('Also urges', 'States parties;', [sub('To act;')]), op('Invites', 'States;')],
    });
    expect(render(doc, check(operativeEndingRule, doc))).toEqual(['OP1 error ";"', 'OP2 error ";"']);
  });
});

describe('operative-ending on Assembly texts', () => {
  it('lets a request for an advisory opinion end with its question (A/RES/79/232)', () => {
    const doc = res({
      operative: [
        op('Decides', 'to request the Court to render an advisory opinion on the following question:'),
        op('', 'What are the obligations of Israel ... in support of the right to self-determination?'),
      ],
    });
    expect(check(operativeEndingRule, doc).map((d) => d.location.paragraph)).toEqual([1]);
    const recalled = res({
      preamble: [pre('Recalling', 'the question put to the Court: "What are the obligations of Israel?"')],
    });
    expect(check(preambleEndingRule, recalled)).toEqual([]);
  });

  it('lets the last paragraph introduce the annexed text with a colon (A/RES/79/1), and only then', () => {
    const pact = res({
      operative: [op('Adopts', 'the following Pact for the Future and its annexes:')],
      annex: annex('Pact for the Future', [sub('We, the Heads of State and Government, ...', [], '1')]),
    });
    expect(check(operativeEndingRule, pact)).toEqual([]);
    expect(check(operativeEndingRule, { ...pact, annex: null })).toHaveLength(1);
  });
});

describe('subparagraph-ending', () => {
  it('wants semicolons, a colon before (i) and a full stop only at the very end', () => {
    const doc = res({
      operative: [
        op('Urges', 'States:', [sub('To act:', [sub('Now;'), sub('Later;')]), sub('To report;')]),
        op('Requests', 'the Office:', [sub('To help;'), sub('To report.')]),
      ],
    });
    expect(check(subparagraphEndingRule, doc)).toEqual([]);
  });

  it('accepts "; and" before the last subparagraph', () => {
    const doc = res({ operative: [op('Urges', 'States:', [sub('To act; and'), sub('To report.')])] });
    expect(check(subparagraphEndingRule, doc)).toEqual([]);
  });

  it('flags commas and a trailing "and" (6/2 OP12), with no fix after a conjunction', () => {
    const doc = res({
      operative: [
        op('Requests', 'the Secretariat to inform the Working Group about:', [
          sub('the activities,'),
          sub('best practices and'),
          sub('strategies;'),
        ]),
      ],
    });
    const found = check(subparagraphEndingRule, doc);
    expect(render(doc, found)).toEqual(['OP1 (a) error ","', 'OP1 (b) error ""', 'OP1 (c) error ";"']);
    expect(found[1]?.message).toContain('the word "and"');
    expect(found.map((d) => d.fix !== undefined)).toEqual([true, false, true]);
  });

  it("checks a resolution's annex items (6/4) but not a decision's agenda (decision 6/1)", () => {
    const items = [sub('Encourages States to:', [sub('Promote coordination;')]), sub('Invites States;')];
    const resolution = res({ annex: annex('Recommendations', items) });
    expect(render(resolution, check(subparagraphEndingRule, resolution))).toEqual(['annex item 2 error ";"']);
    const decision = res({ kind: 'decision', annex: annex('Provisional agenda', items) });
    expect(check(subparagraphEndingRule, decision)).toEqual([]);
  });
});

describe('subparagraph-ending in an annexed text of numbered paragraphs', () => {
  it('accepts sentences, clauses and lead-ins (A/RES/78/1, 78/3, 79/233) and their lists', () => {
    const doc = res({
      annex: annex('Political declaration', [
        sub('We reaffirm the 2030 Agenda.', [], '1'),
        sub('Reaffirm our commitment;', [], '2'),
        sub('We commit to taking the following actions:', [], '3'),
        sub('We commit:', [sub('to act;', [], '(a)'), sub('to report.', [], '(b)')], '4'),
        sub('We will:', [sub('Act now.', [], '(a)'), sub('Report.', [], '(b)')], '5'),
      ]),
    });
    expect(check(subparagraphEndingRule, doc)).toEqual([]);
  });

  it('still flags a comma or a word at the end', () => {
    const doc = res({
      annex: annex('Declaration', [
        sub('We reaffirm the 2030 Agenda,', [], '1'),
        sub('We commit:', [sub('to act,', [], '(a)'), sub('to report.', [], '(b)')], '2'),
      ]),
    });
    expect(render(doc, check(subparagraphEndingRule, doc))).toEqual([
      'annex item 1 error ","',
      'annex item 2 (a) error ","',
    ]);
  });
});
