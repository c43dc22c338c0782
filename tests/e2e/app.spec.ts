import { expect, test } from './fixtures.ts';

test.describe('the application', () => {
  test('opens on an empty desk that invites a first draft', async ({ page }) => {
    await page.goto('/');
    await expect(page).toHaveTitle('Resolution Drafter');
    await expect(page.getByRole('navigation', { name: 'Drafts' })).toContainText('No drafts yet');
    await expect(page.getByRole('heading', { name: 'Start a draft' })).toBeVisible();
  });

  test('ships an index.html with a Content-Security-Policy and no external URLs', async ({ request }) => {
    const response = await request.get('/');
    const html = await response.text();
    expect(html).toContain('Content-Security-Policy');
    expect(html).not.toContain('unsafe-eval');
    expect(html).not.toMatch(/(?:https?:)?\/\/[a-z0-9.-]+/i);
  });

  test('lists every keyboard shortcut in the help dialog (Ctrl+/)', async ({ page }) => {
    await page.goto('/');
    await expect(page.getByRole('heading', { name: 'Start a draft' })).toBeVisible();
    await page.keyboard.press('Control+/');
    const dialog = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
    await expect(dialog).toBeVisible();
    await expect(dialog.getByRole('row')).toHaveCount(27);
    await expect(dialog).toContainText('Ctrl+Alt+F');
    await page.keyboard.press('Escape');
    await expect(dialog).toBeHidden();
  });
});
