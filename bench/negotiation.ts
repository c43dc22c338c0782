/**
 * Benchmark figure of issue 14: merging five delegations' returned Word files into a 60-paragraph draft
 * takes at most 500 ms. The draft is A/RES/79/9 (29 preambular and 30 operative paragraphs) as the
 * reader reads it; each delegation's file is the project's tracked export of the draft with its own
 * edits (a word replaced in four paragraphs, a word deleted in two, a paragraph added), so the merge
 * reads five real .docx files, aligns them with the draft and finds the conflicts among twenty-odd
 * proposals. Timed: reading the five files' tracked changes and merging them (median of 10).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { GA_DIR } from '../src/cli/library-build.ts';
import { exportDocx } from '../src/core/export/docx/docx.ts';
import { readTrackedChanges, type TrackedDocument } from '../src/core/import/tracked.ts';
import { inlineText } from '../src/core/model/inline.ts';
import type { OperativeParagraph, ResolutionDocument } from '../src/core/model/types.ts';
import { mergeReturnedFiles } from '../src/core/negotiation/merge.ts';
import { readPrintedText } from '../src/core/parse/printed.ts';
import { median, round, sorted, type Figure } from './measure.ts';

const DELEGATIONS = ['EU', 'G77 and China', 'CANZ', 'Mexico', 'Russian Federation'];

/** The operative paragraph with the first word of at least six letters replaced (or deleted). */
function edited(p: OperativeParagraph, by: string): OperativeParagraph {
  const text = inlineText(p.content);
  return { ...p, content: [{ type: 'text', text: text.replace(/\b[a-z]{6,}\b/, by) }] };
}

function delegationDraft(base: ResolutionDocument, k: number): ResolutionDocument {
  const operative = base.operative.map((p, i) =>
    // Each delegation its own paragraphs, and OP1 for all of them (conflicts).
    i === 0 || i % DELEGATIONS.length === k
      ? edited(p, i % 3 === 0 ? '' : `${DELEGATIONS[k]?.split(' ')[0]?.toLowerCase() ?? 'x'}-word`)
      : p,
  );
  operative.splice(3 + k, 0, {
    opener: 'Encourages',
    content: [{ type: 'text', text: `all States to consider the proposal of ${DELEGATIONS[k] ?? ''};` }],
    subparagraphs: [],
  });
  return { ...base, operative };
}

export async function measureNegotiation(runs = 10): Promise<Figure[]> {
  const [base] = readPrintedText(readFileSync(join(GA_DIR, 'A_RES_79_9.txt'), 'utf8')).documents;
  if (!base) throw new Error('A/RES/79/9 could not be read');
  const files = await Promise.all(
    DELEGATIONS.map(async (author, k) => ({
      name: `${author}.docx`,
      bytes: await exportDocx(delegationDraft(base, k), { base, author, date: '2026-11-30T10:00:00Z' }),
    })),
  );
  let proposals = 0;
  let conflicts = 0;
  const times: number[] = [];
  for (let run = 0; run < runs + 2; run++) {
    const t0 = performance.now();
    const tracked: { name: string; tracked: TrackedDocument }[] = [];
    for (const f of files) {
      const r = await readTrackedChanges(f.bytes);
      if (!r.ok) throw new Error(`${f.name}: ${r.error}`);
      tracked.push({ name: f.name, tracked: r.value });
    }
    const merged = mergeReturnedFiles(base, tracked);
    const ms = performance.now() - t0;
    if (run >= 2) times.push(ms);
    proposals = merged.proposals.length;
    conflicts = merged.proposals.filter((p) => p.conflictsWith.length > 0).length;
  }
  const paragraphs = base.preamble.length + base.operative.length;
  return [
    {
      key: 'negotiation.mergeFiveFilesMs',
      value: round(median(sorted(times)), 1),
      unit: 'ms',
      budget: 500,
      what: `read five delegations' returned .docx files (tracked changes) and merge them into the ${paragraphs}-paragraph A/RES/79/9: ${proposals} proposals, ${conflicts} of them in conflict (median of ${runs})`,
    },
  ];
}
