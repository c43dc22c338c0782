/**
 * What the facilitator and the delegations do to a negotiation (issue 14), as pure functions of the
 * base (the document) and the negotiation: each returns the new negotiation, or a sentence saying
 * why it cannot be done. Nothing here changes the base: the clean text is computed (clean.ts).
 *
 * The invariants every operation keeps (validate.ts checks them in stored files):
 * - every proposal names a paragraph of the base, and its range fits that paragraph's text;
 * - open proposals of different delegations on the same words sit in one bracket;
 * - no two accepted proposals touch the same words, so the order they were accepted in never matters.
 */
import type { ResolutionDocument } from '../model/types.ts';
import { diffArrays } from 'diff';
import { applyToText } from './text.ts';
import { baseParagraphs, isStartKey, rangeFits, rangesOverlap, readKey } from './paragraphs.ts';
import {
  DELEGATION_COLOURS,
  type Bracket,
  type Negotiation,
  type ParagraphKey,
  type ParagraphStatus,
  type Proposal,
  type ProposalKind,
  type TextRange,
} from './types.ts';

export type Outcome =
  { readonly ok: true; readonly negotiation: Negotiation } | { readonly ok: false; readonly error: string };

/** A proposal as it comes in, before it has an id and a state. */
export type ProposalInput = Pick<
  Proposal,
  'delegation' | 'date' | 'kind' | 'key' | 'range' | 'text' | 'to' | 'source'
>;

const TEXT_KINDS: readonly ProposalKind[] = ['insert', 'delete', 'replace'];
const WHOLE_KINDS: readonly ProposalKind[] = ['delete paragraph', 'move'];

export function isTextKind(kind: ProposalKind): boolean {
  return TEXT_KINDS.includes(kind);
}

/** A new negotiation on the document as its base: round 0 is the zero draft. */
export function startNegotiation(facilitator: string, round = 0): Negotiation {
  const name = facilitator.trim() || 'Facilitator';
  return {
    round,
    facilitator: name,
    delegations: [{ name, colour: DELEGATION_COLOURS[0] }],
    proposals: [],
    brackets: [],
    paragraphs: {},
    nextId: 1,
  };
}

/** The negotiation with the delegation known (and given the next colour); unchanged if it is. */
export function withDelegation(n: Negotiation, name: string): Negotiation {
  const clean = name.trim();
  if (clean === '' || n.delegations.some((d) => d.name === clean)) return n;
  const colour =
    DELEGATION_COLOURS[n.delegations.length % DELEGATION_COLOURS.length] ?? DELEGATION_COLOURS[0];
  return { ...n, delegations: [...n.delegations, { name: clean, colour }] };
}

export function findProposal(n: Negotiation, id: string): Proposal | undefined {
  return n.proposals.find((p) => p.id === id);
}

/** The unresolved bracket a proposal is an alternative of. */
export function bracketOf(n: Negotiation, id: string): Bracket | undefined {
  return n.brackets.find((b) => b.resolved === undefined && b.proposals.includes(id));
}

/** Whether two proposals touch the same words of the same base paragraph (whole-paragraph ones touch all of it). */
export function proposalsOverlap(a: Proposal | ProposalInput, b: Proposal | ProposalInput): boolean {
  if (a.key !== b.key || a.kind === 'new paragraph' || b.kind === 'new paragraph') return false;
  if (WHOLE_KINDS.includes(a.kind) || WHOLE_KINDS.includes(b.kind)) return true;
  return a.range !== undefined && b.range !== undefined && rangesOverlap(a.range, b.range);
}

