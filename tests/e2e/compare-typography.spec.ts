/**
 * Typography in compare (issue 12, item 6): a draft as the UN prints it (curly quotes, a non-breaking
 * hyphen) compared with a base typed on a keyboard (straight quotes, "-") and one real word change.
 * The typography-only paragraph is counted on a line of the summary, not reported as changed; the
 * "Show typography changes" switch shows it, and hides it again.
 */
import { writeFile } from 'node:fs/promises';
import type { Locator } from '@playwright/test';
import { serializeDocumentFile } from '../../src/core/model/file.ts';
import { SCHEMA_VERSION, type ResolutionDocument } from '../../src/core/model/types.ts';
import { expect, test, textbox } from './fixtures.ts';

function resolution(pp1: string, op1: string): ResolutionDocument {
  return {
    schemaVersion: SCHEMA_VERSION,
    kind: 'resolution',
    organ: 'General Assembly',
    formula: 'The General Assembly,',
    title: 'Strengthening the crime prevention programme',
    metadata: {},
    preamble: [{ opener: 'Noting', content: [{ type: 'text', text: pp1 }] }],
    operative: [
      { opener: 'Requests', content: [{ type: 'text', text: op1 }], subparagraphs: [] },
      {
        opener: 'Decides',
        content: [{ type: 'text', text: 'to remain seized of the matter.' }],
        subparagraphs: [],
      },
    ],
    annex: null,
    footnotes: [],
  };
}

/** As printed: curly quotes and a non-breaking hyphen (U+2011) in PP1; "submit a report" in OP1. */
const printed = resolution(
  'the “report” of the Secretary\u2011General on the programme,',
  'the Office to submit a report on its work;',
);
/** As typed: straight quotes and "-" in PP1; "report" in OP1. */
const typed = resolution(
  'the "report" of the Secretary-General on the programme,',
  'the Office to report on its work;',
);

function count(view: Locator, kind: string): Locator {
  return view.getByRole('list', { name: 'Summary' }).locator(`[data-kind="${kind}"]`);
}

test('a paragraph that differs only in typography is counted apart, and the switch shows it', async ({
  page,
}, testInfo) => {
  const draftFile = testInfo.outputPath('Printed.resolution.json');
  const baseFile = testInfo.outputPath('Typed.resolution.json');
  await writeFile(draftFile, serializeDocumentFile(printed, { savedAt: '2024-01-01T00:00:00Z' }));
  await writeFile(baseFile, serializeDocumentFile(typed, { savedAt: '2024-01-01T00:00:00Z' }));

  await page.goto('/');
  await page.getByTestId('open-file').setInputFiles(draftFile);
  // Kept as printed in the draft.
  await expect(textbox(page).locator('.res-preambular').first()).toContainText('Secretary\u2011General');

  await page.getByRole('button', { name: 'Compare', exact: true }).click();
  const view = page.getByRole('region', { name: 'Compare' });
  await expect(view).toBeVisible();
  await view.getByTestId('compare-file').setInputFiles(baseFile);
  await expect(view.getByLabel('Base').locator('option:checked')).toHaveText('Typed.resolution.json');

  // Only the word change is a change; the typography-only paragraph is counted on a line of its own.
  await expect(count(view, 'changed')).toHaveText('1 changed');
  await expect(count(view, 'unchanged')).toHaveText('2 unchanged');
  await expect(count(view, 'typography')).toHaveText('1 paragraph differs only in typography');
  const changes = view.locator('.compare__change[data-type="changed"]');
  await expect(changes).toHaveCount(1);
  await expect(changes.locator('ins')).toHaveText('inserted: submit a');
  await expect(view.getByText('1 change', { exact: true })).toBeVisible();
  // The unchanged paragraph reads as the draft prints it.
  const pp1 = view.locator('.compare__change').filter({ hasText: 'of the Secretary' });
  await expect(pp1).toHaveAttribute('data-type', 'unchanged');
  await expect(pp1).toContainText('the “report” of the Secretary\u2011General');

  // The switch shows it as a change, marked as typography only.
  const typography = view.getByRole('checkbox', { name: 'Show typography changes' });
  await typography.check();
  await expect(count(view, 'changed')).toHaveText('2 changed');
  await expect(count(view, 'typography')).toHaveText('1 paragraph differs only in typography (shown)');
  await expect(pp1).toHaveAttribute('data-type', 'changed');
  await expect(pp1.locator('.compare__tag')).toHaveText(['changed', 'typography only']);
  await expect(pp1.locator('del')).toHaveText(['deleted: "', 'deleted: "', 'deleted: -']);
  await expect(pp1.locator('ins')).toHaveText(['inserted: “', 'inserted: ”', 'inserted: \u2011']);
  await expect(view.getByText('2 changes', { exact: true })).toBeVisible();

  // And off again.
  await typography.uncheck();
  await expect(count(view, 'changed')).toHaveText('1 changed');
  await expect(pp1).toHaveAttribute('data-type', 'unchanged');
});
