/**
 * The offline cache (public/sw.js, issue 7): opened once online, the app reloads with the network cut,
 * reopens the draft, and a feature first used offline (the Word writer, a lazy chunk; the library of
 * adopted resolutions: its index and the shards of its texts) still loads.
 */
import type { Page } from '@playwright/test';
import {
  caretAtEnd,
  expect,
  newDraftFromTemplate,
  test,
  textbox,
  writeNewOperative,
  waitSaved,
} from './fixtures.ts';
import { downloadOf } from './quality-support.ts';

/** Registers the service worker (as src/main.tsx would) and waits until it controls the page. */
async function installOfflineCache(page: Page): Promise<void> {
  await page.evaluate(async () => {
    await navigator.serviceWorker.register('./sw.js');
    await navigator.serviceWorker.ready;
  });
  await page.reload();
  await expect.poll(() => page.evaluate(() => navigator.serviceWorker.controller !== null)).toBe(true);
}

test('reloads offline from the cache, with the draft and a lazy feature first used offline', async ({
  page,
  context,
}) => {
  await page.goto('/');
  await installOfflineCache(page);
  await newDraftFromTemplate(page, 'ga-resolution');
  const body = textbox(page);
  await caretAtEnd(page, body.locator('.res-operative').last());
  await page.keyboard.type(' Typed before going offline.');
  await waitSaved(page);

  await context.setOffline(true);
  try {
    await page.reload();
    await expect(body.locator('.res-operative').last()).toContainText('Typed before going offline.');
    await caretAtEnd(page, body.locator('.res-operative').last());
    await page.keyboard.type(' And offline.');
    await waitSaved(page);
    // The Word writer has never been loaded in this page: it comes from the cache.
    await page.getByRole('button', { name: 'Import / export' }).click();
    await page.getByRole('menuitem', { name: 'Export .docx…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Export as Word (.docx)' });
    const docx = await downloadOf(page, () => dialog.getByRole('button', { name: 'Export' }).click());
    expect(docx.bytes.subarray(0, 2).toString('latin1')).toBe('PK');
    // The library (issue 13) was never opened online either: its index and the shards of its texts
    // were kept when the app was, and a search shows a result's text from them.
    await page.getByRole('tab', { name: 'Precedents' }).click();
    const precedents = page.getByRole('region', { name: 'Precedents' });
    await expect(precedents).toContainText(/Library: [\d,]+ documents/, { timeout: 60_000 });
    await writeNewOperative(
      page,
      'Takes note of resolution GC(70)/RES/16, adopted by the General Conference of the International Atomic Energy Agency',
    );
    await expect(
      precedents.locator('.precedents__item').filter({ hasText: 'A/RES/80/17, OP3, 1 December 2025' }),
    ).toContainText('General Conference of the International Atomic Energy Agency');
  } finally {
    await context.setOffline(false);
  }
});

test('a reload takes the kept files from the cache: the whole app is not fetched again at every visit', async ({
  page,
}) => {
  await page.goto('/');
  await installOfflineCache(page);
  /** Every kept file with the time the server sent it (a file fetched again gets a new Date). */
  const kept = (): Promise<Record<string, string>> =>
    page.evaluate(async () => {
      const out: Record<string, string> = {};
      for (const name of await caches.keys()) {
        const cache = await caches.open(name);
        for (const request of await cache.keys())
          out[request.url] = (await cache.match(request))?.headers.get('date') ?? '';
      }
      return out;
    });
  // The first pass (the install) has kept the build whole.
  await expect
    .poll(async () => Object.keys(await kept()).some((url) => url.endsWith('/__kept-whole')))
    .toBe(true);
  const before = await kept();
  const assets = Object.keys(before).filter((url) => url.includes('/assets/'));
  expect(assets.length).toBeGreaterThan(20);
  expect(assets.some((url) => /\/assets\/index-[\w-]{8}\.js$/.test(url))).toBe(true);
  // The server's clock moves on (Date has whole seconds), then two visits.
  await page.waitForTimeout(1100);
  await page.reload();
  await page.reload();
  await expect(page.getByRole('button', { name: 'New draft' }).first()).toBeVisible();
  await page.waitForTimeout(1500);
  const after = await kept();
  for (const url of assets) expect(after[url], url).toBe(before[url]);
  expect(Object.keys(after).sort()).toEqual(Object.keys(before).sort());
});
