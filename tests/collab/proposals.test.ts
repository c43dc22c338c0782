import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { SHARED_PROPOSALS, SHARED_STANCES } from '../../src/collab/layout.ts';
import {
  readProposals,
  withdrawProposal,
  writeDecision,
  writeProposal,
  writeStance,
} from '../../src/collab/proposals.ts';

const OP1 = {
  key: 'operative:1',
  label: 'OP1',
  base: 'Urges all parties to act;',
  opener: 'Urges',
  text: 'Urges all parties to act swiftly;',
};

describe('proposals on a shared draft', () => {
  it('reads what delegations propose, the decision and the stances, as another peer receives them', () => {
    const mexico = new Y.Doc();
    const id = writeProposal(mexico, 'Mexico', OP1, new Date('2026-12-05T10:00:00Z'));
    const norway = new Y.Doc();
    Y.applyUpdate(norway, Y.encodeStateAsUpdate(mexico));
    writeStance(norway, 'Norway', id, 'support');
    writeStance(norway, 'Egypt', id, 'oppose');
    const facilitator = new Y.Doc();
    Y.applyUpdate(facilitator, Y.encodeStateAsUpdate(norway));
    writeDecision(facilitator, id, 'accepted');
    expect(readProposals(facilitator)).toEqual([
      {
        ...OP1,
        id,
        delegation: 'Mexico',
        at: '2026-12-05T10:00:00.000Z',
        decision: 'accepted',
        support: ['Norway'],
        oppose: ['Egypt'],
      },
    ]);
    expect(id.startsWith('Mexico/')).toBe(true);
  });

  it('gives two proposals of one peer distinct ids, and a withdrawn one is gone', () => {
    const doc = new Y.Doc();
    const a = writeProposal(doc, 'Mexico', OP1);
    const b = writeProposal(doc, 'Mexico', { ...OP1, text: 'Urges all parties to act now;' });
    expect(a).not.toBe(b);
    withdrawProposal(doc, a);
    expect(readProposals(doc).map((p) => p.id)).toEqual([b]);
  });

  it('leaves out entries that are not proposals, whoever wrote them', () => {
    const doc = new Y.Doc();
    const map = doc.getMap(SHARED_PROPOSALS);
    map.set('no-slash', OP1);
    map.set('Mexico/1', { ...OP1, key: 'title:1' });
    map.set('Mexico/2', { ...OP1, text: 42 });
    map.set('Mexico/3', 'a string');
    doc.getMap(SHARED_STANCES).set('Norway/Mexico/9', 'maybe');
    expect(readProposals(doc)).toEqual([]);
  });
});
