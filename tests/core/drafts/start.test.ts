import { describe, expect, it } from 'vitest';
import { draftFromCorpus, draftFromTemplate, followUpDraft } from '../../../src/core/drafts/start.ts';
import type { Template } from '../../../src/core/drafts/template.ts';
import { parseTemplate } from '../../../src/core/drafts/template.ts';
import type { PublicDocument } from '../../../src/core/export/json.ts';
import { toPublicJson } from '../../../src/core/export/json.ts';
import { renderPlainText } from '../../../src/core/export/text.ts';
import { inlineText, joinOpener } from '../../../src/core/model/inline.ts';
import { findPlaceholders, hasPlaceholders } from '../../../src/core/model/placeholders.ts';
import type { ResolutionDocument } from '../../../src/core/model/types.ts';
import { validateDocument } from '../../../src/core/model/validate.ts';
import { deriveReferences } from '../../../src/core/references/derive.ts';
import { res } from '../../helpers/builders.ts';
import { corpus, corpusDocument } from '../../helpers/corpus.ts';

const refs = deriveReferences(corpus());

const TITLE_6_3 =
  'Implementation of the Protocol against the Smuggling of Migrants by Land, Sea and Air, supplementing the United Nations Convention against Transnational Organized Crime';
const COP =
  'Conference of the Parties to the United Nations Convention against Transnational Organized Crime';

function templateOf(front: readonly string[]): Template {
  const text = [
    '---',
    'id: test',
    'name: Test',
    'description: A test template',
    'kind: resolution',
    'organ: General Assembly',
    ...front,
    '---',
    '‹Title›',
    '',
    'The General Assembly,',
    '',
    '*Recalling* its resolution ‹number›,',
    '',
    '1. *Requests* the Secretary-General to ‹act›;',
    '2. *Decides* to remain seized of the matter.',
  ].join('\n');
  const result = parseTemplate(text);
  if (!result.ok) throw new Error(result.error);
  return result.template;
}

const printed = (p: { opener: string; content: ResolutionDocument['preamble'][number]['content'] }): string =>
  joinOpener(p.opener, inlineText(p.content));

describe('draftFromTemplate', () => {
  it('dates a draft whose template leaves the date open with the local day it starts', () => {
    const draft = draftFromTemplate(
      templateOf(['date: ‹date›', 'distribution: limited']),
      new Date(2014, 9, 6, 23, 30),
    );
    expect(draft.metadata).toEqual({ date: '2014-10-06', distribution: 'limited' });
    expect(validateDocument(draft).ok).toBe(true);
  });

  it('keeps a template date that is already set, and adds none to a template without one', () => {
    expect(draftFromTemplate(templateOf(['date: 2014-01-02']), new Date(2014, 9, 6)).metadata.date).toBe(
      '2014-01-02',
    );
    expect(draftFromTemplate(templateOf([]), new Date(2014, 9, 6)).metadata.date).toBeUndefined();
  });

  it('copies the template, so editing one draft cannot reach the template or another draft', () => {
    const template = templateOf([]);
    const draft = draftFromTemplate(template);
    expect(draft).toEqual(template.document);
    expect(draft.preamble).not.toBe(template.document.preamble);
    expect(draft.operative[0]?.content).not.toBe(template.document.operative[0]?.content);
  });

  it('keeps the placeholders for the author to fill', () => {
    expect(findPlaceholders(draftFromTemplate(templateOf([]))).map((p) => p.text)).toEqual([
      '‹Title›',
      '‹number›',
      '‹act›',
    ]);
  });

  it('throws on an invalid date, a programming error', () => {
    expect(() => draftFromTemplate(templateOf([]), new Date(Number.NaN))).toThrow(
      'draftFromTemplate: `now` is not a valid date',
    );
  });
});

/**
 * The public shape minus what a draft deliberately changes: number, metadata and adoption go;
 * footnotes are compared by their resolved source (an "Ibid." becomes that source) and numbered by
 * position (a draft numbers its footnotes 1, 2, 3).
 */
