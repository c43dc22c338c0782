/**
 * Tracked changes and typography (issue 12, item 6): as compare does not report typography-only
 * differences, the Word export against a base does not track them, unless the exact engine is asked for.
 */
import { describe, expect, it } from 'vitest';
import { documentBlocks } from '../../../../src/core/export/docx/blocks.ts';
import { compareEngine, exactCompareEngine } from '../../../../src/core/export/docx/compare-engine.ts';
import { exportFootnotes } from '../../../../src/core/export/docx/footnotes.ts';
import {
  trackChanges,
  type CompareEngine,
  type TrackedBlock,
} from '../../../../src/core/export/docx/tracked.ts';
import type { ResolutionDocument } from '../../../../src/core/model/types.ts';
import { op, pre, res } from '../../../helpers/builders.ts';

/** `<del>…</del><ins>…</ins>` per paragraph. */
function render(blocks: readonly TrackedBlock[]): string[] {
  return blocks.map((b) =>
    b.pieces
      .map((p) => {
        const t = p.kind === 'text' ? p.text : p.kind === 'tab' ? ' ' : `^${p.index + 1}`;
        return p.change === 'inserted' ? `<ins>${t}</ins>` : p.change === 'deleted' ? `<del>${t}</del>` : t;
      })
      .join('')
      .replace(/<\/ins><ins>|<\/del><del>/g, ''),
  );
}

function tracked(base: ResolutionDocument, draft: ResolutionDocument, engine: CompareEngine): string[] {
  const baseNotes = exportFootnotes(base);
  const draftNotes = exportFootnotes(draft);
  return render(
    trackChanges(
      {
        base: documentBlocks(base),
        draft: documentBlocks(draft),
        baseSource: (k) => baseNotes[k]?.source ?? '',
        draftSource: (k) => draftNotes[k]?.source ?? '',
      },
      engine,
    ),
  );
}

const typed = res({
  title: 'Cooperation',
  preamble: [pre('Noting', 'the "report" of the Secretary-General for 2019-2020,')],
  operative: [op('Requests', 'the Office to report;')],
});
const printed = res({
  title: 'Cooperation',
  preamble: [pre('Noting', 'the “report” of the Secretary\u2011General for 2019–2020,')],
  operative: [op('Requests', 'the Office to submit a report;')],
});

describe('trackChanges and typography', () => {
  it('tracks no typography-only difference by default, keeping the draft’s marks, and tracks the real change', () => {
    const lines = tracked(typed, printed, compareEngine);
    expect(lines).toContain('Noting the “report” of the Secretary\u2011General for 2019–2020,');
    expect(lines).toContain('Requests the Office to <ins>submit a </ins>report;');
  });

  it('tracks every mark that differs with the exact engine', () => {
    const lines = tracked(typed, printed, exactCompareEngine);
    expect(lines).toContain(
      'Noting the <del>"</del><ins>“</ins>report<del>"</del><ins>”</ins> of the <del>Secretary-General</del><ins>Secretary\u2011General</ins> for <del>2019-2020</del><ins>2019–2020</ins>,',
    );
  });

  it('tracks a space of another kind with the exact engine, so reject all gives the base’s back, and not by default', () => {
    const base = res({ title: 'Cooperation\u00a0of States', operative: [op('Decides', 'to act.')] });
    const draft = res({ title: 'Cooperation of States', operative: [op('Decides', 'to act.')] });
    expect(tracked(base, draft, exactCompareEngine)).toContain(
      'Cooperation<del>\u00a0</del><ins> </ins>of States',
    );
    expect(tracked(base, draft, compareEngine)).toContain('Cooperation of States');
  });
});
