/**
 * The compare view (issue 4): a draft started from resolution 6/3 and edited (a softer opener, a
 * footnote added, a punctuation change, a paragraph deleted, two paragraphs swapped) is compared with
 * 6/3, a saved revision and files; the redline, the columns, the summary, next / previous change and
 * the switches are checked as a delegate sees them.
 */
import type { Locator, Page } from '@playwright/test';
import { boxOnScreen, caretAtEnd, expect, settle, test, textbox, waitSaved, write } from './fixtures.ts';

async function startFrom63(page: Page, load = true): Promise<void> {
  if (load) await page.goto('/');
  await page.getByRole('button', { name: 'New draft' }).first().click();
  await page.getByRole('button', { name: 'Start from the text of resolution 6/3' }).click();
  await expect(textbox(page).locator('.res-operative')).toHaveCount(22);
  await expect(page.getByRole('dialog')).toBeHidden();
  await waitSaved(page);
}

function operative(page: Page, n: number): Locator {
  return textbox(page)
    .locator('.res-operative')
    .nth(n - 1);
}

/** Selects from the end of one block to the end of another (Shift+click) and deletes: the second block goes. */
async function deleteBlock(page: Page, previous: Locator, block: Locator): Promise<void> {
  await caretAtEnd(page, previous);
  const box = await boxOnScreen(page, block);
  await block.click({ modifiers: ['Shift'], position: { x: box.width - 3, y: box.height - 4 } });
  await settle(page);
  await page.keyboard.press('Shift+End');
  await page.keyboard.press('Backspace');
}

/**
 * Replaces the opener of a paragraph: deleted as a word (double-click, Backspace), then typed anew,
 * which the opener plugin recognizes once the space after it is there.
 */
async function replaceOpener(page: Page, paragraph: Locator, opener: string): Promise<void> {
  await paragraph.locator('.opener').dblclick();
  await settle(page);
  await page.keyboard.press('Backspace');
  await page.keyboard.type(opener);
  await page.keyboard.press('Escape');
  await expect(paragraph.locator('.opener')).toHaveText(opener);
}

const OP12 =
  'Urges States parties, as appropriate, to strengthen the security of their identity and travel documents and their capacity to detect fraudulent documents;';

/**
 * The edits of the journey, on the draft's OP numbers of the moment:
 * OP1 "Urges" → "Encourages" (softening); a footnote at the end of OP3; OP4's final ";" → "."
 * (punctuation only); OP5 deleted; OP12 taken out and typed again after OP13 (a swap).
 */
async function editDraft(page: Page): Promise<void> {
  const body = textbox(page);
  // OP1: the opener, replaced as a word.
  await replaceOpener(page, operative(page, 1), 'Encourages');

  // OP3: a footnote at its end.
  await caretAtEnd(page, operative(page, 3));
  await page.keyboard.press('Control+Alt+F');
  await page.keyboard.type('A/CONF.9/1.');
  await expect(body.locator('.res-footnote').filter({ hasText: 'A/CONF.9/1.' })).toHaveCount(1);

  // OP4: ";" → "."
  await caretAtEnd(page, operative(page, 4));
  await page.keyboard.press('Backspace');
  await page.keyboard.type('.');
  await expect(operative(page, 4)).toHaveText(/\.$/);

  // OP5 deleted.
  const op5 = (await operative(page, 5).textContent()) ?? '';
  await deleteBlock(page, operative(page, 4), operative(page, 5));
  await expect(body.locator('.res-operative')).toHaveCount(21);
  await expect(operative(page, 5)).not.toHaveText(op5);

  // OP12 of 6/3 (now OP11) out, and in again after the next one.
  await expect(operative(page, 11)).toHaveText(OP12);
  await deleteBlock(page, operative(page, 10), operative(page, 11));
  await expect(body.locator('.res-operative')).toHaveCount(20);
  await caretAtEnd(page, operative(page, 11));
  await page.keyboard.press('Enter');
  await write(page, OP12);
  await page.keyboard.press('Escape');
  await expect(operative(page, 12)).toHaveText(OP12);
  await waitSaved(page);
}

function compareView(page: Page): Locator {
  return page.getByRole('region', { name: 'Compare' });
}

async function openCompare(page: Page): Promise<Locator> {
  await page.getByRole('button', { name: 'Compare', exact: true }).click();
  const view = compareView(page);
  await expect(view).toBeVisible();
  return view;
}

