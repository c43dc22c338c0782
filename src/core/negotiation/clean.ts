/**
 * The clean text of a negotiation: the base with its accepted proposals applied, paragraphs marked
 * deleted left out, and bis/ter numbering gone (position decides). It depends only on which
 * proposals are accepted, never on the order they were accepted in: text edits are applied by their
 * ranges in the base, and new paragraphs after one paragraph keep the order of their proposals.
 *
 * Issuing the revision (Rev.n+1) makes the clean text the next round's base; what is still open is
 * carried to it, its ranges moved past the accepted changes before them.
 */
import { findOpener } from '../parse/opener.ts';
import { plain } from '../model/inline.ts';
import { readLabel } from '../rules/labels.ts';
import type {
  Annex,
  OperativeParagraph,
  PreambularParagraph,
  ResolutionDocument,
  Section,
  Subparagraph,
} from '../model/types.ts';
import { baseParagraphs, paragraphKey, readKey } from './paragraphs.ts';
import { applyToParagraph, mapPositions, type TextEdit } from './text.ts';
import { isTextKind } from './operations.ts';
import type {
  Bracket,
  Negotiation,
  NegotiationPart,
  ParagraphKey,
  ParagraphState,
  Proposal,
} from './types.ts';

interface Node {
  /** The base key, or "new:pN" for a paragraph proposed new. */
  readonly origin: string;
  opener: string;
  content: Subparagraph['content'];
  label?: string;
  /** -1: the document's own paragraphs; i: section i's. Top-level preamble and operative only. */
  container: number;
  removed: boolean;
  children: Node[];
}

interface Tree {
  readonly preamble: Node[];
  readonly operative: Node[];
  readonly annex: Node[];
}

function subNodes(part: NegotiationPart, path: readonly number[], subs: readonly Subparagraph[]): Node[] {
  return subs.map((s, k) => ({
    origin: paragraphKey(part, [...path, k + 1]),
    opener: '',
    content: s.content,
    ...(s.label !== undefined ? { label: s.label } : {}),
    container: -1,
    removed: false,
    children: subNodes(part, [...path, k + 1], s.subparagraphs),
  }));
}

function treeOf(doc: ResolutionDocument): Tree {
  const sections = doc.sections ?? [];
  const tops = <T extends PreambularParagraph | OperativeParagraph>(
    part: 'preamble' | 'operative',
    own: readonly T[],
    ofSection: (s: Section) => readonly T[],
  ): Node[] => {
    const all = [
      ...own.map((p) => ({ p, container: -1 })),
      ...sections.flatMap((s, i) => ofSection(s).map((p) => ({ p, container: i }))),
    ];
    return all.map(({ p, container }, at) => ({
      origin: paragraphKey(part, [at + 1]),
      opener: p.opener,
      content: p.content,
      ...('label' in p && p.label !== undefined ? { label: p.label } : {}),
      container,
      removed: false,
      children: subNodes(part, [at + 1], p.subparagraphs ?? []),
    }));
  };
  return {
    preamble: tops('preamble', doc.preamble, (s) => s.preamble),
    operative: tops('operative', doc.operative, (s) => s.operative),
    annex: (doc.annex?.items ?? []).map((it, k) => ({
      origin: paragraphKey('annex', [k + 1]),
      opener: '',
      content: it.content,
      ...(it.label !== undefined ? { label: it.label } : {}),
      container: -1,
      removed: false,
      children: subNodes('annex', [k + 1], it.subparagraphs),
    })),
  };
}

/** Where a node sits: the list holding it and its index there. */
function locate(tree: Tree, origin: string): { list: Node[]; index: number } | undefined {
  const search = (list: Node[]): { list: Node[]; index: number } | undefined => {
    for (let i = 0; i < list.length; i++) {
      const node = list[i];
      if (!node) continue;
      if (node.origin === origin) return { list, index: i };
      const inside = search(node.children);
      if (inside) return inside;
    }
    return undefined;
  };
  return search(tree.preamble) ?? search(tree.operative) ?? search(tree.annex);
}

/** The list a "start" key ("operative:0", "operative:3.0") names: a part, or a paragraph's subparagraphs. */
function startList(tree: Tree, key: ParagraphKey): Node[] | undefined {
  const read = readKey(key);
  if (!read) return undefined;
  const parent = read.path.slice(0, -1);
  if (parent.length === 0) return tree[read.part];
  const at = locate(tree, paragraphKey(read.part, parent));
  return at?.list[at.index]?.children;
}

/** Puts a node after the one named by `after` (or first, for a start key). */
function insertAfter(tree: Tree, after: ParagraphKey, node: Node, last: Map<string, string>): boolean {
  // After a paragraph that already has new ones after it: after the last of those.
  const anchor = last.get(after) ?? after;
  const at = locate(tree, anchor);
  if (at) {
    node.container = at.list[at.index]?.container ?? -1;
    at.list.splice(at.index + 1, 0, node);
  } else {
    const list = startList(tree, after);
    if (!list) return false;
    node.container = list[0]?.container ?? -1;
    list.unshift(node);
  }
  last.set(after, node.origin);
  return true;
}

