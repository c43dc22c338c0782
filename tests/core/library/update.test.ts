/**
 * Updating last year's resolution (issue 13, item 3): the proposals on real library documents, named
 * by symbol, one kind at a time; their status read from a draft's text; and their quality measured on
 * the library, with thresholds.
 *
 * The quality: for every pair of a session-79 resolution and its session-80 successor in the library,
 * the proposals made on the 79 text are checked against what the 80 text really says. Precision: of
 * the proposals whose paragraph the 80 text still has, the share it confirms (the new wording in the
 * same words around it). Recall: of the 80 text's own moves of an Assembly session ordinal by one
 * session, and of its paragraphs that came to cite the 79 resolution, the share the proposals made.
 * Measured when written: 154 pairs, 792 proposals of which 698 judged (the others' paragraphs were
 * rewritten or dropped), precision 0.937; session moves 239 of 247 (0.968); new citations 131 of 171
 * (0.766). The biennial pairs (78 → 80, their cadence found by the app): 52 pairs, precision 0.803.
 * Thresholds sit just below.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { loadShippedPack } from '../../../src/cli/library-build.ts';
import { compareDocuments } from '../../../src/core/compare/compare.ts';
import { words } from '../../../src/core/compare/similarity.ts';
import { outlineAt, type LineageSource } from '../../../src/core/library/lineage.ts';
import { ORDINAL_SOURCE, ordinalValue, ordinalWords } from '../../../src/core/library/ordinals.ts';
import type { LibraryDocument, LibraryMeta } from '../../../src/core/library/types.ts';
import {
  applyUpdates,
  draftFromLibrary,
  proposeUpdates,
  updateFix,
  updateStates,
  updateTarget,
  type UpdateKind,
  type UpdateProposal,
} from '../../../src/core/library/update.ts';
import { inlineText } from '../../../src/core/model/inline.ts';
import type { ResolutionDocument } from '../../../src/core/model/types.ts';
import { validateDocument } from '../../../src/core/model/validate.ts';
import { applyFix } from '../../../src/core/rules/fix.ts';
import { paragraphUnits } from '../../../src/core/rules/units.ts';
import { fn, op, pre, res } from '../../helpers/builders.ts';

const PRECISION = 0.92;
const SESSION_RECALL = 0.95;
const RECALLING_RECALL = 0.72;
const BIENNIAL_PRECISION = 0.75;

let byId: Map<string, LibraryDocument>;
let library: LineageSource;

function get(id: string): LibraryDocument {
  const d = byId.get(id);
  if (!d) throw new Error(`${id} is not in the library`);
  return d;
}

function proposals(id: string): UpdateProposal[] {
  return proposeUpdates(get(id), { library });
}

/** One line per proposal: "OP12 session: eightieth → eighty-first". */
function render(list: readonly UpdateProposal[]): string[] {
  return list.map((p) => `${p.label} ${p.kind}: ${p.oldText} → ${p.newText}`);
}

/** The printed text of the paragraph a proposal names, in `doc`. */
function textAt(doc: ResolutionDocument, p: UpdateProposal): string {
  const place = p.place;
  if (place.type === 'footnote')
    return inlineText(doc.footnotes.find((f) => f.id === place.footnoteId)?.content ?? []);
  const unit = paragraphUnits(doc).find(
    (u) =>
      u.address.part === place.address.part &&
      u.address.paragraph === place.address.paragraph &&
      u.address.section === place.address.section &&
      (u.address.subparagraph ?? []).join() === (place.address.subparagraph ?? []).join(),
  );
  return unit?.text ?? '';
}

// ---------------------------------------------------------------------------------------------------
// The quality on the library

/** Ordinals as some adopted texts misprint them ("eighty first", "eightyfirst") read as one word. */
const SPLIT_ORDINAL =
  /\b(twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)\s*[-\u2010\u2011]?\s*(first|second|third|fourth|fifth|sixth|seventh|eighth|ninth)\b/gi;
const tokens = (text: string): string[] => words(text.replace(SPLIT_ORDINAL, '$1-$2'));

function includesRun(hay: readonly string[], needle: readonly string[]): boolean {
  if (needle.length === 0) return false;
  outer: for (let i = 0; i + needle.length <= hay.length; i++) {
    for (let j = 0; j < needle.length; j++) if (hay[i + j] !== needle[j]) continue outer;
    return true;
  }
  return false;
}

