import { describe, expect, it } from 'vitest';
import { applyFix } from '../../../src/core/rules/fix.ts';
import { operativeOpenerRule } from '../../../src/core/rules/operative-opener.ts';
import { op, res } from '../../helpers/builders.ts';
import { check, render } from './context.ts';

const lint = (kind: 'resolution' | 'decision', ...operative: ReturnType<typeof op>[]) => {
  const doc = res({ kind, operative });
  return { doc, found: check(operativeOpenerRule, doc) };
};

describe('operative-opener', () => {
  it('leaves alone verbs in the present indicative the lexicon knows, with also/further or an adverb', () => {
    const { found } = lint(
      'resolution',
      op('Requests', 'the Secretariat;'),
      op('Also requests', 'the Office;'),
      op('Calls upon', 'States;'),
      op('Takes note', 'of the report;'),
      op('Expresses its appreciation', 'to the Government;'),
    );
    expect(found).toEqual([]);
  });

  it('calls a participle an error, whether the preamble uses it or not', () => {
    const { doc, found } = lint('resolution', op('Noting', 'the report;'), op('Invited', 'States.'));
    expect(render(doc, found)).toEqual(['OP1 error "Noting"', 'OP2 error "Invited"']);
  });

  it('takes the verb after a phrase set off by a comma as the opener (A/RES/80/23 OP2, 80/187 OP2)', () => {
    const { found } = lint(
      'resolution',
      op('Pending', 'the total elimination of nuclear weapons, urges nuclear-weapon States to act;'),
      op('Alarmed', 'by the sharp reductions in funding, calls upon the international community to act;'),
      op('Looking', 'forward to the third Conference as an opportunity, to achieve development.'),
    );
    expect(found.map((d) => d.location.paragraph)).toEqual([3]);
  });

  it('offers the third person for a bare verb the lexicon knows, keeping also/further', () => {
    const { doc, found } = lint('resolution', op('Request', 'the Secretariat;'), op('Also urge', 'States.'));
    expect(render(doc, found)).toEqual(['OP1 error "Request"', 'OP2 error "Also urge"']);
    expect(found.map((d) => d.fix?.description)).toEqual(['Write "Requests"', 'Write "Also urges"']);
    const fixed = applyFix(doc, found[0]!.fix!);
    expect(fixed.operative[0]?.opener).toBe('Requests');
  });

  it('warns about an unknown verb that looks indicative, and about a missing opener', () => {
    const { doc, found } = lint('resolution', op('Beseeches', 'States;'), op('', 'States should act.'));
    expect(render(doc, found)).toEqual(['OP1 warning "Beseeches"', 'OP2 warning "S"']);
  });

  it('leaves decisions alone: they are reported in the past tense (decision 6/2 "Decided")', () => {
    const { found } = lint('decision', op('Decided', 'that the session should last five days;'));
    expect(found).toEqual([]);
  });
});