function textAndStructure(doc: ResolutionDocument): unknown {
  const { number: _n, metadata: _m, adoption: _a, footnotes, ...pub } = toPublicJson(doc);
  const position = new Map(footnotes.map((f, k) => [f.number, k + 1]));
  const renumber = <T extends { footnotes: readonly number[] }>(p: T): T => ({
    ...p,
    footnotes: p.footnotes.map((n) => position.get(n)),
  });
  return {
    ...pub,
    preamble: pub.preamble.map(renumber),
    operative: pub.operative.map(renumber),
    footnotes: footnotes.map((f: PublicDocument['footnotes'][number], k) => ({
      number: k + 1,
      source: f.resolved,
    })),
  };
}

describe('draftFromCorpus', () => {
  describe.each(corpus().documents.map((d) => [`${d.kind} ${d.number}`, d] as const))('%s', (ref, doc) => {
    const draft = draftFromCorpus(doc);

    it('makes a valid document', () => {
      const result = validateDocument(draft);
      expect(result.ok ? [] : result.errors).toEqual([]);
    });

    it('keeps the text and the structure', () => {
      expect(textAndStructure(draft)).toEqual(textAndStructure(doc));
      // Not two empty shapes compared: every text of the corpus has several paragraphs or items.
      expect(
        draft.preamble.length + draft.operative.length + (draft.annex?.items.length ?? 0),
      ).toBeGreaterThan(1);
    });

    it('remembers the original as its base and drops what belonged to the adopted text', () => {
      expect(draft.metadata).toEqual({ footnoteRule: '2012', base: { source: 'corpus', ref } });
      expect(draft.number).toBeUndefined();
      expect(doc.number).toBeDefined();
      expect(doc.metadata.adoption).toBeDefined();
    });

    it('lets position decide the numbers: no operative label, no footnote number', () => {
      expect(draft.operative.filter((p) => p.label !== undefined)).toEqual([]);
      expect(draft.footnotes.filter((f) => f.number !== undefined)).toEqual([]);
    });

    it('gives every footnote its source in full, with no "Ibid." left', () => {
      expect(draft.footnotes.filter((f) => inlineText(f.content).startsWith('Ibid.'))).toEqual([]);
      expect(draft.footnotes.filter((f) => f.resolved !== undefined)).toEqual([]);
    });
  });

  it('turns footnote 16 of resolution 6/3, "Ibid.", into the full Treaty Series source', () => {
    const original = corpusDocument('resolution', '6/3');
    expect(inlineText(original.footnotes.find((f) => f.id === 'fn16')?.content ?? [])).toBe('Ibid.');
    const footnote = draftFromCorpus(original).footnotes.find((f) => f.id === 'fn16');
    expect(footnote?.content).toEqual([
      { type: 'text', text: 'United Nations, ' },
      { type: 'text', text: 'Treaty Series', italic: true },
      { type: 'text', text: ', vol. 2225, No. 39574.' },
    ]);
  });

  it('prints the Treaty Series in italics where the conversion lost them (footnote 3 of resolution 6/1)', () => {
    // DRAFTING-RULES.md section 8: italics for titles of publications.
    const footnote = draftFromCorpus(corpusDocument('resolution', '6/1')).footnotes.find(
      (f) => f.id === 'fn3',
    );
    expect(footnote?.content).toContainEqual({ type: 'text', text: 'Treaty Series', italic: true });
  });

  it('keeps the numbers of the agenda items of decision 6/1, which position cannot give', () => {
    const draft = draftFromCorpus(corpusDocument('decision', '6/1'));
    expect(draft.annex?.items.map((i) => i.label)).toEqual(['1', '2', '3', '4', '5', '6', '7', '8', '9']);
    expect(draft.annex?.items[0]?.subparagraphs[0]?.label).toBeUndefined();
    expect(renderPlainText(draft)).toContain(
      '1. Organizational matters:\n(a) Opening of the seventh session',
    );
  });

  it('does not change the corpus document it copies', () => {
    const original = corpusDocument('resolution', '6/3');
    const before = JSON.stringify(original);
    draftFromCorpus(original);
    expect(JSON.stringify(original)).toBe(before);
  });

  it('throws for a document without a number, which is no act of the corpus', () => {
    expect(() => draftFromCorpus(res())).toThrow(
      'draftFromCorpus: expected a numbered resolution or decision of the corpus, got a document without a number',
    );
  });
});

