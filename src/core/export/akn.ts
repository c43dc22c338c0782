/**
 * A resolution or decision as Akoma Ntoso 3.0 (OASIS LegalDocML), following the UN system's profile,
 * AKN4UN, where it speaks: `statement name="resolution"`, a `preface`
 * with the number and title, a `preamble` of the enacting formula and one `container` per preambular
 * paragraph, a `mainBody` of numbered `paragraph`s with `list` / `point` subparagraphs, footnotes as
 * `authorialNote`s where their markers stand, and the annex as an attachment. Valid against the OASIS
 * schema (tests/core/export/akn.test.ts validates every corpus document with xmllint).
 *
 * Choices where AKN4UN is silent, each said again where it is made:
 * - A draft is `name="resolutionDraft"` (or `decisionDraft`); its symbol and sponsors are kept in
 *   `proprietary`, in the project's namespace, with the sponsors also as TLCOrganization references.
 * - Work IRIs: `/akn/un/statement/<name>/<organ>/<date>/<number>` with the number's "/" as "-"
 *   ("/akn/un/statement/resolution/ga/2024-12-02/79-16"); a draft without a number is named by its
 *   symbol, or "draft".
 * - A cited resolution or decision becomes a `ref` to the same kind of IRI without a date (the
 *   citation gives the organ and number; its date is not always printed).
 * - A preambular paragraph's subparagraphs are a `blockList` inside its container (AKN's containers
 *   hold blocks, not hierarchy).
 * - The sections of an omnibus resolution are `section`s; their preambular paragraphs are
 *   `hcontainer name="preambularParagraph"`.
 */
import type { Negotiation, Proposal } from '../negotiation/types.ts';
import type {
  Inline,
  OperativeParagraph,
  PreambularParagraph,
  ResolutionDocument,
  Subparagraph,
} from '../model/types.ts';
import { readActCitations } from '../references/citations.ts';
import { isoFromPrintedDate } from '../references/dates.ts';
import { sectionOperativeLabels, subparagraphLabel } from './labels.ts';
import { footnoteNumbering } from './text.ts';

export const AKN_NAMESPACE = 'http://docs.oasis-open.org/legaldocml/ns/akn/3.0';
/** The project's own elements (draft metadata, negotiation state where AKN has none). */
export const DRAFTER_NAMESPACE = 'urn:resolution-drafter:akn:1';

export interface AknOptions {
  /** The date of this manifestation (ISO); today by default. */
  readonly today?: string;
}

const escapeText = (s: string): string =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const escapeAttr = (s: string): string => escapeText(s).replace(/"/g, '&quot;');

/** A name usable in an IRI or an eId: lower case, letters, digits and hyphens. */
function slug(s: string): string {
  return (
    s
      .normalize('NFKD')
      .replace(/[\u0300-\u036f]/g, '')
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '') || 'x'
  );
}

/** The short names of the organs AKN IRIs use, by the organ's name as printed. */
const ORGAN_IDS: readonly (readonly [RegExp, string])[] = [
  [/General Assembly|\bAssembly\b/i, 'ga'],
  [/Security Council/i, 'sc'],
  [/Economic and Social Council/i, 'ecosoc'],
  [/Human Rights Council/i, 'hrc'],
  [/Transnational Organized Crime/i, 'ctoc-cop'],
  [/against Corruption/i, 'cosp'],
  [/Commission on Crime Prevention/i, 'ccpcj'],
  [/Commission on Narcotic Drugs/i, 'cnd'],
  [/Environment Assembly/i, 'unea'],
];

function organId(organ: string | undefined): string {
  if (!organ) return 'un';
  for (const [pattern, id] of ORGAN_IDS) if (pattern.test(organ)) return id;
  return slug(organ);
}

