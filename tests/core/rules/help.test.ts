import { describe, expect, it } from 'vitest';
import { inlineText } from '../../../src/core/model/inline.ts';
import { validateDocument } from '../../../src/core/model/validate.ts';
import { lintDocument } from '../../../src/core/rules/lint.ts';
import { RULES } from '../../../src/core/rules/registry.ts';
import {
  AUTHORITY_LABELS,
  exampleDocument,
  exampleFindings,
  exampleView,
  RULE_HELP,
  ruleHelp,
} from '../../../src/core/rules/help.ts';
import type { ExampleLine } from '../../../src/core/rules/help.ts';
import { lintContext } from './context.ts';

describe('the Help pages of the rules', () => {
  it('gives every rule of the registry one page, in the same order, with its name and authority', () => {
    expect(RULE_HELP.map((page) => page.id)).toEqual(RULES.map((rule) => rule.id));
    for (const rule of RULES) {
      const page = ruleHelp(rule.id);
      expect(page?.title).toBe(rule.title);
      expect(page?.authority).toBe(rule.authority);
    }
    expect(ruleHelp('no-such-rule')).toBeUndefined();
  });

  it('says what each rule checks in one or two sentences and where it comes from', () => {
    for (const page of RULE_HELP) {
      const sentences = page.checks.split(/(?<=[.!?]["”)]?)\s+(?=[A-Z"“])/);
      expect(sentences.length, page.id).toBeLessThanOrEqual(2);
      expect(page.checks, page.id).toMatch(/\.$/);
      // A rule the Manual states names the Manual; the others say what they rest on instead.
      if (page.authority === 'editorial-manual')
        expect(page.source, page.id).toContain('United Nations Editorial Manual');
      else expect(page.source, page.id).not.toContain('Editorial Manual"');
      expect(page.source, page.id).not.toMatch(/DRAFTING-RULES|section \d/);
    }
    expect(Object.keys(AUTHORITY_LABELS).sort()).toEqual(['drafter', 'editorial-manual', 'practice']);
  });

  it.each(RULE_HELP.map((page) => [page.id, page] as const))(
    'shows a fault the %s check finds, and a fix that no check faults',
    (id, page) => {
      const fault = exampleDocument(page.fault);
      const fix = exampleDocument(page.fix);
      expect(validateDocument(fault).ok, 'the fault is a valid document').toBe(true);
      expect(validateDocument(fix).ok, 'the fix is a valid document').toBe(true);
      const found = lintDocument(fault, lintContext());
      expect(found.map((d) => d.rule)).toContain(id);
      expect(lintDocument(fix, lintContext()).map((d) => `${d.rule}: ${d.message}`)).toEqual([]);
    },
  );

  it('builds footnotes from the example, marker by marker, with the Treaty Series in italics', () => {
    const doc = exampleDocument({
      blocks: [{ part: 'preamble', opener: 'Recalling', text: 'the Convention,^ and the Protocol,^' }],
      footnotes: ['United Nations, *Treaty Series*, vol. 2225, No. 39574.', 'Ibid., vol. 2237, No. 39574.'],
    });
    expect(doc.preamble[0]?.content.map((c) => (c.type === 'text' ? c.text : `[${c.footnoteId}]`))).toEqual([
      'the Convention,',
      '[example-1]',
      ' and the Protocol,',
      '[example-2]',
    ]);
    expect(doc.footnotes.map((f) => inlineText(f.content))).toEqual([
      'United Nations, Treaty Series, vol. 2225, No. 39574.',
      'Ibid., vol. 2237, No. 39574.',
    ]);
    expect(doc.footnotes[0]?.content[1]).toEqual({ type: 'text', text: 'Treaty Series', italic: true });
  });

  it('prints an example as the page does: numbers and letters from the position, none for a lone paragraph', () => {
    const line = (l: ExampleLine): string =>
      `${l.kind} ${l.label ?? '-'} ${l.opener ?? '-'} ${l.parts.map((p) => ('note' in p ? `[${p.note}]` : p.text)).join('')}`;
    expect(
      exampleView({
        blocks: [
          { part: 'preamble', opener: 'Recalling', text: 'the Convention,^' },
          {
            part: 'operative',
            opener: 'Urges',
            text: 'States:',
            subparagraphs: [{ text: 'To act;' }, { text: 'To report.^' }],
          },
          { part: 'operative', opener: 'Decides', label: '5 bis', text: 'to meet.' },
        ],
        footnotes: ['United Nations, *Treaty Series*, vol. 2225, No. 39574.', 'Ibid.', 'never referenced'],
      }),
    ).toEqual({
      lines: expect.any(Array),
      footnotes: [
        {
          number: 1,
          content: [
            { type: 'text', text: 'United Nations, ' },
            { type: 'text', text: 'Treaty Series', italic: true },
            { type: 'text', text: ', vol. 2225, No. 39574.' },
          ],
        },
        { number: 2, content: [{ type: 'text', text: 'Ibid.' }] },
      ],
    });
    const view = exampleView({
      blocks: [
        { part: 'preamble', opener: 'Recalling', text: 'the Convention,^' },
        {
          part: 'operative',
          opener: 'Urges',
          text: 'States:',
          subparagraphs: [{ text: 'To act;' }, { text: 'To report.^' }],
        },
        { part: 'operative', opener: 'Decides', label: '5 bis', text: 'to meet.' },
      ],
      footnotes: ['A.', 'B.'],
    });
    expect(view.lines.map(line)).toEqual([
      'preamble - Recalling the Convention,[1]',
      'operative 1. Urges States:',
      'subparagraph (a) - To act;',
      'subparagraph (b) - To report.[2]',
      'operative 5 bis. Decides to meet.',
    ]);
    expect(
      exampleView({ blocks: [{ part: 'operative', opener: 'Decides', text: 'to meet.' }] }).lines[0]?.label,
    ).toBeUndefined();
  });

  it("gives what the check says about the page's fault, and only that rule's findings", () => {
    const page = ruleHelp('preamble-ending');
    expect(page).toBeDefined();
    if (!page) return;
    const found = exampleFindings(page, lintContext());
    expect(found.map((d) => d.rule)).toEqual(['preamble-ending']);
    expect(found[0]?.message).toMatch(/^A preambular paragraph ends with a comma, not a full stop/);
    // The title's page: its fault is a document without a title, and nothing else is wrong with it.
    const title = ruleHelp('title-present');
    expect(title && exampleFindings(title, lintContext()).map((d) => d.rule)).toEqual(['title-present']);
  });
});
