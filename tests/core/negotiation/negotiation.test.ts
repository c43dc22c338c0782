/**
 * The negotiation model (issue 14): proposals on the base text, brackets, paragraph status,
 * accepting and rejecting, the clean text and issuing the revision.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { inlineText } from '../../../src/core/model/inline.ts';
import { validateDocument } from '../../../src/core/model/validate.ts';
import { cleanText, issueRevision } from '../../../src/core/negotiation/clean.ts';
import {
  acceptAllOf,
  acceptParagraph,
  acceptProposal,
  addAlternative,
  holdOriginal,
  rejectAllOf,
  rejectParagraph,
  addProposals,
  bracketWords,
  delegationVersion,
  editProposals,
  proposeVersion,
  rejectProposal,
  reopenProposal,
  resolveBracket,
  setNote,
  setStatus,
  standOn,
  startNegotiation,
  withdrawProposal,
  type Outcome,
  type ProposalInput,
} from '../../../src/core/negotiation/operations.ts';
import { baseParagraphs } from '../../../src/core/negotiation/paragraphs.ts';
import { applyToParagraph, applyToText } from '../../../src/core/negotiation/text.ts';
import type { Negotiation } from '../../../src/core/negotiation/types.ts';
import { fn, inl, op, pre, res, sub } from '../../helpers/builders.ts';
import { gaDocument } from '../../helpers/ga.ts';

const doc = res({
  preamble: [
    pre('Recalling', 'its resolution 78/1 of 2 October 2023,{fn:f1}'),
    pre('Noting', 'the report of the Secretary-General,'),
  ],
  operative: [
    op('Requests', 'the Secretary-General to report to the General Assembly at its eighty-first session;'),
    op('Urges', 'Member States to ratify the *Convention* without delay;', [
      sub('to sign the Convention;'),
      sub('to implement it fully;'),
    ]),
    op('Decides', 'to remain seized of the matter.'),
  ],
  footnotes: [fn('f1', 'A/RES/78/1.')],
});

const text = (key: string, d = doc): string => baseParagraphs(d).byKey.get(key)?.unit.text ?? '';

function ok(r: Outcome): Negotiation {
  if (!r.ok) throw new Error(r.error);
  return r.negotiation;
}

function at(key: string, words: string, d = doc): { start: number; end: number } {
  const t = text(key, d);
  const start = t.indexOf(words);
  if (start < 0) throw new Error(`"${words}" is not in ${key}: ${t}`);
  return { start, end: start + words.length };
}

const fresh = (): Negotiation => startNegotiation('Mexico');

describe('a delegation proposing in its own words', () => {
  it('turns its version of a paragraph into insertions, deletions and replacements on the base words', () => {
    const base = text('operative:1');
    const n = ok(
      proposeVersion(
        doc,
        fresh(),
        'operative:1',
        'EU',
        base.replace('to report', 'to report in writing').replace(' at its eighty-first session', ''),
      ),
    );
    expect(n.proposals.map((p) => [p.kind, p.text, p.delegation])).toEqual([
      ['insert', 'in writing', 'EU'],
      ['delete', 'at its eighty-first session', 'EU'],
    ]);
    const del = n.proposals[1];
    expect(del && base.slice(del.range?.start, del.range?.end)).toBe('at its eighty-first session');
    expect(n.delegations.map((d) => d.name)).toEqual(['Mexico', 'EU']);
    expect(delegationVersion(doc, n, 'operative:1', 'EU')).toBe(
      'Requests the Secretary-General to report in writing to the General Assembly;',
    );
  });

  it('replaces its earlier proposals on the paragraph when it edits its version again, keeping the ones it made again', () => {
    let n = ok(
      proposeVersion(doc, fresh(), 'operative:3', 'EU', 'Decides to remain actively seized of the matter.'),
    );
    n = ok(standOn(n, 'p1', 'Canada', 'support'));
    n = ok(proposeVersion(doc, n, 'operative:3', 'EU', 'Decides to remain actively seized of the question.'));
    expect(n.proposals.map((p) => `${p.id} ${p.kind} ${p.text}`)).toEqual([
      'p1 insert actively',
      'p2 replace question',
    ]);
    expect(n.proposals[0]?.supporters).toEqual(['Canada']);
    n = ok(proposeVersion(doc, n, 'operative:3', 'EU', text('operative:3')));
    expect(n.proposals).toEqual([]);
  });

  it('reads punctuation as words: "practical and urgent" → "practical, urgent and concrete" is two proposals', () => {
    const base = 'Urges all parties to consider taking the practical and urgent steps required;';
    const edited = 'Urges all parties to consider taking the practical, urgent and concrete steps required;';
    const inputs = editProposals(base, edited, 'EU', 'operative:1');
    expect(inputs.map((p) => [p.kind, base.slice(p.range?.start, p.range?.end), p.text])).toEqual([
      ['replace', 'and', ','],
      ['insert', '', 'and concrete'],
    ]);
    expect(
      applyToText(
        base,
        inputs.map((p) => ({ start: p.range?.start ?? 0, end: p.range?.end ?? 0, text: p.text })),
      ),
    ).toBe(edited);
  });

  it('gives back exactly the version the delegation typed, whatever words it changed', () => {
    const words = fc.constantFrom(
      'States',
      'urges',
      'the',
      'Council',
      ',',
      ';',
      'of',
      'all',
      '(a)',
      'further',
    );
    fc.assert(
      fc.property(
        fc.nat({ max: baseParagraphs(doc).list.length - 1 }),
        fc.array(fc.tuple(fc.nat(), fc.constantFrom('insert', 'delete', 'replace'), words), { maxLength: 6 }),
        (which, edits) => {
          const item = baseParagraphs(doc).list[which];
          if (!item) return;
          const tokens = item.unit.text.split(' ');
          for (const [at, kind, word] of edits) {
            const k = at % (tokens.length + 1);
            if (kind === 'insert') tokens.splice(k, 0, word);
            else if (kind === 'delete' && tokens.length > 1) tokens.splice(k % tokens.length, 1);
            else tokens[k % tokens.length] = word;
          }
          // Typed as printed: a comma or semicolon right after the word before it.
          const edited = tokens.reduce(
            (text, t) => (/^[,;]$/.test(t) ? text + t : text ? `${text} ${t}` : t),
            '',
          );
          const n = ok(proposeVersion(doc, fresh(), item.key, 'EU', edited));
          expect(delegationVersion(doc, n, item.key, 'EU')).toBe(edited);
        },
      ),
      { numRuns: 200 },
    );
  });

  it('proposes deleting a paragraph by emptying it', () => {
    const n = ok(proposeVersion(doc, fresh(), 'preamble:2', 'G77 and China', ''));
    expect(n.proposals[0]).toMatchObject({
      kind: 'delete paragraph',
      key: 'preamble:2',
      text: 'Noting the report of the Secretary-General,',
    });
  });

  it('refuses proposals the base cannot hold, saying why', () => {
    const r = addProposals(doc, fresh(), [
      { delegation: 'EU', kind: 'insert', key: 'operative:9', range: { start: 0, end: 0 }, text: 'x' },
    ]);
    expect(r.ok ? '' : r.error).toBe('There is no paragraph operative:9 in the text.');
    const far = addProposals(doc, fresh(), [
      { delegation: 'EU', kind: 'replace', key: 'operative:3', range: { start: 5, end: 900 }, text: 'x' },
    ]);
    expect(far.ok ? '' : far.error).toMatch(/outside OP3 \(its text has 39 characters\)/);
    const nobody = addProposals(doc, fresh(), [
      { delegation: ' ', kind: 'delete paragraph', key: 'operative:3', text: '' },
    ]);
    expect(nobody.ok ? '' : nobody.error).toBe('A proposal needs the delegation that makes it.');
  });
});

describe('brackets', () => {
  const twoOnOneWord = (): Negotiation => {
    let n = ok(
      proposeVersion(doc, fresh(), 'operative:2', 'EU', text('operative:2').replace('Urges', 'Calls upon')),
    );
    n = ok(
      proposeVersion(
        doc,
        n,
        'operative:2',
        'G77 and China',
        text('operative:2').replace('Urges', 'Encourages'),
      ),
    );
    return n;
  };

  it('puts two delegations changing the same words in one bracket, as alternatives, never one over the other', () => {
    const n = twoOnOneWord();
    expect(n.brackets).toHaveLength(1);
    expect(n.brackets[0]).toMatchObject({
      key: 'operative:2',
      range: at('operative:2', 'Urges'),
      proposals: ['p1', 'p2'],
    });
    // Neither is applied while they are disputed.
    expect(text('operative:2', cleanText(doc, n).document)).toBe(text('operative:2'));
  });

  it('resolves a bracket to one alternative: it is accepted and the others rejected', () => {
    const n = ok(acceptProposal(twoOnOneWord(), 'p2'));
    expect(n.proposals.map((p) => p.state)).toEqual(['rejected', 'accepted']);
    expect(n.brackets[0]?.resolved).toBe('p2');
    expect(text('operative:2', cleanText(doc, n).document)).toMatch(/^Encourages Member States/);
    // Undoing the decision reopens the proposal and puts it back in brackets with nothing to rival it but the base.
    const undone = ok(reopenProposal(doc, n, 'p2'));
    expect(undone.proposals[1]?.state).toBe('open');
  });

  it('resolves a bracket to the base words: every alternative is rejected', () => {
    const n = ok(resolveBracket(twoOnOneWord(), 'b1', 'original'));
    expect(n.proposals.every((p) => p.state === 'rejected')).toBe(true);
    expect(text('operative:2', cleanText(doc, n).document)).toBe(text('operative:2'));
  });

  it('dissolves a bracket when a withdrawal leaves one alternative nobody holds against it', () => {
    const n = ok(withdrawProposal(twoOnOneWord(), 'p1'));
    expect(n.brackets).toEqual([]);
    expect(ok(acceptProposal(n, 'p2')).proposals[1]?.state).toBe('accepted');
  });

  it('takes a delegation’s proposal on words already in brackets as one more alternative', () => {
    let n = ok(bracketWords(doc, fresh(), 'operative:3', at('operative:3', 'the matter'), ['Mexico']));
    n = ok(proposeVersion(doc, n, 'operative:3', 'EU', 'Decides to remain seized of the question.'));
    expect(n.brackets).toEqual([
      {
        id: 'b1',
        key: 'operative:3',
        range: at('operative:3', 'the matter'),
        originalHolders: ['Mexico'],
        proposals: ['p1'],
      },
    ]);
    n = ok(holdOriginal(n, 'b1', 'Cuba', true));
    expect(n.brackets[0]?.originalHolders).toEqual(['Mexico', 'Cuba']);
    n = ok(holdOriginal(n, 'b1', 'Mexico', false));
    expect(n.brackets[0]?.originalHolders).toEqual(['Cuba']);
  });

  it('brackets words by hand, with who holds them, and takes alternatives for them', () => {
    let n = ok(
      bracketWords(doc, fresh(), 'operative:2', at('operative:2', 'without delay'), ['Russian Federation']),
    );
    n = ok(addAlternative(doc, n, 'b1', 'EU', 'as a matter of priority'));
    n = ok(addAlternative(doc, n, 'b1', 'Brazil', ''));
    expect(n.brackets[0]).toMatchObject({ originalHolders: ['Russian Federation'], proposals: ['p1', 'p2'] });
    expect(n.proposals.map((p) => [p.kind, p.text])).toEqual([
      ['replace', 'as a matter of priority'],
      ['delete', 'without delay'],
    ]);
    expect(addAlternative(doc, n, 'b1', 'Chile', 'without delay')).toEqual({
      ok: false,
      error: 'This alternative is the text already in brackets (Alt 1).',
    });
    expect(bracketWords(doc, n, 'operative:2', at('operative:2', 'delay'))).toEqual({
      ok: false,
      error: 'These words are already in brackets.',
    });
    n = ok(resolveBracket(n, 'b1', 'p1'));
    expect(text('operative:2', cleanText(doc, n).document)).toBe(
      'Urges Member States to ratify the Convention as a matter of priority;',
    );
  });
});

describe('accepting and rejecting', () => {
  const inputs: ProposalInput[] = [
    {
      delegation: 'EU',
      kind: 'insert',
      key: 'operative:1',
      range:
        at('operative:1', 'to report').end > 0
          ? { start: at('operative:1', 'to report').end, end: at('operative:1', 'to report').end }
          : { start: 0, end: 0 },
      text: 'annually',
    },
    {
      delegation: 'EU',
      kind: 'replace',
      key: 'operative:3',
      range: at('operative:3', 'matter'),
      text: 'question',
    },
    {
      delegation: 'Canada',
      kind: 'delete',
      key: 'operative:1',
      range: at('operative:1', ' at its eighty-first session'),
      text: 'at its eighty-first session',
    },
    {
      delegation: 'Canada',
      kind: 'new paragraph',
      key: 'operative:1',
      text: 'Encourages Member States to contribute to the trust fund;',
    },
  ];

  it('accepts all of one delegation’s, and refuses to accept over words already accepted', () => {
    let n = ok(addProposals(doc, fresh(), inputs));
    const all = acceptAllOf(n, 'EU');
    expect(all.done).toEqual(['p1', 'p2']);
    n = all.negotiation;
    const clean = cleanText(doc, n).document;
    expect(text('operative:1', clean)).toBe(
      'Requests the Secretary-General to report annually to the General Assembly at its eighty-first session;',
    );
    expect(text('operative:3', clean)).toBe('Decides to remain seized of the question.');
    n = ok(
      addProposals(doc, n, [
        {
          delegation: 'Cuba',
          kind: 'delete',
          key: 'operative:3',
          range: at('operative:3', 'of the matter'),
          text: 'of the matter',
        },
      ]),
    );
    // Cuba's deletion is not in brackets (EU's proposal is no longer open) but cannot be accepted over it.
    const refused = acceptProposal(n, 'p5');
    expect(refused.ok ? '' : refused.error).toBe(
      "Cuba's proposal touches the words of EU's, which is already accepted: reject that one first.",
    );
    expect(ok(rejectProposal(n, 'p5')).proposals.at(-1)?.state).toBe('rejected');
  });

  it('rejects a paragraph’s proposals, or a delegation’s, at once, leaving new paragraphs after it', () => {
    const n = ok(addProposals(doc, fresh(), inputs));
    const paragraph = rejectParagraph(n, 'operative:1');
    expect(paragraph.done).toEqual(['p1', 'p3']);
    expect(paragraph.negotiation.proposals.find((p) => p.id === 'p4')?.state).toBe('open');
    const delegation = rejectAllOf(n, 'Canada');
    expect(delegation.done).toEqual(['p3', 'p4']);
    expect(delegation.negotiation.proposals.map((p) => p.state)).toEqual([
      'open',
      'open',
      'rejected',
      'rejected',
    ]);
  });

  it('accepts a paragraph’s proposals at once but leaves those in brackets to be resolved', () => {
    let n = ok(addProposals(doc, fresh(), inputs));
    n = ok(
      addProposals(doc, n, [
        {
          delegation: 'Cuba',
          kind: 'replace',
          key: 'operative:1',
          range: at('operative:1', 'eighty-first'),
          text: 'eighty-second',
        },
      ]),
    );
    expect(n.brackets[0]?.proposals).toEqual(['p3', 'p5']);
    const r = acceptParagraph(n, 'operative:1');
    expect(r.done).toEqual(['p1']);
    expect(r.negotiation.proposals.filter((p) => p.state === 'open').map((p) => p.id)).toEqual([
      'p2',
      'p3',
      'p4',
      'p5',
    ]);
  });

  it('puts accepted new paragraphs after their paragraph, moves and deletions in the clean text', () => {
    let n = ok(
      addProposals(doc, fresh(), [
        ...inputs,
        {
          delegation: 'Norway',
          kind: 'new paragraph',
          key: 'operative:1',
          text: 'Invites donors to contribute;',
        },
        {
          delegation: 'Japan',
          kind: 'move',
          key: 'operative:3',
          to: 'operative:0',
          text: text('operative:3'),
        },
        {
          delegation: 'Japan',
          kind: 'new paragraph',
          key: 'operative:2.1',
          text: 'to report on its implementation;',
        },
        { delegation: 'Chile', kind: 'delete paragraph', key: 'preamble:2', text: text('preamble:2') },
      ]),
    );
    // Accepted in an order unlike their ids: Norway's paragraph still comes after Canada's.
    for (const id of ['p8', 'p5', 'p7', 'p4', 'p6']) n = ok(acceptProposal(n, id));
    n = setStatus(n, 'operative:2.2', 'deleted');
    const { document, keys } = cleanText(doc, n);
    expect(document.operative.map((p) => p.opener)).toEqual([
      'Decides',
      'Requests',
      'Encourages',
      'Invites',
      'Urges',
    ]);
    expect(document.operative[2]).toEqual({
      opener: 'Encourages',
      content: [{ type: 'text', text: 'Member States to contribute to the trust fund;' }],
      subparagraphs: [],
    });
    expect(document.operative[4]?.subparagraphs.map((s) => inlineText(s.content))).toEqual([
      'to sign the Convention;',
      'to report on its implementation;',
    ]);
    expect(document.preamble).toHaveLength(1);
    expect(keys.get('operative:3')).toBe('operative:1');
    expect(keys.get('new:p5')).toBe('operative:4');
    expect(keys.has('preamble:2')).toBe(false);
    expect(keys.has('operative:2.2')).toBe(false);
  });
});

describe('the paragraph text under edits', () => {
  it('keeps the opener, italics and footnote references of the words it does not touch', () => {
    const p = doc.preamble[0];
    if (!p) throw new Error('no PP1');
    const t = text('preamble:1');
    const edited = applyToParagraph(p.opener, p.content, [
      { ...at('preamble:1', 'its resolution'), text: 'its resolutions' },
      { start: t.length, end: t.length, text: 'and 79/1' },
    ]);
    expect(edited.opener).toBe('Recalling');
    expect(edited.content).toEqual([
      { type: 'text', text: 'its resolutions 78/1 of 2 October 2023,' },
      { type: 'footnoteRef', footnoteId: 'f1' },
      { type: 'text', text: ' and 79/1' },
    ]);
    const u = doc.operative[1];
    if (!u) throw new Error('no OP2');
    const italic = applyToParagraph(u.opener, u.content, [
      { ...at('operative:2', 'Urges'), text: 'Also urges' },
    ]);
    expect(italic.opener).toBe('Also urges');
    expect(italic.content).toEqual(inl('Member States to ratify the *Convention* without delay;'));
  });

  it('spaces inserted words as printed and closes up deleted ones', () => {
    expect(applyToText('to report to the Assembly', [{ start: 9, end: 9, text: 'annually' }])).toBe(
      'to report annually to the Assembly',
    );
    expect(applyToText('to report to the Assembly', [{ start: 10, end: 10, text: 'annually' }])).toBe(
      'to report annually to the Assembly',
    );
    expect(
      applyToText('the Secretary-General to report', [
        { start: 21, end: 21, text: ', within existing resources,' },
      ]),
    ).toBe('the Secretary-General, within existing resources, to report');
    expect(applyToText('the Office to report', [{ start: 4, end: 10, text: '' }])).toBe('the to report');
  });
});

describe('status, notes and the revision', () => {
  it('records each paragraph’s status and the facilitator’s note', () => {
    let n = setStatus(fresh(), 'operative:1', 'agreed ad ref');
    n = setNote(n, 'operative:1', 'Subject to the budget implications');
    expect(n.paragraphs['operative:1']).toEqual({
      status: 'agreed ad ref',
      note: 'Subject to the budget implications',
    });
    expect(setNote(n, 'operative:1', ' ').paragraphs['operative:1']).toEqual({ status: 'agreed ad ref' });
  });

  it('issues Rev.1: the clean text as the new base, open proposals carried past the accepted words, agreed statuses kept', () => {
    let n = ok(
      addProposals(doc, fresh(), [
        {
          delegation: 'EU',
          kind: 'replace',
          key: 'operative:1',
          range: at('operative:1', 'Requests'),
          text: 'Also requests',
        },
        {
          delegation: 'Cuba',
          kind: 'replace',
          key: 'operative:1',
          range: at('operative:1', 'eighty-first'),
          text: 'eighty-second',
        },
        {
          delegation: 'Chile',
          kind: 'new paragraph',
          key: 'operative:0',
          text: 'Reaffirms that the Convention is essential;',
        },
        {
          delegation: 'Peru',
          kind: 'insert',
          key: 'operative:3',
          range: { start: 0, end: 0 },
          text: 'Further',
        },
      ]),
    );
    n = ok(acceptProposal(n, 'p1'));
    n = ok(acceptProposal(n, 'p3'));
    n = ok(rejectProposal(n, 'p4'));
    n = setStatus(n, 'operative:3', 'agreed');
    n = setStatus(n, 'operative:2', 'agreed ad ref');
    const rev = issueRevision(doc, { ...n });
    const next = rev.document.negotiation;
    expect(next?.round).toBe(1);
    expect(rev.previous).toEqual(doc);
    expect(rev.document.operative.map((p) => p.opener)).toEqual([
      'Reaffirms',
      'Also requests',
      'Urges',
      'Decides',
    ]);
    const carried = next?.proposals ?? [];
    expect(carried.map((p) => [p.id, p.key])).toEqual([['p2', 'operative:2']]);
    const range = carried[0]?.range;
    expect(text('operative:2', rev.document).slice(range?.start, range?.end)).toBe('eighty-first');
    expect(next?.paragraphs).toEqual({
      'operative:4': { status: 'agreed' },
      'operative:3': { status: 'agreed ad ref' },
    });
    expect(validateDocument(rev.document).ok).toBe(true);
  });
});

describe('a stored negotiation', () => {
  it('is refused when it names paragraphs or words the text does not have', () => {
    const n = ok(
      addProposals(doc, fresh(), [
        {
          delegation: 'EU',
          kind: 'replace',
          key: 'operative:3',
          range: at('operative:3', 'matter'),
          text: 'question',
        },
      ]),
    );
    const broken = {
      ...doc,
      negotiation: { ...n, proposals: n.proposals.map((p) => ({ ...p, key: 'operative:7' })) },
    };
    const r = validateDocument(broken);
    expect(r.ok ? [] : r.errors.map((e) => e.description)).toEqual([
      "Proposal 1 of the negotiation (EU's) is on paragraph operative:7, which the text does not have.",
    ]);
    const shape = validateDocument({
      ...doc,
      negotiation: { ...n, paragraphs: { 'operative:1': { status: 'done' } } },
    });
    expect(shape.ok ? [] : shape.errors.map((e) => e.path)).toEqual([
      'negotiation.paragraphs["operative:1"].status',
    ]);
  });
});

describe('properties', () => {
  const base = gaDocument('A_RES_79_16');
  const list = baseParagraphs(base).list;

  /** Random proposals, at most one per paragraph word slot so any set of them can be accepted together. */
  const arbProposals = fc
    .array(
      fc.record({
        paragraph: fc.nat({ max: list.length - 1 }),
        slot: fc.nat({ max: 7 }),
        kind: fc.constantFrom(
          'insert' as const,
          'delete' as const,
          'replace' as const,
          'new paragraph' as const,
        ),
        word: fc.constantFrom('effectively', 'all', 'relevant', 'further'),
        delegation: fc.constantFrom('EU', 'CANZ', 'G77 and China', 'Mexico'),
      }),
      { maxLength: 25 },
    )
    .map((raw) => {
      const seen = new Set<string>();
      const out: ProposalInput[] = [];
      for (const r of raw) {
        const item = list[r.paragraph];
        if (!item) continue;
        const t = item.unit.text;
        // Eight slots of each paragraph: proposals in different slots never touch.
        const size = Math.floor(t.length / 8);
        const start = r.slot * size;
        const slotKey = `${item.key}#${r.slot}`;
        if (size < 3 || seen.has(slotKey)) continue;
        seen.add(slotKey);
        if (r.kind === 'new paragraph')
          out.push({
            delegation: r.delegation,
            kind: r.kind,
            key: item.key,
            text: `Invites ${r.word} States to act;`,
          });
        else if (r.kind === 'insert')
          out.push({
            delegation: r.delegation,
            kind: r.kind,
            key: item.key,
            range: { start: start + 1, end: start + 1 },
            text: r.word,
          });
        else
          out.push({
            delegation: r.delegation,
            kind: r.kind,
            key: item.key,
            range: { start: start + 1, end: start + size - 1 },
            text: r.kind === 'delete' ? t.slice(start + 1, start + size - 1) : r.word,
          });
      }
      return out;
    });

  it('random proposals accepted in any order give the same clean text', () => {
    fc.assert(
      fc.property(arbProposals, fc.infiniteStream(fc.nat()), (inputs, seeds) => {
        const n = ok(addProposals(base, startNegotiation('Facilitator'), inputs));
        const ids = n.proposals.map((p) => p.id);
        const accept = (order: readonly string[]): string => {
          let m = n;
          for (const id of order) m = ok(acceptProposal(m, id));
          return JSON.stringify(cleanText(base, m).document);
        };
        const shuffled = [...ids];
        for (let i = shuffled.length - 1; i > 0; i--) {
          const j = (seeds.next().value as number) % (i + 1);
          [shuffled[i], shuffled[j]] = [shuffled[j] ?? '', shuffled[i] ?? ''];
        }
        const a = accept(ids);
        expect(accept(shuffled)).toBe(a);
        expect(accept([...ids].reverse())).toBe(a);
        const clean = cleanText(base, ok(addProposals(base, startNegotiation('F'), []))).document;
        // Every accepted insertion is in the clean text; rejecting everything gives the base back.
        for (const p of n.proposals.filter((x) => x.kind === 'insert')) expect(a).toContain(p.text);
        expect(baseParagraphs(clean).list.map((x) => x.unit.text)).toEqual(list.map((x) => x.unit.text));
        const clean2 = validateDocument({ ...JSON.parse(a), negotiation: startNegotiation('F') });
        expect(clean2.ok).toBe(true);
      }),
      { numRuns: 60 },
    );
  });

  it('issuing the revision after any accepted set carries every open proposal onto the same words', () => {
    fc.assert(
      fc.property(
        arbProposals,
        fc.array(fc.boolean(), { minLength: 25, maxLength: 25 }),
        (inputs, chosen) => {
          let n = ok(addProposals(base, startNegotiation('Facilitator'), inputs));
          n.proposals.forEach((p, k) => {
            if (chosen[k]) n = ok(acceptProposal(n, p.id));
          });
          const rev = issueRevision(base, n);
          const next = rev.document.negotiation;
          const open = n.proposals.filter((p) => p.state === 'open');
          expect(next?.proposals.length).toBe(open.length);
          for (const p of next?.proposals ?? []) {
            const was = open.find((o) => o.id === p.id);
            if (!was?.range || !p.range || was.kind === 'insert') continue;
            const before = text(was.key, base).slice(was.range.start, was.range.end);
            expect(text(p.key, rev.document).slice(p.range.start, p.range.end)).toBe(before);
          }
          expect(validateDocument(rev.document).ok).toBe(true);
        },
      ),
      { numRuns: 60 },
    );
  });
});
