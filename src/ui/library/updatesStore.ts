/**
 * The Updates panel's store (ARCHITECTURE.md convention 12): the open draft's plan (what was proposed
 * and rejected, ./updatePlans.ts) and where each proposal stands in the draft's current text
 * (`updateStates`: pending, done or overtaken, read from the text, never kept). The panel feeds it the
 * draft as the editor changes and renders what it says; rejecting is the one action that is stored.
 */
import { updateStates, type UpdateProposal, type UpdateState } from '../../core/library/update.ts';
import type { ResolutionDocument } from '../../core/model/types.ts';
import type { UpdatePlan } from './updatePlans.ts';

export interface PlanStorage {
  load(draftId: string): Promise<UpdatePlan | undefined>;
  save(plan: UpdatePlan): Promise<void>;
}

/** How the panel shows a proposal: a rejection wins over what the text says. */
export type UpdateView = UpdateState['status'] | 'rejected';

export interface UpdateItem {
  readonly proposal: UpdateProposal;
  readonly view: UpdateView;
  readonly state: UpdateState;
}

export interface UpdatesState {
  /** Until the plan is read. */
  readonly loading: boolean;
  /** Null when the draft did not start from a library resolution. */
  readonly plan: UpdatePlan | null;
  /** Every proposal in reading order, with how it stands. */
  readonly items: readonly UpdateItem[];
  /** The last thing done, for the screen reader's live region. */
  readonly announcement: string;
  /** A failure to read or keep the plan, in a sentence. */
  readonly error: string | null;
}

export interface UpdatesStore {
  getState(): UpdatesState;
  subscribe(listener: () => void): () => void;
  /** The draft as it now reads. */
  setDocument(doc: ResolutionDocument): void;
  reject(id: string): Promise<void>;
  /** Takes a rejection back: the proposal is offered again. */
  restore(id: string): Promise<void>;
  announce(text: string): void;
}

const EMPTY: ReadonlyMap<string, UpdateState> = new Map();

function itemsOf(plan: UpdatePlan | null, states: ReadonlyMap<string, UpdateState>): readonly UpdateItem[] {
  if (!plan) return [];
  const rejected = new Set(plan.rejected);
  return plan.proposals.map((proposal) => {
    const state = states.get(proposal.id) ?? { status: 'overtaken' as const };
    // A rejected proposal the delegate made anyway (typed it, or accepted it before) is done.
    const view: UpdateView =
      rejected.has(proposal.id) && state.status === 'pending' ? 'rejected' : state.status;
    return { proposal, view, state };
  });
}

export function createUpdatesStore(draftId: string, storage: PlanStorage): UpdatesStore {
  let state: UpdatesState = { loading: true, plan: null, items: [], announcement: '', error: null };
  let doc: ResolutionDocument | null = null;
  let states = EMPTY;
  const listeners = new Set<() => void>();

  const set = (next: Partial<UpdatesState>): void => {
    state = { ...state, ...next };
    for (const l of listeners) l();
  };
  const recompute = (plan: UpdatePlan | null): void => {
    states = plan && doc ? updateStates(doc, plan.proposals) : EMPTY;
    set({ plan, items: itemsOf(plan, states) });
  };

  storage.load(draftId).then(
    (plan) => {
      set({ loading: false });
      recompute(plan ?? null);
    },
    (e: unknown) =>
      set({
        loading: false,
        error: `The updates could not be read: ${e instanceof Error ? e.message : String(e)}`,
      }),
  );

  const setRejected = async (id: string, rejected: boolean): Promise<void> => {
    const plan = state.plan;
    if (!plan) return;
    const others = plan.rejected.filter((r) => r !== id);
    const next: UpdatePlan = { ...plan, rejected: rejected ? [...others, id] : others };
    recompute(next);
    try {
      await storage.save(next);
    } catch (e) {
      set({ error: `The rejection could not be kept: ${e instanceof Error ? e.message : String(e)}` });
    }
  };

  return {
    getState: () => state,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    setDocument(next) {
      doc = next;
      recompute(state.plan);
    },
    reject: (id) => setRejected(id, true),
    restore: (id) => setRejected(id, false),
    announce(text) {
      // The same words twice are still announced: the live region hears a change.
      set({ announcement: state.announcement === text ? `${text}\u00a0` : text });
    },
  };
}
