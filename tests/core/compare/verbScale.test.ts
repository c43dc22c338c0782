import { describe, expect, it } from 'vitest';
import { classifyOpenerChange, levelName, verbLevel } from '../../../src/core/compare/verbScale.ts';

describe('verbLevel', () => {
  it('orders Decides above Urges above Requests above Encourages above Welcomes above Takes note', () => {
    const order = ['Takes note of', 'Welcomes', 'Encourages', 'Requests', 'Urges', 'Decides'].map(verbLevel);
    expect(order).toEqual([0, 1, 2, 3, 4, 5]);
  });

  it('puts "Calls upon" with "Urges" and "Invites" with "Encourages"', () => {
    expect(verbLevel('Calls upon')).toBe(verbLevel('Urges'));
    expect(verbLevel('Invites')).toBe(verbLevel('Encourages'));
  });

  it('reads the longest phrase: "Takes note with appreciation of" is approbation, not bare acknowledgement', () => {
    expect(levelName(verbLevel('Takes note with appreciation of') ?? -1)).toBe('approbation');
    expect(levelName(verbLevel('Notes with appreciation') ?? -1)).toBe('approbation');
    expect(levelName(verbLevel('Notes') ?? -1)).toBe('acknowledgement');
  });

  it('sets also and further aside ("Further urges" is an exhortation)', () => {
    expect(verbLevel('Further urges')).toBe(4);
    expect(verbLevel('Also requests')).toBe(3);
  });

  it('adds half a level for "Strongly"', () => {
    expect(verbLevel('Strongly encourages')).toBe(2.5);
  });

  it('reads the past tense of decisions with its present ("Decided", decision 6/2)', () => {
    expect(verbLevel('Decided')).toBe(verbLevel('Decides'));
    expect(verbLevel('Requested')).toBe(verbLevel('Requests'));
  });

  it('leaves declaratory verbs and preambular participles off the scale', () => {
    expect(verbLevel('Reaffirms')).toBeNull();
    expect(verbLevel('Recalling')).toBeNull();
    expect(verbLevel('')).toBeNull();
  });
});

describe('classifyOpenerChange', () => {
  it('calls "Urges" → "Encourages" softening', () => {
    expect(classifyOpenerChange('Urges', 'Encourages').shift).toBe('softening');
  });

  it('calls "Invites" → "Decides" strengthening', () => {
    expect(classifyOpenerChange('Invites', 'Decides')).toEqual({
      base: 'Invites',
      draft: 'Decides',
      baseLevel: 2,
      draftLevel: 5,
      shift: 'strengthening',
    });
  });

  it('calls "Urges" → "Calls upon" equivalent', () => {
    expect(classifyOpenerChange('Urges', 'Calls upon').shift).toBe('equivalent');
  });

  it('calls "Requests" → "Also requests" a sequence change, not a change of verb', () => {
    expect(classifyOpenerChange('Requests', 'Also requests').shift).toBe('sequence');
  });

  it('calls a change to or from a verb off the scale unranked', () => {
    expect(classifyOpenerChange('Reaffirms', 'Decides').shift).toBe('unranked');
    expect(classifyOpenerChange('Recalling', 'Noting').shift).toBe('unranked');
  });
});