const escape = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const cites = (text: string, number: string): boolean =>
  new RegExp(`(?<![\\d/])${escape(number)}(?![\\d/])`).test(text);

interface Tally {
  judged: number;
  confirmed: number;
}

interface Quality {
  pairs: number;
  proposals: number;
  judged: number;
  confirmed: number;
  byKind: Partial<Record<UpdateKind, Tally>>;
  sessionMoves: number;
  sessionMovesProposed: number;
  recallingAdds: number;
  recallingAddsProposed: number;
  /** Proposals the successor does not confirm, for reading. */
  unconfirmed: string[];
}

function measure(
  pack: { documents: readonly LibraryDocument[]; predecessors: ReadonlyMap<string, string> },
  from: number,
  to: number,
): Quality {
  const q: Quality = {
    pairs: 0,
    proposals: 0,
    judged: 0,
    confirmed: 0,
    byKind: {},
    sessionMoves: 0,
    sessionMovesProposed: 0,
    recallingAdds: 0,
    recallingAddsProposed: 0,
    unconfirmed: [],
  };
  const ordinalSession = new RegExp(`^(?:${ORDINAL_SOURCE})$`, 'i');
  for (const [id, previousId] of pack.predecessors) {
    const base = byId.get(previousId);
    const next = byId.get(id);
    if (!base || !next || base.meta.session !== from || next.meta.session !== to) continue;
    q.pairs++;
    const gap = to - from;
    const list = proposeUpdates(base, { library });
    const updated = applyUpdates(base.doc, list);
    // The new paragraph shifts the preamble: paragraphs are read in the base's numbering without it.
    const edited = applyUpdates(
      base.doc,
      list.filter((p) => p.place.type !== 'insert'),
    );
    const changes = compareDocuments(base.doc, next.doc).changes;
    const aligned = new Map<string, readonly number[]>();
    for (const c of changes)
      if (c.basePath && c.draftPath) aligned.set(`${c.part}:${c.basePath.join('.')}`, c.draftPath);
    const number = base.meta.number;

    for (const p of list) {
      q.proposals++;
      const place = p.place;
      let confirmed: boolean;
      if (place.type === 'insert') {
        confirmed = next.doc.preamble.some((pp) => cites(inlineText(pp.content), number ?? ''));
      } else {
        const to = place.part === 'title' ? [] : aligned.get(`${place.part}:${place.path.join('.')}`);
        if (!to) continue;
        const real = place.part === 'title' ? null : outlineAt(next.doc, place.part, to);
        if (place.type === 'paragraph') {
          const realWords = tokens(real?.text ?? next.doc.title);
          const wanted = tokens(p.newText);
          confirmed =
            includesRun(realWords, [...tokens(p.before).slice(-2), ...wanted]) ||
            includesRun(realWords, [...wanted, ...tokens(p.after).slice(0, 2)]);
        } else {
          const pattern = new RegExp(
            escape(p.newText).replace(escape('‹number›'), '\\d+').replace(/\s+/g, '\\s+'),
            'i',
          );
          // The reader sometimes loses a note's reference in the successor: then any note of it.
          const notes = real && real.footnotes.length > 0 ? real.footnotes : next.doc.footnotes;
          confirmed = notes.some((f) => pattern.test(inlineText(f.content)));
        }
      }
      q.judged++;
      const tally = (q.byKind[p.kind] ??= { judged: 0, confirmed: 0 });
      tally.judged++;
      if (confirmed) {
        q.confirmed++;
        tally.confirmed++;
      } else q.unconfirmed.push(`${base.meta.symbol} ${p.label}: ${p.oldText} → ${p.newText}`);
    }

    for (const c of changes) {
      if (!c.basePath || !c.draftPath || !c.baseText || !c.draftText) continue;
      const mine = tokens(outlineAt(edited, c.part, c.basePath)?.text ?? '');
      const baseWords = tokens(c.baseText);
      const realWords = tokens(c.draftText);
      // The successor's own session moves: "its eightieth session" became "its eighty-first session".
      baseWords.forEach((w, i) => {
        const value = ordinalValue(w);
        if (value === undefined || baseWords[i + 1] !== 'session' || !ordinalSession.test(w)) return;
        if (value < from - 1 || value > to + 1) return;
        const moved = ordinalWords(value + gap) ?? '';
        const before = baseWords.slice(Math.max(0, i - 2), i);
        const pattern = [...before, moved, 'session'];
        if (!includesRun(realWords, pattern) || includesRun(realWords, [...before, w, 'session'])) return;
        q.sessionMoves++;
        if (includesRun(mine, pattern)) q.sessionMovesProposed++;
      });
      // A paragraph that came to cite the resolution being updated.
      if (number && !cites(c.baseText, number) && cites(c.draftText, number)) {
        q.recallingAdds++;
        if (cites(outlineAt(edited, c.part, c.basePath)?.text ?? '', number)) q.recallingAddsProposed++;
      }
    }
    // A recalling line the successor opens with.
    for (const c of changes)
      if (
        number &&
        c.type === 'inserted' &&
        c.part === 'preamble' &&
        c.draftText &&
        /^Recalling its resolution/.test(c.draftText) &&
        cites(c.draftText, number)
      ) {
        q.recallingAdds++;
        if (updated.preamble.some((pp) => cites(inlineText(pp.content), number))) q.recallingAddsProposed++;
      }
  }
  return q;
}

