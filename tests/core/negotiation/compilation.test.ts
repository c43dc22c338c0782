/**
 * The compilation text as the editor and the Word export draw it, its views, and the negotiation's
 * checks (issue 14).
 */
import { describe, expect, it } from 'vitest';
import { negotiationChecks } from '../../../src/core/negotiation/checks.ts';
import { compilation, plainCompilationText } from '../../../src/core/negotiation/compilation.ts';
import {
  acceptProposal,
  addProposals,
  bracketWords,
  proposeVersion,
  setStatus,
  standOn,
  startNegotiation,
  type Outcome,
} from '../../../src/core/negotiation/operations.ts';
import { baseParagraphs } from '../../../src/core/negotiation/paragraphs.ts';
import type { Negotiation } from '../../../src/core/negotiation/types.ts';
import { fn, op, pre, res, sub } from '../../helpers/builders.ts';

const doc = res({
  preamble: [pre('Recalling', 'its resolution 78/1,')],
  operative: [
    op('Requests', 'the Secretary-General to report to the Assembly at its eighty-first session;'),
    op('Urges', 'Member States:', [sub('to sign the Convention;'), sub('to ratify it;')]),
    op('Decides', 'to remain seized of the matter.'),
  ],
});

const text = (key: string): string => baseParagraphs(doc).byKey.get(key)?.unit.text ?? '';

function ok(r: Outcome): Negotiation {
  if (!r.ok) throw new Error(r.error);
  return r.negotiation;
}

function negotiated(): Negotiation {
  let n = startNegotiation('Mexico');
  n = ok(
    proposeVersion(
      doc,
      n,
      'operative:1',
      'EU',
      text('operative:1').replace('to report', 'to report annually'),
    ),
  );
  n = ok(proposeVersion(doc, n, 'operative:3', 'EU', 'Decides to remain actively seized of the matter.'));
  n = ok(proposeVersion(doc, n, 'operative:3', 'Cuba', 'Decides to remain seized of the question.'));
  n = ok(standOn(n, 'p1', 'Canada', 'support'));
  n = ok(
    addProposals(doc, n, [
      {
        delegation: 'Norway',
        kind: 'new paragraph',
        key: 'operative:1',
        text: 'Invites donors to contribute;',
      },
      {
        delegation: 'Japan',
        kind: 'new paragraph',
        key: 'operative:1',
        text: 'Encourages States to report;',
      },
      { delegation: 'Chile', kind: 'new paragraph', key: 'operative:2.1', text: 'to implement it;' },
      { delegation: 'Peru', kind: 'delete paragraph', key: 'preamble:1', text: text('preamble:1') },
    ]),
  );
  return n;
}

describe('the compilation text', () => {
  it('marks each proposal with its delegations and numbers new paragraphs bis, ter after theirs', () => {
    const lines = compilation(doc, negotiated()).map((p) => `${p.label}: ${plainCompilationText(p)}`);
    expect(lines).toEqual([
      'PP1: Recalling its resolution 78/1,',
      'OP1: Requests the Secretary-General to report annually [EU; Canada] to the Assembly at its eighty-first session;',
      'OP1 bis: Invites donors to contribute;',
      'OP1 ter: Encourages States to report;',
      'OP2: Urges Member States:',
      'OP2 (a): to sign the Convention;',
      'OP2 (a) bis: to implement it;',
      'OP2 (b): to ratify it;',
      'OP3: Decides to remain actively [EU] seized of the ~~matter~~ question [Cuba].',
    ]);
    const pp1 = compilation(doc, negotiated())[0];
    expect(pp1?.whole).toEqual([{ proposal: 'p7', kind: 'delete paragraph', delegations: ['Peru'] }]);
  });

  it('shows the words two delegations dispute as one bracket with the base words as Alt 1', () => {
    let n = negotiated();
    n = ok(proposeVersion(doc, n, 'operative:3', 'Brazil', 'Decides to remain seized of the issue.'));
    const op3 = compilation(doc, n).find((p) => p.key === 'operative:3');
    expect(op3 && plainCompilationText(op3)).toBe(
      'Decides to remain actively [EU] seized of the [matter / question / issue].',
    );
    const bracket = op3?.segments.find((s) => s.kind === 'bracket');
    expect(bracket?.kind === 'bracket' && bracket.alternatives.map((a) => [a.label, a.holders])).toEqual([
      ['Alt 1', []],
      ['Alt 2', ['Cuba']],
      ['Alt 3', ['Brazil']],
    ]);
  });

  it('has views: clean text, pending only, and one delegation’s proposals', () => {
    let n = negotiated();
    n = ok(acceptProposal(n, 'p1'));
    n = ok(acceptProposal(n, 'p4'));
    n = setStatus(n, 'preamble:1', 'agreed');
    n = setStatus(n, 'operative:2', 'agreed ad ref');
    n = setStatus(n, 'operative:1', 'agreed');
    n = setStatus(n, 'new:p4', 'agreed');
    const clean = compilation(doc, n, { kind: 'clean' }).map((p) => `${p.label}: ${plainCompilationText(p)}`);
    expect(clean.slice(1, 3)).toEqual([
      'OP1: Requests the Secretary-General to report annually to the Assembly at its eighty-first session;',
      'OP2: Invites donors to contribute;',
    ]);
    const pending = compilation(doc, n, { kind: 'pending' }).map((p) => p.label);
    // PP1 is agreed but still carries Peru's open proposal to delete it.
    expect(pending).toEqual(['PP1', 'OP1 ter', 'OP2', 'OP2 (a)', 'OP2 (a) bis', 'OP2 (b)', 'OP3']);
    const cuba = compilation(doc, n, { kind: 'delegation', delegation: 'Cuba' });
    expect(cuba.map((p) => plainCompilationText(p)).filter((t) => t.includes('['))).toEqual([
      'Decides to remain seized of the ~~matter~~ question [Cuba].',
    ]);
  });
});

