import { describe, expect, it } from 'vitest';
import { inlineText } from '../../../src/core/model/inline.ts';
import { applyFix } from '../../../src/core/rules/fix.ts';
import { findMentions, instrumentCitationRule } from '../../../src/core/rules/instrument-citations.ts';
import { addressLabel } from '../../../src/core/rules/units.ts';
import { annex, fn, op, pre, res, sub } from '../../helpers/builders.ts';
import { corpusDocument } from '../../helpers/corpus.ts';
import { check, lintContext, render } from './context.ts';

const CONVENTION = 'United Nations Convention against Transnational Organized Crime';
const FIREARMS =
  'Protocol against the Illicit Manufacturing of and Trafficking in Firearms, Their Parts and Components and Ammunition, supplementing the United Nations Convention against Transnational Organized Crime';
const VOL_2225 = fn('f1', 'United Nations, *Treaty Series*, vol. 2225, No. 39574.');
const VOL_2326 = fn('f2', 'Ibid., vol. 2326, No. 39574.');

describe('findMentions', () => {
  const refs = lintContext().references;
  const kinds = (text: string) =>
    findMentions(text, refs).map((m) => `${m.target} ${m.kind} "${text.slice(m.range.start, m.range.end)}"`);

  it('finds full titles, longest first, and short titles after "the" or "its"', () => {
    expect(kinds(`the ${FIREARMS} and the Convention and its Firearms Protocol`)).toEqual([
      `firearms-protocol full "${FIREARMS}"`,
      'organized-crime-convention short "Convention"',
      'firearms-protocol short "Firearms Protocol"',
    ]);
    expect(kinds(`the ${CONVENTION} and the Protocols thereto`)).toEqual([
      `convention-and-protocols full "${CONVENTION} and the Protocols thereto"`,
    ]);
  });

  it('finds a Protocol named without its "supplementing" clause (6/1 PP5, decision 6/1)', () => {
    expect(
      kinds(
        'the Protocol to Prevent, Suppress and Punish Trafficking in Persons, Especially Women and Children, supplementing that Convention,',
      ),
    ).toEqual([
      'trafficking-protocol full "Protocol to Prevent, Suppress and Punish Trafficking in Persons, Especially Women and Children, supplementing that Convention"',
    ]);
  });

  it('leaves alone quoted titles, the organ\'s name, other conventions and lower-case "the convention"', () => {
    expect(kinds(`its resolution entitled "Implementation of the ${CONVENTION}"`)).toEqual([]);
    expect(kinds(`the Conference of the Parties to the ${CONVENTION}`)).toEqual([]);
    expect(kinds('the Convention on the Rights of the Child and the convention')).toEqual([]);
  });

  it('recognizes a full title misprinted in one word (6/1 OP12)', () => {
    expect(kinds('the United Nations Convention on Transnational Organized Crime')).toEqual([
      'organized-crime-convention misprint "United Nations Convention on Transnational Organized Crime"',
    ]);
  });
});