let annual: Quality;
let biennial: Quality;

beforeAll(() => {
  const pack = loadShippedPack();
  byId = new Map(pack.documents.map((d) => [d.meta.id, d]));
  const predecessors = new Map(pack.predecessors);
  library = { get: (id) => byId.get(id), predecessors };
  annual = measure({ documents: pack.documents, predecessors }, 79, 80);
  biennial = measure({ documents: pack.documents, predecessors }, 78, 80);
  const kinds = Object.entries(annual.byKind)
    .map(([k, t]) => `${k} ${t.confirmed}/${t.judged}`)
    .join(', ');
  process.stdout.write(
    `update of last year's resolution, 79 → 80: ${annual.pairs} pairs, ${annual.proposals} proposals, ` +
      `precision ${(annual.confirmed / annual.judged).toFixed(3)} (${annual.confirmed}/${annual.judged}; ${kinds}); ` +
      `session moves ${annual.sessionMovesProposed}/${annual.sessionMoves}, recalling ${annual.recallingAddsProposed}/${annual.recallingAdds}; ` +
      `78 → 80: ${biennial.pairs} pairs, precision ${(biennial.confirmed / biennial.judged).toFixed(3)}\n`,
  );
}, 240_000);

describe('the update measured on the library (session-79 resolutions and their session-80 successors)', () => {
  it('measures on the whole session: 150 pairs and over 600 judged proposals', () => {
    expect(annual.pairs).toBeGreaterThanOrEqual(150);
    expect(annual.judged).toBeGreaterThan(600);
  });

  it(`is confirmed by the successor at least ${PRECISION * 100} % of the time`, () => {
    expect(annual.confirmed / annual.judged).toBeGreaterThanOrEqual(PRECISION);
  });

  it('is confirmed at least 88 % of the time in each kind', () => {
    for (const [kind, t] of Object.entries(annual.byKind)) {
      expect.soft(t.confirmed / t.judged, kind).toBeGreaterThanOrEqual(0.88);
    }
    expect(Object.keys(annual.byKind).sort()).toEqual(['citation', 'recalling', 'report', 'session', 'year']);
  });

  it(`proposes at least ${SESSION_RECALL * 100} % of the successors' moves of the Assembly's session`, () => {
    expect(annual.sessionMoves).toBeGreaterThan(200);
    expect(annual.sessionMovesProposed / annual.sessionMoves).toBeGreaterThanOrEqual(SESSION_RECALL);
  });

  it(`proposes at least ${RECALLING_RECALL * 100} % of the successors' new citations of the resolution updated`, () => {
    expect(annual.recallingAdds).toBeGreaterThan(150);
    expect(annual.recallingAddsProposed / annual.recallingAdds).toBeGreaterThanOrEqual(RECALLING_RECALL);
  });

  it(`holds at least ${BIENNIAL_PRECISION * 100} % on biennial resolutions (78 → 80), their cadence found by the app`, () => {
    expect(biennial.pairs).toBeGreaterThan(40);
    expect(biennial.confirmed / biennial.judged).toBeGreaterThanOrEqual(BIENNIAL_PRECISION);
  });
});

// ---------------------------------------------------------------------------------------------------
// Each kind on real documents