/** Why an incoming proposal cannot be placed on the base, or undefined when it can. */
function placementProblem(doc: ResolutionDocument, p: ProposalInput): string | undefined {
  const paragraphs = baseParagraphs(doc);
  if (p.delegation.trim() === '') return 'A proposal needs the delegation that makes it.';
  if (p.kind === 'new paragraph') {
    if (paragraphs.byKey.has(p.key)) return undefined;
    const read = readKey(p.key);
    if (!read || !isStartKey(p.key))
      return `There is no paragraph ${p.key} in the text to put a new paragraph after.`;
    const parent = read.path.slice(0, -1);
    if (parent.length > 0 && !paragraphs.byKey.has(`${read.part}:${parent.join('.')}`))
      return `There is no paragraph ${p.key} in the text to put a new paragraph after.`;
    return p.text.trim() === '' ? 'A new paragraph needs its text.' : undefined;
  }
  const target = paragraphs.byKey.get(p.key);
  if (!target) return `There is no paragraph ${p.key} in the text.`;
  if (p.kind === 'move') {
    if (!p.to) return 'A move needs the paragraph it goes after.';
    if (p.to === p.key) return 'A paragraph cannot be moved after itself.';
    const to = readKey(p.to);
    const depth = readKey(p.key)?.path.length;
    if (!to || (!paragraphs.byKey.has(p.to) && !isStartKey(p.to)) || to.path.length !== depth)
      return `A move must go after a paragraph of the same level; ${p.to} is not one.`;
    return undefined;
  }
  if (p.kind === 'delete paragraph') return undefined;
  if (!p.range) return `A proposal to ${p.kind} needs the words it applies to.`;
  if (!rangeFits(p.range, target.unit.text.length))
    return `The words the proposal applies to are outside ${target.unit.label} (its text has ${target.unit.text.length} characters).`;
  if (p.kind === 'insert' && p.range.start !== p.range.end)
    return 'An insertion applies at one place, not to words.';
  if (p.kind !== 'insert' && p.range.start === p.range.end)
    return `A proposal to ${p.kind} needs at least one word.`;
  if (p.kind !== 'delete' && p.text.trim() === '') return `A proposal to ${p.kind} needs its text.`;
  return undefined;
}

/**
 * Brings the proposal into a bracket with every open proposal of another delegation on its words,
 * and into a bracket already on its words.
 */
function bracketed(n: Negotiation, doc: ResolutionDocument, p: Proposal): Negotiation {
  const rivals = n.proposals.filter(
    (o) => o.id !== p.id && o.state === 'open' && o.delegation !== p.delegation && proposalsOverlap(o, p),
  );
  const length = baseParagraphs(doc).byKey.get(p.key)?.unit.text.length ?? 0;
  const rangeOf = (x: Proposal): TextRange =>
    x.range && isTextKind(x.kind) ? x.range : { start: 0, end: length };
  // Words already in brackets (by hand, with no proposal yet) take a proposal on them as an alternative.
  const onBracket = n.brackets.some(
    (b) =>
      b.resolved === undefined &&
      b.key === p.key &&
      p.kind !== 'new paragraph' &&
      rangesOverlap(b.range, rangeOf(p)),
  );
  if (rivals.length === 0 && !onBracket) return n;
  const members = [...rivals, p];
  const touching = n.brackets.filter(
    (b) =>
      b.resolved === undefined &&
      b.key === p.key &&
      members.some((m) => b.proposals.includes(m.id) || rangesOverlap(b.range, rangeOf(m))),
  );
  const ids = [...new Set([...touching.flatMap((b) => b.proposals), ...members.map((m) => m.id)])];
  const ranges = [...touching.map((b) => b.range), ...members.map(rangeOf)];
  const range = {
    start: Math.min(...ranges.map((r) => r.start)),
    end: Math.max(...ranges.map((r) => r.end)),
  };
  const holders = [...new Set(touching.flatMap((b) => b.originalHolders))];
  const kept = touching[0];
  const bracket: Bracket = {
    id: kept?.id ?? nextBracketId(n),
    key: p.key,
    range,
    originalHolders: holders,
    proposals: ids.sort((a, b) => idNumber(a) - idNumber(b)),
  };
  return {
    ...n,
    brackets: [...n.brackets.filter((b) => !touching.includes(b)), bracket],
  };
}

/** Brackets are numbered b1, b2 … on their own, so proposals keep consecutive numbers. */
function nextBracketId(n: Negotiation): string {
  return `b${Math.max(0, ...n.brackets.map((b) => idNumber(b.id))) + 1}`;
}

function idNumber(id: string): number {
  return Number(id.slice(1)) || 0;
}

/** Adds proposals, bracketing them with other delegations' proposals on the same words. */
export function addProposals(
  doc: ResolutionDocument,
  n: Negotiation,
  inputs: readonly ProposalInput[],
): Outcome {
  let out = n;
  for (const input of inputs) {
    const problem = placementProblem(doc, input);
    if (problem) return { ok: false, error: problem };
    const p: Proposal = {
      id: `p${out.nextId}`,
      delegation: input.delegation.trim(),
      ...(input.date ? { date: input.date } : {}),
      kind: input.kind,
      key: input.key,
      ...(input.range ? { range: input.range } : {}),
      text: input.text.replace(/\s+/g, ' ').trim(),
      ...(input.to ? { to: input.to } : {}),
      supporters: [],
      opposers: [],
      state: 'open',
      ...(input.source ? { source: input.source } : {}),
    };
    out = withDelegation({ ...out, nextId: out.nextId + 1, proposals: [...out.proposals, p] }, p.delegation);
    out = bracketed(out, doc, p);
  }
  return { ok: true, negotiation: out };
}

