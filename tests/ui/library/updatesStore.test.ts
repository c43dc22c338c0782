/**
 * The Updates panel's store (src/ui/library/updatesStore.ts) in Node: where each proposal stands is
 * read from the draft's text; a rejection is the one thing kept, and a store opened again (a reload)
 * reads it back. The plans are kept in a Map here; IndexedDB is the page's (the journey
 * tests/e2e/library-update.spec.ts reloads and finds them). And the picker's matching of what is typed
 * (src/ui/library/UpdateStartPicker.tsx).
 */
import { describe, expect, it } from 'vitest';
import type { LibraryDocument, LibraryMeta } from '../../../src/core/library/types.ts';
import { applyUpdates, proposeUpdates, updateTarget } from '../../../src/core/library/update.ts';
import type { ResolutionDocument } from '../../../src/core/model/types.ts';
import { matchLibrary } from '../../../src/ui/library/UpdateStartPicker.tsx';
import type { UpdatePlan } from '../../../src/ui/library/updatePlans.ts';
import {
  createUpdatesStore,
  type PlanStorage,
  type UpdatesStore,
} from '../../../src/ui/library/updatesStore.ts';
import { op, pre, res } from '../../helpers/builders.ts';

function meta(number: string, title: string, date: string): LibraryMeta {
  return {
    id: `A/RES/${number}`,
    symbol: `A/RES/${number}`,
    body: 'ga',
    kind: 'resolution',
    number,
    session: Number(number.split('/')[0]),
    date,
    title,
    agendaItem: null,
    agendaItemTitle: null,
    report: null,
    draftSymbol: null,
  };
}

const BASE: LibraryDocument = {
  meta: meta('79/500', 'A recurring item', '2024-12-02'),
  doc: res({
    title: 'A recurring item',
    organ: 'General Assembly',
    formula: 'The General Assembly,',
    preamble: [pre('Recalling', 'its resolutions 77/10 of 7 December 2022 and 78/10 of 4 December 2023,')],
    operative: [
      op('Requests', 'the Secretary-General to report to the General Assembly at its eightieth session;'),
      op('Decides', 'to include in the provisional agenda of its eightieth session the item.'),
    ],
  }),
};
const PROPOSALS = proposeUpdates(BASE);

function plan(rejected: readonly string[] = []): UpdatePlan {
  return {
    planVersion: 1,
    draftId: 'draft-1',
    baseId: BASE.meta.id,
    symbol: BASE.meta.symbol,
    title: BASE.meta.title,
    target: updateTarget(BASE),
    proposals: PROPOSALS,
    rejected,
  };
}

/** Plans kept in a Map, as the page keeps them in IndexedDB (updatePlans.ts). */
function mapStorage(plans: Map<string, UpdatePlan>): PlanStorage {
  return {
    load: async (draftId) => plans.get(draftId),
    save: async (p) => void plans.set(p.draftId, p),
  };
}

/** A store with its plan read. */
async function opened(storage: PlanStorage, doc: ResolutionDocument = BASE.doc): Promise<UpdatesStore> {
  const store = createUpdatesStore('draft-1', storage);
  store.setDocument(doc);
  await expect.poll(() => store.getState().loading).toBe(false);
  return store;
}

const views = (store: UpdatesStore): string[] =>
  store.getState().items.map((i) => `${i.proposal.label} ${i.view}`);

describe('createUpdatesStore', () => {
  it('says where each proposal stands in the draft as it now reads', async () => {
    const store = await opened(mapStorage(new Map([['draft-1', plan()]])));
    expect(views(store)).toEqual(['PP1 pending', 'OP1 pending', 'OP2 pending']);
    store.setDocument(applyUpdates(BASE.doc, [PROPOSALS[2]!]));
    expect(views(store)).toEqual(['PP1 pending', 'OP1 pending', 'OP2 done']);
  });

  it('keeps a rejection, which a store opened again reads back', async () => {
    const plans = new Map([['draft-1', plan()]]);
    const store = await opened(mapStorage(plans));
    await store.reject(PROPOSALS[1]!.id);
    expect(views(store)).toEqual(['PP1 pending', 'OP1 rejected', 'OP2 pending']);
    expect(plans.get('draft-1')?.rejected).toEqual([PROPOSALS[1]!.id]);
    const again = await opened(mapStorage(plans));
    expect(views(again)).toEqual(['PP1 pending', 'OP1 rejected', 'OP2 pending']);
  });

  it('shows a rejected proposal made anyway as done, and offers a rejected one again when asked', async () => {
    const plans = new Map([['draft-1', plan([PROPOSALS[0]!.id, PROPOSALS[2]!.id])]]);
    const store = await opened(mapStorage(plans), applyUpdates(BASE.doc, [PROPOSALS[0]!]));
    expect(views(store)).toEqual(['PP1 done', 'OP1 pending', 'OP2 rejected']);
    await store.restore(PROPOSALS[2]!.id);
    expect(views(store)).toEqual(['PP1 done', 'OP1 pending', 'OP2 pending']);
    expect(plans.get('draft-1')?.rejected).toEqual([PROPOSALS[0]!.id]);
  });

  it('has no plan for a draft that did not start from the library, and says why when the plans cannot be read', async () => {
    const none = await opened(mapStorage(new Map()));
    expect(none.getState()).toMatchObject({ plan: null, items: [], error: null });
    const broken = createUpdatesStore('draft-1', {
      load: () => Promise.reject(new Error('the database is blocked')),
      save: async () => undefined,
    });
    await expect.poll(() => broken.getState().loading).toBe(false);
    expect(broken.getState().error).toBe('The updates could not be read: the database is blocked');
  });

  it('announces the same words twice as two announcements (a live region reads a change)', async () => {
    const store = await opened(mapStorage(new Map([['draft-1', plan()]])));
    store.announce('Accepted 2 updates.');
    const first = store.getState().announcement;
    store.announce('Accepted 2 updates.');
    expect(store.getState().announcement).not.toBe(first);
    expect(store.getState().announcement.trim()).toBe('Accepted 2 updates.');
  });
});

describe('matchLibrary (the picker of New draft → From the library)', () => {
  const documents = [
    meta(
      '78/17',
      'Establishment of a nuclear-weapon-free zone in the region of the Middle East',
      '2023-12-04',
    ),
    meta(
      '79/16',
      'Establishment of a nuclear-weapon-free zone in the region of the Middle East',
      '2024-12-02',
    ),
    meta('79/160', 'Inclusive development for persons with disabilities', '2024-12-17'),
    meta(
      '80/17',
      'Establishment of a nuclear-weapon-free zone in the region of the Middle East',
      '2025-12-01',
    ),
    { ...meta('80/1', 'Untitled', '2025-09-09'), session: null },
  ];

  it('puts the resolution whose number or symbol was typed first', () => {
    expect(matchLibrary(documents, '79/16').map((m) => m.symbol)).toEqual(['A/RES/79/16', 'A/RES/79/160']);
    expect(matchLibrary(documents, 'A/RES/79/16')[0]?.symbol).toBe('A/RES/79/16');
  });

  it('finds every resolution whose title holds all the words typed, the latest session first', () => {
    expect(matchLibrary(documents, 'middle EAST zone').map((m) => m.symbol)).toEqual([
      'A/RES/80/17',
      'A/RES/79/16',
      'A/RES/78/17',
    ]);
  });

  it('lists nothing before anything is typed, and no document without a session to move on from', () => {
    expect(matchLibrary(documents, '  ')).toEqual([]);
    expect(matchLibrary(documents, 'untitled')).toEqual([]);
  });
});
