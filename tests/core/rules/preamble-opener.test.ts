import { describe, expect, it } from 'vitest';
import { preambleOpenerRule } from '../../../src/core/rules/preamble-opener.ts';
import { op, pre, res } from '../../helpers/builders.ts';
import { check, render } from './context.ts';

const lint = (...preamble: ReturnType<typeof pre>[]) => {
  const doc = res({ preamble, operative: [op('Requests', 'the Secretariat to report.')] });
  return { doc, found: check(preambleOpenerRule, doc) };
};

describe('preamble-opener', () => {
  it('leaves alone the openers of the corpus, their also/further forms and the usual UN openers', () => {
    const { found } = lint(
      pre('Recalling', 'its resolution 5/1 of 22 October 2010,'),
      pre('Noting with appreciation', 'the work done,'),
      pre('Recalling also', 'its resolution 5/3 of 22 October 2010,'),
      pre('Greatly concerned', 'by the negative impact of organized crime,'),
      pre('Bearing in mind', 'the Charter,'),
      pre('Noting further', 'the report,'),
    );
    expect(found).toEqual([]);
  });

  it('warns about an opener the lexicon does not know, pointing at the opener', () => {
    const { doc, found } = lint(pre('Pondering', 'the matter,'));
    expect(render(doc, found)).toEqual(['PP1 warning "Pondering"']);
    expect(found[0]?.message).toMatch(/not a preambular opener/);
  });

  it('calls an operative verb in the preamble an error', () => {
    const { doc, found } = lint(pre('Recalling', 'its resolution 5/1,'), pre('Requests', 'the Secretariat,'));
    expect(render(doc, found)).toEqual(['PP2 error "Requests"']);
    expect(found[0]?.message).toMatch(/operative verb/);
  });

  it('warns when no opener was recognized, but not for an empty paragraph still being typed', () => {
    const { doc, found } = lint(pre('', 'the Conference notes the report,'), pre('', ''));
    expect(render(doc, found)).toEqual(['PP1 warning "t"']);
  });
});
