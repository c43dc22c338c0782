/**
 * The negotiation of the open draft, as the workspace shows it (issue 14): the facilitator's
 * compilation and its views, who is proposing, the paragraph in hand, and every operation of
 * core/negotiation. The negotiation itself is part of the document (`ResolutionDocument.negotiation`),
 * so every change goes through the draft session like typing does: journal, autosave, other tabs.
 * Plain TypeScript, tested without React.
 */
import type { ResolutionDocument } from '../../core/model/types.ts';
import { validateDocument, formatValidationErrors } from '../../core/model/validate.ts';
import { negotiationChecks, type NegotiationFinding } from '../../core/negotiation/checks.ts';
import { issueRevision, type Revision } from '../../core/negotiation/clean.ts';
import type { CompilationView } from '../../core/negotiation/compilation.ts';
import {
  mergedInputs,
  mergeReturnedFiles,
  type MergeResult,
  type ReturnedFile,
} from '../../core/negotiation/merge.ts';
import {
  acceptAllOf,
  acceptParagraph,
  acceptProposal,
  addAlternative,
  addProposals,
  bracketWords,
  holdOriginal,
  rejectAllOf,
  rejectParagraph,
  rejectProposal,
  reopenProposal,
  resolveBracket,
  setNote,
  setStatus,
  standOn,
  startNegotiation,
  withDelegation,
  withdrawProposal,
  proposeVersion,
  type BatchOutcome,
  type Outcome,
} from '../../core/negotiation/operations.ts';
import type { Negotiation, ParagraphKey, ParagraphStatus, TextRange } from '../../core/negotiation/types.ts';

/** What the field under a paragraph writes: its delegation's version, a new paragraph after it, or the facilitator's note. */
export type EditMode = 'rewrite' | 'new' | 'note';

export interface NegotiationUiState {
  /** What the page shows for a draft under negotiation: the compilation, or the base text in the editor. */
  readonly surface: 'compilation' | 'text';
  readonly view: CompilationView;
  /** The delegation whose typing becomes proposals ("Propose as …"). */
  readonly proposeAs: string;
  /**
   * The paragraph being rewritten as a proposal (`rewrite`), or the one a new paragraph is proposed
   * after (`new`), with the text as typed so far.
   */
  readonly editing?: { readonly key: ParagraphKey; readonly text: string; readonly mode: EditMode };
  /** The proposal or bracketed alternative in hand, for the action bar. */
  readonly selected?: {
    readonly proposal?: string;
    readonly bracket?: string;
    readonly alternative?: string;
  };
  /** The last merge of returned Word files: what could not be placed, and files without changes. */
  readonly lastMerge?: Pick<MergeResult, 'unplaced' | 'unchanged'> & {
    readonly proposals: number;
    readonly files: number;
  };
}

export interface NegotiationHost {
  /** The draft's model, with its negotiation. */
  document(): ResolutionDocument | null;
  /** A new model, stored as typing is (the text unchanged). */
  changeModel(next: ResolutionDocument): void;
  /** A new model whose text changed (a revision issued): the editor reloads it. */
  replaceText(next: ResolutionDocument): void;
  notify(text: string, tone: 'info' | 'warning' | 'error'): void;
}

export type NegotiationStore = ReturnType<typeof createNegotiationStore>;

/** "Zero draft", "Rev.1" …: the base of a round, as delegates call it. */
export function roundName(round: number): string {
  return round === 0 ? 'Zero draft' : `Rev.${round}`;
}

