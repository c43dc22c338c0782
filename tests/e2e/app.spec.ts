import { expect, test } from '@playwright/test';
import type { ConsoleMessage, Page } from '@playwright/test';

/** Collects what would make the page untrustworthy offline: console errors and requests to other hosts. */
function watch(page: Page) {
  const consoleErrors: string[] = [];
  const foreignRequests: string[] = [];
  page.on('console', (msg: ConsoleMessage) => {
    if (msg.type() === 'error') consoleErrors.push(msg.text());
  });
  page.on('pageerror', (err) => consoleErrors.push(err.message));
  page.on('request', (request) => {
    const url = new URL(request.url());
    // data: and blob: never leave the machine; everything else must go to the preview server.
    if (url.protocol === 'data:' || url.protocol === 'blob:') return;
    if (url.hostname !== '127.0.0.1') foreignRequests.push(request.url());
  });
  return { consoleErrors, foreignRequests };
}

test.describe('the placeholder page', () => {
  test('loads with the product title in the tab and the top bar', async ({ page }) => {
    await page.goto('/');
    await expect(page).toHaveTitle('Resolution Drafter');
    await expect(page.getByRole('banner')).toContainText('Resolution Drafter');
  });

  test('gives every landmark an accessible name or a unique role', async ({ page }) => {
    await page.goto('/');
    await expect(page.getByRole('banner')).toHaveCount(1);
    await expect(page.getByRole('navigation', { name: 'Drafts' })).toBeVisible();
    await expect(page.getByRole('navigation', { name: 'Drafts' })).toContainText('No drafts yet');
    await expect(page.getByRole('main', { name: 'Draft workspace' })).toHaveCount(1);
    await expect(page.getByRole('article', { name: 'Draft' })).toBeVisible();
    await expect(page.getByRole('main')).toContainText('The editor comes next');
  });

  test('prints the sample in the UN layout: bold title, italic openers, numbered operative paragraphs', async ({
    page,
  }) => {
    await page.goto('/');
    const draft = page.getByRole('article', { name: 'Draft' });

    const title = draft.getByRole('heading', { level: 1 });
    await expect(title).toContainText('Promoting accession to and implementation of the Protocol');
    await expect(title).toHaveCSS('font-weight', '700');

    // DRAFTING-RULES.md section 8: italics only for the preambular openers and the operative verbs.
    const openers = draft.locator('em');
    await expect(openers).toHaveText([
      'Expressing its conviction',
      'Noting with appreciation',
      'Expresses its appreciation',
      'Decides',
      'Invites',
    ]);
    for (const opener of await openers.all()) {
      await expect(opener).toHaveCSS('font-style', 'italic');
    }
    await expect(draft.getByText('The Conference of the Parties', { exact: false })).toHaveCSS(
      'font-style',
      'normal',
    );

    // Section 1: operative paragraphs numbered 1., 2., ...; the last ends with a full stop.
    const operative = draft.getByRole('listitem');
    await expect(operative).toHaveCount(3);
    await expect(operative.nth(0)).toContainText(/^1\.\s*Expresses its appreciation/);
    await expect(operative.nth(2)).toContainText(/Nations\.$/);

    // Preambular first line indented (section 8: about 1.27 cm, i.e. 48px at 96 dpi).
    const preambular = draft.locator('p.res-pre').first();
    const indent = await preambular.evaluate((el) => parseFloat(getComputedStyle(el).textIndent));
    expect(indent).toBeGreaterThan(40);

    // The body face is a local Times-compatible serif, never a web font.
    const fontFamily = await draft.evaluate((el) => getComputedStyle(el).fontFamily);
    expect(fontFamily).toMatch(/^"Times New Roman", "Liberation Serif", Tinos, serif$/);

    await page.screenshot({ path: 'test-results/placeholder-page.png', fullPage: true });
  });

  test('logs no console errors and sends no request beyond 127.0.0.1', async ({ page }) => {
    const { consoleErrors, foreignRequests } = watch(page);
    await page.goto('/');
    await expect(page.getByRole('article', { name: 'Draft' })).toBeVisible();
    await page.waitForLoadState('networkidle');
    expect(consoleErrors).toEqual([]);
    expect(foreignRequests).toEqual([]);
  });

  test('ships an index.html with no external URLs', async ({ request }) => {
    const response = await request.get('/');
    expect(response.ok()).toBe(true);
    const html = await response.text();
    expect(html).toContain('Content-Security-Policy');
    expect(html).not.toMatch(/(?:https?:)?\/\/[a-z0-9.-]+/i);
  });
});