describe('proposeUpdates: the recalling line', () => {
  it('adds the resolution to the list of the series, moving the "and" (A/RES/79/20 PP1)', () => {
    const p = proposals('A/RES/79/20').find((x) => x.label === 'PP1');
    expect(p).toMatchObject({
      kind: 'recalling',
      oldText: ' and 78/21 of 4 December 2023',
      newText: ', 78/21 of 4 December 2023 and 79/20 of 2 December 2024',
      reason: 'Recalls the resolution being updated, 79/20 of 2 December 2024',
    });
  });

  it('puts it after the last of the list when "and all other relevant resolutions" follows (A/RES/79/221)', () => {
    const p = proposals('A/RES/79/221').find((x) => x.label === 'PP1');
    expect(p?.newText).toBe('78/164 of 19 December 2023, 79/221 of 19 December 2024');
    expect(p?.after).toMatch(/^ and all other/);
  });

  it('puts it in the place of the latest version when the line names only that one (A/RES/79/31)', () => {
    expect(render(proposals('A/RES/79/31').filter((p) => p.kind === 'recalling'))).toEqual([
      'PP1 recalling: 78/54 of 4 December 2023 → 79/31 of 2 December 2024',
    ]);
  });

  it('updates "the most recent of which is resolution …" (A/RES/79/19 PP6)', () => {
    const p = proposals('A/RES/79/19').find((x) => x.label === 'PP6');
    expect(p?.newText).toBe('79/19 of 2 December 2024');
    expect(p?.reason).toBe(
      'The most recent resolution is now the one being updated, 79/19 of 2 December 2024',
    );
  });

  it('keeps the first of a series beside the new one (A/RES/80/58 follows 79/239, the first)', () => {
    const p = proposals('A/RES/80/58').find((x) => x.label === 'PP1');
    expect(p).toMatchObject({
      oldText: 'resolution 79/239 of 24 December 2024',
      newText: 'resolutions 79/239 of 24 December 2024 and 80/58 of 1 December 2025',
    });
  });

  it('proposes a recalling line where the first of its series has none, as its first paragraph (A/RES/79/239)', () => {
    const p = proposals('A/RES/79/239')[0];
    expect(p).toMatchObject({
      id: 'recalling:new:preamble:1',
      label: 'new PP1',
      newText: 'Recalling its resolution 79/239 of 24 December 2024,',
      place: { type: 'insert', address: { part: 'preamble', paragraph: 1 }, opener: 'Recalling' },
    });
  });

  it('proposes none where the series recalls its resolutions without numbers (A/RES/79/99, Question of American Samoa)', () => {
    expect(proposals('A/RES/79/99').filter((p) => p.kind === 'recalling')).toEqual([]);
  });

  it('replaces the resolution a report follows (A/RES/79/16: "on the implementation of resolution 78/17")', () => {
    expect(render(proposals('A/RES/79/16').filter((p) => p.kind === 'citation'))).toEqual([
      'PP12 citation: 78/17 → 79/16',
      'OP8 citation: 78/17 → 79/16',
    ]);
  });

  it('leaves a resolution cited for what it did ("Recalling, in its resolution 78/47, its decision …", A/RES/79/54 PP4)', () => {
    expect(proposals('A/RES/79/54').filter((p) => p.label === 'PP4')).toEqual([]);
  });
});