/** "6/1" → "6-1"; "2482 (2019)" → "2482-2019". */
const numberPart = (n: string): string => slug(n.replace(/\//g, '-'));

function documentName(doc: ResolutionDocument): string {
  const draft = doc.number === undefined;
  return `${doc.kind}${draft ? 'Draft' : ''}`;
}

interface Context {
  readonly numbers: ReadonlyMap<string, number>;
  readonly footnotes: ReadonlyMap<string, readonly Inline[]>;
  readonly organ: string;
  /** An adopted text (it has a number): its labels are as printed, a missing one is not made up. */
  readonly adopted: boolean;
  /** eIds given so far, so that none repeats. */
  readonly ids: Set<string>;
  /** Each paragraph's eId by its negotiation key ("operative:3.1"), for the negotiation's markup. */
  readonly keys: Map<string, string>;
  /** Paragraphs of each part written so far (sections' included), for the keys. */
  readonly written: { preamble: number; operative: number; annex: number };
}

function uniqueId(ctx: Context, wanted: string): string {
  let id = wanted;
  for (let n = 2; ctx.ids.has(id); n++) id = `${wanted}_${n}`;
  ctx.ids.add(id);
  return id;
}

/** Text with the resolutions and decisions it cites as `ref`s. */
function textWithRefs(text: string, ctx: Context): string {
  const citations = readActCitations(text);
  if (citations.length === 0) return escapeText(text);
  let out = '';
  let at = 0;
  for (const citation of citations) {
    const organ = citation.organName ?? (citation.possessive ? ctx.organ : undefined);
    for (const item of citation.items) {
      if (item.range.start < at) continue;
      out += escapeText(text.slice(at, item.range.start));
      const href = `/akn/un/statement/${citation.kind}/${organId(organ)}/${numberPart(item.number)}`;
      out += `<ref href="${escapeAttr(href)}">${escapeText(text.slice(item.range.start, item.range.end))}</ref>`;
      at = item.range.end;
    }
  }
  return out + escapeText(text.slice(at));
}

/** Inline content: text (italic as `i`), cited acts as `ref`, footnotes as `authorialNote`. */
function inlines(content: readonly Inline[], ctx: Context, inNote = false): string {
  return content
    .map((part) => {
      if (part.type === 'footnoteRef') {
        const marker = ctx.numbers.get(part.footnoteId) ?? 0;
        const note = ctx.footnotes.get(part.footnoteId);
        // A footnote's own text cannot hold another note (nor does a printed footnote).
        if (inNote || note === undefined) return '';
        const id = uniqueId(ctx, `fn_${slug(part.footnoteId)}`);
        return `<authorialNote marker="${marker}" placement="bottom" eId="${id}"><p>${inlines(note, ctx, true)}</p></authorialNote>`;
      }
      const text = textWithRefs(part.text, ctx);
      return part.italic ? `<i>${text}</i>` : text;
    })
    .join('');
}

/** A paragraph's words after its opener, the opener in italics as printed. */
function withOpener(opener: string, content: readonly Inline[], ctx: Context): string {
  const rest = inlines(content, ctx);
  if (opener === '') return rest;
  // class="opener": the reader tells the opener from words printed in italics at a paragraph's start.
  return `<i class="opener">${escapeText(opener)}</i>${rest === '' ? '' : ' '}${rest}`;
}

function points(
  subs: readonly Subparagraph[],
  depth: number,
  parent: string,
  ctx: Context,
  key: string,
): string {
  const list = uniqueId(ctx, `${parent}__list_1`);
  const items = subs.map((s, k) => {
    // An adopted text's subparagraph printed without a label is written without one.
    const label = s.label ?? (ctx.adopted ? undefined : subparagraphLabel(depth, k + 1));
    const id = uniqueId(ctx, `${list}__point_${slug(label ?? subparagraphLabel(depth, k + 1))}`);
    ctx.keys.set(`${key}.${k + 1}`, id);
    const body = s.subparagraphs.length
      ? `<intro><p>${inlines(s.content, ctx)}</p></intro>${points(s.subparagraphs, depth + 1, id, ctx, `${key}.${k + 1}`)}`
      : `<content><p>${inlines(s.content, ctx)}</p></content>`;
    return `<point eId="${id}">${label === undefined ? '' : `<num>${escapeText(label)}</num>`}${body}</point>`;
  });
  return `<list eId="${list}">${items.join('')}</list>`;
}

function operativeParagraph(
  p: OperativeParagraph,
  label: string,
  lone: boolean,
  subDepth: number,
  prefix: string,
  ctx: Context,
): string {
  const id = uniqueId(ctx, `${prefix}para_${slug(label || 'x')}`);
  const part = prefix === 'annex__' ? 'annex' : 'operative';
  const key = `${part}:${++ctx.written[part]}`;
  ctx.keys.set(key, id);
  // As printed: "1." for a number, "(a)" for a letter; a lone paragraph is printed without one.
  const num = lone ? '' : `<num>${escapeText(/^\(/.test(label) ? label : `${label}.`)}</num>`;
  const text = withOpener(p.opener, p.content, ctx);
  const body = p.subparagraphs.length
    ? `<intro><p>${text}</p></intro>${points(p.subparagraphs, subDepth, id, ctx, key)}`
    : `<content><p>${text}</p></content>`;
  return `<paragraph eId="${id}">${num}${body}</paragraph>`;
}

function blockList(subs: readonly Subparagraph[], depth: number, ctx: Context): string {
  if (subs.length === 0) return '';
  const items = subs.map((s, k) => {
    const label = s.label ?? subparagraphLabel(depth, k + 1);
    return `<item><num>${escapeText(label)}</num><p>${inlines(s.content, ctx)}</p>${blockList(s.subparagraphs, depth + 1, ctx)}</item>`;
  });
  return `<blockList>${items.join('')}</blockList>`;
}

function preambular(p: PreambularParagraph, k: number, ctx: Context, inSection: string | null): string {
  const text = `<p>${withOpener(p.opener, p.content, ctx)}</p>${blockList(p.subparagraphs ?? [], 1, ctx)}`;
  const key = `preamble:${++ctx.written.preamble}`;
  if (inSection === null) {
    const name = p.opener === '' ? 'preambularParagraph' : camel(p.opener);
    const id = uniqueId(ctx, `preamble__container_${k + 1}`);
    ctx.keys.set(key, id);
    return `<container name="${escapeAttr(name)}" eId="${id}">${text}</container>`;
  }
  // In a section (a hierarchy), a preambular paragraph is an hcontainer (see the header).
  const id = uniqueId(ctx, `${inSection}__hcontainer_${k + 1}`);
  ctx.keys.set(key, id);
  return `<hcontainer name="preambularParagraph" eId="${id}"><content>${text}</content></hcontainer>`;
}

/** "Noting with appreciation" → "notingWithAppreciation": the container's name, by its opener. */
export function camel(opener: string): string {
  const words = slug(opener).split('-');
  return words.map((w, i) => (i === 0 ? w : w.charAt(0).toUpperCase() + w.slice(1))).join('');
}

/** The `meta` block: identification (FRBR), references, and for a draft its symbol and sponsors. */
function meta(
  doc: ResolutionDocument,
  workIri: string,
  date: string,
  today: string,
  organ: string,
  prefix = '',
  name = documentName(doc),
  negotiation: NegotiationMarkup | null = null,
): string {
  // eIds are unique across the whole statement, its attachments' metadata included.
  const author = `#${prefix}${organ}`;
  const expression = `${workIri}/eng@`;
  const manifestation = `${expression}/!main.akn`;
  const work = [
    `<FRBRthis value="${escapeAttr(`${workIri}/!main`)}"/>`,
    `<FRBRuri value="${escapeAttr(workIri)}"/>`,
    `<FRBRdate date="${date}" name="${doc.number === undefined ? 'draft' : 'adoption'}"/>`,
    `<FRBRauthor href="${author}"/>`,
    `<FRBRcountry value="un"/>`,
    ...(doc.number ? [`<FRBRnumber value="${escapeAttr(doc.number)}"/>`] : []),
    `<FRBRname value="${name}"/>`,
  ].join('');
  const expr = [
    `<FRBRthis value="${escapeAttr(`${expression}/!main`)}"/>`,
    `<FRBRuri value="${escapeAttr(expression)}"/>`,
    `<FRBRdate date="${date}" name="${doc.number === undefined ? 'draft' : 'adoption'}"/>`,
    `<FRBRauthor href="${author}"/>`,
    `<FRBRlanguage language="eng"/>`,
  ].join('');
  const manif = [
    `<FRBRthis value="${escapeAttr(manifestation)}"/>`,
    `<FRBRuri value="${escapeAttr(manifestation)}"/>`,
    `<FRBRdate date="${today}" name="generation"/>`,
    `<FRBRauthor href="#${prefix}resolutionDrafter"/>`,
  ].join('');
  const sponsors = doc.metadata.sponsors ?? [];
  const references = [
    `<TLCOrganization eId="${prefix}${organ}" href="/ontology/organization/un/${organ}" showAs="${escapeAttr(doc.organ || 'United Nations')}"/>`,
    `<TLCOrganization eId="${prefix}resolutionDrafter" href="/ontology/organization/resolutionDrafter" showAs="Resolution Drafter"/>`,
    ...sponsors.map(
      (s) =>
        `<TLCOrganization eId="${prefix}sponsor-${slug(s)}" href="/ontology/organization/${slug(s)}" showAs="${escapeAttr(s)}"/>`,
    ),
    ...(negotiation?.organizations ?? []),
  ];
  const own = prefix === '' ? [...drafterMetadata(doc), ...(negotiation ? [negotiation.own] : [])] : [];
  return [
    '<meta>',
    `<identification source="#${prefix}resolutionDrafter"><FRBRWork>${work}</FRBRWork><FRBRExpression>${expr}</FRBRExpression><FRBRManifestation>${manif}</FRBRManifestation></identification>`,
    negotiation?.analysis ?? '',
    `<references source="#${prefix}resolutionDrafter">${references.join('')}</references>`,
    negotiation?.notes ?? '',
    own.length ? `<proprietary source="#${prefix}resolutionDrafter">${own.join('')}</proprietary>` : '',
    '</meta>',
  ].join('');
}

const rdText = (name: string, value: string | number | undefined): string =>
  value === undefined ? '' : `<rd:${name}>${escapeText(String(value))}</rd:${name}>`;

/**
 * What the project keeps of a document that AKN has no place for, in its own namespace (AKN's
 * `proprietary`), so that a document read back is the one written: the symbol, sponsors and the rest
 * of the masthead, how it was adopted, and the footnotes' order, printed numbers and expanded "Ibid.".
 */
function drafterMetadata(doc: ResolutionDocument): string[] {
  const m = doc.metadata;
  const own = [
    rdText('symbol', m.symbol),
    ...(m.sponsors ?? []).map(
      (s) => `<rd:sponsor refersTo="#sponsor-${slug(s)}">${escapeText(s)}</rd:sponsor>`,
    ),
    rdText('session', m.session),
    rdText('agendaItem', m.agendaItem),
    rdText('agendaItemTitle', m.agendaItemTitle),
    rdText('date', m.date),
    rdText('distribution', m.distribution),
    rdText('originalLanguage', m.originalLanguage),
    rdText('footnoteRule', m.footnoteRule),
    ...(m.notes ?? []).map((n) => rdText('note', n)),
    m.base ? `<rd:base source="${escapeAttr(m.base.source)}">${escapeText(m.base.ref)}</rd:base>` : '',
  ];
  // A text without a number whose paragraphs carry their labels (one read from a document whose
  // number was not found, say): read back with them, not with labels left to the position.
  if (doc.number === undefined && doc.operative.some((p) => p.label !== undefined))
    own.push('<rd:printedLabels/>');
  const a = m.adoption;
  if (a)
    own.push(
      `<rd:adoption date="${escapeAttr(a.date)}"${a.meeting !== undefined ? ` meeting="${a.meeting}"` : ''}>${[
        rdText('draftSymbol', a.draftSymbol),
        ...a.sponsors.map((s) => rdText('sponsor', s)),
        rdText('submittedBy', a.submittedBy),
        rdText('basis', a.basis),
      ].join('')}</rd:adoption>`,
    );
  // A footnote no reference points to has no place in the text: its words are kept here.
  const referenced = referencedFootnotes(doc);
  const runs = (content: readonly Inline[]): string =>
    content
      .map((r) =>
        r.type !== 'text' ? '' : r.italic ? `<rd:i>${escapeText(r.text)}</rd:i>` : escapeText(r.text),
      )
      .join('');
  if (doc.footnotes.length)
    own.push(
      `<rd:footnotes>${doc.footnotes
        .map(
          (f) =>
            `<rd:footnote id="${escapeAttr(f.id)}"${f.number !== undefined ? ` number="${f.number}"` : ''}>${rdText('resolved', f.resolved)}${referenced.has(f.id) ? '' : `<rd:content>${runs(f.content)}</rd:content>`}</rd:footnote>`,
        )
        .join('')}</rd:footnotes>`,
    );
  return own.filter((part) => part !== '');
}

/** The footnotes a reference in the text (not in another footnote) points to. */
function referencedFootnotes(doc: ResolutionDocument): Set<string> {
  const ids = new Set<string>();
  const visit = (content: readonly Inline[]): void => {
    for (const part of content) if (part.type === 'footnoteRef') ids.add(part.footnoteId);
  };
  const subs = (list: readonly Subparagraph[]): void =>
    list.forEach((s) => {
      visit(s.content);
      subs(s.subparagraphs);
    });
  const operative = (list: readonly OperativeParagraph[]): void =>
    list.forEach((p) => {
      visit(p.content);
      subs(p.subparagraphs);
    });
  const preamble = (list: readonly PreambularParagraph[]): void =>
    list.forEach((p) => {
      visit(p.content);
      subs(p.subparagraphs ?? []);
    });
  preamble(doc.preamble);
  operative(doc.operative);
  for (const s of doc.sections ?? []) {
    preamble(s.preamble);
    operative(s.operative);
  }
  if (doc.annex) {
    visit(doc.annex.intro);
    subs(doc.annex.items);
  }
  return ids;
}

interface NegotiationMarkup {
  readonly organizations: readonly string[];
  readonly analysis: string;
  readonly notes: string;
  readonly own: string;
}

/** AKN's kinds of textual modification, for each kind of proposal. */
const MODIFICATIONS: Readonly<Record<Proposal['kind'], string>> = {
  insert: 'insertion',
  delete: 'repeal',
  replace: 'substitution',
  'new paragraph': 'insertion',
  move: 'renumbering',
  'delete paragraph': 'repeal',
};

const rangeAttrs = (range: { start: number; end: number } | undefined): string =>
  range ? ` start="${range.start}" end="${range.end}"` : '';

/**
 * A negotiation in AKN's terms where it has them, and whole in the project's namespace:
 * - each open proposal is a `textualMod` of AKN's `activeModifications` (an insertion, a repeal, a
 *   substitution…), from its delegation (a TLCOrganization) to the paragraph it is anchored to;
 * - a paragraph's status and note ("agreed ad ref: pending capitals") is a `note` of AKN's `notes`,
 *   placed by the paragraph it concerns (`placementBase`);
 * - the proposals' words, ranges, supporters and states, the brackets and the round are in
 *   `rd:negotiation`, which is what the reader takes back (AKN has no brackets, and no supporters).
 */
function negotiationMarkup(n: Negotiation, ctx: Context): NegotiationMarkup {
  const delegationId = (name: string): string => `delegation-${slug(name)}`;
  const names = [
    ...new Set([n.facilitator, ...n.delegations.map((d) => d.name), ...n.proposals.map((p) => p.delegation)]),
  ].filter((name) => name !== '');
  const organizations = names.map(
    (name) =>
      `<TLCOrganization eId="${delegationId(name)}" href="/ontology/organization/${slug(name)}" showAs="${escapeAttr(name)}"/>`,
  );
  const mods = n.proposals
    .filter((p) => p.state === 'open' && ctx.keys.has(p.key) && p.delegation !== '')
    .map(
      (p) =>
        `<textualMod type="${MODIFICATIONS[p.kind]}" eId="mod_${slug(p.id)}"><source href="#${delegationId(p.delegation)}"/><destination href="#${ctx.keys.get(p.key) ?? ''}"/></textualMod>`,
    );
  const states = Object.entries(n.paragraphs).filter(
    ([key, state]) => ctx.keys.has(key) && (state.status !== 'pending' || state.note),
  );
  const notes = states.map(
    ([key, state], k) =>
      `<note eId="note_status_${k + 1}" placementBase="${ctx.keys.get(key) ?? ''}"><p>${escapeText(state.status)}${state.note ? `: ${escapeText(state.note)}` : ''}</p></note>`,
  );
  const list = (name: string, values: readonly string[]): string =>
    values.map((v) => rdText(name, v)).join('');
  const own = [
    `<rd:negotiation round="${n.round}" facilitator="${escapeAttr(n.facilitator)}" nextId="${n.nextId}">`,
    ...n.delegations.map(
      (d) => `<rd:delegation name="${escapeAttr(d.name)}" colour="${escapeAttr(d.colour)}"/>`,
    ),
    ...n.proposals.map(
      (p) =>
        `<rd:proposal id="${escapeAttr(p.id)}" delegation="${escapeAttr(p.delegation)}" kind="${escapeAttr(p.kind)}" key="${escapeAttr(p.key)}" state="${escapeAttr(p.state)}"${rangeAttrs(p.range)}${p.to !== undefined ? ` to="${escapeAttr(p.to)}"` : ''}${p.date !== undefined ? ` date="${escapeAttr(p.date)}"` : ''}>` +
        rdText('text', p.text) +
        list('supporter', p.supporters) +
        list('opposer', p.opposers) +
        (p.source
          ? `<rd:source file="${escapeAttr(p.source.file)}" author="${escapeAttr(p.source.author)}"/>`
          : '') +
        '</rd:proposal>',
    ),
    ...n.brackets.map(
      (b) =>
        `<rd:bracket id="${escapeAttr(b.id)}" key="${escapeAttr(b.key)}"${rangeAttrs(b.range)}${b.resolved !== undefined ? ` resolved="${escapeAttr(b.resolved)}"` : ''}>` +
        list('holder', b.originalHolders) +
        list('proposalRef', b.proposals) +
        '</rd:bracket>',
    ),
    ...Object.entries(n.paragraphs).map(
      ([key, state]) =>
        `<rd:paragraph key="${escapeAttr(key)}" status="${escapeAttr(state.status)}">${rdText('note', state.note)}</rd:paragraph>`,
    ),
    '</rd:negotiation>',
  ].join('');
  return {
    organizations,
    analysis: mods.length
      ? `<analysis source="#resolutionDrafter"><activeModifications>${mods.join('')}</activeModifications></analysis>`
      : '',
    notes: notes.length ? `<notes source="#resolutionDrafter">${notes.join('')}</notes>` : '',
    own,
  };
}

/** The document as an Akoma Ntoso XML text. */
export function writeAkn(doc: ResolutionDocument, options: AknOptions = {}): string {
  const today = options.today ?? new Date().toISOString().slice(0, 10);
  const organ = organId(doc.organ);
  // The adoption's date, or the draft's, as ISO (either may be printed, "9 December 2024").
  const iso = (d: string | undefined): string | undefined =>
    d === undefined ? undefined : /^\d{4}-\d{2}-\d{2}$/.test(d) ? d : isoFromPrintedDate(d);
  const date = iso(doc.metadata.adoption?.date) ?? iso(doc.metadata.date) ?? today;
  const name = documentName(doc);
  const number = doc.number ?? (doc.metadata.symbol ? slug(doc.metadata.symbol) : 'draft');
  const workIri = `/akn/un/statement/${name}/${organ}/${date}/${numberPart(number)}`;
  const numbers = footnoteNumbering(doc);
  const ctx: Context = {
    numbers,
    footnotes: new Map(doc.footnotes.map((f) => [f.id, f.content])),
    organ: doc.organ,
    adopted: doc.number !== undefined,
    ids: new Set(),
    keys: new Map(),
    written: { preamble: 0, operative: 0, annex: 0 },
  };

  const preface = [
    doc.number
      ? `<p><docNumber>${escapeText(doc.number)}</docNumber></p>`
      : doc.metadata.symbol
        ? `<p><docNumber>${escapeText(doc.metadata.symbol)}</docNumber></p>`
        : '',
    doc.title ? `<p><docTitle>${escapeText(doc.title)}</docTitle></p>` : '',
  ].join('');

  const preambleParts = [
    doc.formula ? `<formula name="enactingFormula"><p>${escapeText(doc.formula)}</p></formula>` : '',
    ...doc.preamble.map((p, k) => preambular(p, k, ctx, null)),
  ].join('');

  const lettered = doc.kind === 'decision';
  const sections = doc.sections ?? [];
  const lone =
    !lettered &&
    doc.operative.length === 1 &&
    doc.operative[0]?.label === undefined &&
    sections.every((s) => s.operative.length === 0);
  // An adopted text's paragraph printed without a number (a table's rows read as paragraphs, say) is
  // written without one; in a draft, the position numbers it.
  const unnumbered = (p: OperativeParagraph): boolean => doc.number !== undefined && p.label === undefined;
  const body = doc.operative.map((p, k) =>
    operativeParagraph(
      p,
      p.label ?? (lettered ? subparagraphLabel(1, k + 1) : String(k + 1)),
      lone || unnumbered(p),
      lettered ? 2 : 1,
      '',
      ctx,
    ),
  );
  const sectionLabels = sectionOperativeLabels(doc);
  sections.forEach((section, i) => {
    const id = uniqueId(ctx, `sec_${slug(section.number || String(i + 1))}`);
    const parts = [
      section.number ? `<num>${escapeText(section.number)}</num>` : '',
      section.heading ? `<heading>${escapeText(section.heading)}</heading>` : '',
      ...section.preamble.map((p, k) => preambular(p, k, ctx, id)),
      ...section.operative.map((p, k) =>
        operativeParagraph(p, sectionLabels[i]?.[k] ?? String(k + 1), unnumbered(p), 1, `${id}__`, ctx),
      ),
    ];
    // A section must hold at least one part below its heading.
    if (section.preamble.length + section.operative.length === 0)
      parts.push(`<hcontainer name="empty" eId="${id}__hcontainer_1"><content><p/></content></hcontainer>`);
    body.push(`<section eId="${id}">${parts.join('')}</section>`);
  });
  // mainBody may not be empty: a draft with no operative paragraph yet holds an empty one.
  if (body.length === 0) body.push('<paragraph eId="para_1"><content><p/></content></paragraph>');

  const attachments = doc.annex ? annex(doc, ctx, workIri, date, today, organ) : '';

  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<akomaNtoso xmlns="${AKN_NAMESPACE}" xmlns:rd="${DRAFTER_NAMESPACE}">`,
    `<statement name="${name}" contains="originalVersion">`,
    meta(
      doc,
      workIri,
      date,
      today,
      organ,
      '',
      name,
      doc.negotiation ? negotiationMarkup(doc.negotiation, ctx) : null,
    ),
    preface ? `<preface>${preface}</preface>` : '',
    preambleParts ? `<preamble>${preambleParts}</preamble>` : '',
    `<mainBody>${body.join('')}</mainBody>`,
    attachments,
    '</statement>',
    '</akomaNtoso>',
    '',
  ].join('\n');
}

/** The annex as an attachment: a `doc name="annex"` of its own, with its items as paragraphs. */
function annex(
  doc: ResolutionDocument,
  ctx: Context,
  workIri: string,
  date: string,
  today: string,
  organ: string,
): string {
  const a = doc.annex;
  if (!a) return '';
  const annexIri = `${workIri}/annex`;
  const annexMeta = meta(
    { ...doc, metadata: {}, number: doc.number ?? 'annex' } as ResolutionDocument,
    annexIri,
    date,
    today,
    organ,
    'annex__',
    'annex',
  );
  const headings = [...(a.headings ?? [])].sort((x, y) => x.before - y.before);
  const parts: string[] = [];
  if (a.intro.length)
    parts.push(
      `<hcontainer name="intro" eId="annex__intro"><content><p>${inlines(a.intro, ctx)}</p></content></hcontainer>`,
    );
  a.items.forEach((item, k) => {
    while (headings.length > 0 && (headings[0]?.before ?? 0) <= k) {
      const h = headings.shift();
      if (!h) break;
      parts.push(annexHeading(h.number, h.heading, ctx));
    }
    const label = item.label ?? subparagraphLabel(1, k + 1);
    parts.push(
      operativeParagraph(
        { opener: '', content: item.content, subparagraphs: item.subparagraphs, label },
        label,
        ctx.adopted && item.label === undefined,
        2,
        'annex__',
        ctx,
      ),
    );
  });
  for (const h of headings) parts.push(annexHeading(h.number, h.heading, ctx));
  if (parts.length === 0) parts.push('<paragraph eId="annex__para_1"><content><p/></content></paragraph>');
  const title = a.title ? `<preface><p><docTitle>${escapeText(a.title)}</docTitle></p></preface>` : '';
  return `<attachments><attachment><doc name="annex">${annexMeta}${title}<mainBody>${parts.join('')}</mainBody></doc></attachment></attachments>`;
}

/**
 * A heading between the annex's items ("I. General provisions"): a container of its own (AKN's
 * crossHeading may not stand in a body, only among a hierarchy's parts).
 */
function annexHeading(number: string, heading: string, ctx: Context): string {
  const id = uniqueId(ctx, 'annex__container_heading');
  const num = number ? `<span class="num">${escapeText(number)}</span> ` : '';
  return `<container name="heading" eId="${id}"><p>${num}${escapeText(heading)}</p></container>`;
}
