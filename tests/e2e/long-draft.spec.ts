/**
 * A long draft while typing (issue 3, "Speed"): paragraphs far from the screen skip layout yet keep
 * their real sizes, and nothing on screen but the typed text changes until the person pauses.
 */
import { boxOnScreen, caretAtEnd, expect, test, textbox, waitSaved } from './fixtures.ts';

test.describe('a long draft', () => {
  test('lets paragraphs far from the screen skip layout, each keeping its real size, so scrolling lands on them', async ({
    page,
  }) => {
    await page.setViewportSize({ width: 1280, height: 400 });
    await page.goto('/');
    await page.getByRole('button', { name: 'New draft' }).first().click();
    await page.getByRole('button', { name: 'Start from the text of resolution 6/3' }).click();
    const body = textbox(page);
    await expect(body.locator('.res-operative')).toHaveCount(22);
    await expect(body).toHaveAttribute('data-laid-out', '');

    const last = body.locator('.res-operative').last();
    const far = await last.evaluate((el) => ({
      // Its contents are skipped (the paragraph itself keeps its box).
      skipped: !(el.firstElementChild?.checkVisibility({ contentVisibilityAuto: true }) ?? true),
      height: el.getBoundingClientRect().height,
    }));
    expect(far.skipped, 'the last paragraph is far from the screen and skips layout').toBe(true);

    // Scrolled to, it is on screen and as tall as it was when skipped: nothing moved under it.
    const box = await boxOnScreen(page, last);
    expect(box.height).toBeCloseTo(far.height, 0);
    expect(
      await last.evaluate((el) => el.firstElementChild?.checkVisibility({ contentVisibilityAuto: true })),
    ).toBe(true);
    const top = await last.evaluate((el) => el.getBoundingClientRect().top);
    expect(top).toBeGreaterThanOrEqual(0);
    expect(top).toBeLessThan(400);
    // It reads and edits like any other paragraph.
    await caretAtEnd(page, last);
    await page.keyboard.type(' Done.');
    await expect(last).toContainText('Done.');
  });

  test('changes only the typed text while typing: the save status says "Saving…" once, and "Saved" after a pause', async ({
    page,
  }) => {
    await page.goto('/');
    await page.getByRole('button', { name: 'New draft' }).first().click();
    await page.getByRole('button', { name: 'Start from the text of resolution 6/3' }).click();
    const body = textbox(page);
    await waitSaved(page);
    await caretAtEnd(page, body.locator('.res-operative').nth(3));
    // Everything outside the page that changes, recorded from the first keystroke on.
    await page.evaluate(() => {
      const seen: string[] = [];
      (window as unknown as { __changes: string[] }).__changes = seen;
      const page = document.querySelector('[role="textbox"]');
      new MutationObserver((records) => {
        for (const r of records) {
          const target = r.target instanceof Element ? r.target : r.target.parentElement;
          if (target === null || page?.contains(target)) continue;
          seen.push(
            `${target.className || target.tagName}: ${target.textContent ?? ''}`.slice(0, 200) +
              ` [${r.type} ${r.attributeName ?? ''} +${[...r.addedNodes].map((n) => n.nodeName).join(',')} -${[...r.removedNodes].map((n) => n.nodeName).join(',')}]`,
          );
        }
      }).observe(document.body, { subtree: true, childList: true, characterData: true, attributes: true });
    });
    // Three seconds of steady typing: several autosaves happen meanwhile.
    await page.keyboard.type(' and to report thereon at its next session on the progress made in its work', {
      delay: 50,
    });
    const during = await page.evaluate(() =>
      (window as unknown as { __changes: string[] }).__changes.slice(),
    );
    expect(during.length, during.join('\n')).toBeGreaterThan(0);
    expect(
      during.every((c) => c.includes('Saving…')),
      `changes outside the page while typing:\n${during.join('\n')}`,
    ).toBe(true);
    await expect(page.getByRole('status')).toHaveText(/^Saved at /);
    await expect(body).toContainText('on the progress made in its work');
  });
});