describe('proposeUpdates: sessions and years', () => {
  it('moves the report requested and the agenda item on to the next session (A/RES/79/16 OP11, OP12)', () => {
    const list = proposals('A/RES/79/16').filter((p) => p.kind === 'session' || p.kind === 'report');
    expect(list.map((p) => [p.label, p.kind, p.oldText, p.newText, p.reason])).toEqual([
      [
        'OP11',
        'report',
        'eightieth',
        'eighty-first',
        'The report requested is for the new session: eightieth → eighty-first',
      ],
      [
        'OP12',
        'session',
        'eightieth',
        'eighty-first',
        'The item goes on the agenda of the new session: eightieth → eighty-first',
      ],
      [
        'footnote to PP12',
        'report',
        'A/79/139',
        'A/80/‹number›',
        "The report considered is the new session's; its symbol is not known yet",
      ],
    ]);
  });

  it('moves the base\'s own session on (A/RES/79/3: "until the end of its seventy-ninth session")', () => {
    expect(render(proposals('A/RES/79/3'))).toEqual(['OP6 session: seventy-ninth → eightieth']);
  });

  it('leaves earlier sessions and other bodies\' sessions (A/RES/79/3 "the Committee on Contributions on its eighty-fourth session")', () => {
    const text = inlineText(get('A/RES/79/3').doc.preamble[0]?.content ?? []);
    expect(text).toMatch(/Committee on Contributions on its eighty-fourth session/);
    expect(proposals('A/RES/79/3').some((p) => p.label === 'PP1')).toBe(false);
    // A/RES/79/104 PP18: "at the seventy-eighth session of the General Assembly" is history.
    expect(proposals('A/RES/79/104').some((p) => p.oldText === 'seventy-eighth')).toBe(false);
  });

  it('moves a year that goes with the session, and no year of a date or a period', () => {
    expect(render(proposals('A/RES/79/64').filter((p) => p.kind === 'year'))).toEqual([
      'PP9 year: 2024 → 2025',
    ]);
    expect(proposals('A/RES/79/64').find((p) => p.kind === 'year')?.before).toMatch(/during its $/);
    expect(render(proposals('A/RES/79/4').filter((p) => p.kind === 'year'))).toContain(
      'PP1 year: 2023 → 2024',
    );
    // "an action plan for the period 2020–2024" and "of 4 December 2023" stay (A/RES/79/34).
    expect(proposals('A/RES/79/34').filter((p) => p.kind === 'year')).toEqual([]);
  });

  it("moves the Official Records of the session to the new session's (A/RES/79/105, a footnote)", () => {
    const p = proposals('A/RES/79/105').find((x) => x.place.type === 'footnote');
    expect(p).toMatchObject({
      label: 'footnote to PP1',
      oldText: 'Seventy-ninth Session, Supplement No. 23 (A/79/',
      newText: 'Eightieth Session, Supplement No. 23 (A/80/',
    });
  });
});

describe('updateTarget: the cadence', () => {
  it('follows the library: annual when the predecessor is one session back', () => {
    expect(updateTarget(get('A/RES/79/16'), { library })).toEqual({
      session: 79,
      target: 80,
      years: 1,
      number: '79/16',
      date: '2 December 2024',
      previous: { number: '78/17', first: false },
    });
  });

  it('makes a resolution whose predecessor is two sessions back biennial, and moves two sessions on (A/RES/80/131)', () => {
    expect(updateTarget(get('A/RES/80/131'), { library })).toMatchObject({
      session: 80,
      target: 82,
      years: 2,
    });
    expect(render(proposals('A/RES/80/131').filter((p) => p.kind === 'report'))).toEqual([
      'OP4 report: eighty-first → eighty-third',
    ]);
  });

  it('reads the cadence from the agenda without the library ("the provisional agenda of its eightieth session" in a 78 text)', () => {
    const base = [...byId.values()].find(
      (d) =>
        d.meta.session === 78 &&
        /provisional agenda of its eightieth session/.test(
          d.doc.operative.map((p) => inlineText(p.content)).join(' '),
        ),
    );
    expect(base).toBeDefined();
    expect(updateTarget(base!).target).toBe(80);
  });

  it('takes the session asked for, and refuses one that does not come after', () => {
    expect(updateTarget(get('A/RES/80/17'), { library, session: 82 })).toMatchObject({
      target: 82,
      years: 2,
    });
    expect(render(proposeUpdates(get('A/RES/80/17'), { library, session: 82 }))).toContain(
      'OP12 session: eighty-first → eighty-third',
    );
    expect(() => updateTarget(get('A/RES/80/17'), { session: 80 })).toThrow(
      'updateTarget: session 80 does not come after 80',
    );
  });
});

describe('proposeUpdates on a resolution of the Conference of the Parties (sixth session, 2012)', () => {
  it('moves "its seventh session" on to the eighth and recalls resolution 6/3 in place of 5/3', () => {
    expect(updateTarget(get('COP resolution 6/3'), { library })).toMatchObject({
      session: 6,
      target: 7,
      years: 2,
    });
    expect(render(proposals('COP resolution 6/3'))).toEqual([
      'PP2 recalling: 5/3 of 22 October 2010 → 6/3 of 19 October 2012',
      'OP20 session: seventh → eighth',
      'OP21 report: seventh → eighth',
    ]);
  });

  it('moves the session in the title of a decision ("Provisional agenda for the seventh session …")', () => {
    expect(render(proposals('COP decision 6/1')).slice(0, 1)).toEqual(['title session: seventh → eighth']);
  });
});

// ---------------------------------------------------------------------------------------------------
// Status from the text, and applying