function replaceProposal(n: Negotiation, p: Proposal): Negotiation {
  return { ...n, proposals: n.proposals.map((o) => (o.id === p.id ? p : o)) };
}

/** Why an open proposal cannot be accepted beside what is already accepted. */
function acceptProblem(n: Negotiation, p: Proposal): string | undefined {
  const clash = n.proposals.find((o) => o.state === 'accepted' && o.id !== p.id && proposalsOverlap(o, p));
  if (!clash) return undefined;
  return `${p.delegation}'s proposal touches the words of ${clash.delegation}'s, which is already accepted: reject that one first.`;
}

/** Accepts a proposal; one that is an alternative in brackets resolves its bracket to it. */
export function acceptProposal(n: Negotiation, id: string): Outcome {
  const p = findProposal(n, id);
  if (!p) return { ok: false, error: `There is no proposal ${id}.` };
  if (p.state !== 'open') return { ok: false, error: `This proposal is already ${p.state}.` };
  const bracket = bracketOf(n, id);
  if (bracket) return resolveBracket(n, bracket.id, id);
  const problem = acceptProblem(n, p);
  if (problem) return { ok: false, error: problem };
  return { ok: true, negotiation: replaceProposal(n, { ...p, state: 'accepted' }) };
}

/** Rejects or withdraws an open proposal; it leaves its bracket, which ends when one alternative is left. */
function close(n: Negotiation, id: string, state: 'rejected' | 'withdrawn'): Outcome {
  const p = findProposal(n, id);
  if (!p) return { ok: false, error: `There is no proposal ${id}.` };
  if (p.state !== 'open') return { ok: false, error: `This proposal is already ${p.state}.` };
  const brackets = n.brackets.flatMap((b): Bracket[] => {
    if (b.resolved !== undefined || !b.proposals.includes(id)) return [b];
    const rest = b.proposals.filter((x) => x !== id);
    // A bracket of one proposal and the base's words with no holder is no longer disputed.
    if (rest.length === 0 || (rest.length === 1 && b.originalHolders.length === 0)) return [];
    return [{ ...b, proposals: rest }];
  });
  return { ok: true, negotiation: { ...replaceProposal(n, { ...p, state }), brackets } };
}

export function rejectProposal(n: Negotiation, id: string): Outcome {
  return close(n, id, 'rejected');
}

/** A delegation takes its own proposal back. */
export function withdrawProposal(n: Negotiation, id: string): Outcome {
  return close(n, id, 'withdrawn');
}

/** An accepted, rejected or withdrawn proposal open again (undo of the facilitator's decision). */
export function reopenProposal(doc: ResolutionDocument, n: Negotiation, id: string): Outcome {
  const p = findProposal(n, id);
  if (!p) return { ok: false, error: `There is no proposal ${id}.` };
  if (p.state === 'open') return { ok: false, error: 'This proposal is open already.' };
  const reopened = replaceProposal(
    { ...n, brackets: n.brackets.map((b) => (b.resolved === id ? withoutResolution(b) : b)) },
    { ...p, state: 'open' },
  );
  return { ok: true, negotiation: bracketed(reopened, doc, { ...p, state: 'open' }) };
}

function withoutResolution(b: Bracket): Bracket {
  const { resolved: _resolved, ...rest } = b;
  return rest;
}

/** Settles a bracket on one alternative: "original" keeps the base's words; a proposal's id takes it. */
export function resolveBracket(n: Negotiation, bracketId: string, alternative: string): Outcome {
  const b = n.brackets.find((x) => x.id === bracketId);
  if (!b) return { ok: false, error: `There is no bracket ${bracketId}.` };
  if (b.resolved !== undefined) return { ok: false, error: 'This bracket is resolved already.' };
  if (alternative !== 'original' && !b.proposals.includes(alternative))
    return { ok: false, error: `${alternative} is not an alternative of this bracket.` };
  const chosen = alternative === 'original' ? undefined : findProposal(n, alternative);
  if (chosen) {
    const problem = acceptProblem(
      { ...n, proposals: n.proposals.filter((o) => !b.proposals.includes(o.id)) },
      chosen,
    );
    if (problem) return { ok: false, error: problem };
  }
  const proposals = n.proposals.map((p): Proposal => {
    if (!b.proposals.includes(p.id) || p.state !== 'open') return p;
    return { ...p, state: p.id === alternative ? 'accepted' : 'rejected' };
  });
  return {
    ok: true,
    negotiation: {
      ...n,
      proposals,
      brackets: n.brackets.map((x) => (x.id === bracketId ? { ...x, resolved: alternative } : x)),
    },
  };
}