function newNode(p: Proposal, depth: number): Node {
  const opener = depth === 1 && !p.key.startsWith('annex') ? findOpener(p.text) : '';
  return {
    origin: `new:${p.id}`,
    opener,
    content: plain(p.text.slice(opener.length).trim()),
    container: -1,
    removed: false,
    children: [],
  };
}

const idNumber = (id: string): number => Number(id.slice(1)) || 0;

/** Subparagraph labels as position decides them; "5 bis" and the like are gone. */
function emitSubs(nodes: readonly Node[]): Subparagraph[] {
  return nodes
    .filter((n) => !n.removed)
    .map((n) => ({ content: n.content, subparagraphs: emitSubs(n.children) }));
}

export interface CleanText {
  readonly document: ResolutionDocument;
  /** Where each paragraph of the base (and each new one, "new:pN") is in the clean text; deleted ones are absent. */
  readonly keys: ReadonlyMap<string, ParagraphKey>;
}

/** The base with the accepted proposals applied (the document's `negotiation` is left out). */
export function cleanText(doc: ResolutionDocument, n: Negotiation): CleanText {
  const tree = treeOf(doc);
  const accepted = n.proposals
    .filter((p) => p.state === 'accepted')
    .sort((a, b) => idNumber(a.id) - idNumber(b.id));
  const byKey = new Map<string, TextEdit[]>();
  for (const p of accepted)
    if (isTextKind(p.kind) && p.range)
      byKey.set(p.key, [
        ...(byKey.get(p.key) ?? []),
        { ...p.range, text: p.kind === 'delete' ? '' : p.text },
      ]);
  for (const [key, edits] of byKey) {
    const at = locate(tree, key);
    const node = at?.list[at.index];
    if (!node) continue;
    const next = applyToParagraph(node.opener, node.content, edits);
    node.opener = next.opener;
    node.content = next.content;
  }
  for (const [key, state] of Object.entries(n.paragraphs) as [string, ParagraphState][])
    if (state.status === 'deleted') {
      const at = locate(tree, key);
      const node = at?.list[at.index];
      if (node) node.removed = true;
    }
  for (const p of accepted) {
    if (p.kind === 'delete paragraph') {
      const at = locate(tree, p.key);
      const node = at?.list[at.index];
      if (node) node.removed = true;
    }
  }
  const last = new Map<string, string>();
  for (const p of accepted) {
    if (p.kind !== 'move' || !p.to) continue;
    const at = locate(tree, p.key);
    const node = at?.list[at.index];
    if (!at || !node || node.removed) continue;
    at.list.splice(at.index, 1);
    if (!insertAfter(tree, p.to, node, last)) at.list.splice(at.index, 0, node);
  }
  for (const p of accepted) {
    if (p.kind !== 'new paragraph') continue;
    const depth = readKey(p.key)?.path.length ?? 1;
    insertAfter(tree, p.key, newNode(p, depth), last);
  }
  return emit(doc, tree);
}

function emit(doc: ResolutionDocument, tree: Tree): CleanText {
  const sections = doc.sections ?? [];
  const live = (list: readonly Node[]): Node[] => list.filter((x) => !x.removed);
  const preamble = live(tree.preamble);
  const operative = live(tree.operative);
  const inContainer = (list: readonly Node[], c: number): Node[] => list.filter((x) => x.container === c);
  const pp = (x: Node): PreambularParagraph => {
    const subs = emitSubs(x.children);
    return { opener: x.opener, content: x.content, ...(subs.length ? { subparagraphs: subs } : {}) };
  };
  const op = (x: Node, label?: string): OperativeParagraph => ({
    ...(label !== undefined ? { label } : {}),
    opener: x.opener,
    content: x.content,
    subparagraphs: emitSubs(x.children),
  });
  const newSections: Section[] = sections.map((s, i) => {
    const ops = inContainer(operative, i);
    // A section that numbers from 1 again keeps doing so; one that runs on takes its numbers from position.
    const restarts = s.operative[0]?.label !== undefined && readLabel(s.operative[0].label)?.position === 1;
    return {
      ...s,
      preamble: inContainer(preamble, i).map(pp),
      operative: ops.map((x, k) => op(x, restarts ? String(k + 1) : undefined)),
    };
  });
  let annex: Annex | null = doc.annex;
  if (doc.annex) {
    const items = live(tree.annex);
    const first = doc.annex.items[0]?.label;
    const read = first !== undefined ? readLabel(first) : undefined;
    annex = {
      ...doc.annex,
      items: items.map((x, k) => ({
        // Numbered agenda items stay numbered; lettered items take their letter from position.
        ...(read?.style === 'number' ? { label: String(k + 1) } : {}),
        content: x.content,
        subparagraphs: emitSubs(x.children),
      })),
    };
  }
  const { negotiation: _negotiation, ...rest } = doc;
  const document: ResolutionDocument = {
    ...rest,
    preamble: inContainer(preamble, -1).map(pp),
    operative: inContainer(operative, -1).map((x) => op(x)),
    ...(doc.sections ? { sections: newSections } : {}),
    annex,
  };
  // Keys in the order documentOutline numbers them: the document's own paragraphs, then each section's.
  const keys = new Map<string, ParagraphKey>();
  const walk = (part: NegotiationPart, list: readonly Node[], path: readonly number[]): void => {
    live(list).forEach((x, k) => {
      keys.set(x.origin, paragraphKey(part, [...path, k + 1]));
      walk(part, x.children, [...path, k + 1]);
    });
  };
  const ordered = (list: readonly Node[]): Node[] =>
    [-1, ...sections.map((_s, i) => i)].flatMap((c) => inContainer(live(list), c));
  walk('preamble', ordered(tree.preamble), []);
  walk('operative', ordered(tree.operative), []);
  walk('annex', tree.annex, []);
  return { document, keys };
}