/** A library document built from its parts, adopted on 2 December 2024 at the seventy-ninth session. */
function built(doc: ResolutionDocument, meta: Partial<LibraryMeta> = {}): LibraryDocument {
  return {
    meta: {
      id: 'A/RES/79/500',
      symbol: 'A/RES/79/500',
      body: 'ga',
      kind: 'resolution',
      number: '79/500',
      session: 79,
      date: '2024-12-02',
      title: doc.title,
      agendaItem: null,
      agendaItemTitle: null,
      report: null,
      draftSymbol: null,
      ...meta,
    },
    doc,
  };
}

const BASE = built(
  res({
    title: 'Cooperation on a recurring item',
    organ: 'General Assembly',
    formula: 'The General Assembly,',
    preamble: [
      pre('Recalling', 'its resolutions 77/10 of 7 December 2022 and 78/10 of 4 December 2023,'),
      pre('Having considered', 'the report of the Secretary-General,{fn:n1}'),
    ],
    operative: [
      op(
        'Requests',
        'the Secretary-General to report to the General Assembly at its eightieth session on the implementation of the present resolution, and decides to include in the provisional agenda of its eightieth session the item;',
      ),
    ],
    footnotes: [fn('n1', 'A/79/321.')],
  }),
);

describe('updateStates: where each proposal stands, read from the text', () => {
  const list = proposeUpdates(BASE);

  it('finds four proposals on the built resolution, all pending in the base itself', () => {
    expect(render(list)).toEqual([
      'PP1 recalling:  and 78/10 of 4 December 2023 → , 78/10 of 4 December 2023 and 79/500 of 2 December 2024',
      'OP1 report: eightieth → eighty-first',
      'OP1 session: eightieth → eighty-first',
      'footnote to PP2 report: A/79/321 → A/80/‹number›',
    ]);
    expect([...updateStates(BASE.doc, list).values()].map((s) => s.status)).toEqual([
      'pending',
      'pending',
      'pending',
      'pending',
    ]);
  });

  it('tells two proposals of one paragraph apart: the second made, the first still pending', () => {
    const [, first, second] = list;
    const draft = applyUpdates(BASE.doc, [second!]);
    expect(textAt(draft, second!)).toContain(
      'at its eightieth session on the implementation of the present resolution, and decides to include in the provisional agenda of its eighty-first session',
    );
    const states = updateStates(draft, list);
    expect(states.get(first!.id)?.status).toBe('pending');
    expect(states.get(second!.id)?.status).toBe('done');
  });

  it('is overtaken where the delegate wrote something else', () => {
    const [, first] = list;
    const place = updateStates(BASE.doc, [first!]).get(first!.id)?.place;
    if (place?.type !== 'paragraph') throw new Error('no place');
    const rewritten = applyFix(BASE.doc, {
      description: 'rewrite',
      edits: [{ kind: 'replaceText', target: place.address, range: place.range, text: 'next' }],
    });
    expect(textAt(rewritten, first!)).toContain('at its next session on the implementation');
    expect(updateStates(rewritten, [first!]).get(first!.id)).toEqual({ status: 'overtaken' });
  });

  it('follows the paragraph when the draft gains one before it', () => {
    const recalling = list[0]!;
    const draft = {
      ...BASE.doc,
      preamble: [pre('Guided by', 'the Charter of the United Nations,'), ...BASE.doc.preamble],
    };
    const state = updateStates(draft, [recalling]).get(recalling.id);
    expect(state?.status).toBe('pending');
    expect(state?.place).toMatchObject({ address: { part: 'preamble', paragraph: 2 } });
    expect(updateStates(applyUpdates(draft, [recalling]), [recalling]).get(recalling.id)?.status).toBe(
      'done',
    );
  });

  it('reads undo as undo: the base text again is pending again', () => {
    const done = applyUpdates(BASE.doc, list);
    expect([...updateStates(done, list).values()].every((s) => s.status === 'done')).toBe(true);
    expect([...updateStates(BASE.doc, list).values()].every((s) => s.status === 'pending')).toBe(true);
  });

  it('gives the edit for the editor: the range of the old text where it now stands', () => {
    const recalling = list[0]!;
    const draft = { ...BASE.doc, preamble: [pre('Guided by', 'the Charter,'), ...BASE.doc.preamble] };
    const fix = updateFix(recalling, updateStates(draft, [recalling]).get(recalling.id)!);
    expect(fix?.edits).toEqual([
      {
        kind: 'replaceText',
        target: { part: 'preamble', paragraph: 2 },
        range: recalling.place.type === 'paragraph' ? recalling.place.range : null,
        text: ', 78/10 of 4 December 2023 and 79/500 of 2 December 2024',
      },
    ]);
  });
});

