import { readFileSync } from 'node:fs';
import type { ResolutionDocument } from '../../src/core/model/types.ts';
import { caretAtEnd, expect, newDraftAtEnd, newDraftFromTemplate, test, textbox } from './fixtures.ts';

/** The library loads on the first menu of a draft: a bound for a loaded machine. */
const LIBRARY_LOAD = { timeout: 60_000 };

test.describe('completion from the corpus', () => {
  test('offers "Also requests" first after a paragraph opening with "Requests", as a listbox', async ({
    page,
  }) => {
    await page.goto('/');
    // A Conference draft: its openers are counted the same from the report and from the library (which
    // loads on this first menu and ranks an Assembly draft's by the Assembly's use, library-completion.spec.ts).
    await newDraftFromTemplate(page, 'cop-resolution');
    const body = textbox(page);
    // The template's second operative paragraph opens with "Requests".
    await caretAtEnd(page, body.locator('.res-operative').nth(1));
    await page.keyboard.press('Enter');
    await page.keyboard.type('Req');
    const listbox = page.getByRole('listbox', { name: 'Operative openers' });
    await expect(listbox).toBeVisible();
    await expect(body).toHaveAttribute('aria-expanded', 'true');
    const controls = await body.getAttribute('aria-controls');
    expect(controls).toBe(await listbox.getAttribute('id'));
    const options = listbox.getByRole('option');
    await expect(options.first()).toContainText('Also requests');
    await expect(options.first()).toHaveAttribute('aria-selected', 'true');
    expect(await body.getAttribute('aria-activedescendant')).toBe(await options.first().getAttribute('id'));
    await expect(options.nth(1)).toContainText('Requests');
    await expect(options.nth(1)).toContainText('8×');
    // Where an opener was used is shown for the highlighted option only.
    await expect(options.first()).toContainText('used');
    await expect(options.nth(1)).not.toContainText('6/1 OP4');
    await page.keyboard.press('ArrowDown');
    await expect(options.nth(1)).toHaveAttribute('aria-selected', 'true');
    await expect(options.nth(1)).toContainText('6/1 OP4');
    await expect(options.first()).not.toContainText('used');
    await page.keyboard.press('ArrowUp');
    await page.keyboard.press('Enter');
    await expect(listbox).toBeHidden();
    await expect(body).not.toHaveAttribute('aria-expanded', 'true');
    await page.keyboard.type('the Office to assist;');
    const paragraph = body.locator('.res-operative').nth(2);
    await expect(paragraph.locator('.opener')).toHaveText('Also requests');
    await expect(paragraph.locator('.opener')).toHaveCSS('font-style', 'italic');
    await expect(paragraph).toHaveText(/^Also requests the Office to assist;/);
  });

  test('is drawn with the page, on no layer of its own; closes with Escape, after which Enter makes a new paragraph', async ({
    page,
  }) => {
    const body = await newDraftAtEnd(page, 'ga-resolution', 'operative');
    // Chromium's compositor layers, as DevTools shows them: a menu on a layer of its own (its shadow
    // over the caret, a scroll bar) costs the frame that first shows it.
    const cdp = await page.context().newCDPSession(page);
    let layers: { layerId: string }[] = [];
    cdp.on('LayerTree.layerTreeDidChange', (event) => {
      layers = event.layers ?? layers;
    });
    await cdp.send('LayerTree.enable');
    await page.keyboard.press('Enter');
    await expect.poll(() => layers.length).toBeGreaterThan(0);
    const without = layers.length;
    await page.keyboard.type('Enc');
    await expect(page.getByRole('listbox')).toBeVisible();
    await expect(page.getByRole('listbox').getByRole('option').first()).toContainText('used', LIBRARY_LOAD);
    await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 50))));
    expect(layers.length).toBe(without);
    await page.keyboard.press('Escape');
    await expect(page.getByRole('listbox')).toBeHidden();
    const count = await body.locator('.res-operative').count();
    await page.keyboard.press('Enter');
    await expect(body.locator('.res-operative')).toHaveCount(count + 1);
  });

  test('inserts an instrument with its footnote at the first mention and the short title later', async ({
    page,
  }) => {
    const body = await newDraftAtEnd(page, 'ga-resolution', 'preambular');
    await page.keyboard.press('Enter');
    await page.keyboard.type('Recalling the Smuggling');
    const listbox = page.getByRole('listbox', { name: 'References' });
    await expect(listbox.getByRole('option').first()).toContainText(
      'United Nations, Treaty Series, vol. 2241, No. 39574.',
    );
    await page.keyboard.press('Tab');
    await expect(body.locator('.res-ref').first()).toHaveText(/^Protocol against the Smuggling of Migrants/);
    const paragraph = body.locator('.res-preambular').last();
    await expect(paragraph.locator('sup.res-fnref')).toHaveCount(1);
    const footnote = body.locator('.res-footnote').filter({ hasText: 'vol. 2241' });
    await expect(footnote).toContainText('United Nations, Treaty Series, vol. 2241, No. 39574.');
    await expect(footnote.locator('.res-italic').first()).toHaveText('Treaty Series');
    await page.keyboard.type(', and the Smuggling');
    await expect(listbox.getByRole('option').first()).toContainText('Smuggling of Migrants Protocol');
    await page.keyboard.press('Enter');
    await expect(paragraph).toContainText('the Smuggling of Migrants Protocol');
    await expect(paragraph.locator('sup.res-fnref')).toHaveCount(1);

    // The model says the same as the page: the saved file holds the opener, the title and the footnote.
    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Save file' }).click();
    const saved = JSON.parse(readFileSync((await (await download).path()) ?? '', 'utf8')) as {
      document: ResolutionDocument;
    };
    const last = saved.document.preamble[saved.document.preamble.length - 1]!;
    expect(last.opener).toBe('Recalling');
    const text = last.content.map((p) => (p.type === 'text' ? p.text : `[${p.footnoteId}]`)).join('');
    expect(text).toMatch(
      /^the Protocol against the Smuggling of Migrants by Land, Sea and Air, supplementing the United Nations Convention against Transnational Organized Crime,?\[[^\]]+\],? and the Smuggling of Migrants Protocol/,
    );
    const ref = last.content.find((p) => p.type === 'footnoteRef');
    const note = saved.document.footnotes.find((f) => ref?.type === 'footnoteRef' && f.id === ref.footnoteId);
    expect(note?.content).toEqual([
      { type: 'text', text: 'United Nations, ' },
      { type: 'text', text: 'Treaty Series', italic: true },
      { type: 'text', text: ', vol. 2241, No. 39574.' },
    ]);
  });

  test('completes "resolution 5/1" to its citation with the date from the corpus', async ({ page }) => {
    const body = await newDraftAtEnd(page, 'cop-resolution', 'preambular');
    await page.keyboard.press('Enter');
    await page.keyboard.type('Recalling resolution 5/1');
    await expect(page.getByRole('listbox', { name: 'References' })).toBeVisible();
    await page.keyboard.press('Enter');
    await expect(body.locator('.res-preambular').last()).toContainText(
      'Recalling its resolution 5/1 of 22 October 2010',
    );
  });

  test('opens within 50 ms of the keystroke', async ({ page }) => {
    await page.clock.install();
    await page.goto('/');
    await newDraftFromTemplate(page, 'ga-resolution');
    await caretAtEnd(page, textbox(page).locator('.res-operative').last());
    await page.keyboard.press('Enter');
    // 50 ms of the page's own time (its timers, frames and idle callbacks), however long a busy machine
    // takes in real time: the menu must come without waiting for anything later. How fast it comes in
    // real time is the benchmark's figure (browser.typeaheadOpenP95Ms).
    await page.clock.pauseAt((await page.evaluate(() => Date.now())) + 60_000);
    await page.keyboard.type('In');
    await page.clock.runFor(50);
    await expect(page.getByRole('listbox')).toBeVisible({ timeout: 15_000 });
  });
});
