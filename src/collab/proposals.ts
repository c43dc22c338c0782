/**
 * Proposals on a shared draft (layout.ts): a delegation writes its version of a paragraph under its own
 * name, the facilitator decides, delegations support or oppose. Entries come from other peers, so each
 * is checked when read and a malformed one is left out, never trusted.
 */
import type * as Y from 'yjs';
import { delegationKey, SHARED_DECISIONS, SHARED_PROPOSALS, SHARED_STANCES } from './layout.ts';
import { LIMITS } from '../core/model/validate.ts';

export interface SharedProposal {
  /** The entry's key: `<delegation>/<n>`. */
  readonly id: string;
  readonly delegation: string;
  /** The paragraph proposed on, as the key of the text when proposed ("operative:3"). */
  readonly key: string;
  /** "OP3", as delegates cite it. */
  readonly label: string;
  /** The paragraph's printed text when proposed, and its opener. */
  readonly base: string;
  readonly opener: string;
  /** The delegation's version of the paragraph, as printed. */
  readonly text: string;
  readonly at: string;
}

export type SharedDecision = 'accepted' | 'rejected';
export type Stance = 'support' | 'oppose';

export interface ProposalView extends SharedProposal {
  readonly decision: SharedDecision | null;
  readonly support: readonly string[];
  readonly oppose: readonly string[];
}

const PARAGRAPH_KEY = /^(preamble|operative):\d+$/;
const MAX_TEXT = LIMITS.paragraphChars;

function readProposal(id: string, value: unknown): SharedProposal | null {
  if (typeof value !== 'object' || value === null) return null;
  const v = value as Record<string, unknown>;
  const slash = id.indexOf('/');
  const delegation = id.slice(0, slash);
  const strings = ['key', 'label', 'base', 'opener', 'text', 'at'] as const;
  if (slash <= 0 || strings.some((f) => typeof v[f] !== 'string' || (v[f] as string).length > MAX_TEXT))
    return null;
  if (!PARAGRAPH_KEY.test(v.key as string)) return null;
  return {
    id,
    delegation,
    key: v.key as string,
    label: v.label as string,
    base: v.base as string,
    opener: v.opener as string,
    text: v.text as string,
    at: v.at as string,
  };
}

/** Every well-formed proposal with its decision and stances, oldest first. */
export function readProposals(doc: Y.Doc): ProposalView[] {
  const decisions = doc.getMap<unknown>(SHARED_DECISIONS);
  const stances = doc.getMap<unknown>(SHARED_STANCES);
  const byProposal = new Map<string, { support: string[]; oppose: string[] }>();
  for (const [key, stance] of stances) {
    const slash = key.indexOf('/');
    const delegation = key.slice(0, slash);
    const id = key.slice(slash + 1);
    if (slash <= 0 || (stance !== 'support' && stance !== 'oppose')) continue;
    const entry = byProposal.get(id) ?? { support: [], oppose: [] };
    entry[stance].push(delegation);
    byProposal.set(id, entry);
  }
  const out: ProposalView[] = [];
  for (const [id, value] of doc.getMap<unknown>(SHARED_PROPOSALS)) {
    const proposal = readProposal(id, value);
    if (proposal === null) continue;
    const decision = decisions.get(id);
    const entry = byProposal.get(id);
    out.push({
      ...proposal,
      decision: decision === 'accepted' || decision === 'rejected' ? decision : null,
      support: (entry?.support ?? []).sort(),
      oppose: (entry?.oppose ?? []).sort(),
    });
  }
  return out.sort((a, b) => a.at.localeCompare(b.at) || a.id.localeCompare(b.id));
}

/** Writes a delegation's proposal under its own name; returns its id. */
export function writeProposal(
  doc: Y.Doc,
  delegation: string,
  proposal: Omit<SharedProposal, 'id' | 'delegation' | 'at'>,
  now: Date = new Date(),
): string {
  const map = doc.getMap<unknown>(SHARED_PROPOSALS);
  // Unique without coordination: this peer's Yjs client id and its own count.
  let n = 1;
  let id = delegationKey(delegation, `${doc.clientID}-${n}`);
  while (map.has(id)) id = delegationKey(delegation, `${doc.clientID}-${++n}`);
  map.set(id, { ...proposal, at: now.toISOString() });
  return id;
}

/** The facilitator's decision on a proposal. */
export function writeDecision(doc: Y.Doc, id: string, decision: SharedDecision): void {
  doc.getMap<unknown>(SHARED_DECISIONS).set(id, decision);
}

/** A delegation's stance on another's proposal; null takes it back. */
export function writeStance(doc: Y.Doc, delegation: string, id: string, stance: Stance | null): void {
  const map = doc.getMap<unknown>(SHARED_STANCES);
  const key = delegationKey(delegation, id);
  if (stance === null) map.delete(key);
  else map.set(key, stance);
}

/** A delegation withdraws its own proposal (its entry goes; the server lets it, the entry is its own). */
export function withdrawProposal(doc: Y.Doc, id: string): void {
  doc.getMap<unknown>(SHARED_PROPOSALS).delete(id);
}
