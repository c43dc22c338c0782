import {
  caretAtEnd,
  expect,
  newDraftFromTemplate,
  test,
  textbox,
  waitSaved,
  reloadLeaving,
} from './fixtures.ts';

test.describe('drafts that are never lost', () => {
  test('reopens the draft with everything typed after a reload', async ({ page }) => {
    await page.goto('/');
    await newDraftFromTemplate(page, 'ga-resolution');
    await caretAtEnd(page, textbox(page).locator('.res-operative').last());
    await page.keyboard.press('Enter');
    await page.keyboard.type('Decides to remain seized of the matter.');
    await waitSaved(page);
    await page.reload();
    await expect(textbox(page).locator('.res-operative').last()).toHaveText(
      'Decides to remain seized of the matter.',
    );
  });

  test('reopens the draft opened last, not the newest, read by the page before the app has loaded', async ({
    page,
  }) => {
    await page.goto('/');
    await newDraftFromTemplate(page, 'ga-resolution');
    await newDraftFromTemplate(page, 'ecosoc-resolution');
    const formula = textbox(page).locator('.res-formula');
    await expect(formula).toHaveText('The Economic and Social Council,');
    // The older draft, opened again: the one to come back to.
    await page.locator('.drafts__item:not(.drafts__item--current) .drafts__open').click();
    await expect(formula).toHaveText('The General Assembly,');
    await waitSaved(page);
    await page.reload();
    await expect(formula).toHaveText('The General Assembly,');
    await expect(page.locator('.drafts__item--current .drafts__open')).toHaveAttribute(
      'aria-current',
      'page',
    );
    await expect(page.getByRole('list', { name: 'Saved drafts' }).getByRole('listitem')).toHaveCount(2);
    // The page's first script is the early read of the drafts (storage/early.ts), before the app's own.
    const scripts = await page
      .locator('script[type="module"]')
      .evaluateAll((els) => els.map((e) => e.getAttribute('src') ?? ''));
    expect(scripts[0]).toMatch(/\/early-[\w-]+\.js$/);
    expect(scripts.length).toBeGreaterThan(1);
  });

  test('keeps the last keystrokes when the tab is reloaded right after typing', async ({ page }) => {
    await page.goto('/');
    await newDraftFromTemplate(page, 'ga-resolution');
    await waitSaved(page);
    await caretAtEnd(page, textbox(page).locator('.res-operative').last());
    await page.keyboard.press('Enter');
    await page.keyboard.type('Requests the Secretary-General to report.');
    // No wait for the autosave: the page's pagehide flush must carry the text.
    await page.waitForTimeout(150);
    await reloadLeaving(page);
    await expect(textbox(page).locator('.res-operative').last()).toHaveText(
      'Requests the Secretary-General to report.',
    );
  });

  test('renames, duplicates, deletes with a confirmation, and undoes the deletion', async ({ page }) => {
    await page.goto('/');
    await newDraftFromTemplate(page, 'ecosoc-resolution');
    const list = page.getByRole('navigation', { name: 'Drafts' });
    await list.getByRole('button', { name: /^Rename / }).click();
    await page.getByRole('textbox', { name: 'Name' }).fill('ECOSOC draft on firearms');
    await page.getByRole('button', { name: 'Rename', exact: true }).click();
    await expect(list).toContainText('ECOSOC draft on firearms');
    await list.getByRole('button', { name: 'Duplicate ECOSOC draft on firearms' }).click();
    await expect(list.getByRole('listitem')).toHaveCount(2);
    await list.getByRole('button', { name: 'Delete ECOSOC draft on firearms' }).first().click();
    await page.getByRole('dialog', { name: 'Delete draft?' }).getByRole('button', { name: 'Delete' }).click();
    await expect(list.getByRole('listitem')).toHaveCount(1);
    await page.getByRole('button', { name: 'Undo' }).click();
    await expect(list.getByRole('listitem')).toHaveCount(2);
  });

  test('saves named revisions, opens one read-only and restores it', async ({ page }) => {
    await page.goto('/');
    await newDraftFromTemplate(page, 'ga-resolution');
    const body = textbox(page);
    const firstOperative = await body.locator('.res-operative').first().textContent();
    await page.getByRole('tab', { name: 'Revisions' }).click();
    await page.getByRole('button', { name: 'Save revision' }).click();
    await expect(page.getByRole('list', { name: 'Saved revisions' })).toContainText('Rev.1');
    // Change the text after Rev.1.
    await caretAtEnd(page, body.locator('.res-operative').first());
    await page.keyboard.type(' CHANGED');
    await waitSaved(page);
    await page.getByRole('button', { name: 'Open Rev.1 read-only' }).click();
    await expect(body).toHaveAttribute('aria-readonly', 'true');
    await expect(body.locator('.res-operative').first()).toHaveText(firstOperative ?? '');
    await page.getByRole('button', { name: 'Back to the draft' }).click();
    await expect(body.locator('.res-operative').first()).toContainText('CHANGED');
    await page.getByRole('button', { name: 'Restore Rev.1' }).click();
    await expect(body.locator('.res-operative').first()).toHaveText(firstOperative ?? '');
    await expect(page.getByRole('list', { name: 'Saved revisions' })).toContainText('Before restoring Rev.1');
  });

  test('starts a draft from resolution 6/3 and remembers it as the base', async ({ page }) => {
    await page.goto('/');
    await page.getByRole('button', { name: 'New draft' }).first().click();
    await page.getByRole('button', { name: 'Start from the text of resolution 6/3' }).click();
    const body = textbox(page);
    await expect(body.locator('.res-title')).toHaveText(
      /^Implementation of the Protocol against the Smuggling of Migrants/,
    );
    await expect(body.locator('.res-preambular')).toHaveCount(7);
    await expect(body.locator('.res-operative')).toHaveCount(22);
    await expect(body.locator('.res-operative').nth(8).locator('.opener')).toHaveText('Also urges');
    await expect(page.getByRole('form', { name: 'Draft details' })).toContainText('resolution 6/3 (corpus)');
  });

  test('starts a follow-up draft to 6/3 with the recalling paragraph filled in', async ({ page }) => {
    await page.goto('/');
    await page.getByRole('button', { name: 'New draft' }).first().click();
    await page.getByRole('button', { name: 'Follow-up draft to resolution 6/3' }).click();
    await expect(textbox(page).locator('.res-preambular').first()).toHaveText(
      'Recalling its resolution 6/3 of 19 October 2012, entitled "Implementation of the Protocol against the Smuggling of Migrants by Land, Sea and Air, supplementing the United Nations Convention against Transnational Organized Crime",',
    );
  });

  test('follows another tab that edits the same draft', async ({ page, context }) => {
    await page.goto('/');
    await newDraftFromTemplate(page, 'ga-resolution');
    await waitSaved(page);
    const other = await context.newPage();
    await other.goto('/');
    await expect(textbox(other)).toBeVisible();
    // The other tab types; this tab, with nothing unsaved, follows.
    await caretAtEnd(other, textbox(other).locator('.res-operative').last());
    await other.keyboard.type(' From the other tab.');
    await waitSaved(other);
    await expect(textbox(page).locator('.res-operative').last()).toContainText('From the other tab.');
    // Two tabs typing at once is quality-nothing-lost.spec.ts: each text stored exactly once.
  });
});