/** The result of accepting or rejecting many: what was done, and what could not be, with why. */
export interface BatchOutcome {
  readonly negotiation: Negotiation;
  readonly done: readonly string[];
  readonly skipped: readonly { readonly id: string; readonly why: string }[];
}

function batch(
  n: Negotiation,
  ids: readonly string[],
  step: (n: Negotiation, id: string) => Outcome,
): BatchOutcome {
  let out = n;
  const done: string[] = [];
  const skipped: { id: string; why: string }[] = [];
  for (const id of ids) {
    if (findProposal(out, id)?.state !== 'open') continue;
    const r = step(out, id);
    if (r.ok) {
      out = r.negotiation;
      done.push(id);
    } else skipped.push({ id, why: r.error });
  }
  return { negotiation: out, done, skipped };
}

const openOf = (n: Negotiation, keep: (p: Proposal) => boolean): string[] =>
  n.proposals.filter((p) => p.state === 'open' && keep(p)).map((p) => p.id);

/** Accepts every open proposal of one delegation (its alternatives in brackets win them). */
export function acceptAllOf(n: Negotiation, delegation: string): BatchOutcome {
  return batch(
    n,
    openOf(n, (p) => p.delegation === delegation),
    acceptProposal,
  );
}

export function rejectAllOf(n: Negotiation, delegation: string): BatchOutcome {
  return batch(
    n,
    openOf(n, (p) => p.delegation === delegation),
    rejectProposal,
  );
}

/** Accepts the open proposals on a paragraph that are not disputed in brackets. */
export function acceptParagraph(n: Negotiation, key: ParagraphKey): BatchOutcome {
  return batch(
    n,
    openOf(n, (p) => p.key === key && p.kind !== 'new paragraph' && !bracketOf(n, p.id)),
    acceptProposal,
  );
}

export function rejectParagraph(n: Negotiation, key: ParagraphKey): BatchOutcome {
  return batch(
    n,
    openOf(n, (p) => p.key === key && p.kind !== 'new paragraph'),
    rejectProposal,
  );
}

/** A delegation supports or opposes a proposal (each at most once; supporting drops an opposition). */
export function standOn(
  n: Negotiation,
  id: string,
  delegation: string,
  stand: 'support' | 'oppose',
): Outcome {
  const p = findProposal(n, id);
  const name = delegation.trim();
  if (!p) return { ok: false, error: `There is no proposal ${id}.` };
  if (name === '') return { ok: false, error: 'Name the delegation.' };
  if (name === p.delegation) return { ok: false, error: `${name} made this proposal.` };
  const supporters = p.supporters.filter((x) => x !== name);
  const opposers = p.opposers.filter((x) => x !== name);
  const next =
    stand === 'support'
      ? { supporters: [...supporters, name], opposers }
      : { supporters, opposers: [...opposers, name] };
  return { ok: true, negotiation: withDelegation(replaceProposal(n, { ...p, ...next }), name) };
}

/**
 * Puts words of a base paragraph in brackets: the base's words are Alt 1, held by `holders`. Open
 * proposals on those words become its other alternatives.
 */
export function bracketWords(
  doc: ResolutionDocument,
  n: Negotiation,
  key: ParagraphKey,
  range: TextRange,
  holders: readonly string[] = [],
): Outcome {
  const target = baseParagraphs(doc).byKey.get(key);
  if (!target) return { ok: false, error: `There is no paragraph ${key} in the text.` };
  if (!rangeFits(range, target.unit.text.length) || range.start === range.end)
    return { ok: false, error: 'Select the words to put in brackets.' };
  if (n.brackets.some((b) => b.resolved === undefined && b.key === key && rangesOverlap(b.range, range)))
    return { ok: false, error: 'These words are already in brackets.' };
  const inside = n.proposals.filter(
    (p) =>
      p.state === 'open' && p.key === key && p.range && isTextKind(p.kind) && rangesOverlap(p.range, range),
  );
  const ranges = [range, ...inside.flatMap((p) => (p.range ? [p.range] : []))];
  const bracket: Bracket = {
    id: nextBracketId(n),
    key,
    range: { start: Math.min(...ranges.map((r) => r.start)), end: Math.max(...ranges.map((r) => r.end)) },
    originalHolders: [...new Set(holders.map((h) => h.trim()).filter((h) => h !== ''))],
    proposals: inside.map((p) => p.id),
  };
  return { ok: true, negotiation: { ...n, brackets: [...n.brackets, bracket] } };
}