/** A range of a base paragraph moved past the accepted edits of that paragraph. */
function shifted(
  range: { start: number; end: number },
  edits: readonly TextEdit[],
  before: string,
): { start: number; end: number } {
  if (edits.length === 0) return range;
  const [start = 0, end = 0] = mapPositions(before, edits, [range.start, range.end]);
  return { start, end: Math.max(start, end) };
}

export interface Revision {
  /** The clean text, with the next round's negotiation: what was still open, carried over. */
  readonly document: ResolutionDocument;
  /** The base of the round just ended, without its negotiation: what Rev.n+1's tracked changes are against. */
  readonly previous: ResolutionDocument;
  /** Open proposals and brackets that could not be carried (their paragraph is gone). */
  readonly dropped: readonly string[];
}

/**
 * Issues the revision: the clean text becomes the base of round n+1. Agreed statuses go with their
 * paragraphs; what is still open is carried, and proposals of a paragraph that is gone are dropped
 * (and named).
 */
export function issueRevision(doc: ResolutionDocument, n: Negotiation): Revision {
  const { document, keys } = cleanText(doc, n);
  const { negotiation: _n, ...previous } = doc;
  const oldParagraphs = baseParagraphs(doc);
  const editsOf = (key: string): TextEdit[] =>
    n.proposals
      .filter((p) => p.state === 'accepted' && p.key === key && isTextKind(p.kind) && p.range)
      .map((p) => ({
        start: p.range?.start ?? 0,
        end: p.range?.end ?? 0,
        text: p.kind === 'delete' ? '' : p.text,
      }));
  const move = (key: string): string | undefined => {
    if (keys.has(key)) return keys.get(key);
    const read = readKey(key);
    // A start key ("operative:0") stays the start of its list, under its parent's new place.
    if (!read || read.path[read.path.length - 1] !== 0) return undefined;
    const parent = read.path.slice(0, -1);
    if (parent.length === 0) return key;
    const moved = keys.get(paragraphKey(read.part, parent));
    return moved ? `${moved}.0` : undefined;
  };
  const dropped: string[] = [];
  const proposals: Proposal[] = [];
  for (const p of n.proposals.filter((x) => x.state === 'open')) {
    const key = move(p.key);
    const to = p.to ? move(p.to) : undefined;
    if (!key || (p.to && !to)) {
      dropped.push(`${p.delegation}'s proposal ${p.id} (${p.kind}): its paragraph is no longer in the text`);
      continue;
    }
    const before = oldParagraphs.byKey.get(p.key)?.unit.text ?? '';
    proposals.push({
      ...p,
      key,
      ...(p.range ? { range: shifted(p.range, editsOf(p.key), before) } : {}),
      ...(to ? { to } : {}),
    });
  }
  const carried = new Set(proposals.map((p) => p.id));
  const brackets: Bracket[] = [];
  for (const b of n.brackets.filter((x) => x.resolved === undefined)) {
    const key = move(b.key);
    if (!key) {
      dropped.push(`bracket ${b.id}: its paragraph is no longer in the text`);
      continue;
    }
    const before = oldParagraphs.byKey.get(b.key)?.unit.text ?? '';
    brackets.push({
      ...b,
      key,
      range: shifted(b.range, editsOf(b.key), before),
      proposals: b.proposals.filter((id) => carried.has(id)),
    });
  }
  const paragraphs: Record<string, ParagraphState> = {};
  for (const [old, state] of Object.entries(n.paragraphs) as [string, ParagraphState][]) {
    const key = keys.get(old);
    if (key && state.status !== 'deleted') paragraphs[key] = state;
  }
  // A new paragraph accepted is the facilitator's to settle: pending unless marked.
  for (const p of n.proposals)
    if (p.state === 'accepted' && p.kind === 'new paragraph') {
      const key = keys.get(`new:${p.id}`);
      const state = n.paragraphs[`new:${p.id}`];
      if (key && state && state.status !== 'deleted') paragraphs[key] = state;
    }
  const next: Negotiation = { ...n, round: n.round + 1, proposals, brackets, paragraphs };
  return { document: { ...document, negotiation: next }, previous: previous as ResolutionDocument, dropped };
}
