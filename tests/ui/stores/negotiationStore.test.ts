/**
 * The negotiation store (issue 14) without React: its host is the draft it works on, as the
 * draft-session store gives it (the model, and where a changed model goes).
 */
import { describe, expect, it } from 'vitest';
import { exportDocx } from '../../../src/core/export/docx/docx.ts';
import { readTrackedChanges } from '../../../src/core/import/tracked.ts';
import type { ResolutionDocument } from '../../../src/core/model/types.ts';
import { createNegotiationStore, roundName } from '../../../src/ui/stores/negotiationStore.ts';
import { op, pre, res } from '../../helpers/builders.ts';

const base = res({
  title: 'Crime prevention',
  preamble: [pre('Recalling', 'its resolution 78/1,')],
  operative: [
    op('Requests', 'the Secretary-General to report to the Assembly at its eighty-first session;'),
    op('Decides', 'to remain seized of the matter.'),
  ],
});

function host(start: ResolutionDocument = base) {
  let doc: ResolutionDocument | null = start;
  const messages: { text: string; tone: string }[] = [];
  const replaced: ResolutionDocument[] = [];
  const store = createNegotiationStore({
    document: () => doc,
    changeModel: (next) => {
      doc = next;
    },
    replaceText: (next) => {
      doc = next;
      replaced.push(next);
    },
    notify: (text, tone) => messages.push({ text, tone }),
  });
  return { store, messages, replaced, doc: () => doc };
}

describe('the negotiation store', () => {
  it('starts a negotiation on the draft as its zero draft, the facilitator proposing', () => {
    const h = host();
    expect(h.store.start('  ')).toBe(false);
    expect(h.messages.at(-1)?.text).toBe('Name the delegation the facilitator speaks for.');
    expect(h.store.start('Egypt')).toBe(true);
    expect(h.doc()?.negotiation).toMatchObject({ round: 0, facilitator: 'Egypt', proposals: [] });
    expect(h.store.getState()).toMatchObject({ surface: 'compilation', proposeAs: 'Egypt' });
    expect(h.store.start('Egypt')).toBe(false);
    expect(roundName(0)).toBe('Zero draft');
    expect(roundName(2)).toBe('Rev.2');
  });

  it('turns a delegation’s rewritten paragraph into its proposals, and a new paragraph after one', () => {
    const h = host();
    h.store.start('Egypt');
    h.store.setProposeAs('EU');
    expect(h.doc()?.negotiation?.delegations.map((d) => d.name)).toEqual(['Egypt', 'EU']);
    h.store.beginEdit('operative:2', 'Decides to remain seized of the matter.');
    h.store.editText('Decides to remain actively seized of the matter.');
    expect(h.store.submitEdit()).toBe(true);
    expect(h.store.getState().editing).toBeUndefined();
    h.store.beginEdit('operative:1', '', 'new');
    h.store.editText('Invites donors to contribute;');
    h.store.submitEdit();
    expect(h.doc()?.negotiation?.proposals.map((p) => [p.delegation, p.kind, p.key, p.text])).toEqual([
      ['EU', 'insert', 'operative:2', 'actively'],
      ['EU', 'new paragraph', 'operative:1', 'Invites donors to contribute;'],
    ]);
  });

  it('keeps the facilitator’s note on a paragraph, written in the field under it', () => {
    const h = host();
    h.store.start('Egypt');
    h.store.setProposeAs('');
    h.store.beginEdit('operative:1', '', 'note');
    h.store.editText('Pending the budget implications');
    expect(h.store.submitEdit()).toBe(true);
    expect(h.doc()?.negotiation?.paragraphs['operative:1']).toEqual({
      status: 'pending',
      note: 'Pending the budget implications',
    });
  });

  it('asks for the delegation before anyone proposes, and says why an operation cannot be done', () => {
    const h = host();
    h.store.start('Egypt');
    h.store.setProposeAs('');
    h.store.beginEdit('operative:1', 'x');
    expect(h.store.getState().editing).toBeUndefined();
    expect(h.messages.at(-1)?.text).toBe('Choose the delegation you propose for (“Propose as”) first.');
    expect(h.store.accept('p9')).toBe(false);
    expect(h.messages.at(-1)).toEqual({ text: 'There is no proposal p9.', tone: 'warning' });
  });

  it('accepts and rejects by delegation and says how many', () => {
    const h = host();
    h.store.start('Egypt');
    h.store.setProposeAs('Cuba');
    h.store.beginEdit('operative:2', 'Decides to remain seized of the question.');
    h.store.submitEdit();
    h.store.acceptAllOf('Cuba');
    expect(h.messages.at(-1)?.text).toBe('1 proposal accepted.');
    h.store.rejectAllOf('Cuba');
    expect(h.messages.at(-1)?.text).toBe('No open proposal to reject.');
  });

  it('merges the Word files delegations send back, with the authors table', async () => {
    const h = host();
    h.store.start('Egypt');
    const draft: ResolutionDocument = {
      ...base,
      operative: [base.operative[0] ?? op('', ''), op('Decides', 'to remain actively seized of the matter.')],
    };
    const read = await readTrackedChanges(
      await exportDocx(draft, { base, author: 'jdoe', date: '2026-12-01T00:00:00Z' }),
    );
    if (!read.ok) throw new Error(read.error);
    expect(h.store.merge([{ name: 'mexico.docx', tracked: read.value }], new Map([['jdoe', 'Mexico']]))).toBe(
      true,
    );
    expect(h.doc()?.negotiation?.proposals.map((p) => [p.delegation, p.text, p.source?.file])).toEqual([
      ['Mexico', 'actively', 'mexico.docx'],
    ]);
    expect(h.messages.at(-1)?.text).toBe('Merged 1 proposal from 1 of 1 file.');
    expect(h.store.getState().lastMerge).toMatchObject({
      proposals: 1,
      files: 1,
      unplaced: [],
      unchanged: [],
    });
  });

  it('issues the revision: the clean text goes to the editor, the round moves on', () => {
    const h = host();
    h.store.start('Egypt');
    h.store.setProposeAs('EU');
    h.store.beginEdit('operative:2', 'Decides to remain actively seized of the matter.');
    h.store.submitEdit();
    h.store.accept('p1');
    h.store.setStatus('operative:2', 'agreed');
    expect(h.store.checks()).toEqual([]);
    const revision = h.store.issue();
    expect(revision?.previous.operative[1]?.content).toEqual(base.operative[1]?.content);
    expect(h.replaced).toHaveLength(1);
    expect(h.doc()?.operative[1]?.content).toEqual([
      { type: 'text', text: 'to remain actively seized of the matter.' },
    ]);
    expect(h.doc()?.negotiation).toMatchObject({
      round: 1,
      proposals: [],
      paragraphs: { 'operative:2': { status: 'agreed' } },
    });
  });
});
