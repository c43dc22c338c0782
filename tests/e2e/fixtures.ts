/**
 * Every journey runs in a fresh browser context (its own IndexedDB) and fails if the page logs an
 * error or sends a request beyond the preview server: the app runs offline and quietly.
 */
import { expect, test as base, type Locator, type Page } from '@playwright/test';

export const test = base.extend<{ guard: void }>({
  guard: [
    async ({ page }, use) => {
      const problems: string[] = [];
      page.on('console', (msg) => {
        if (msg.type() === 'error') problems.push(`console error: ${msg.text()}`);
      });
      page.on('pageerror', (err) => problems.push(`page error: ${err.message}`));
      page.on('request', (request) => {
        const url = new URL(request.url());
        if (url.protocol === 'data:' || url.protocol === 'blob:') return;
        if (url.hostname !== '127.0.0.1') problems.push(`request left the machine: ${request.url()}`);
      });
      await use();
      expect(problems, 'console errors and foreign requests').toEqual([]);
    },
    { auto: true },
  ],
});

export { expect };

/** The editable page. */
export function textbox(page: Page): Locator {
  return page.getByRole('textbox', { name: 'Resolution text' });
}

/**
 * Whether the editor's selection is the browser's: the caret the person sees is the one Lexical acts
 * on. True when the browser's selection is not in the page at all. Runs in the page.
 */
function caretInSync(): boolean {
  interface Point {
    readonly key: string;
    readonly offset: number;
  }
  interface Editor {
    readonly _key: string;
    getEditorState(): { _selection: null | { anchor?: Point; focus?: Point } };
    getElementByKey(key: string): HTMLElement | null;
  }
  const root = document.querySelector('[role="textbox"][aria-label="Resolution text"]');
  const editor = (root as unknown as { __lexicalEditor?: Editor } | null)?.__lexicalEditor;
  const dom = document.getSelection();
  if (!root || !editor || !dom?.anchorNode || !dom.focusNode) return true;
  if (!root.contains(dom.anchorNode) || !root.contains(dom.focusNode)) return true;
  const selection = editor.getEditorState()._selection;
  if (!selection?.anchor || !selection.focus) return false;
  const prop = `__lexicalKey_${editor._key}`;
  const keyOf = (node: Node): string | undefined => {
    for (let n: Node | null = node; n !== null; n = n.parentNode) {
      const key = (n as unknown as Record<string, string | undefined>)[prop];
      if (key !== undefined) return key;
    }
    return undefined;
  };
  const same = (point: Point, node: Node, offset: number): boolean => {
    // In a text: the same text node of the editor, at the same character.
    if (node.nodeType === Node.TEXT_NODE) return keyOf(node) === point.key && point.offset === offset;
    // Between elements the offsets count different children: the same element or one inside the other.
    const element = editor.getElementByKey(point.key);
    return element !== null && (element === node || element.contains(node) || node.contains(element));
  };
  return (
    same(selection.anchor, dom.anchorNode, dom.anchorOffset) &&
    same(selection.focus, dom.focusNode, dom.focusOffset)
  );
}

/**
 * Lexical reads the caret from the browser's selectionchange event after a click or a key that moves
 * it. On a busy machine that event can come after the next key is handled, so this waits until the
 * editor's selection is the browser's, however long that takes (a fixed wait could be too short).
 */
export async function settle(page: Page): Promise<void> {
  await expect
    .poll(() => page.evaluate(caretInSync), {
      message: 'the editor takes the browser’s caret',
      timeout: 10_000,
      intervals: [10, 20, 50, 100],
    })
    .toBe(true);
}

/**
 * A block's box once it is on screen and laid out: a paragraph far from the screen is not laid out
 * (content-visibility: auto) and has a placeholder height until the frame after it scrolls into view.
 */
export async function boxOnScreen(page: Page, block: Locator): Promise<{ width: number; height: number }> {
  await block.scrollIntoViewIfNeeded();
  await page.evaluate(
    () => new Promise<void>((done) => requestAnimationFrame(() => requestAnimationFrame(() => done()))),
  );
  const box = await block.boundingBox();
  if (!box) throw new Error('the paragraph is not visible');
  return box;
}

