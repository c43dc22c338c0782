/**
 * Akoma Ntoso read back into a resolution or decision: what export/akn.ts writes, and a statement of
 * another tool's as far as it follows AKN4UN (a `statement` with a preface, a preamble of containers
 * and a body of numbered paragraphs). The file is read strictly (xmlTree.ts): a document type
 * declaration, an unknown entity, a file too large or too deeply nested, or XML that is not Akoma
 * Ntoso is refused with the reason, and nothing is made of it.
 *
 * What AKN has no place for comes back from the project's namespace when the file has it (export/akn.ts,
 * `drafterMetadata`): the masthead, the adoption, the footnotes' order, printed numbers and expanded
 * "Ibid.". Without it (another tool's file), the footnotes are taken in the order they first appear,
 * numbered by their markers, and the date comes from the work's FRBR date.
 */
import type { Diagnostic } from '../parse/diagnostics.ts';
import type {
  Adoption,
  Annex,
  AnnexHeading,
  DocumentKind,
  Footnote,
  Inline,
  Metadata,
  OperativeParagraph,
  PreambularParagraph,
  ResolutionDocument,
  Section,
  Subparagraph,
} from '../model/types.ts';
import { SCHEMA_VERSION } from '../model/types.ts';
import {
  PARAGRAPH_STATUSES,
  PROPOSAL_KINDS,
  PROPOSAL_STATES,
  type Bracket,
  type Negotiation,
  type ParagraphState,
  type Proposal,
  type TextRange,
} from '../negotiation/types.ts';
import { subparagraphLabel } from '../export/labels.ts';
import { AKN_NAMESPACE, DRAFTER_NAMESPACE, camel } from '../export/akn.ts';
import {
  child,
  childrenNamed,
  elements,
  readXmlTree,
  textOf,
  type XmlElement,
  type XmlLimits,
  type XmlNode,
} from './xmlTree.ts';

export type AknReadResult =
  | { readonly ok: true; readonly documents: ResolutionDocument[]; readonly diagnostics: Diagnostic[] }
  | { readonly ok: false; readonly error: string };

/** Whether a file's text looks like XML at all (the app and the command line choose a reader by it). */
export function looksLikeXml(text: string): boolean {
  return /^\uFEFF?\s*<(?:\?xml|[A-Za-z_!])/.test(text);
}

/** The resolution or decision an Akoma Ntoso file holds, or why it was refused ("it declares…"). */
export function readAkn(text: string, limits?: XmlLimits): AknReadResult {
  const tree = readXmlTree(text, limits);
  if (!tree.ok) return { ok: false, error: tree.error };
  const root = tree.root;
  if (root.name !== 'akomaNtoso')
    return {
      ok: false,
      error: `it is XML but not Akoma Ntoso: its root element is <${root.name}>, not <akomaNtoso>`,
    };
  if (root.ns !== AKN_NAMESPACE)
    return {
      ok: false,
      error: `its Akoma Ntoso is in the namespace "${root.ns || '(none)'}"; the app reads version 3.0 (${AKN_NAMESPACE})`,
    };
  const [body] = elements(root).filter((e) => e.ns === AKN_NAMESPACE);
  if (!body) return { ok: false, error: 'its Akoma Ntoso holds no document' };
  if (body.name !== 'statement')
    return {
      ok: false,
      error: `it holds ${article(body.name)} Akoma Ntoso <${body.name}>; the app reads resolutions and decisions, which AKN4UN writes as a <statement>`,
    };
  const diagnostics: Diagnostic[] = [];
  try {
    return { ok: true, documents: [readStatement(body, diagnostics)], diagnostics };
  } catch (e) {
    if (e instanceof NotReadable) return { ok: false, error: e.message };
    throw e;
  }
}

const article = (name: string): string => (/^[aeiou]/i.test(name) ? 'an' : 'a');

class NotReadable extends Error {}