describe('followUpDraft', () => {
  const draft = followUpDraft(corpusDocument('resolution', '6/3'), refs);

  it('opens by recalling resolution 6/3 with its date and title', () => {
    // DRAFTING-RULES.md section 4; resolution 6/1, preambular paragraph 1.
    expect(draft.preamble[0]?.opener).toBe('Recalling');
    expect(printed(draft.preamble[0] ?? { opener: '', content: [] })).toBe(
      `Recalling its resolution 6/3 of 19 October 2012, entitled "${TITLE_6_3}",`,
    );
  });

  it('keeps the organ and the formula, and offers the old title as a placeholder', () => {
    expect(draft.kind).toBe('resolution');
    expect(draft.organ).toBe(COP);
    expect(draft.formula).toBe(`The ${COP},`);
    expect(draft.title).toBe(`‹${TITLE_6_3}›`);
  });

  it('leaves one operative paragraph to write, ending with a full stop as a lone paragraph does', () => {
    expect(draft.operative).toHaveLength(1);
    expect(inlineText(draft.operative[0]?.content ?? [])).toBe('‹operative paragraph›.');
    expect(findPlaceholders(draft).map((p) => p.part)).toEqual(['title', 'operative']);
  });

  it('remembers 6/3 as its base and makes a valid draft with no number and no footnotes', () => {
    expect(draft.metadata).toEqual({ base: { source: 'corpus', ref: 'resolution 6/3' } });
    expect(draft.number).toBeUndefined();
    expect(draft.footnotes).toEqual([]);
    expect(validateDocument(draft).ok).toBe(true);
    expect(hasPlaceholders(draft)).toBe(true);
  });

  it('takes the date from the corpus references, not from the document', () => {
    const { adoption: _adoption, ...metadata } = corpusDocument('resolution', '6/3').metadata;
    const bare = { ...corpusDocument('resolution', '6/3'), metadata };
    expect(printed(followUpDraft(bare, refs).preamble[0] ?? { opener: '', content: [] })).toContain(
      'its resolution 6/3 of 19 October 2012,',
    );
  });

  it('recalls a decision as the corpus does, without its title, in a resolution of the same organ', () => {
    // "reaffirming its decision 4/6 of 17 October 2008" (resolution 6/2, preambular paragraph 1).
    const fromDecision = followUpDraft(corpusDocument('decision', '6/2'), refs);
    expect(printed(fromDecision.preamble[0] ?? { opener: '', content: [] })).toBe(
      'Recalling its decision 6/2 of 19 October 2012,',
    );
    expect(fromDecision.kind).toBe('resolution');
    expect(fromDecision.formula).toBe(`The ${COP},`);
    expect(fromDecision.metadata.base).toEqual({ source: 'corpus', ref: 'decision 6/2' });
  });

  it('cites an act the references do not know from its own adoption date and title', () => {
    const later = res({
      number: '7/1',
      title: 'A later resolution',
      metadata: { adoption: { date: '2014-10-10', sponsors: [] } },
    });
    expect(printed(followUpDraft(later, refs).preamble[0] ?? { opener: '', content: [] })).toBe(
      'Recalling its resolution 7/1 of 10 October 2014, entitled "A later resolution",',
    );
  });

  it('throws for a document without a number', () => {
    expect(() => followUpDraft(res(), refs)).toThrow(
      'followUpDraft: expected a numbered resolution or decision',
    );
  });
});
