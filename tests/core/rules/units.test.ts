import { describe, expect, it } from 'vitest';
import { inlineText } from '../../../src/core/model/inline.ts';
import type { PreambularParagraph, ResolutionDocument, Section } from '../../../src/core/model/types.ts';
import { alsoFurtherRule } from '../../../src/core/rules/also-further.ts';
import { applyFix } from '../../../src/core/rules/fix.ts';
import { lintDocument } from '../../../src/core/rules/lint.ts';
import { numberingRule } from '../../../src/core/rules/numbering.ts';
import { operativeEndingRule } from '../../../src/core/rules/operative-ending.ts';
import { preambleEndingRule } from '../../../src/core/rules/preamble-ending.ts';
import { preambleOpenerRule } from '../../../src/core/rules/preamble-opener.ts';
import { RULES } from '../../../src/core/rules/registry.ts';
import { subparagraphLabelsRule } from '../../../src/core/rules/subparagraph-labels.ts';
import { addressLabel, paragraphUnits } from '../../../src/core/rules/units.ts';
import { fn, inl, op, pre, res, sub } from '../../helpers/builders.ts';
import { check, lintContext, render } from './context.ts';

/** A section of an omnibus resolution. */
function section(number: string, parts: Partial<Omit<Section, 'number'>> = {}): Section {
  return { number, heading: `Heading ${number}`, preamble: [], operative: [], ...parts };
}

/** A preambular paragraph that introduces a list (Assembly practice, A/RES/78/29 PP12). */
function listed(opener: string, text: string, items: string[]): PreambularParagraph {
  return { ...pre(opener, text), subparagraphs: items.map((t) => sub(t)) };
}

const OMNIBUS: ResolutionDocument = res({
  organ: 'General Assembly',
  formula: 'The General Assembly,',
  preamble: [listed('Recalling', 'that the Convention contributes to:', ['peace,', 'security,'])],
  operative: [op('Welcomes', 'the report;', [], '1')],
  sections: [
    section('I', {
      preamble: [pre('Having considered', 'the report,')],
      operative: [op('Approves', 'the budget;', [], '2'), op('Requests', 'a report;', [], '3')],
    }),
    section('II', {
      operative: [op('Decides', 'to continue;', [], '1'), op('Also decides', 'to report.', [], '2')],
    }),
  ],
});

describe('paragraphUnits', () => {
  it('walks preambular subparagraphs and each section, in reading order', () => {
    expect(paragraphUnits(OMNIBUS).map((u) => addressLabel(u.address))).toEqual([
      'title',
      'formula',
      'PP1',
      'PP1 (a)',
      'PP1 (b)',
      'OP1',
      'section 1 PP1',
      'section 1 OP1',
      'section 1 OP2',
      'section 2 OP1',
      'section 2 OP2',
    ]);
  });

  it('takes the last paragraph of the last section as the end of the operative part', () => {
    const final = paragraphUnits(OMNIBUS).filter((u) => u.final);
    expect(final.map((u) => addressLabel(u.address))).toEqual(['PP1 (b)', 'section 2 OP2']);
  });

  it('never reads a footnote text as a paragraph', () => {
    const doc = res({
      organ: 'General Assembly',
      formula: 'The General Assembly,',
      preamble: [pre('Recalling', 'its resolution 60/288 of 8 September 2006,{fn:f1}')],
      footnotes: [fn('f1', 'Resolution 60/288.')],
    });
    expect(paragraphUnits(doc).map((u) => u.text)).not.toContain('Resolution 60/288.');
    expect(lintDocument(doc, lintContext())).toEqual([]);
  });

  it('runs every rule over sections, preambular lists and annex items without failing', () => {
    const doc: ResolutionDocument = {
      ...OMNIBUS,
      annex: {
        title: 'Declaration',
        intro: [],
        items: [sub('We commit:', [sub('to act;'), sub('to report.')], '1'), sub('We reaffirm it.', [], '2')],
        headings: [{ before: 0, number: 'I', heading: 'Commitments' }],
      },
    };
    for (const rule of RULES) expect(() => rule.check(doc, lintContext())).not.toThrow();
    expect(lintDocument(doc, lintContext()).filter((d) => d.severity === 'error')).toEqual([]);
  });
});

