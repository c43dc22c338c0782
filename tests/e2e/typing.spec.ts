import {
  caretAtEnd,
  expect,
  newDraftAtEnd,
  newDraftFromTemplate,
  paragraphs,
  settle,
  test,
  textbox,
} from './fixtures.ts';

test.describe('typing a resolution', () => {
  test('numbers operative paragraphs, letters subparagraphs and italicizes openers as they are typed', async ({
    page,
  }) => {
    // After the last operative paragraph: Enter continues with an operative paragraph.
    const body = await newDraftAtEnd(page, 'cop-resolution', 'operative');
    await page.keyboard.press('Enter');
    await page.keyboard.type('Requests the Secretariat to report on:');
    await page.keyboard.press('Enter');
    await page.keyboard.press('Tab');
    await page.keyboard.type('the activities of the Office;');
    await page.keyboard.press('Enter');
    await page.keyboard.type('the use of the Model Law:');
    await page.keyboard.press('Enter');
    await page.keyboard.press('Tab');
    await page.keyboard.type('in drafting legislation.');
    const text = await paragraphs(page);
    expect(text.slice(-4)).toEqual([
      '4. Requests the Secretariat to report on:',
      '(a) the activities of the Office;',
      '(b) the use of the Model Law:',
      '(i) in drafting legislation.',
    ]);
    await expect(body.locator('.res-operative').last().locator('.opener')).toHaveText('Requests');
    await expect(body.locator('.res-operative').last().locator('.opener')).toHaveCSS('font-style', 'italic');
    // Shift+Tab at the start of (i) brings it back one level: it becomes (c).
    await page.keyboard.press('Home');
    await settle(page);
    await page.keyboard.press('Shift+Tab');
    expect((await paragraphs(page)).slice(-1)).toEqual(['(c) in drafting legislation.']);
  });

  test('extends an opener as its phrase grows: "Noting" then "Noting with appreciation"', async ({
    page,
  }) => {
    const body = await newDraftAtEnd(page, 'ga-resolution', 'preambular');
    await page.keyboard.press('Enter');
    await page.keyboard.type('Noting with appreciation the work of the Working Group,');
    await expect(body.locator('.res-preambular').last().locator('.opener')).toHaveText(
      'Noting with appreciation',
    );
  });

  test('turns a paragraph from preambular to operative and back, converting its opener', async ({ page }) => {
    const body = await newDraftAtEnd(page, 'ga-resolution', 'preambular');
    await page.keyboard.press('Enter');
    await page.keyboard.type('Recalling the report of the Secretary-General,');
    const before = await body.locator('.res-operative').count();
    await page.keyboard.press('Control+Alt+O');
    await expect(body.locator('.res-operative')).toHaveCount(before + 1);
    await expect(body.locator('.res-operative').first().locator('.opener')).toHaveText('Recalls');
    await expect(body.locator('.res-operative').first()).toHaveAttribute('data-number', '1');
    await page.keyboard.press('Control+Alt+P');
    await expect(body.locator('.res-operative')).toHaveCount(before);
    await expect(body.locator('.res-preambular').last().locator('.opener')).toHaveText('Recalling');
  });

  test('keeps numbering right through undo and redo', async ({ page }) => {
    await page.goto('/');
    await newDraftFromTemplate(page, 'cop-resolution');
    const body = textbox(page);
    await caretAtEnd(page, body.locator('.res-operative').first());
    await page.keyboard.press('Enter');
    await page.keyboard.type('Decides to act.');
    await expect(body.locator('.res-operative')).toHaveCount(4);
    await expect(body.locator('.res-operative').nth(2)).toHaveAttribute('data-number', '3');
    // Undo until the new paragraph is gone: the numbers close up again.
    for (let i = 0; i < 12 && (await body.locator('.res-operative').count()) > 3; i++)
      await page.keyboard.press('Control+z');
    await expect(body.locator('.res-operative')).toHaveCount(3);
    const numbers = await body
      .locator('.res-operative')
      .evaluateAll((els) => els.map((e) => (e as HTMLElement).dataset.number));
    expect(numbers).toEqual(['1', '2', '3']);
    // Redo brings it back, numbered in its place.
    for (let i = 0; i < 12; i++) await page.keyboard.press('Control+y');
    await expect(body.locator('.res-operative').nth(1)).toHaveText('Decides to act.');
    await expect(body.locator('.res-operative').nth(3)).toHaveAttribute('data-number', '4');
  });
});