interface Reading {
  /** Footnotes by id, in the order they are first met. */
  readonly notes: Map<string, Footnote>;
  readonly diagnostics: Diagnostic[];
  /** The file is the project's own (its openers are marked as such). */
  readonly marked: boolean;
}

function readStatement(statement: XmlElement, diagnostics: Diagnostic[]): ResolutionDocument {
  const name = statement.attrs['name'] ?? 'resolution';
  const kind: DocumentKind = /^decision/i.test(name) ? 'decision' : 'resolution';
  if (!/^(resolution|decision)(Draft)?$/.test(name))
    diagnostics.push({
      code: 'akn-statement-name',
      severity: 'warning',
      message: `The statement is named "${name}": read as a ${kind}.`,
    });
  const meta = child(statement, 'meta');
  const own = meta ? drafterPart(meta) : undefined;
  // A draft's labels are left to the position where it gives the same, unless they were printed.
  const draft = /Draft$/.test(name) && ownAll(own, 'printedLabels').length === 0;
  const work = meta ? child(child(meta, 'identification') ?? meta, 'FRBRWork') : undefined;
  const number = work ? child(work, 'FRBRnumber')?.attrs['value'] : undefined;
  const workDate = work ? child(work, 'FRBRdate')?.attrs['date'] : undefined;
  const reading: Reading = { notes: new Map(), diagnostics, marked: own !== undefined };

  const preface = child(statement, 'preface');
  const title = preface ? collapse(findAll(preface, 'docTitle').map(textOf).join(' ')) : '';
  const preambleEl = child(statement, 'preamble');
  const formulaEl = preambleEl ? child(preambleEl, 'formula') : undefined;
  const formula = formulaEl ? collapse(textOf(formulaEl)) : '';
  const preamble = (
    preambleEl
      ? elements(preambleEl)
          .filter((e) => e.ns === AKN_NAMESPACE && e.name === 'container')
          .map((c) => preambularParagraph(c, c.attrs['name'], reading))
      : []
  ).map((p) => (draft && p.subparagraphs ? { ...p, subparagraphs: positionalSubs(p.subparagraphs, 1) } : p));

  const mainBody = child(statement, 'mainBody');
  if (!mainBody) throw new NotReadable('the statement has no <mainBody>');
  const operative: OperativeParagraph[] = [];
  const sections: Section[] = [];
  const lettered = kind === 'decision';
  for (const part of elements(mainBody)) {
    if (part.name === 'paragraph') {
      const p = operativeParagraph(part, reading, lettered ? 2 : 1);
      // The empty paragraph a body without any is written with.
      if (!(p.opener === '' && p.content.length === 0 && p.subparagraphs.length === 0 && !p.label))
        operative.push(p);
    } else if (part.name === 'section') sections.push(section(part, reading));
  }
  const organ = organOf(meta);
  const read = annexOf(statement, reading);
  const annex = read && draft ? { ...read, items: positionalSubs(read.items, 1) } : read;
  const metadata = metadataOf(own, /Draft$/.test(name), workDate);
  const footnotes = footnotesOf(reading, own);
  // Labels the position gives are left to it, as in a draft (an adopted text keeps them as printed).
  const negotiation = negotiationOf(own);
  const doc: ResolutionDocument = {
    schemaVersion: SCHEMA_VERSION,
    kind,
    ...(number !== undefined && !/Draft$/.test(name) ? { number } : {}),
    organ,
    formula,
    title,
    metadata,
    preamble,
    operative: draft
      ? operative.map((p, k) => ({
          ...positional(p, lettered ? subparagraphLabel(1, k + 1) : String(k + 1)),
          subparagraphs: positionalSubs(p.subparagraphs, lettered ? 2 : 1),
        }))
      : operative,
    ...(sections.length ? { sections } : {}),
    annex,
    footnotes,
    ...(negotiation ? { negotiation } : {}),
  };
  if (operative.length === 0 && preamble.length === 0 && sections.length === 0)
    diagnostics.push({
      code: 'akn-empty',
      severity: 'warning',
      message: 'The statement holds no paragraphs.',
    });
  return doc;
}

