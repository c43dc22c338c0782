/**
 * The negotiation's own checks (issue 14), shown beside the compilation and before a revision is
 * issued: brackets typed as characters that do not pair up, disputes still in brackets, proposals
 * still open, "bis"/"ter" labels out of order, and paragraphs marked agreed that still carry an open
 * proposal.
 */
import type { ResolutionDocument } from '../model/types.ts';
import { INSERTION_SUFFIXES, readLabel } from '../rules/labels.ts';
import { baseParagraphs } from './paragraphs.ts';
import type { Negotiation, ParagraphKey } from './types.ts';

export const NEGOTIATION_CHECKS = [
  'unbalanced-brackets',
  'unresolved-bracket',
  'open-proposals',
  'insertion-order',
  'agreed-with-open-proposal',
] as const;
export type NegotiationCheckId = (typeof NEGOTIATION_CHECKS)[number];

export interface NegotiationFinding {
  readonly check: NegotiationCheckId;
  /** The paragraph it is about, when it is about one. */
  readonly key?: ParagraphKey;
  /** "OP5", as delegates cite it. */
  readonly label?: string;
  readonly message: string;
  /** Whether issuing the revision should stop for it (the facilitator may still go on). */
  readonly blocksRevision: boolean;
}

/** Square brackets typed in the text that do not pair up: "[urges" with no "]". */
function unbalanced(text: string): string | undefined {
  let depth = 0;
  for (const ch of text) {
    if (ch === '[') depth++;
    else if (ch === ']') {
      depth--;
      if (depth < 0) return 'a closing bracket "]" with no opening one before it';
    }
  }
  if (depth > 0)
    return depth === 1
      ? 'an opening bracket "[" that is never closed'
      : `${depth} opening brackets "[" that are never closed`;
  return undefined;
}

/** "5 bis" after 5, "5 ter" after "5 bis": labels with insertion suffixes in the base, read in order. */
function insertionOrder(labels: readonly (string | undefined)[]): { at: number; message: string }[] {
  const out: { at: number; message: string }[] = [];
  let previous: { position: number; insertion: number } | undefined;
  labels.forEach((label, at) => {
    const read = label !== undefined ? readLabel(label) : undefined;
    if (!read || read.style !== 'number') {
      previous = undefined;
      return;
    }
    if (read.insertion > 0) {
      const expected = INSERTION_SUFFIXES[read.insertion - 2];
      const ok =
        previous !== undefined &&
        previous.position === read.position &&
        previous.insertion === read.insertion - 1;
      if (!ok)
        out.push({
          at,
          message: `"${label}" should follow ${read.insertion === 1 ? `paragraph ${read.position}` : `"${read.position} ${expected}"`}.`,
        });
    }
    previous = read;
  });
  return out;
}

export function negotiationChecks(doc: ResolutionDocument, n: Negotiation): NegotiationFinding[] {
  const out: NegotiationFinding[] = [];
  const paragraphs = baseParagraphs(doc);
  for (const item of paragraphs.list) {
    const why = unbalanced(item.unit.text);
    if (why)
      out.push({
        check: 'unbalanced-brackets',
        key: item.key,
        label: item.unit.label,
        message: `${item.unit.label} has ${why}.`,
        blocksRevision: true,
      });
  }
  for (const b of n.brackets) {
    if (b.resolved !== undefined) continue;
    const item = paragraphs.byKey.get(b.key);
    const words = item?.unit.text.slice(b.range.start, b.range.end) ?? '';
    out.push({
      check: 'unresolved-bracket',
      key: b.key,
      ...(item ? { label: item.unit.label } : {}),
      message: `${item?.unit.label ?? b.key}: "${words.length > 40 ? `${words.slice(0, 40)}…` : words}" is in brackets with ${b.proposals.length + 1} alternatives, not yet resolved.`,
      blocksRevision: true,
    });
  }
  const open = n.proposals.filter((p) => p.state === 'open');
  if (open.length > 0) {
    const by = new Map<string, number>();
    for (const p of open) by.set(p.delegation, (by.get(p.delegation) ?? 0) + 1);
    const list = [...by].map(([d, k]) => `${d} ${k}`).join(', ');
    out.push({
      check: 'open-proposals',
      message: `${open.length} proposal${open.length === 1 ? ' is' : 's are'} still open (${list}); a revision carries them to the next round.`,
      blocksRevision: true,
    });
  }
  // Each list numbered on its own: the document's operative part, then each section's (keys run on).
  let offset = 0;
  for (const labels of [doc.operative, ...(doc.sections ?? []).map((x) => x.operative)].map((ops) =>
    ops.map((p) => p.label),
  )) {
    for (const f of insertionOrder(labels)) {
      const key = `operative:${offset + f.at + 1}`;
      const label = paragraphs.byKey.get(key)?.unit.label ?? `OP${labels[f.at] ?? ''}`;
      out.push({
        check: 'insertion-order',
        key,
        label,
        message: `${label}: ${f.message}`,
        blocksRevision: false,
      });
    }
    offset += labels.length;
  }
  for (const [key, state] of Object.entries(n.paragraphs)) {
    if (state.status !== 'agreed' && state.status !== 'agreed ad ref') continue;
    const pending =
      open.filter((p) => p.key === key && p.kind !== 'new paragraph').length +
      (key.startsWith('new:') && open.some((p) => `new:${p.id}` === key) ? 1 : 0);
    const disputed = n.brackets.some((b) => b.key === key && b.resolved === undefined);
    if (pending === 0 && !disputed) continue;
    const label = paragraphs.byKey.get(key)?.unit.label ?? key;
    out.push({
      check: 'agreed-with-open-proposal',
      key,
      label,
      message: `${label} is marked ${state.status} but still has ${disputed ? 'words in brackets' : `${pending} open proposal${pending === 1 ? '' : 's'}`}.`,
      blocksRevision: true,
    });
  }
  return out;
}