function count(view: Locator, kind: string): Locator {
  return view.getByRole('list', { name: 'Summary' }).locator(`[data-kind="${kind}"]`);
}

test.describe('the compare view', () => {
  test('compares an edited draft with resolution 6/3: redline, summary, next and previous, switches, columns', async ({
    page,
  }) => {
    // The longest journey: five edits, two paragraphs typed, then the view. Over a minute when busy.
    test.setTimeout(180_000);
    await startFrom63(page);
    await editDraft(page);
    const view = await openCompare(page);
    await expect(view.getByRole('heading', { name: /Compare/ })).toBeFocused();

    // The draft's own base is chosen at first; resolution 6/3 of the corpus reads the same.
    const base = view.getByLabel('Base');
    await expect(base.locator('option:checked')).toHaveText('Resolution 6/3 (this draft’s base)');
    await base.selectOption('corpus:resolution 6/3');
    await expect(count(view, 'changed')).toHaveText('3 changed');
    await expect(count(view, 'softening')).toHaveText('1 softening');
    await expect(count(view, 'deleted')).toHaveText('1 deleted');
    await expect(count(view, 'moved')).toHaveText('1 moved');
    await expect(count(view, 'inserted')).toHaveText('0 inserted');
    await expect(count(view, 'footnotes')).toHaveText('1 with footnote changes');

    // The redline: the opener as one unit, a deletion struck through, a move said as such.
    const op1 = view.locator('[data-type="changed"]').filter({ hasText: 'Member States that have not yet' });
    await expect(op1.locator('del')).toHaveText('deleted: Urges');
    await expect(op1.locator('ins')).toHaveText('inserted: Encourages');
    await expect(op1.locator('.compare__tag')).toHaveText(['changed', 'softening']);
    await expect(view.locator('[data-type="deleted"]')).toHaveCount(1);
    await expect(view.locator('[data-type="deleted"] .compare__label')).toHaveText('OP5');
    await expect(view.locator('[data-type="moved"] .compare__tag').first()).toHaveText(
      /^moved from OP1[23]$/,
    );
    await expect(view.getByRole('list', { name: /Footnote changes in OP3/ })).toContainText(
      'Footnote added: A/CONF.9/1.',
    );

    // Next and previous change move the focus: buttons, n / p, Alt+Down / Alt+Up.
    const focused = page.locator(':focus');
    await view.getByRole('button', { name: 'Next change' }).click();
    await expect(focused).toHaveAttribute('data-type', 'changed');
    await expect(focused).toContainText('Encourages');
    await expect(view.getByText('Change 1 of 5: OP1 changed')).toBeVisible();
    await page.keyboard.press('n');
    await expect(focused).toContainText('A/CONF.9/1.');
    await page.keyboard.press('Alt+ArrowDown');
    await expect(view.getByText(/^Change 3 of 5/)).toBeVisible();
    await page.keyboard.press('n');
    await expect(focused).toHaveAttribute('data-type', 'deleted');
    await page.keyboard.press('p');
    await page.keyboard.press('Alt+ArrowUp');
    await expect(focused).toContainText('A/CONF.9/1.');
    await page.keyboard.press('p');
    await expect(focused).toContainText('Encourages');
    await expect(view.getByRole('button', { name: 'Previous change' })).toBeDisabled();

    // The switches take punctuation and footnotes out of the count.
    await view.getByRole('checkbox', { name: 'Ignore punctuation' }).check();
    await expect(count(view, 'changed')).toHaveText('2 changed');
    await view.getByRole('checkbox', { name: 'Ignore footnotes' }).check();
    await expect(count(view, 'changed')).toHaveText('1 changed');
    await expect(count(view, 'footnotes')).toHaveText('0 with footnote changes');
    await view.getByRole('checkbox', { name: 'Ignore punctuation' }).uncheck();
    await expect(count(view, 'changed')).toHaveText('2 changed');

    // Side by side: two aligned columns, base left, draft right, unchanged rows dimmed.
    await view.getByRole('button', { name: 'Side by side' }).click();
    const table = view.getByRole('table');
    await expect(table.getByRole('columnheader')).toHaveText([
      /^Base: Resolution 6\/3/,
      'Draft: Revision of resolution 6/3',
    ]);
    const deleted = table.locator('tr[data-type="deleted"]');
    await expect(deleted.locator('td').first()).toContainText('Requests the United Nations Office on Drugs');
    await expect(deleted.locator('td').nth(1)).not.toContainText('Requests');
    const first = table.locator('tr[data-type="changed"]').first();
    await expect(first.locator('td').first().locator('del')).toHaveText('deleted: Urges');
    await expect(first.locator('td').nth(1).locator('ins')).toHaveText('inserted: Encourages');
    await expect(table.locator('tr.compare__row--unchanged td').first()).toHaveCSS('opacity', '0.75');
    await page.keyboard.press('n');
    await expect(focused).toHaveAttribute('data-type', 'changed');

    // Escape closes the view.
    await page.keyboard.press('Escape');
    await expect(compareView(page)).toBeHidden();
  });

  test('compares with a saved revision and makes it the base for tracked changes', async ({ page }) => {
    await startFrom63(page);
    await page.getByRole('tab', { name: 'Revisions' }).click();
    await page.getByRole('button', { name: 'Save revision' }).click();
    await expect(page.getByRole('list', { name: 'Saved revisions' })).toContainText('Rev.1');
    await replaceOpener(page, operative(page, 1), 'Decides');
    await waitSaved(page);

    const view = await openCompare(page);
    const base = view.getByLabel('Base');
    const rev1 = await base.locator('optgroup[label="Revisions"] option').first().getAttribute('value');
    await base.selectOption(rev1 ?? '');
    await expect(base.locator('option:checked')).toHaveText(/^Rev\.1 /);
    await expect(count(view, 'changed')).toHaveText('1 changed');
    await expect(count(view, 'strengthening')).toHaveText('1 strengthening');
    await view.getByRole('button', { name: 'Use as base for tracked changes' }).click();
    await expect(view.getByText('The draft’s base for tracked changes')).toBeVisible();
    await view.getByRole('button', { name: 'Close' }).click();
    await page.getByRole('tab', { name: 'Details' }).click();
    await expect(page.getByRole('form', { name: 'Draft details' })).toContainText('Rev.1 (revision)');
    // Opened again, the view starts from the draft's base, now the revision.
    const again = await openCompare(page);
    await expect(again.getByLabel('Base').locator('option:checked')).toHaveText('Rev.1 (this draft’s base)');
    await expect(count(again, 'strengthening')).toHaveText('1 strengthening');
  });

  test('compares with a plain-text file and with another draft, and says why a file cannot be read', async ({
    page,
  }) => {
    await startFrom63(page);
    const view = await openCompare(page);
    const file = view.getByTestId('compare-file');
    await file.setInputFiles({
      name: 'base.txt',
      mimeType: 'text/plain',
      buffer: Buffer.from(
        [
          'Resolution 6/9',
          '',
          'Implementation of the Protocol against the Smuggling of Migrants by Land, Sea and Air',
          '',
          'The Conference of the Parties to the United Nations Convention against Transnational Organized Crime,',
          '',
          'Recalling also its resolution 5/3 of 22 October 2010,',
          '',
          `1. ${OP12}`,
          '',
        ].join('\n'),
      ),
    });
    await expect(view.getByLabel('Base').locator('option:checked')).toHaveText('base.txt');
    await expect(count(view, 'unchanged')).toHaveText('2 unchanged');
    await expect(count(view, 'inserted')).toHaveText('30 inserted');
    // Not a file that can become the base for tracked changes.
    await expect(view.getByRole('button', { name: 'Use as base for tracked changes' })).toBeDisabled();

    await file.setInputFiles({
      name: 'broken.resolution.json',
      mimeType: 'application/json',
      buffer: Buffer.from('{"format": "resolution-drafter/resolution", "document": '),
    });
    await expect(view.getByRole('alert')).toContainText('broken.resolution.json is not a resolution file');
    await file.setInputFiles({
      name: 'notes.txt',
      mimeType: 'text/plain',
      buffer: Buffer.from('Shopping list'),
    });
    await expect(view.getByRole('alert')).toContainText(
      'No resolution or decision was recognized in notes.txt',
    );
    // The comparison shown before stays.
    await expect(count(view, 'unchanged')).toHaveText('2 unchanged');
    await view.getByRole('button', { name: 'Close' }).click();

    // Another draft: a second copy of 6/3 reads the same as the first.
    await startFrom63(page, false);
    const again = await openCompare(page);
    const base = again.getByLabel('Base');
    const other = await base.locator('optgroup[label="Other drafts"] option').first().getAttribute('value');
    await base.selectOption(other ?? '');
    await expect(again.getByText('No difference.')).toBeVisible();
    await expect(count(again, 'unchanged')).toHaveText('32 unchanged');
  });
});
