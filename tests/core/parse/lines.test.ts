import { describe, expect, it } from 'vitest';
import { assembleParagraphs, endsComplete } from '../../../src/core/parse/lines.ts';

describe('assembleParagraphs', () => {
  it('takes footnote lines out of the flow and joins the paragraph they interrupted', () => {
    const text = [
      'Noting the relevance of the high-level briefing for',
      '',
      '¹ United Nations, *Treaty Series*, vols. 2225, 2237, 2241 and 2326, No. 39574.',
      '',
      '² General Assembly resolution 64/293.',
      '',
      'Member States on challenges in the fight against transnational organized crime,',
      '',
      'Recalling that the theme of the Congress will be announced,',
    ].join('\n');
    const { paragraphs, footnotes } = assembleParagraphs(text);
    expect(paragraphs.map((p) => p.text)).toEqual([
      'Noting the relevance of the high-level briefing for Member States on challenges in the fight against transnational organized crime,',
      'Recalling that the theme of the Congress will be announced,',
    ]);
    expect(footnotes.map((f) => [f.number, f.text])).toEqual([
      [1, 'United Nations, *Treaty Series*, vols. 2225, 2237, 2241 and 2326, No. 39574.'],
      [2, 'General Assembly resolution 64/293.'],
    ]);
  });

  it('continues a paragraph that ended with a comma when the next line starts in lower case', () => {
    const text =
      'Recalling article 32, including the Protocol by Land, Sea and Air,\n\n¹⁶ Ibid.\n\nsupplementing the Convention, 17\n\nRecalling also its resolution 5/3,';
    const { paragraphs } = assembleParagraphs(text);
    expect(paragraphs).toHaveLength(2);
    expect(paragraphs[0]?.text).toBe(
      'Recalling article 32, including the Protocol by Land, Sea and Air, supplementing the Convention, 17',
    );
  });

  it("joins a line broken at a compound word's hyphen without a space, as a PDF viewer copies it", () => {
    const text = [
      '2.\tRequests the Secretary-General to submit to the General Assembly at its eighty-',
      'first session a report, with age-',
      'and gender-sensitive data, and a list -',
      'that is short;',
    ].join('\n');
    expect(assembleParagraphs(text).paragraphs.map((p) => p.text)).toEqual([
      'Requests the Secretary-General to submit to the General Assembly at its eighty-first session a report, with age- and gender-sensitive data, and a list - that is short;',
    ]);
  });

  it('drops the list marks of the conversion and keeps the printed number', () => {
    const { paragraphs } = assembleParagraphs(
      '- 1. Notes with appreciation;\n - 9. Also urges States parties:\n- (a) To consider;\n - (ii) Respond;',
    );
    expect(paragraphs.map((p) => [p.kind, p.label, p.text])).toEqual([
      ['numbered', '1', 'Notes with appreciation;'],
      ['numbered', '9', 'Also urges States parties:'],
      ['lettered', 'a', 'To consider;'],
      ['lettered', 'ii', 'Respond;'],
    ]);
  });

  it('reads a plain-digit footnote line only where that footnote is due', () => {
    const text =
      '- 86. The observer also made a statement.\n\n²⁷ United Nations publication.\n\n28 CTOC/COP/2012/CRP.6, annex II.\n\n87. The observer for the Fund made a statement.\n\n12 States attended';
    const { footnotes, paragraphs } = assembleParagraphs(text);
    expect(footnotes.map((f) => f.number)).toEqual([27, 28]);
    expect(paragraphs.map((p) => p.label ?? p.text)).toEqual(['86', '87', '12 States attended']);
  });

  it('never joins a title with the enacting formula that follows it', () => {
    const { paragraphs } = assembleParagraphs(
      'Resolution 6/1\n\nEnsuring effective implementation\n\nThe Conference of the Parties,',
    );
    expect(paragraphs.map((p) => p.kind)).toEqual(['heading', 'text', 'text']);
  });
});

describe('endsComplete', () => {
  it('treats a trailing footnote marker as part of the ending', () => {
    expect(endsComplete('the Protocols thereto,²²')).toBe(true);
    expect(endsComplete('Organized Crime, 17')).toBe(true);
    expect(endsComplete('the high-level briefing for')).toBe(false);
  });
});

describe('annex headings', () => {
  it('takes "Annex", "ANNEX" and "Annex II" alone on a line for the annex, and "annex." for the end of a line run on', () => {
    const kinds = (text: string): string[] => assembleParagraphs(text).paragraphs.map((p) => p.kind);
    expect(kinds('Decides to act.\n\nAnnex\n\nThe plan')).toContain('annex');
    expect(kinds('Decides to act.\n\nANNEX\n\nThe plan')).toContain('annex');
    expect(kinds('Decides to act.\n\nAnnex II\n\nThe plan')).toContain('annex');
    // A footnote copied without the rule above it: "…, chap. I, resolution 1," then "annex." alone.
    expect(
      kinds('Report of the Conference, chap. I, resolution 1,\nannex.\n\nReaffirming the Convention,'),
    ).not.toContain('annex');
  });
});