/** Adds an alternative to a bracket: a delegation's words for the whole bracketed range. */
export function addAlternative(
  doc: ResolutionDocument,
  n: Negotiation,
  bracketId: string,
  delegation: string,
  text: string,
  date?: string,
): Outcome {
  const b = n.brackets.find((x) => x.id === bracketId);
  if (!b || b.resolved !== undefined) return { ok: false, error: 'There is no open bracket to add to.' };
  const base = baseParagraphs(doc).byKey.get(b.key)?.unit.text.slice(b.range.start, b.range.end) ?? '';
  if (text.replace(/\s+/g, ' ').trim() === base)
    return { ok: false, error: 'This alternative is the text already in brackets (Alt 1).' };
  const input: ProposalInput = {
    delegation,
    ...(date ? { date } : {}),
    kind: text.trim() === '' ? 'delete' : 'replace',
    key: b.key,
    range: b.range,
    text: text.trim() === '' ? base : text,
  };
  const added = addProposals(doc, n, [input]);
  if (!added.ok) return added;
  const id = `p${n.nextId}`;
  // The new proposal joins this bracket even when no other delegation's proposal is on its words.
  const brackets = added.negotiation.brackets
    .filter((x) => x.id === b.id || !x.proposals.includes(id) || x.resolved !== undefined)
    .map((x) => (x.id === b.id && !x.proposals.includes(id) ? { ...x, proposals: [...x.proposals, id] } : x));
  return { ok: true, negotiation: { ...added.negotiation, brackets } };
}

/** A delegation holds (or stops holding) the base's words of a bracket. */
export function holdOriginal(n: Negotiation, bracketId: string, delegation: string, holds: boolean): Outcome {
  const b = n.brackets.find((x) => x.id === bracketId);
  if (!b) return { ok: false, error: `There is no bracket ${bracketId}.` };
  const name = delegation.trim();
  const rest = b.originalHolders.filter((h) => h !== name);
  const next = { ...b, originalHolders: holds ? [...rest, name] : rest };
  return {
    ok: true,
    negotiation: withDelegation({ ...n, brackets: n.brackets.map((x) => (x.id === b.id ? next : x)) }, name),
  };
}

export function setStatus(n: Negotiation, key: ParagraphKey, status: ParagraphStatus): Negotiation {
  const current = n.paragraphs[key];
  return { ...n, paragraphs: { ...n.paragraphs, [key]: { ...current, status } } };
}

export function setNote(n: Negotiation, key: ParagraphKey, note: string): Negotiation {
  const current = n.paragraphs[key] ?? { status: 'pending' as const };
  const { note: _old, ...rest } = current;
  const text = note.trim();
  return { ...n, paragraphs: { ...n.paragraphs, [key]: text === '' ? rest : { ...rest, note: text } } };
}

export function statusOf(n: Negotiation, key: ParagraphKey): ParagraphStatus {
  return n.paragraphs[key]?.status ?? 'pending';
}