/** A draft's label where the position gives the same one: left to the position, as a fresh draft's. */
function positional<T extends { readonly label?: string }>(p: T, label: string): T {
  const { label: own, ...rest } = p;
  return own === label || own === undefined ? (rest as T) : p;
}

function positionalSubs(subs: readonly Subparagraph[], depth: number): Subparagraph[] {
  return subs.map((s, k) => ({
    ...positional(s, subparagraphLabel(depth, k + 1)),
    subparagraphs: positionalSubs(s.subparagraphs, depth + 1),
  }));
}

/** Every descendant of `el` named `name`. */
function findAll(el: XmlElement, name: string): XmlElement[] {
  const out: XmlElement[] = [];
  const visit = (e: XmlElement): void => {
    for (const c of elements(e)) {
      if (c.name === name) out.push(c);
      else visit(c);
    }
  };
  visit(el);
  return out;
}

const collapse = (s: string): string => s.replace(/\s+/g, ' ').trim();

/** The organ: the organisation the work's author points at, as it is shown. */
function organOf(meta: XmlElement | undefined): string {
  if (!meta) return '';
  const author = findAll(meta, 'FRBRauthor')[0]?.attrs['href']?.replace(/^#/, '');
  const organisations = findAll(meta, 'TLCOrganization');
  const organ = organisations.find((o) => o.attrs['eId'] === author) ?? organisations[0];
  const shown = organ?.attrs['showAs'] ?? '';
  return shown === 'United Nations' ? '' : shown;
}

/** The project's own part of `meta` (its `proprietary` in the project's namespace), if any. */
function drafterPart(meta: XmlElement): XmlElement | undefined {
  for (const p of childrenNamed(meta, 'proprietary')) {
    const mine = elements(p).filter((e) => e.ns === DRAFTER_NAMESPACE);
    if (mine.length) return { ns: DRAFTER_NAMESPACE, name: 'proprietary', attrs: {}, children: mine };
  }
  return undefined;
}

const ownText = (own: XmlElement | undefined, name: string): string | undefined => {
  const el = own ? elements(own).find((e) => e.name === name && e.ns === DRAFTER_NAMESPACE) : undefined;
  return el ? textOf(el) : undefined;
};
const ownAll = (own: XmlElement | undefined, name: string): XmlElement[] =>
  own ? elements(own).filter((e) => e.name === name && e.ns === DRAFTER_NAMESPACE) : [];

function metadataOf(own: XmlElement | undefined, draft: boolean, workDate: string | undefined): Metadata {
  const m: Record<string, unknown> = {};
  const set = (key: keyof Metadata, value: unknown): void => {
    if (value !== undefined) m[key] = value;
  };
  if (own === undefined) {
    // Another tool's file: its work's date.
    if (workDate && draft) set('date', workDate);
    return m as Metadata;
  }
  set('session', ownText(own, 'session'));
  set('symbol', ownText(own, 'symbol'));
  set('date', ownText(own, 'date'));
  const sponsors = ownAll(own, 'sponsor').map(textOf);
  if (sponsors.length) set('sponsors', sponsors);
  set('agendaItem', ownText(own, 'agendaItem'));
  set('agendaItemTitle', ownText(own, 'agendaItemTitle'));
  const distribution = ownText(own, 'distribution');
  if (distribution === 'limited' || distribution === 'general') set('distribution', distribution);
  set('originalLanguage', ownText(own, 'originalLanguage'));
  const base = ownAll(own, 'base')[0];
  const source = base?.attrs['source'];
  if (base && (source === 'corpus' || source === 'revision' || source === 'file'))
    set('base', { source, ref: textOf(base) });
  const adoption = ownAll(own, 'adoption')[0];
  if (adoption) {
    const meeting = Number(adoption.attrs['meeting']);
    const a: Adoption = {
      date: adoption.attrs['date'] ?? '',
      ...(adoption.attrs['meeting'] !== undefined && Number.isFinite(meeting) ? { meeting } : {}),
      ...(ownText(adoption, 'draftSymbol') !== undefined
        ? { draftSymbol: ownText(adoption, 'draftSymbol') as string }
        : {}),
      sponsors: ownAll(adoption, 'sponsor').map(textOf),
      ...(ownText(adoption, 'submittedBy') !== undefined
        ? { submittedBy: ownText(adoption, 'submittedBy') as string }
        : {}),
      ...(ownText(adoption, 'basis') !== undefined ? { basis: ownText(adoption, 'basis') as string } : {}),
    };
    set('adoption', a);
  }
  const rule = ownText(own, 'footnoteRule');
  if (rule === '2012' || rule === 'current') set('footnoteRule', rule);
  const notes = ownAll(own, 'note').map(textOf);
  if (notes.length) set('notes', notes);
  return m as Metadata;
}

const oneOf = <T extends string>(values: readonly T[], value: string | undefined): T | undefined =>
  values.find((v) => v === value);

/** A text range written as start and end attributes, if both are whole numbers. */
function rangeOf(el: XmlElement): TextRange | undefined {
  const start = Number(el.attrs['start']);
  const end = Number(el.attrs['end']);
  return el.attrs['start'] !== undefined && Number.isInteger(start) && Number.isInteger(end)
    ? { start, end }
    : undefined;
}

/** The negotiation kept in the project's namespace (export/akn.ts, `negotiationMarkup`), if any. */
function negotiationOf(own: XmlElement | undefined): Negotiation | undefined {
  const n = ownAll(own, 'negotiation')[0];
  if (!n) return undefined;
  const texts = (el: XmlElement, name: string): string[] => ownAll(el, name).map(textOf);
  const proposals: Proposal[] = [];
  for (const p of ownAll(n, 'proposal')) {
    const kind = oneOf(PROPOSAL_KINDS, p.attrs['kind']);
    const state = oneOf(PROPOSAL_STATES, p.attrs['state']);
    if (!kind || !state) continue;
    const range = rangeOf(p);
    const source = ownAll(p, 'source')[0];
    proposals.push({
      id: p.attrs['id'] ?? '',
      delegation: p.attrs['delegation'] ?? '',
      ...(p.attrs['date'] !== undefined ? { date: p.attrs['date'] } : {}),
      kind,
      key: p.attrs['key'] ?? '',
      ...(range ? { range } : {}),
      text: ownText(p, 'text') ?? '',
      ...(p.attrs['to'] !== undefined ? { to: p.attrs['to'] } : {}),
      supporters: texts(p, 'supporter'),
      opposers: texts(p, 'opposer'),
      state,
      ...(source
        ? { source: { file: source.attrs['file'] ?? '', author: source.attrs['author'] ?? '' } }
        : {}),
    });
  }
  const brackets: Bracket[] = [];
  for (const b of ownAll(n, 'bracket')) {
    const range = rangeOf(b);
    if (!range) continue;
    brackets.push({
      id: b.attrs['id'] ?? '',
      key: b.attrs['key'] ?? '',
      range,
      originalHolders: texts(b, 'holder'),
      proposals: texts(b, 'proposalRef'),
      ...(b.attrs['resolved'] !== undefined ? { resolved: b.attrs['resolved'] } : {}),
    });
  }
  const paragraphs: Record<string, ParagraphState> = {};
  for (const p of ownAll(n, 'paragraph')) {
    const status = oneOf(PARAGRAPH_STATUSES, p.attrs['status']);
    const note = ownText(p, 'note');
    if (status && p.attrs['key'] !== undefined)
      paragraphs[p.attrs['key']] = { status, ...(note !== undefined ? { note } : {}) };
  }
  const round = Number(n.attrs['round']);
  const nextId = Number(n.attrs['nextId']);
  return {
    round: Number.isInteger(round) ? round : 0,
    facilitator: n.attrs['facilitator'] ?? '',
    delegations: ownAll(n, 'delegation').map((d) => ({
      name: d.attrs['name'] ?? '',
      colour: d.attrs['colour'] ?? '',
    })),
    proposals,
    brackets,
    paragraphs,
    nextId: Number.isInteger(nextId) ? nextId : proposals.length + brackets.length + 1,
  };
}

/** The footnotes in the project's order with their printed numbers, or in the order first met. */
function footnotesOf(reading: Reading, own: XmlElement | undefined): Footnote[] {
  const listed = ownAll(own, 'footnotes')[0];
  if (!listed) return [...reading.notes.values()];
  const out: Footnote[] = [];
  const seen = new Set<string>();
  for (const entry of ownAll(listed, 'footnote')) {
    const id = entry.attrs['id'] ?? '';
    const kept = ownAll(entry, 'content')[0];
    const met = reading.notes.get(id) ?? (kept ? { id, content: trimRuns(drafterRuns(kept)) } : undefined);
    if (!met || seen.has(id)) continue;
    seen.add(id);
    const number = Number(entry.attrs['number']);
    const resolved = ownText(entry, 'resolved');
    const { number: _marker, ...content } = met;
    out.push({
      ...content,
      ...(entry.attrs['number'] !== undefined && Number.isFinite(number) ? { number } : {}),
      ...(resolved !== undefined ? { resolved } : {}),
    });
  }
  // Any the list does not name, in the order met.
  for (const [id, note] of reading.notes) if (!seen.has(id)) out.push(note);
  return out;
}

/** Words the project kept in its own namespace, italics as `rd:i`. */
function drafterRuns(el: XmlElement, italic = false, out: Inline[] = []): Inline[] {
  for (const node of el.children) {
    if (typeof node === 'string') push(out, node, italic);
    else if (node.ns === DRAFTER_NAMESPACE) drafterRuns(node, italic || node.name === 'i', out);
  }
  return out;
}

// ---------------------------------------------------------------------------------------------------
// Text

/** The id of a footnote written as `fn_<id>` (a repeated reference adds `_2`, `_3`…). */
function noteId(eId: string | undefined, reading: Reading): string {
  const base = (eId ?? '').replace(/^(?:.*__)?fn_/, '').replace(/_\d+$/, '');
  return base || `note${reading.notes.size + 1}`;
}

/** Inline content as runs: italics kept, a cited act as its words, a footnote as a reference. */
function inlineRuns(
  nodes: readonly XmlNode[],
  reading: Reading,
  italic = false,
  out: Inline[] = [],
): Inline[] {
  for (const node of nodes) {
    if (typeof node === 'string') {
      push(out, node, italic);
      continue;
    }
    if (node.ns !== AKN_NAMESPACE) continue;
    switch (node.name) {
      case 'i':
        inlineRuns(node.children, reading, true, out);
        break;
      case 'authorialNote': {
        const id = noteId(node.attrs['eId'], reading);
        if (!reading.notes.has(id)) {
          const marker = Number(node.attrs['marker']);
          const content = trimRuns(
            elements(node).flatMap((p) => [
              ...inlineRuns(p.children, reading),
              { type: 'text', text: ' ' } as Inline,
            ]),
          );
          reading.notes.set(id, {
            id,
            ...(Number.isFinite(marker) && marker > 0 ? { number: marker } : {}),
            content,
          });
        }
        out.push({ type: 'footnoteRef', footnoteId: id });
        break;
      }
      case 'br':
        push(out, ' ', italic);
        break;
      case 'del':
        // Proposed to be deleted: the text as it stands still holds it.
        inlineRuns(node.children, reading, italic, out);
        break;
      case 'ins':
      case 'noteRef':
      case 'eol':
      case 'eop':
        // Proposed wording and references to notes are not the text.
        break;
      default:
        inlineRuns(node.children, reading, italic, out);
    }
  }
  return out;
}

function push(out: Inline[], text: string, italic: boolean): void {
  const normal = text.replace(/\s+/g, ' ');
  if (normal === '') return;
  const last = out[out.length - 1];
  if (last?.type === 'text' && Boolean(last.italic) === italic) {
    out[out.length - 1] = { ...last, text: last.text + normal };
    return;
  }
  out.push(italic ? { type: 'text', text: normal, italic: true } : { type: 'text', text: normal });
}

/** Runs without the spaces at either end, and without runs left empty. */
function trimRuns(runs: readonly Inline[]): Inline[] {
  const out = runs.map((r) => ({ ...r }));
  const first = out.findIndex((r) => r.type === 'text');
  if (first >= 0) {
    const r = out[first] as { text: string };
    r.text = r.text.replace(/^\s+/, '');
  }
  for (let k = out.length - 1; k >= 0; k--) {
    const r = out[k];
    if (r?.type !== 'text') continue;
    (r as { text: string }).text = r.text.replace(/\s+$/, '');
    break;
  }
  // Runs that merge once a space between them is gone.
  const merged: Inline[] = [];
  for (const r of out) {
    if (r.type === 'text') {
      if (r.text === '') continue;
      push(merged, r.text, Boolean(r.italic));
    } else merged.push(r);
  }
  return merged;
}

/** A paragraph's `p`: its opener (the italic words marked as one, or named by the container) and the rest. */
function openerAndContent(
  p: XmlElement | undefined,
  reading: Reading,
  containerName?: string,
): { opener: string; content: Inline[] } {
  if (!p) return { opener: '', content: [] };
  // Space before the first word (a file written with indentation) is not part of the text.
  const start = p.children.findIndex((c) => typeof c !== 'string' || c.trim() !== '');
  const [first, ...rest] = start < 0 ? [] : p.children.slice(start);
  const next = rest[0];
  const isOpener =
    first !== undefined &&
    typeof first !== 'string' &&
    first.name === 'i' &&
    (first.attrs['class'] === 'opener' ||
      (containerName !== undefined && camel(textOf(first)) === containerName) ||
      // Another tool's file, which does not mark openers: the words in italics a paragraph starts
      // with, as the UN prints its openers ("Takes note", "Requests"), when a word follows them.
      (!reading.marked &&
        elements(first).length === 0 &&
        collapse(textOf(first)).split(' ').length <= 8 &&
        (next === undefined || (typeof next === 'string' && /^\s/.test(next)))));
  if (!isOpener) return { opener: '', content: trimRuns(inlineRuns(p.children, reading)) };
  return { opener: collapse(textOf(first)), content: trimRuns(inlineRuns(rest, reading)) };
}

/** "1." → "1", "(a)" → "(a)": the label as the model keeps it. */
function label(num: XmlElement | undefined): string | undefined {
  if (!num) return undefined;
  const text = collapse(textOf(num));
  return text.replace(/\.$/, '') || undefined;
}

// ---------------------------------------------------------------------------------------------------
// Blocks

function preambularParagraph(
  container: XmlElement,
  name: string | undefined,
  reading: Reading,
): PreambularParagraph {
  const host = child(container, 'content') ?? container;
  const { opener, content } = openerAndContent(child(host, 'p'), reading, name);
  const list = child(host, 'blockList');
  const subparagraphs = list ? blockItems(list, reading) : [];
  return { opener, content, ...(subparagraphs.length ? { subparagraphs } : {}) };
}

function blockItems(list: XmlElement, reading: Reading): Subparagraph[] {
  return childrenNamed(list, 'item').map((item) => {
    const inner = child(item, 'blockList');
    const own = label(child(item, 'num'));
    return {
      ...(own !== undefined ? { label: own } : {}),
      content: trimRuns(childrenNamed(item, 'p').flatMap((p) => inlineRuns(p.children, reading))),
      subparagraphs: inner ? blockItems(inner, reading) : [],
    };
  });
}

/** The text of an `intro` / `content`, and the points of a `list` beside it. */
function partsOf(el: XmlElement, reading: Reading): { p: XmlElement | undefined; points: Subparagraph[] } {
  const holder = child(el, 'intro') ?? child(el, 'content');
  const list = child(el, 'list');
  return { p: holder ? child(holder, 'p') : undefined, points: list ? pointsOf(list, reading) : [] };
}

function pointsOf(list: XmlElement, reading: Reading): Subparagraph[] {
  return elements(list)
    .filter((e) => e.name === 'point' || e.name === 'paragraph' || e.name === 'indent')
    .map((point) => {
      const { p, points } = partsOf(point, reading);
      const own = label(child(point, 'num'));
      return {
        ...(own !== undefined ? { label: own } : {}),
        content: p ? trimRuns(inlineRuns(p.children, reading)) : [],
        subparagraphs: points,
      };
    });
}

function operativeParagraph(el: XmlElement, reading: Reading, _depth: number): OperativeParagraph {
  const { p, points } = partsOf(el, reading);
  const { opener, content } = openerAndContent(p, reading);
  const own = label(child(el, 'num'));
  return { ...(own !== undefined ? { label: own } : {}), opener, content, subparagraphs: points };
}

function section(el: XmlElement, reading: Reading): Section {
  const preamble: PreambularParagraph[] = [];
  const operative: OperativeParagraph[] = [];
  for (const part of elements(el)) {
    if (part.name === 'hcontainer' && part.attrs['name'] === 'preambularParagraph')
      preamble.push(preambularParagraph(part, undefined, reading));
    else if (part.name === 'paragraph') operative.push(operativeParagraph(part, reading, 1));
  }
  return {
    number: collapse(textOf(child(el, 'num') ?? { ns: '', name: '', attrs: {}, children: [] })),
    heading: collapse(textOf(child(el, 'heading') ?? { ns: '', name: '', attrs: {}, children: [] })),
    preamble,
    operative,
  };
}

function annexOf(statement: XmlElement, reading: Reading): Annex | null {
  const attachments = child(statement, 'attachments');
  const doc = attachments
    ? childrenNamed(attachments, 'attachment')
        .map((a) => elements(a)[0])
        .find((d) => d !== undefined && d.attrs['name'] === 'annex')
    : undefined;
  if (!doc) return null;
  const preface = child(doc, 'preface');
  const title = preface ? collapse(findAll(preface, 'docTitle').map(textOf).join(' ')) : '';
  const body = child(doc, 'mainBody');
  let intro: Inline[] = [];
  const items: Subparagraph[] = [];
  const headings: AnnexHeading[] = [];
  for (const part of body ? elements(body) : []) {
    if (part.name === 'hcontainer' && part.attrs['name'] === 'intro') {
      const p = child(child(part, 'content') ?? part, 'p');
      intro = p ? trimRuns(inlineRuns(p.children, reading)) : [];
    } else if (part.name === 'container' && part.attrs['name'] === 'heading') {
      const p = child(part, 'p');
      const num = p ? elements(p).find((e) => e.name === 'span' && e.attrs['class'] === 'num') : undefined;
      const number = num ? collapse(textOf(num)) : '';
      const all = p ? collapse(textOf(p)) : '';
      headings.push({
        before: items.length,
        number,
        heading: number ? collapse(all.slice(all.indexOf(number) + number.length)) : all,
      });
    } else if (part.name === 'paragraph') {
      const { p, points } = partsOf(part, reading);
      const content = p ? trimRuns(inlineRuns(p.children, reading)) : [];
      const own = label(child(part, 'num'));
      // The empty paragraph an annex without items is written with.
      if (own === undefined && content.length === 0 && points.length === 0) continue;
      items.push({ ...(own !== undefined ? { label: own } : {}), content, subparagraphs: points });
    }
  }
  return { title, intro, items, ...(headings.length ? { headings } : {}) };
}
