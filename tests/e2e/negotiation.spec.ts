/**
 * Negotiation (issue 14), as a facilitator runs it: the draft becomes the zero draft, two delegations
 * propose in the app, two more send Word files back with tracked changes, the facilitator resolves
 * the bracket their proposals make, marks paragraphs agreed and issues Rev.1, whose Word file —
 * opened and saved again by LibreOffice — carries the right tracked changes against the zero draft.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { exportDocx } from '../../src/core/export/docx/docx.ts';
import { readTrackedChanges, type TrackedDocument } from '../../src/core/import/tracked.ts';
import { serializeDocumentFile } from '../../src/core/model/file.ts';
import { inlineText } from '../../src/core/model/inline.ts';
import type { OperativeParagraph, ResolutionDocument } from '../../src/core/model/types.ts';
import { gaDocument } from '../helpers/ga.ts';
import { soffice } from '../helpers/soffice.ts';
import { expect, test } from './fixtures.ts';

const base = gaDocument('A_RES_79_16');

function withEdit(k: number, from: string, to: string): ResolutionDocument {
  return {
    ...base,
    operative: base.operative.map((p, i): OperativeParagraph => {
      if (i !== k - 1) return p;
      const text = inlineText(p.content);
      if (!text.includes(from)) throw new Error(`"${from}" is not in OP${k}`);
      return { ...p, content: [{ type: 'text', text: text.replace(from, to) }] };
    }),
  };
}

async function returnedFile(
  dir: string,
  name: string,
  draft: ResolutionDocument,
  author: string,
): Promise<string> {
  const path = join(dir, name);
  writeFileSync(path, await exportDocx(draft, { base, author, date: '2026-12-01T09:00:00Z' }));
  return path;
}

function row(page: Page, label: string) {
  return page
    .locator('.compilation__row')
    .filter({ has: page.locator('.compilation__label', { hasText: new RegExp(`^${label}$`) }) });
}

async function propose(
  page: Page,
  delegation: string,
  label: string,
  from: string,
  to: string,
): Promise<void> {
  await page.getByLabel('Propose as').fill(delegation);
  await row(page, label).focus();
  await page.keyboard.press('Enter');
  const field = page.getByRole('textbox', { name: `${label} as ${delegation} proposes it` });
  const text = await field.inputValue();
  expect(text).toContain(from);
  await field.fill(text.replace(from, to));
  await page.keyboard.press('Control+Enter');
  await expect(field).toBeHidden();
}

test('two delegations propose, two Word files are merged, a bracket is resolved, paragraphs agreed and Rev.1 issued with tracked changes LibreOffice keeps', async ({
  page,
}) => {
  const dir = mkdtempSync(join(tmpdir(), 'negotiation-'));
  const draftFile = join(dir, 'A-RES-79-16.resolution.json');
  writeFileSync(draftFile, serializeDocumentFile(base));
  const mexico = await returnedFile(
    dir,
    'mexico.docx',
    withEdit(11, 'eightieth session', 'eighty-first session'),
    'jdoe',
  );
  const cuba = await returnedFile(dir, 'cuba.docx', withEdit(2, 'that have not yet done so, ', ''), 'Cuba');

  await page.goto('/');
  await expect(page.getByRole('heading', { name: 'Start a draft' })).toBeVisible();
  await page.getByTestId('open-file').setInputFiles(draftFile);
  await expect(page.getByRole('textbox', { name: 'Resolution text' })).toContainText(
    'Decides to include in the provisional agenda',
  );

  // The draft becomes the zero draft, Egypt facilitating.
  await page.keyboard.press('Control+Alt+g');
  await page.getByLabel('The facilitator’s delegation').fill('Egypt');
  await page.getByRole('button', { name: 'Start negotiating' }).click();
  const compilation = page.getByRole('region', { name: 'Compilation text' });
  await expect(compilation).toContainText('Compilation text on the Zero draft · facilitator Egypt');

  // Two delegations propose on the same words of OP9: a bracket, not one over the other.
  await propose(page, 'EU', 'OP9', 'the appropriate means', 'the most effective means');
  await propose(page, 'G77 and China', 'OP9', 'the appropriate means', 'the relevant means');
  const op9 = row(page, 'OP9');
  await expect(op9.getByRole('group', { name: 'In brackets: 3 alternatives' })).toBeVisible();
  await expect(op9.getByRole('button', { name: /^Alt 2: most effective, held by EU/ })).toBeVisible();
  await expect(op9.getByRole('button', { name: /^Alt 3: relevant, held by G77 and China/ })).toBeVisible();
  // The Russian Federation holds the words as they are: Alt 1 is theirs.
  await page.getByLabel('Propose as').fill('Russian Federation');
  await op9.getByRole('button', { name: /^Alt 1: appropriate/ }).click();
  await page.getByRole('button', { name: 'Russian Federation holds these words' }).click();
  await expect(
    op9.getByRole('button', { name: /^Alt 1: appropriate, held by Russian Federation/ }),
  ).toBeVisible();
  // The EU also proposes a new paragraph after OP3: OP3 bis.
  await page.getByLabel('Propose as').fill('EU');
  await row(page, 'OP3').focus();
  await page.keyboard.press('n');
  await page
    .getByRole('textbox', { name: 'New paragraph after OP3, proposed by EU' })
    .fill('Encourages all States of the region to report on their progress;');
  await page.keyboard.press('Control+Enter');
  await expect(row(page, 'OP3 bis')).toContainText(
    'Encourages all States of the region to report on their progress; [EU]',
  );

  // The facilitator merges the two files sent back; "jdoe" is Mexico's delegate.
  await page.getByRole('button', { name: 'Merge Word files…' }).click();
  const merge = page.getByRole('dialog', { name: 'Merge the files delegations sent back' });
  await merge.getByLabel('Word files (.docx)').setInputFiles([mexico, cuba]);
  await merge.getByLabel(/Authors and their delegations/).fill('jdoe = Mexico');
  await merge.getByRole('button', { name: 'Merge 2 files' }).click();
  await expect(
    page.getByRole('status').filter({ hasText: 'Merged 2 proposals from 2 of 2 files.' }),
  ).toBeVisible();
  await expect(row(page, 'OP11').locator('del[data-proposal]')).toHaveText('eightieth');
  await expect(row(page, 'OP11')).toContainText('at its eightieth eighty-first [Mexico] session');
  await expect(row(page, 'OP2').locator('del[data-proposal]')).toHaveText('that have not yet done so,');
  await expect(row(page, 'OP2')).toContainText('that have not yet done so, [Cuba]');
  await expect(page.getByTestId('open-count')).toHaveText('5 open');

  // The bracket resolved to the EU's words; Mexico's accepted by delegation; Cuba's rejected from the keyboard.
  await op9.getByRole('button', { name: /^Alt 2: most effective/ }).click();
  await page.getByRole('button', { name: 'Resolve the bracket to this' }).click();
  await expect(op9).toContainText('Invites all parties to consider the most effective means');
  await expect(op9.getByRole('group')).toHaveCount(0);
  await page.getByRole('button', { name: 'Accept all of Mexico’s proposals' }).click();
  await row(page, 'OP2').locator('del[data-proposal]').focus();
  await page.keyboard.press('r');
  await expect(row(page, 'OP2').locator('[data-proposal]')).toHaveCount(0);
  await expect(page.getByTestId('open-count')).toHaveText('1 open');

  // Paragraphs agreed: OP2 from the keyboard, OP9 with its chip; OP1 agreed ad ref.
  await row(page, 'OP2').focus();
  await page.keyboard.press('3');
  await expect(row(page, 'OP2').getByLabel('Status of OP2')).toHaveValue('agreed');
  await row(page, 'OP9').getByLabel('Status of OP9').selectOption('agreed');
  await row(page, 'OP1').getByLabel('Status of OP1').selectOption('agreed ad ref');
  // The facilitator's note on OP1, from the keyboard.
  await row(page, 'OP1').focus();
  await page.keyboard.press('m');
  await page
    .getByRole('textbox', { name: 'Facilitator’s note on OP1' })
    .fill('Subject to the outcome of the review');
  await page.keyboard.press('Control+Enter');
  await expect(row(page, 'OP1')).toContainText('Facilitator’s note: Subject to the outcome of the review');
  await expect(page.getByRole('region', { name: 'Negotiation checks' })).toContainText(
    '1 proposal is still open (EU 1)',
  );

  // The compilation text as circulated (its rendering by LibreOffice is the compile command's test).
  const [compiled] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Compilation (.docx)' }).click(),
  ]);
  const compiledRead = await readTrackedChanges(readFileSync(await compiled.path()));
  if (!compiledRead.ok) throw new Error(compiledRead.error);
  const compiledText = compiledRead.value.paragraphs.map((p) => p.after).join('\n');
  expect(compiledText).toMatch(
    /OP3 bis\s+Encourages all States of the region to report on their progress; \[EU\]/,
  );
  expect(compiledText).toContain('(Agreed ad ref)');
  expect(compiledText).toContain('Facilitator’s note: Subject to the outcome of the review');

  // Rev.1: the clean text; the open new paragraph goes on to Rev.1's round.
  await page.getByRole('button', { name: 'Issue Rev.1…' }).click();
  const issue = page.getByRole('dialog', { name: 'Issue Rev.1?' });
  await expect(issue).toContainText('1 proposal is still open (EU 1)');
  await issue.getByRole('button', { name: 'Issue Rev.1' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Issued Rev.1' })).toBeVisible();
  await expect(compilation).toContainText('Compilation text on the Rev.1');
  await expect(page.getByTestId('open-count')).toHaveText('1 open');
  await expect(row(page, 'OP2')).toHaveAttribute('aria-label', 'OP2, Agreed');

  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Rev.1 with tracked changes (.docx)' }).click(),
  ]);
  const rev1 = join(dir, 'rev1.docx');
  await download.saveAs(rev1);
  // Opened and saved again by LibreOffice, the tracked changes against the zero draft are still there.
  soffice(dir, 'docx:MS Word 2007 XML', join(dir, 'lo'), [rev1]);
  for (const path of [rev1, join(dir, 'lo', 'rev1.docx')]) {
    const read = await readTrackedChanges(readFileSync(path));
    if (!read.ok) throw new Error(read.error);
    const edits = changes(read.value);
    expect(edits).toEqual(
      expect.arrayContaining([
        'insert most effective by Egypt',
        'delete appropriate by Egypt',
        'insert eighty-first by Egypt',
        'delete eightieth by Egypt',
      ]),
    );
    expect(edits.filter((e) => /not yet done so|Encourages all States/.test(e))).toEqual([]);
    expect(read.value.authors).toEqual(['Egypt']);
  }

  // The negotiation is the draft's: it is there after a reload.
  await page.reload();
  await expect(page.getByRole('region', { name: 'Compilation text' })).toContainText('on the Rev.1');
  await expect(row(page, 'OP3 bis')).toContainText('[EU]');
});

function changes(doc: TrackedDocument): string[] {
  return doc.paragraphs.flatMap((p) => p.edits.map((e) => `${e.type} ${e.text.trim()} by ${e.author}`));
}
