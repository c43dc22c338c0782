import { describe, expect, it } from 'vitest';
import { renderToStaticMarkup } from 'react-dom/server';
import { SampleDraft } from '../../src/ui/SampleDraft.tsx';

const markup = renderToStaticMarkup(<SampleDraft />);

/** The text of every element with the given class, tags stripped and whitespace collapsed. */
function textsOf(className: string): string[] {
  const pattern = new RegExp(`<(\\w+) class="${className}"[^>]*>([\\s\\S]*?)</\\1>`, 'g');
  return [...markup.matchAll(pattern)].map((m) =>
    (m[2] ?? '')
      .replace(/<[^>]+>/g, '')
      .replace(/\s+/g, ' ')
      .trim(),
  );
}

describe('SampleDraft', () => {
  it('labels the page as the draft for assistive technology', () => {
    expect(markup).toMatch(/^<article class="page" aria-label="Draft">/);
  });

  it('ends each preambular paragraph with a comma (DRAFTING-RULES.md section 1.3)', () => {
    const preambular = textsOf('res-pre');
    expect(preambular).toHaveLength(2);
    for (const text of preambular) expect(text).toMatch(/,$/);
  });

  it('numbers operative paragraphs 1., 2., 3. and ends all but the last with a semicolon (section 1.4)', () => {
    const operative = textsOf('res-op');
    expect(operative.map((text) => text.slice(0, 2))).toEqual(['1.', '2.', '3.']);
    expect(operative.slice(0, -1).every((text) => text.endsWith(';'))).toBe(true);
    expect(operative.at(-1)).toMatch(/\.$/);
  });

  it('italicizes only the openers and operative verbs (section 8)', () => {
    const italics = [...markup.matchAll(/<em>([^<]*)<\/em>/g)].map((m) => m[1]);
    expect(italics).toEqual([
      'Expressing its conviction',
      'Noting with appreciation',
      'Expresses its appreciation',
      'Decides',
      'Invites',
    ]);
    expect(markup).not.toMatch(/<(?:i|b|strong)>/);
  });

  it('ends the enacting formula with a comma (section 1.2)', () => {
    expect(textsOf('res-formula')).toEqual([
      'The Conference of the Parties to the United Nations Convention against Transnational Organized Crime,',
    ]);
  });
});
