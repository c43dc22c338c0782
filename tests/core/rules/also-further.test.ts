import { describe, expect, it } from 'vitest';
import { alsoFurtherRule } from '../../../src/core/rules/also-further.ts';
import { applyFix } from '../../../src/core/rules/fix.ts';
import { op, pre, res } from '../../helpers/builders.ts';
import { check, render } from './context.ts';

const operative = (...openers: string[]) => res({ operative: openers.map((o) => op(o, 'the Office;')) });
const preamble = (...openers: string[]) => res({ preamble: openers.map((o) => pre(o, 'the report,')) });
const fixes = (doc: ReturnType<typeof res>) =>
  check(alsoFurtherRule, doc).map((d) => d.fix?.edits[0]?.kind === 'setOpener' && d.fix.edits[0].opener);

describe('also-further', () => {
  it('leaves alone the sequences of the corpus: 6/1 OP4-7 and PP12-14, 6/3 OP15-18', () => {
    expect(
      check(alsoFurtherRule, operative('Requests', 'Also requests', 'Further requests', 'Requests')),
    ).toEqual([]);
    expect(
      check(alsoFurtherRule, preamble('Recognizing', 'Recognizing also', 'Recognizing further')),
    ).toEqual([]);
    expect(
      check(alsoFurtherRule, operative('Encourages', 'Also encourages', 'Further encourages', 'Encourages')),
    ).toEqual([]);
    expect(
      check(alsoFurtherRule, operative('Urges', 'Also urges', 'Further urges', 'Further urges')),
    ).toEqual([]);
  });

  it('warns about a bare repeat (resolution 5/7 "Recalling", "Recalling") and offers "also"', () => {
    const doc = preamble('Recalling', 'Recalling');
    expect(render(doc, check(alsoFurtherRule, doc))).toEqual(['PP2 warning "Recalling"']);
    expect(fixes(doc)).toEqual(['Recalling also']);
    expect(applyFix(doc, check(alsoFurtherRule, doc)[0]!.fix!).preamble[1]?.opener).toBe('Recalling also');
  });

  it('calls "Further requests" before any "Also requests" wrong', () => {
    const doc = operative('Requests', 'Further requests');
    const found = check(alsoFurtherRule, doc);
    expect(render(doc, found)).toEqual(['OP2 warning "Further requests"']);
    expect(found[0]?.message).toMatch(/before any "Also requests"/);
  });

  it('wants "further" after "also", and a plain verb where no run precedes', () => {
    expect(fixes(operative('Requests', 'Also requests', 'Also requests'))).toEqual(['Further requests']);
    expect(fixes(operative('Invites', 'Also requests'))).toEqual(['Requests']);
    expect(fixes(operative('Invites', 'Further requests'))).toEqual(['Requests']);
    expect(fixes(preamble('Noting', 'Noting also with appreciation'))).toEqual(['Noting with appreciation']);
  });

  it('reads the two parts apart: the preamble does not start a run in the operative part', () => {
    const doc = res({
      preamble: [pre('Welcoming', 'the report,')],
      operative: [op('Also welcomes', 'the work.')],
    });
    expect(render(doc, check(alsoFurtherRule, doc))).toEqual(['OP1 warning "Also welcomes"']);
  });
});