describe('applyUpdates', () => {
  it('makes every pending proposal at once, footnotes and new paragraphs included, leaving the base as it was', () => {
    const first = built(
      res({
        title: 'A new item',
        organ: 'General Assembly',
        formula: 'The General Assembly,',
        preamble: [pre('Noting', 'the report,{fn:n1}')],
        operative: [op('Decides', 'to include in the provisional agenda of its eightieth session the item;')],
        footnotes: [fn('n1', 'A/79/77.')],
      }),
    );
    const list = proposeUpdates(first);
    expect(render(list)).toEqual([
      'new PP1 recalling:  → Recalling its resolution 79/500 of 2 December 2024,',
      'OP1 session: eightieth → eighty-first',
      'footnote to PP1 report: A/79/77 → A/80/‹number›',
    ]);
    const out = applyUpdates(first.doc, list);
    expect(out.preamble.map((p) => `${p.opener} ${inlineText(p.content)}`)).toEqual([
      'Recalling its resolution 79/500 of 2 December 2024,',
      'Noting the report,',
    ]);
    expect(inlineText(out.operative[0]!.content)).toBe(
      'to include in the provisional agenda of its eighty-first session the item;',
    );
    expect(inlineText(out.footnotes[0]!.content)).toBe('A/80/‹number›.');
    expect(out.preamble[1]!.content).toContainEqual({ type: 'footnoteRef', footnoteId: 'n1' });
    expect(inlineText(first.doc.operative[0]!.content)).toContain('eightieth');
    expect([...updateStates(out, list).values()].map((s) => s.status)).toEqual(['done', 'done', 'done']);
  });

  it('leaves done and overtaken proposals as they are (applying twice changes nothing)', () => {
    const list = proposeUpdates(BASE);
    const once = applyUpdates(BASE.doc, list);
    expect(applyUpdates(once, list)).toEqual(once);
  });

  it('gives every proposal of a real resolution a stable id, unique in it (A/RES/79/16)', () => {
    const ids = proposals('A/RES/79/16').map((p) => p.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(proposals('A/RES/79/16').map((p) => p.id)).toEqual(ids);
    expect(ids[0]).toMatch(/^recalling:preamble::1::\d+$/);
  });
});

describe('draftFromLibrary', () => {
  const september = new Date(2025, 8, 1);

  it("starts the eightieth session's draft from A/RES/79/20: its text, a draft's masthead, the resolution as its base", () => {
    const base = get('A/RES/79/20');
    const draft = draftFromLibrary(base, updateTarget(base, { library }), september);
    expect(draft.metadata).toEqual({
      symbol: 'A/C.1/80/L.‹number›',
      distribution: 'limited',
      originalLanguage: 'English',
      session: 'Eightieth session',
      date: '2025-09-01',
      agendaItem: '‹item›',
      agendaItemTitle:
        'Prevention of an arms race in outer space: no first placement of weapons in outer space',
      base: { source: 'file', ref: 'A/RES/79/20' },
    });
    expect(draft.number).toBeUndefined();
    expect(draft.preamble).toEqual(base.doc.preamble);
    expect(draft.operative).toEqual(base.doc.operative);
    expect(validateDocument(draft).ok).toBe(true);
    // The proposals made on the resolution are all pending in its draft.
    const list = proposeUpdates(base, { library });
    expect([...updateStates(draft, list).values()].every((s) => s.status === 'pending')).toBe(true);
  });

  it('gives a plenary resolution a plenary symbol, and the Conference its next session two years on', () => {
    const plenary = get('A/RES/79/7');
    expect(draftFromLibrary(plenary, updateTarget(plenary, { library }), september).metadata.symbol).toBe(
      'A/80/L.‹number›',
    );
    const cop = get('COP resolution 6/3');
    expect(draftFromLibrary(cop, updateTarget(cop, { library }), september).metadata).toMatchObject({
      symbol: 'CTOC/COP/2014/L.‹number›',
      session: 'Seventh session',
      base: { source: 'file', ref: 'resolution 6/3' },
    });
  });
});