describe('a move in the compilation', () => {
  it('names the paragraph it goes after as delegates cite it', () => {
    const n = ok(
      addProposals(doc, startNegotiation('Mexico'), [
        {
          delegation: 'Japan',
          kind: 'move',
          key: 'operative:1',
          to: 'operative:3',
          text: text('operative:1'),
        },
      ]),
    );
    expect(compilation(doc, n).find((p) => p.key === 'operative:1')?.whole).toEqual([
      { proposal: 'p1', kind: 'move', delegations: ['Japan'], to: 'OP3' },
    ]);
  });
});

describe('footnote references in the compilation', () => {
  it('keeps each reference where it is, numbered in the order of the text, beside the marks', () => {
    const noted = res({
      preamble: [pre('Recalling', 'the Convention,{fn:a} and its Protocols,{fn:b}')],
      operative: [op('Urges', 'States to ratify the Convention{fn:c} without delay;')],
      footnotes: [fn('a', 'A.'), fn('b', 'B.'), fn('c', 'C.')],
    });
    let n = startNegotiation('Mexico');
    n = ok(
      proposeVersion(
        noted,
        n,
        'operative:1',
        'EU',
        'Urges States to ratify the Convention as a matter of priority;',
      ),
    );
    const [pp1, op1] = compilation(noted, n);
    const marks = (p: typeof pp1) =>
      (p?.segments ?? [])
        .map((s) =>
          s.kind === 'note'
            ? `^${s.number}`
            : s.kind === 'text'
              ? s.text
              : `<${s.kind} ${'text' in s ? s.text : ''}>`,
        )
        .join('');
    expect(marks(pp1)).toBe('Recalling the Convention,^1 and its Protocols,^2');
    expect(marks(op1)).toBe(
      'Urges States to ratify the Convention^3 <delete without delay> <insert as a matter of priority>;',
    );
    expect(op1 && plainCompilationText(op1)).toBe(
      'Urges States to ratify the Convention ~~without delay~~ as a matter of priority [EU];',
    );
  });
});

describe('the negotiation’s checks', () => {
  it('finds brackets typed unpaired, disputes unresolved, proposals open, agreed paragraphs with open proposals and bis out of order', () => {
    const typed = res({
      operative: [
        op('Requests', 'the Office [to report;', [], '1'),
        op('Invites', 'States to act;', [], '1 ter'),
        op('Decides', 'to remain seized.', [], '2'),
      ],
    });
    let n = startNegotiation('Mexico');
    n = ok(bracketWords(typed, n, 'operative:3', { start: 0, end: 7 }, ['EU']));
    n = ok(proposeVersion(typed, n, 'operative:2', 'Cuba', 'Invites all States to act;'));
    n = setStatus(n, 'operative:2', 'agreed');
    expect(negotiationChecks(typed, n).map((f) => [f.check, f.message])).toEqual([
      ['unbalanced-brackets', 'OP1 has an opening bracket "[" that is never closed.'],
      ['unresolved-bracket', 'OP3: "Decides" is in brackets with 1 alternatives, not yet resolved.'],
      ['open-proposals', '1 proposal is still open (Cuba 1); a revision carries them to the next round.'],
      ['insertion-order', 'OP2: "1 ter" should follow "1 bis".'],
      ['agreed-with-open-proposal', 'OP2 is marked agreed but still has 1 open proposal.'],
    ]);
  });
});