describe('instrument-citation', () => {
  it('leaves alone a first mention with its footnote and short titles after it', () => {
    const doc = res({
      preamble: [pre('Recalling', `article 32 of the ${CONVENTION},{fn:f1}`)],
      operative: [op('Urges', 'States to implement the Convention.')],
      footnotes: [VOL_2225],
    });
    expect(check(instrumentCitationRule, doc)).toEqual([]);
  });

  it('warns about a first mention without a footnote and adds the source the corpus gives', () => {
    const doc = res({ preamble: [pre('Recalling', `article 32 of the ${CONVENTION},`)] });
    const found = check(instrumentCitationRule, doc);
    expect(render(doc, found)).toEqual([`PP1 warning "${CONVENTION}"`]);
    const fixed = applyFix(doc, found[0]!.fix!);
    expect(fixed.preamble[0]?.content.at(-2)).toEqual({ type: 'footnoteRef', footnoteId: 'fn-1' });
    expect(fixed.footnotes.map((f) => inlineText(f.content))).toEqual([
      'United Nations, Treaty Series, vol. 2225, No. 39574.',
    ]);
    expect(check(instrumentCitationRule, fixed)).toEqual([]);
  });

  it('warns about a short title before any full title, with a fix that writes the title and footnote', () => {
    const doc = res({
      // 2012 practice, where the operative part may footnote the source again.
      metadata: { footnoteRule: '2012' },
      preamble: [pre('Noting', 'accessions to the Firearms Protocol,')],
      operative: [op('Invites', `States to ratify the ${FIREARMS}.{fn:f2}`)],
      footnotes: [VOL_2326],
    });
    const found = check(instrumentCitationRule, doc);
    expect(render(doc, found)).toEqual(['PP1 warning "Firearms Protocol"']);
    const fixed = applyFix(doc, found[0]!.fix!);
    expect(inlineText(fixed.preamble[0]!.content)).toBe(`accessions to the ${FIREARMS},`);
    expect(fixed.preamble[0]?.content.some((c) => c.type === 'footnoteRef')).toBe(true);
  });

  it('accepts "the Convention and the Protocols thereto" once the Convention is named (6/2 PP9)', () => {
    const doc = res({
      preamble: [
        pre('Recalling', `the ${CONVENTION},{fn:f1}`),
        pre('Noting', 'the Convention and the Protocols thereto,'),
      ],
      footnotes: [VOL_2225],
    });
    expect(check(instrumentCitationRule, doc)).toEqual([]);
  });

  describe('a group mention', () => {
    const ALL_FOUR = fn('f1', 'United Nations, *Treaty Series*, vols. 2225, 2237, 2241 and 2326, No. 39574.');

    it('is the first mention of the Convention, not of each Protocol (resolution 6/1 PP2 and PP5)', () => {
      const sixOne = corpusDocument('resolution', '6/1');
      const found = check(instrumentCitationRule, sixOne).map((d) => addressLabel(d.location));
      // PP2 names the group with all four volumes; PP5 gives the Trafficking in Persons Protocol its
      // full title at its first own mention, without a footnote: neither is a fault.
      expect(inlineText(sixOne.preamble[4]!.content)).toContain(
        'the Protocol to Prevent, Suppress and Punish Trafficking in Persons, Especially Women and Children, supplementing that Convention',
      );
      expect(found).not.toContain('PP2');
      expect(found).not.toContain('PP5');
    });

    it("leaves a Protocol's short title before its full title a warning, the Convention's not", () => {
      const doc = res({
        preamble: [
          pre('Mindful', `of the ${CONVENTION} and the Protocols thereto,{fn:f1}`),
          pre('Noting', 'the Convention and the Firearms Protocol,'),
        ],
        footnotes: [ALL_FOUR],
      });
      const found = check(instrumentCitationRule, doc);
      expect(render(doc, found)).toEqual(['PP2 warning "Firearms Protocol"']);
      // The fix writes the full title, and no second footnote: the group's gave the source.
      expect(found[0]?.fix?.edits.map((e) => e.kind)).toEqual(['replaceText']);
    });
  });

  it('suggests the short title for a repeated full title (info)', () => {
    const doc = res({
      preamble: [pre('Recalling', `the ${CONVENTION},{fn:f1}`), pre('Noting', `the ${CONVENTION},`)],
      footnotes: [VOL_2225],
    });
    const found = check(instrumentCitationRule, doc);
    expect(render(doc, found)).toEqual([`PP2 info "${CONVENTION}"`]);
    expect(inlineText(applyFix(doc, found[0]!.fix!).preamble[1]!.content)).toBe('the Convention,');
  });

  it('calls a misprinted title an error and fixes it', () => {
    const doc = res({
      preamble: [pre('Recalling', 'the United Nations Convention on Transnational Organized Crime,{fn:f1}')],
      footnotes: [VOL_2225],
    });
    const found = check(instrumentCitationRule, doc);
    expect(render(doc, found)).toEqual([
      'PP1 error "United Nations Convention on Transnational Organized Crime"',
    ]);
    expect(inlineText(applyFix(doc, found[0]!.fix!).preamble[0]!.content)).toBe(`the ${CONVENTION},`);
  });

  describe('footnotes again', () => {
    const doc = res({
      preamble: [pre('Recalling', `the ${CONVENTION},{fn:f1}`), pre('Noting', `the ${CONVENTION},{fn:f3}`)],
      operative: [
        op('Urges', `States to implement the ${CONVENTION};{fn:f4}`),
        op('Invites', `States to apply the ${CONVENTION}.{fn:f5}`),
      ],
      annex: annex('Recommendations', [sub(`Assistance with the ${CONVENTION}.{fn:f6}`, [], '(a)')]),
      footnotes: ['f1', 'f3', 'f4', 'f5', 'f6'].map((id) =>
        fn(id, 'United Nations, Treaty Series, vol. 2225, No. 39574.'),
      ),
    });

    it('2012: once more at the first mention in the operative part and in an annex (6/1 OP1), not elsewhere', () => {
      const found = check(instrumentCitationRule, doc, { footnoteRule: '2012' }).filter(
        (d) => d.severity === 'warning',
      );
      expect(render(doc, found)).toEqual([`PP2 warning "${CONVENTION}"`, `OP2 warning "${CONVENTION}"`]);
    });

    it('current Editorial Manual: once, at the first mention', () => {
      const found = check(instrumentCitationRule, doc, { footnoteRule: 'current' }).filter(
        (d) => d.severity === 'warning',
      );
      expect(found.map((d) => addressLabel(d.location))).toEqual(['PP2', 'OP1', 'OP2', 'annex item 1']);
      expect(found[0]?.message).toMatch(/footnoted once, at its first mention/);
    });

    it("lets the draft's own footnote rule win over the setting", () => {
      const own = { ...doc, metadata: { footnoteRule: 'current' as const } };
      const found = check(instrumentCitationRule, own, { footnoteRule: '2012' }).filter(
        (d) => d.severity === 'warning',
      );
      expect(found).toHaveLength(4);
    });
  });
});