export function createNegotiationStore(host: NegotiationHost) {
  let state: NegotiationUiState = { surface: 'compilation', view: { kind: 'compilation' }, proposeAs: '' };
  const listeners = new Set<() => void>();
  const set = (next: Partial<NegotiationUiState>): void => {
    state = { ...state, ...next };
    for (const listener of listeners) listener();
  };

  /**
   * Puts the new negotiation in the draft, once the model with it is one the store would take
   * (the text is sacred: a negotiation that does not fit its text never reaches the editor or the store).
   */
  const commit = (doc: ResolutionDocument, next: Negotiation): boolean => {
    const candidate: ResolutionDocument = { ...doc, negotiation: next };
    const checked = validateDocument(candidate);
    if (!checked.ok) {
      host.notify(`That change was not made: ${formatValidationErrors(checked.errors, 2)}`, 'error');
      return false;
    }
    host.changeModel(candidate);
    return true;
  };

  /** Runs an operation on the open negotiation; says why when it cannot be done. */
  const apply = (step: (doc: ResolutionDocument, n: Negotiation) => Outcome): boolean => {
    const doc = host.document();
    const n = doc?.negotiation;
    if (!doc || !n) return false;
    const r = step(doc, n);
    if (!r.ok) {
      host.notify(r.error, 'warning');
      return false;
    }
    return commit(doc, r.negotiation);
  };

  const applyBatch = (step: (n: Negotiation) => BatchOutcome, what: string): void => {
    const doc = host.document();
    const n = doc?.negotiation;
    if (!doc || !n) return;
    const r = step(n);
    if (r.done.length === 0 && r.skipped.length === 0) {
      host.notify(`No open proposal to ${what}.`, 'info');
      return;
    }
    if (!commit(doc, r.negotiation)) return;
    const skipped = r.skipped.length ? ` ${r.skipped.length} left open: ${r.skipped[0]?.why ?? ''}` : '';
    host.notify(
      `${r.done.length} proposal${r.done.length === 1 ? '' : 's'} ${what === 'accept' ? 'accepted' : 'rejected'}.${skipped}`,
      r.skipped.length ? 'warning' : 'info',
    );
  };

  const today = (): string => new Date().toISOString().slice(0, 10);

  return {
    getState: (): NegotiationUiState => state,
    subscribe(listener: () => void): () => void {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    negotiation: (): Negotiation | undefined => host.document()?.negotiation,

    /** Starts negotiating the draft as it stands: it becomes the zero draft, the base of round 0. */
    start(facilitator: string): boolean {
      const doc = host.document();
      if (!doc) return false;
      if (doc.negotiation) {
        host.notify('This draft is already under negotiation.', 'info');
        return false;
      }
      const name = facilitator.trim();
      if (name === '') {
        host.notify('Name the delegation the facilitator speaks for.', 'warning');
        return false;
      }
      const ok = commit(doc, startNegotiation(name));
      if (ok) set({ surface: 'compilation', proposeAs: name, view: { kind: 'compilation' } });
      return ok;
    },
    setSurface: (surface: NegotiationUiState['surface']): void => set({ surface }),
    select: (selected: NegotiationUiState['selected']): void => set({ selected }),
    setView: (view: CompilationView): void => set({ view }),
    setProposeAs(name: string): void {
      set({ proposeAs: name });
      const doc = host.document();
      const n = doc?.negotiation;
      if (doc && n && name.trim() !== '' && !n.delegations.some((d) => d.name === name.trim()))
        commit(doc, withDelegation(n, name));
    },

    /** Rewriting a paragraph as the delegation proposing: the field starts from its own version. */
    beginEdit(key: ParagraphKey, text: string, mode: EditMode = 'rewrite'): void {
      if (mode !== 'note' && state.proposeAs.trim() === '') {
        host.notify('Choose the delegation you propose for (“Propose as”) first.', 'warning');
        return;
      }
      set({ editing: { key, text, mode } });
    },
    editText(text: string): void {
      if (state.editing) set({ editing: { ...state.editing, text } });
    },
    cancelEdit: (): void => set({ editing: undefined }),
    /** The delegation's version of the paragraph becomes its proposals there. */
    submitEdit(): boolean {
      const editing = state.editing;
      if (!editing) return false;
      if (editing.mode === 'note') {
        const doc = host.document();
        const n = doc?.negotiation;
        const ok = doc !== null && n !== undefined && commit(doc, setNote(n, editing.key, editing.text));
        if (ok) set({ editing: undefined });
        return ok;
      }
      const ok =
        editing.mode === 'new'
          ? apply((doc, n) =>
              addProposals(doc, n, [
                {
                  delegation: state.proposeAs,
                  date: today(),
                  kind: 'new paragraph',
                  key: editing.key,
                  text: editing.text,
                },
              ]),
            )
          : apply((doc, n) => proposeVersion(doc, n, editing.key, state.proposeAs, editing.text, today()));
      if (ok) set({ editing: undefined });
      return ok;
    },
    proposeNewParagraph(after: ParagraphKey, text: string): boolean {
      return apply((doc, n) =>
        addProposals(doc, n, [
          { delegation: state.proposeAs, date: today(), kind: 'new paragraph', key: after, text },
        ]),
      );
    },
    proposeDeletion(key: ParagraphKey, text: string): boolean {
      return apply((doc, n) =>
        addProposals(doc, n, [
          { delegation: state.proposeAs, date: today(), kind: 'delete paragraph', key, text },
        ]),
      );
    },

    accept: (id: string): boolean => apply((_d, n) => acceptProposal(n, id)),
    reject: (id: string): boolean => apply((_d, n) => rejectProposal(n, id)),
    withdraw: (id: string): boolean => apply((_d, n) => withdrawProposal(n, id)),
    reopen: (id: string): boolean => apply((doc, n) => reopenProposal(doc, n, id)),
    support: (id: string): boolean => apply((_d, n) => standOn(n, id, state.proposeAs, 'support')),
    oppose: (id: string): boolean => apply((_d, n) => standOn(n, id, state.proposeAs, 'oppose')),
    acceptAllOf: (delegation: string): void => applyBatch((n) => acceptAllOf(n, delegation), 'accept'),
    rejectAllOf: (delegation: string): void => applyBatch((n) => rejectAllOf(n, delegation), 'reject'),
    acceptParagraph: (key: ParagraphKey): void => applyBatch((n) => acceptParagraph(n, key), 'accept'),
    rejectParagraph: (key: ParagraphKey): void => applyBatch((n) => rejectParagraph(n, key), 'reject'),
    resolveBracket: (bracket: string, alternative: string): boolean =>
      apply((_d, n) => resolveBracket(n, bracket, alternative)),
    bracket: (key: ParagraphKey, range: TextRange): boolean =>
      apply((doc, n) => bracketWords(doc, n, key, range, state.proposeAs ? [state.proposeAs] : [])),
    addAlternative: (bracket: string, text: string): boolean =>
      apply((doc, n) => addAlternative(doc, n, bracket, state.proposeAs, text, today())),
    holdOriginal: (bracket: string, holds: boolean): boolean =>
      apply((_d, n) => holdOriginal(n, bracket, state.proposeAs, holds)),
    setStatus(key: ParagraphKey, status: ParagraphStatus): void {
      const doc = host.document();
      const n = doc?.negotiation;
      if (doc && n) commit(doc, setStatus(n, key, status));
    },
    setNote(key: ParagraphKey, note: string): void {
      const doc = host.document();
      const n = doc?.negotiation;
      if (doc && n) commit(doc, setNote(n, key, note));
    },

    /** The Word files delegations sent back, merged into proposals (brackets where they collide). */
    merge(files: readonly ReturnedFile[], authors?: ReadonlyMap<string, string>): boolean {
      const doc = host.document();
      const n = doc?.negotiation;
      if (!doc || !n) return false;
      const merged = mergeReturnedFiles(doc, files, authors ? { authors } : {});
      const r = addProposals(doc, n, mergedInputs(merged));
      if (!r.ok) {
        host.notify(`The returned files were not merged: ${r.error}`, 'error');
        return false;
      }
      if (!commit(doc, r.negotiation)) return false;
      set({
        lastMerge: {
          proposals: merged.proposals.length,
          files: files.length,
          unplaced: merged.unplaced,
          unchanged: merged.unchanged,
        },
      });
      const conflicts = merged.proposals.filter((p) => p.conflictsWith.length > 0).length;
      host.notify(
        `Merged ${merged.proposals.length} proposal${merged.proposals.length === 1 ? '' : 's'} from ${files.length - merged.unchanged.length} of ${files.length} file${files.length === 1 ? '' : 's'}` +
          (conflicts ? `; ${conflicts} conflict with another delegation’s and are in brackets` : '') +
          (merged.unplaced.length
            ? `; ${merged.unplaced.length} change(s) could not be placed (listed in the compilation)`
            : '') +
          '.',
        merged.unplaced.length ? 'warning' : 'info',
      );
      return true;
    },

    checks(): NegotiationFinding[] {
      const doc = host.document();
      return doc?.negotiation ? negotiationChecks(doc, doc.negotiation) : [];
    },

    /**
     * Issues the clean revision: returns the previous base (for its tracked changes) after putting the
     * clean text with the next round's negotiation in the draft. The caller keeps the previous base as
     * a revision first.
     */
    issue(): Revision | undefined {
      const doc = host.document();
      const n = doc?.negotiation;
      if (!doc || !n) return undefined;
      const revision = issueRevision(doc, n);
      const checked = validateDocument(revision.document);
      if (!checked.ok) {
        host.notify(`The revision was not issued: ${formatValidationErrors(checked.errors, 2)}`, 'error');
        return undefined;
      }
      host.replaceText(revision.document);
      set({ editing: undefined, view: { kind: 'compilation' } });
      return revision;
    },
  };
}
