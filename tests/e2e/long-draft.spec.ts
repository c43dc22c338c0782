/**
 * A long draft while typing (issue 3, "Speed"): paragraphs far from the screen skip layout yet keep
 * their real sizes, and nothing on screen but the typed text changes until the person pauses.
 */
import { TYPING_PAUSE_MS } from '../../src/ui/typingPause.ts';
import { boxOnScreen, caretAtEnd, expect, test, textbox, waitSaved } from './fixtures.ts';

/** The typist's pace in the page's time: one key every 50 ms, well under the typing pause. */
const KEY_GAP_MS = 50;

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
    // The page runs on Playwright's clock, flowing with real time until the typing starts.
    await page.clock.install();
    await page.goto('/');
    await page.getByRole('button', { name: 'New draft' }).first().click();
    await page.getByRole('button', { name: 'Start from the text of resolution 6/3' }).click();
    const body = textbox(page);
    await waitSaved(page);
    await caretAtEnd(page, body.locator('.res-operative').nth(3));
    // From here the page's time stands still but for KEY_GAP_MS after each key: however long a busy
    // machine takes between two keys, the page never sees a pause (TYPING_PAUSE_MS) in the typing.
    // The minute ahead only leaves room for the real time this call takes to arrive.
    await page.clock.pauseAt((await page.evaluate(() => Date.now())) + 60_000);
    // Everything outside the page that changes, recorded from the first keystroke on; but the checks'
    // underlines, the page's own marks in a layer over it, which a check run while typing draws (at
    // least every 2.5 s of typing, right after a key's frame).
    await page.evaluate(() => {
      const seen: string[] = [];
      (window as unknown as { __changes: string[] }).__changes = seen;
      const page = document.querySelector('[role="textbox"]');
      new MutationObserver((records) => {
        for (const r of records) {
          const target = r.target instanceof Element ? r.target : r.target.parentElement;
          if (target === null || page?.contains(target)) continue;
          const underlines = (n: Node): boolean =>
            n instanceof Element && n.closest('.check-underlines') !== null;
          if (underlines(target) || [...r.addedNodes, ...r.removedNodes].some(underlines)) continue;
          seen.push(
            `${target.className || target.tagName}: ${target.textContent ?? ''}`.slice(0, 200) +
              ` [${r.type} ${r.attributeName ?? ''} +${[...r.addedNodes].map((n) => n.nodeName).join(',')} -${[...r.removedNodes].map((n) => n.nodeName).join(',')}]`,
          );
        }
      }).observe(document.body, { subtree: true, childList: true, characterData: true, attributes: true });
    });
    // Nearly four seconds of steady typing (in the page's time): several autosaves happen meanwhile.
    const typed = ' and to report thereon at its next session on the progress made in its work';
    expect(KEY_GAP_MS).toBeLessThan(TYPING_PAUSE_MS);
    for (const key of typed) {
      await page.keyboard.type(key);
      await page.clock.runFor(KEY_GAP_MS);
    }
    const during = await page.evaluate(() =>
      (window as unknown as { __changes: string[] }).__changes.slice(),
    );
    expect(during.length, during.join('\n')).toBeGreaterThan(0);
    expect(
      // The save status itself, saying "Saving…": not an element around it, whose text holds it too.
      during.every((c) => c.startsWith('save-status') && c.includes(': Saving…')),
      `changes outside the page while typing:\n${during.join('\n')}`,
    ).toBe(true);
    // The pause: time flows again, and the status catches up.
    await page.clock.resume();
    await expect(page.getByRole('status')).toHaveText(/^Saved at /);
    await expect(body).toContainText('on the progress made in its work');
  });
});