/** Clicks the end of a block and waits for the editor to take the caret there. */
export async function caretAtEnd(page: Page, block: Locator): Promise<void> {
  // End moves to the end of the visual line: click on the paragraph's last line first.
  const box = await boxOnScreen(page, block);
  await block.click({ position: { x: Math.max(1, box.width - 3), y: Math.max(1, box.height - 4) } });
  await settle(page);
  await page.keyboard.press('End');
  await settle(page);
}

export async function newDraftFromTemplate(page: Page, templateId: string): Promise<void> {
  await page.getByRole('button', { name: 'New draft' }).first().click();
  await page.locator(`[data-template="${templateId}"]`).click();
  await expect(textbox(page)).toBeVisible();
}

/**
 * Opens the app on a new draft from a template with the caret at the end of its last preambular or
 * operative paragraph; gives the editable page.
 */
export async function newDraftAtEnd(
  page: Page,
  templateId: string,
  part: 'preambular' | 'operative',
): Promise<Locator> {
  await page.goto('/');
  await newDraftFromTemplate(page, templateId);
  const body = textbox(page);
  await caretAtEnd(page, body.locator(`.res-${part}`).last());
  return body;
}

/**
 * Writes `text` at the caret for a journey about what follows the writing (the precedents it finds, the
 * wording it takes), not about the typing itself (typing, completion and checks type every key): the
 * first and the last word are typed key by key, the words between go in as one input, as an input
 * method or a dictation tool puts words in. The opener is then recognized as it is typed, and the
 * typing pause and what waits for it run as after typing. A paragraph of 140 characters typed key by
 * key took 4 to 11 s on 2 cores, the precedents panel searching as it grew.
 *
 * (The first word is typed: several words put in at once in an empty paragraph left the browser's caret
 * in the next footnote, where the next key went.)
 */
export async function write(page: Page, text: string): Promise<void> {
  const first = text.indexOf(' ') + 1;
  const last = text.lastIndexOf(' ') + 1;
  if (first <= 0 || last <= first) {
    await page.keyboard.type(text);
    return;
  }
  await page.keyboard.type(text.slice(0, first));
  await page.keyboard.insertText(text.slice(first, last));
  await settle(page);
  await page.keyboard.type(text.slice(last));
}

/** A new operative paragraph after the last one, with `text` written in and the completion menu closed. */
export async function writeNewOperative(page: Page, text: string): Promise<void> {
  await caretAtEnd(page, textbox(page).locator('.res-operative').last());
  await page.keyboard.press('Enter');
  await write(page, text);
  // The completion menu may be open after the last word.
  await page.keyboard.press('Escape');
  await settle(page);
}

export async function waitSaved(page: Page): Promise<void> {
  // A bound for a loaded machine: the save follows a typing pause, then an IndexedDB write.
  await expect(page.locator('.save-status')).toHaveAttribute('data-state', /^(saved|idle)$/, {
    timeout: 15_000,
  });
}

/** The printed text of the page's paragraphs, in order: "1. Requests …", "(a) …", "Recalling …". */
export async function paragraphs(page: Page): Promise<string[]> {
  return textbox(page).evaluate((root) =>
    [...root.querySelectorAll('.res-title, .res-formula, .res-preambular, .res-operative, .res-sub')].map(
      (el) => {
        const e = el as HTMLElement;
        const prefix = e.classList.contains('res-operative')
          ? `${e.dataset.number}. `
          : e.classList.contains('res-sub')
            ? `${e.dataset.label} `
            : '';
        return prefix + (e.textContent ?? '');
      },
    ),
  );
}

/**
 * Reloads as a person does, with text perhaps not yet stored: the page then asks first
 * (beforeunload), and the person says leave. (Playwright's own reload can stall on that question.)
 */
export async function reloadLeaving(page: Page): Promise<void> {
  const leave = (dialog: { type(): string; accept(): Promise<void> }) => {
    if (dialog.type() === 'beforeunload') void dialog.accept();
  };
  page.on('dialog', leave);
  const before = await page.evaluate(() => performance.timeOrigin);
  await page.evaluate(() => setTimeout(() => location.reload(), 0));
  await expect
    .poll(() => page.evaluate(() => performance.timeOrigin).catch(() => before), { timeout: 30_000 })
    .not.toBe(before);
  await page.waitForLoadState('load');
  page.off('dialog', leave);
}