/** Words, single punctuation marks; spaces are not tokens (they are never a change). */
const TOKEN = /[\p{L}\p{N}]+(?:[-'’][\p{L}\p{N}]+)*|[^\s\p{L}\p{N}]/gu;

function tokens(text: string): { text: string; start: number; end: number }[] {
  return [...text.matchAll(TOKEN)].map((m) => ({ text: m[0], start: m.index, end: m.index + m[0].length }));
}

/**
 * What a delegation's typing in a paragraph proposes: the words changed between the base paragraph
 * and the delegation's version of it, each run of adjacent changed words one insertion, deletion or
 * replacement, with its range in the base.
 */
export function editProposals(
  baseText: string,
  edited: string,
  delegation: string,
  key: ParagraphKey,
  date?: string,
): ProposalInput[] {
  const after = edited.replace(/\s+/g, ' ').trim();
  if (after === baseText) return [];
  const common = { delegation, ...(date ? { date } : {}), key };
  if (after === '') return [{ ...common, kind: 'delete paragraph', text: baseText }];
  const a = tokens(baseText);
  const b = tokens(after);
  const out: ProposalInput[] = [];
  let i = 0;
  let j = 0;
  let run: { from: number; to: number; bFrom: number; bTo: number } | undefined;
  const flush = (): void => {
    if (!run) return;
    const deleted = run.to > run.from;
    const inserted = run.bTo > run.bFrom;
    const at = run.from < a.length ? (a[run.from]?.start ?? baseText.length) : baseText.length;
    // An insertion goes right after the word before it.
    const point = run.from > 0 ? (a[run.from - 1]?.end ?? 0) : 0;
    const start = deleted ? at : point;
    const end = deleted ? (a[run.to - 1]?.end ?? start) : point;
    const text = inserted ? after.slice(b[run.bFrom]?.start ?? 0, b[run.bTo - 1]?.end ?? 0) : '';
    if (deleted || inserted)
      out.push({
        ...common,
        kind: deleted && inserted ? 'replace' : inserted ? 'insert' : 'delete',
        range: { start, end },
        text: deleted && !inserted ? baseText.slice(start, end) : text,
      });
    run = undefined;
  };
  for (const change of diffArrays(
    a.map((t) => t.text),
    b.map((t) => t.text),
  )) {
    const count = change.count ?? change.value.length;
    if (!change.added && !change.removed) {
      flush();
      i += count;
      j += count;
      continue;
    }
    run ??= { from: i, to: i, bFrom: j, bTo: j };
    if (change.removed) {
      i += count;
      run.to = i;
    } else {
      j += count;
      run.bTo = j;
    }
  }
  flush();
  return out;
}

/**
 * A delegation's version of a paragraph becomes its proposals there: its earlier open proposals on
 * the paragraph (what its version started from) give way to the new ones.
 */
export function proposeVersion(
  doc: ResolutionDocument,
  n: Negotiation,
  key: ParagraphKey,
  delegation: string,
  edited: string,
  date?: string,
): Outcome {
  const target = baseParagraphs(doc).byKey.get(key);
  if (!target) return { ok: false, error: `There is no paragraph ${key} in the text.` };
  const name = delegation.trim();
  if (name === '') return { ok: false, error: 'Choose the delegation you propose for.' };
  const inputs = editProposals(target.unit.text, edited, name, key, date);
  const own = (p: Proposal): boolean =>
    p.state === 'open' && p.key === key && p.delegation === name && p.kind !== 'new paragraph';
  const gone = new Set(n.proposals.filter(own).map((p) => p.id));
  // Proposals it makes again unchanged keep their ids, supporters and place in brackets.
  const same = (p: Proposal, q: ProposalInput): boolean =>
    p.kind === q.kind &&
    p.text === q.text.replace(/\s+/g, ' ').trim() &&
    p.range?.start === q.range?.start &&
    p.range?.end === q.range?.end;
  const kept = n.proposals.filter((p) => own(p) && inputs.some((q) => same(p, q)));
  for (const p of kept) gone.delete(p.id);
  const fresh = inputs.filter((q) => !kept.some((p) => same(p, q)));
  const pruned: Negotiation = {
    ...n,
    proposals: n.proposals.filter((p) => !gone.has(p.id)),
    brackets: n.brackets.flatMap((b): Bracket[] => {
      if (b.resolved !== undefined) return [b];
      const rest = b.proposals.filter((x) => !gone.has(x));
      if (rest.length === b.proposals.length) return [b];
      const delegations = new Set(rest.map((x) => findProposal(n, x)?.delegation));
      return rest.length === 0 || (delegations.size === 1 && b.originalHolders.length === 0)
        ? []
        : [{ ...b, proposals: rest }];
    }),
  };
  return addProposals(doc, pruned, fresh);
}

/** The text of a paragraph as one delegation proposes it: the base with its open proposals there applied. */
export function delegationVersion(
  doc: ResolutionDocument,
  n: Negotiation,
  key: ParagraphKey,
  delegation: string,
): string {
  const base = baseParagraphs(doc).byKey.get(key)?.unit.text ?? '';
  const own = n.proposals.filter((p) => p.state === 'open' && p.key === key && p.delegation === delegation);
  if (own.some((p) => p.kind === 'delete paragraph')) return '';
  return applyToText(
    base,
    own.flatMap((p) =>
      p.range && isTextKind(p.kind) ? [{ ...p.range, text: p.kind === 'delete' ? '' : p.text }] : [],
    ),
  );
}
