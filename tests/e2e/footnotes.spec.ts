import { caretAtEnd, expect, newDraftFromTemplate, settle, test, textbox } from './fixtures.ts';

test.describe('footnotes', () => {
  test('inserts a footnote with Ctrl+Alt+F, numbers it in order and lists it in the pane', async ({
    page,
  }) => {
    await page.goto('/');
    await newDraftFromTemplate(page, 'ga-resolution');
    const body = textbox(page);
    const before = await body.locator('.res-footnote').count();
    // A note in the first preambular paragraph comes before the template's own: it becomes 1.
    await caretAtEnd(page, body.locator('.res-preambular').first());
    await page.keyboard.press('Control+Alt+F');
    await page.keyboard.type('A/RES/64/293.');
    await expect(body.locator('.res-footnote')).toHaveCount(before + 1);
    await expect(body.locator('.res-preambular').first().locator('sup.res-fnref')).toHaveText('1');
    await expect(body.locator('.res-footnote').first()).toContainText('A/RES/64/293.');
    await page.getByRole('tab', { name: 'Footnotes' }).click();
    const pane = page.getByRole('list', { name: 'Footnotes' });
    await expect(pane.getByRole('listitem').first()).toContainText('1 A/RES/64/293.');
    await page.getByRole('button', { name: 'Go to reference of footnote 1' }).click();
    await settle(page);
    // Deleting the reference deletes its note; undo brings both back.
    await page.keyboard.press('Backspace');
    await expect(body.locator('.res-footnote')).toHaveCount(before);
    await page.keyboard.press('Control+z');
    await expect(body.locator('.res-footnote')).toHaveCount(before + 1);
    await expect(body.locator('.res-footnote').first()).toContainText('A/RES/64/293.');
  });
});