describe('the rules in sections and preambular lists', () => {
  it('numbers a section from 1 again or on from the part before, as printed (A/RES/78/247, 78/245)', () => {
    expect(check(numberingRule, OMNIBUS)).toEqual([]);
    const gap: ResolutionDocument = {
      ...OMNIBUS,
      sections: [section('I', { operative: [op('Approves', 'it;', [], '3'), op('Notes', 'it.', [], '5')] })],
    };
    expect(render(gap, check(numberingRule, gap))).toEqual(['section 1 OP1 error', 'section 1 OP2 error']);
    const fixed = applyFix(gap, check(numberingRule, gap)[0]!.fix!);
    expect(fixed.sections?.[0]?.operative.map((p) => p.label)).toEqual(['2', '3']);
  });

  it('ends every section but the last with a semicolon', () => {
    expect(check(operativeEndingRule, OMNIBUS)).toEqual([]);
    const early: ResolutionDocument = {
      ...OMNIBUS,
      operative: [op('Welcomes', 'the report.', [], '1')],
    };
    expect(render(early, check(operativeEndingRule, early))).toEqual(['OP1 error "."']);
  });

  it('starts the also/further sequence afresh in each section', () => {
    const doc: ResolutionDocument = {
      ...OMNIBUS,
      sections: [
        section('I', { operative: [op('Requests', 'a report;')] }),
        section('II', { operative: [op('Requests', 'a report;'), op('Requests', 'another.')] }),
      ],
    };
    expect(render(doc, check(alsoFurtherRule, doc))).toEqual(['section 2 OP2 warning "Requests"']);
  });

  it('ends a preambular list with commas (or semicolons between items) and its lead-in with a colon', () => {
    expect(check(preambleEndingRule, OMNIBUS)).toEqual([]);
    expect(check(preambleOpenerRule, OMNIBUS)).toEqual([]);
    const clauses = res({
      preamble: [listed('Noting', 'five priority areas, as follows:', ['trade;', 'transport;', 'finance,'])],
    });
    expect(check(preambleEndingRule, clauses)).toEqual([]);
    const faulty = res({
      preamble: [listed('Noting', 'five priority areas, as follows,', ['trade;', 'finance.'])],
    });
    const found = check(preambleEndingRule, faulty);
    expect(render(faulty, found)).toEqual(['PP1 error ","', 'PP1 (b) error "."']);
    const fixed = applyFix(faulty, found[1]!.fix!);
    expect(inlineText(fixed.preamble[0]!.subparagraphs![1]!.content)).toBe('finance,');
  });

  it('letters a preambular list (a), (b)', () => {
    const doc = res({
      preamble: [
        {
          ...pre('Noting', 'the following:'),
          subparagraphs: [sub('one,', [], '(a)'), sub('two,', [], '(c)')],
        },
      ],
    });
    expect(render(doc, check(subparagraphLabelsRule, doc))).toEqual(['PP1 (b) error']);
  });

  it('fixes a paragraph of a section in place', () => {
    const doc: ResolutionDocument = {
      ...OMNIBUS,
      sections: [section('I', { operative: [op('Approves', 'the budget,', [], '2')] })],
    };
    const found = check(operativeEndingRule, doc);
    expect(render(doc, found)).toEqual(['section 1 OP1 error ","']);
    const fixed = applyFix(doc, found[0]!.fix!);
    expect(fixed.sections?.[0]?.operative[0]?.content).toEqual(inl('the budget.'));
    expect(fixed.operative).toEqual(doc.operative);
  });
});
