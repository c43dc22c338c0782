import { readFileSync } from 'node:fs';
import { caretAtEnd, expect, newDraftFromTemplate, test, textbox } from './fixtures.ts';
import { paste } from './quality-support.ts';

test.describe('paste', () => {
  test('turns a resolution in plain text into structure', async ({ page }) => {
    await page.goto('/');
    await newDraftFromTemplate(page, 'ga-resolution');
    const body = textbox(page);
    const operatives = await body.locator('.res-operative').count();
    await caretAtEnd(page, body.locator('.res-operative').last());
    await paste(page, {
      'text/plain':
        '1. Urges States parties to adopt measures:\n(a) To protect smuggled migrants;\n(b) To prosecute smugglers;\n2. Invites donors to contribute.¹\n\n¹ CTOC/COP/2012/7.',
    });
    await expect(body.locator('.res-operative')).toHaveCount(operatives + 2);
    await expect(body.locator('.res-sub')).toHaveCount(2);
    await expect(body.locator('.res-sub').first()).toHaveAttribute('data-label', '(a)');
    await expect(body.locator('.res-operative').nth(operatives).locator('.opener')).toHaveText('Urges');
    await expect(body.locator('.res-footnote').filter({ hasText: 'CTOC/COP/2012/7.' })).toHaveCount(1);
  });

  test('puts the paragraphs of a resolution copied out of its PDF into the draft, without its masthead or page furniture', async ({
    page,
  }) => {
    // What a PDF viewer's "select all, copy" gives: wrapped lines, the masthead, running heads, page
    // numbers, job numbers, footnotes at each page's foot.
    const copied = readFileSync(new URL('../../corpus/ga/A_RES_79_117.txt', import.meta.url), 'utf8');
    await page.goto('/');
    await newDraftFromTemplate(page, 'ga-resolution');
    const body = textbox(page);
    const title = await body.locator('.res-title').textContent();
    const preamble = await body.locator('.res-preambular').count();
    const operatives = await body.locator('.res-operative').count();
    await caretAtEnd(page, body.locator('.res-operative').last());
    await paste(page, { 'text/plain': copied });

    // The template's formula is the pasted one: only the title is left out.
    await expect(page.getByText('The pasted title was left out: the draft has its own.')).toBeVisible();
    await expect(body.locator('.res-title')).toHaveText(title ?? '');
    const added = {
      preamble: (await body.locator('.res-preambular').count()) - preamble,
      operative: (await body.locator('.res-operative').count()) - operatives,
    };
    expect(added.preamble).toBeGreaterThanOrEqual(3);
    expect(added.operative).toBeGreaterThanOrEqual(3);
    // Whole paragraphs, not a paragraph to each printed line.
    expect(added.preamble + added.operative).toBeLessThan(copied.split('\n').length / 4);
    const text = await body.locator('.res-preambular, .res-operative').allTextContents();
    expect(text.some((t) => /A\/RES\/79\/117|Distr\.: General|\d{2}-\d{5}|\*\d{7}\*|_{5}/.test(t))).toBe(
      false,
    );
  });

  test('puts paragraphs copied across a PDF page break in whole, without the running title, and says which notes it left out', async ({
    page,
  }) => {
    const printed = readFileSync(new URL('../../corpus/ga/A_RES_79_105.txt', import.meta.url), 'utf8');
    const copied = printed.slice(
      printed.indexOf('Expressing concern that, more than 60'),
      printed.indexOf('Convinced that the wishes'),
    );
    await page.goto('/');
    await newDraftFromTemplate(page, 'ga-resolution');
    const body = textbox(page);
    const preamble = await body.locator('.res-preambular').count();
    const notes = await body.locator('.res-footnote').count();
    await caretAtEnd(page, body.locator('.res-preambular').last());
    await paste(page, { 'text/plain': copied });

    await expect(
      page.getByText(
        '2 footnotes printed on the copied pages were left out: their markers are not in the copied text.',
      ),
    ).toBeVisible();
    await expect(body.locator('.res-preambular')).toHaveCount(preamble + 3);
    const pasted = (await body.locator('.res-preambular').allTextContents()).slice(preamble);
    expect(pasted[1]).toMatch(/^Conscious .* Eradication of Colonialism,\d*$/);
    expect(pasted[2]).toMatch(/^Recognizing that the specific characteristics .* natural resources,$/);
    expect(pasted.join('\n')).not.toMatch(/Question of Guam|A\/RES\/79\/105|24-23536/);
    await expect(body.locator('.res-footnote')).toHaveCount(notes + 2);
    await expect(body.locator('.res-footnote').filter({ hasText: 'Resolution 1514 (XV).' })).toHaveCount(1);
  });

  test('runs no script from pasted HTML and keeps only text and italics', async ({ page }) => {
    await page.goto('/');
    await newDraftFromTemplate(page, 'ga-resolution');
    const body = textbox(page);
    await caretAtEnd(page, body.locator('.res-preambular').last());
    await page.evaluate(() => ((window as unknown as { pwned: number }).pwned = 0));
    await paste(page, {
      'text/html':
        '<p style="color:red"><i>Noting</i> the report<script>window.pwned=1</script><img src=x onerror="window.pwned=2"> <a href="javascript:window.pwned=3">link</a>,</p>',
    });
    await page.waitForTimeout(300);
    expect(await page.evaluate(() => (window as unknown as { pwned: number }).pwned)).toBe(0);
    await expect(body.locator('script, img, a, [style*="color"]')).toHaveCount(0);
    await expect(body).toContainText('the report');
  });

  test('refuses a paste over 512 KB with a message and changes nothing', async ({ page }) => {
    await page.goto('/');
    await newDraftFromTemplate(page, 'ga-resolution');
    const body = textbox(page);
    const before = await body.textContent();
    await caretAtEnd(page, body.locator('.res-preambular').last());
    await page.evaluate(() => {
      const root = document.querySelector('[aria-label="Resolution text"]');
      const transfer = new DataTransfer();
      transfer.setData('text/plain', 'Recalling the Convention, '.repeat(220_000));
      root?.dispatchEvent(
        new ClipboardEvent('paste', { clipboardData: transfer, bubbles: true, cancelable: true }),
      );
    });
    await expect(page.getByText(/Nothing was pasted/)).toBeVisible();
    expect(await body.textContent()).toBe(before);
  });
});
