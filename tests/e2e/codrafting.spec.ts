/**
 * Co-drafting in real browsers against the real server (`npm run server`'s entry, its own process):
 * drill 1, two browsers typing into the same paragraph at the same time converge, each one's words whole
 * even where both type at the same place, with the numbering intact; a delegation and an observer see the text live, cannot type into it, and the server refuses
 * them anyway (tests/server/roles.test.ts).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser, type Locator, type Page } from '@playwright/test';
import { NodeWebSocket } from '../../src/collab/nodeSocket.ts';
import { shareDocument, type SharedDraft } from '../../src/collab/share.ts';
import type { ResolutionDocument } from '../../src/core/model/types.ts';
import { readPrintedText } from '../../src/core/parse/printed.ts';
import { readFileSync } from 'node:fs';
import { startProxy } from '../server/proxy.ts';
import { paste } from './quality-support.ts';
import { expect, newDraftFromTemplate, test, textbox } from './fixtures.ts';

let SERVER = '';

let server: ChildProcess;
let dataDir: string;

test.beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'rd-e2e-server-'));
  // A free port: another run of these journeys may hold any fixed one.
  const port = await new Promise<number>((resolve) => {
    const probe = createServer();
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
  SERVER = `ws://127.0.0.1:${port}`;
  server = spawn(
    process.execPath,
    ['bin/run-ts.mjs', 'server/main.ts', '--port', String(port), '--data', dataDir],
    {
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  await new Promise<void>((resolve, reject) => {
    let output = '';
    const read = (chunk: Buffer): void => {
      output += chunk.toString();
      if (output.includes('Resolution Drafter server:')) resolve();
    };
    server.stdout?.on('data', read);
    server.stderr?.on('data', read);
    server.once('exit', (code) => reject(new Error(`the server exited (${code}): ${output}`)));
  });
});

test.afterAll(async () => {
  server.kill('SIGTERM');
  await new Promise((r) => server.once('exit', r));
  rmSync(dataDir, { recursive: true, force: true });
});

function gaDocument(name: string): ResolutionDocument {
  const text = readFileSync(new URL(`../../corpus/ga/${name}.txt`, import.meta.url), 'utf8');
  const [doc] = readPrintedText(text).documents;
  if (!doc) throw new Error(`no document in ${name}`);
  return doc;
}

async function share(doc: ResolutionDocument, baseURL: string): Promise<SharedDraft> {
  return shareDocument(doc, {
    server: SERVER,
    delegations: ['Mexico', 'Norway'],
    app: `${baseURL}/`,
    WebSocketPolyfill: NodeWebSocket,
  });
}

const linkFor = (draft: SharedDraft, baseURL: string, token: string): string =>
  `${baseURL}/#shared=${draft.document}&server=${encodeURIComponent(SERVER)}&token=${token}`;

async function opened(page: Page, url: string): Promise<void> {
  await page.goto(url);
  await expect(page.getByRole('status').filter({ hasText: 'Connected' })).toBeVisible();
  await expect(page.getByRole('article', { name: 'Draft' })).toBeVisible();
}

/** The caret at the very end of a paragraph (End goes only to the end of its first line on screen). */
async function caretAtEnd(paragraph: Locator): Promise<void> {
  await paragraph.click();
  await paragraph.evaluate((element) => {
    const range = document.createRange();
    range.selectNodeContents(element);
    range.collapse(false);
    const selection = document.getSelection();
    selection?.removeAllRanges();
    selection?.addRange(range);
  });
  // Lexical takes the caret from the selectionchange that follows.
  await paragraph.page().waitForTimeout(100);
}

/** The caret at a character offset in a paragraph's text. */
async function caretAt(paragraph: Locator, offset: number): Promise<void> {
  await paragraph.click();
  await paragraph.evaluate((element, offset) => {
    const walker = document.createTreeWalker(element, NodeFilter.SHOW_TEXT);
    let left = offset;
    for (let node = walker.nextNode(); node !== null; node = walker.nextNode()) {
      const length = node.textContent?.length ?? 0;
      if (left <= length) {
        const range = document.createRange();
        range.setStart(node, left);
        range.collapse(true);
        const selection = document.getSelection();
        selection?.removeAllRanges();
        selection?.addRange(range);
        return;
      }
      left -= length;
    }
    throw new Error(`no character ${offset} in the paragraph`);
  }, offset);
  await paragraph.page().waitForTimeout(100);
}

/** The operative paragraphs' numbers as the page shows them. */
const numbers = (page: Page): Promise<string[]> =>
  page
    .locator('.res-operative')
    .evaluateAll((nodes) => nodes.map((n) => n.getAttribute('data-number') ?? ''));

test.describe('co-drafting live', () => {
  test('two browsers type at once and converge, numbered alike in both; undo takes back one’s own typing only', async ({
    page,
    baseURL,
  }) => {
    test.setTimeout(120_000);
    const draft = await share(gaDocument('A_RES_79_16'), baseURL ?? '');
    // A second, separate browser: its own process, as a second delegate's laptop.
    const other: Browser = await chromium.launch({
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking'],
    });
    try {
      const second = await (await other.newContext()).newPage();
      await opened(page, draft.url);
      await opened(second, draft.url);
      await expect(page.getByRole('list', { name: 'Who is here' }).getByRole('listitem')).toHaveCount(2);
      const op = (p: Page, n: number) =>
        textbox(p)
          .locator('.res-operative')
          .nth(n - 1);

      // At the same time, in two paragraphs.
      await caretAtEnd(op(page, 2));
      await caretAtEnd(op(second, 3));
      await Promise.all([
        page.keyboard.type(' alpha bravo charlie', { delay: 25 }),
        second.keyboard.type(' xray yankee zulu', { delay: 25 }),
      ]);
      for (const p of [page, second]) {
        await expect(op(p, 2)).toContainText('safeguards; alpha bravo charlie');
        await expect(op(p, 3)).toContainText('in the Middle East; xray yankee zulu');
      }

      // In one paragraph, at the same place, at the same time: both sentences arrive whole (neither
      // caret jumps past the other's letters), the rest of the paragraph stays, and both show the same.
      const before = (await op(page, 4).textContent()) ?? '';
      const middle = before.indexOf(' ', 30);
      await caretAt(op(page, 4), middle);
      await caretAt(op(second, 4), middle);
      const mine = ' alpha bravo charlie delta';
      const theirs = ' XRAY YANKEE ZULU WHISKEY';
      await Promise.all([
        page.keyboard.type(mine, { delay: 20 }),
        second.keyboard.type(theirs, { delay: 25 }),
      ]);
      // Both pages read again at each look: either may still be waiting for the other's last letter.
      await expect
        .poll(async () => {
          const [a, b] = [(await op(page, 4).textContent()) ?? '', (await op(second, 4).textContent()) ?? ''];
          return a === b && a.length === before.length + mine.length + theirs.length;
        })
        .toBe(true);
      const together = (await op(page, 4).textContent()) ?? '';
      // Every word whole (shuffled letters would break them), every character kept. (The space each
      // typed first may land on either side of the other's words: seen once in about twenty runs.)
      for (const word of `${mine} ${theirs}`.trim().split(/\s+/)) expect(together).toContain(word);
      for (const typed of [mine, theirs])
        expect(together.replace(/\s+/g, '')).toContain(typed.replace(/\s+/g, ''));
      expect(together.startsWith(before.slice(0, middle))).toBe(true);
      expect(together.endsWith(before.slice(middle))).toBe(true);
      expect(together).toHaveLength(before.length + mine.length + theirs.length);

      // In one paragraph, in turns: each keystroke reaches the other browser before it types.
      await caretAtEnd(op(page, 2));
      await caretAtEnd(op(second, 2));
      const turns: [Page, Page, string][] = [...'abc'].flatMap((c) => [
        [page, second, c] as [Page, Page, string],
        [second, page, c.toUpperCase()] as [Page, Page, string],
      ]);
      for (const [typist, reader, letter] of turns) {
        await typist.keyboard.type(letter);
        await expect(op(reader, 2)).toContainText(letter);
      }
      await expect
        .poll(async () => (await op(second, 2).textContent()) ?? '')
        .toBe((await op(page, 2).textContent()) ?? '');
      const tail = ((await op(page, 2).textContent()) ?? '').slice(-6);
      expect([...tail].sort().join('')).toBe('ABCabc');

      // A paragraph added after OP1 in one browser while the other types in the last: numbered alike.
      const operatives = await textbox(page).locator('.res-operative').count();
      await caretAtEnd(op(page, 1));
      await caretAtEnd(textbox(second).locator('.res-operative').last());
      await Promise.all([
        (async () => {
          await page.keyboard.press('Enter');
          await page.keyboard.type('Decides to continue the dialogue;', { delay: 20 });
        })(),
        second.keyboard.type(' and the last words', { delay: 20 }),
      ]);
      for (const p of [page, second]) {
        await expect(op(p, 2)).toHaveText('Decides to continue the dialogue;');
        await expect(textbox(p).locator('.res-operative').last()).toContainText('and the last words');
        await expect(textbox(p).locator('.res-operative')).toHaveCount(operatives + 1);
      }
      const expected = Array.from({ length: operatives + 1 }, (_, i) => String(i + 1));
      await expect.poll(() => numbers(page)).toEqual(expected);
      await expect.poll(() => numbers(second)).toEqual(expected);
      // The whole text, block by block (innerText would leave out what is off screen).
      const blocks = (p: Page) => textbox(p).locator(':scope > *').allTextContents();
      await expect.poll(() => blocks(second)).toEqual(await blocks(page));

      // Undo takes back this browser's own typing only, never the other's; redo brings it back.
      // (Yjs' undo manager makes one step of what one types within half a second: a pause first, so
      // that the step is this typing alone and not the paragraph added just before.)
      await page.waitForTimeout(600);
      await caretAtEnd(op(page, 1));
      await page.keyboard.type(' as I wrote', { delay: 10 });
      await caretAtEnd(op(second, 3));
      await second.keyboard.type(' as another wrote', { delay: 10 });
      await expect(op(page, 3)).toContainText('as another wrote');

      // The other's typing came last; undo here takes back this browser's own.
      await page.keyboard.press('Control+z');
      for (const p of [page, second]) {
        await expect(op(p, 1)).not.toContainText('as I wrote');
        await expect(op(p, 3)).toContainText('as another wrote');
      }
      await page.keyboard.press('Control+Shift+z');
      for (const p of [page, second]) {
        await expect(op(p, 1)).toContainText('as I wrote');
        await expect(op(p, 3)).toContainText('as another wrote');
      }
    } finally {
      await other.close();
    }
  });

  test('typing while the network is down is kept on this computer, over closing the page, and merged when it returns', async ({
    page,
    browser,
    baseURL,
  }) => {
    const network = await startProxy(Number(new URL(SERVER.replace('ws:', 'http:')).port));
    try {
      const draft = await share(gaDocument('A_RES_79_16'), baseURL ?? '');
      const throughNetwork = `${baseURL}/#shared=${draft.document}&server=${encodeURIComponent(network.url)}&token=${draft.tokens.facilitator}`;
      const other = await (await browser.newContext()).newPage();
      await opened(page, throughNetwork);
      await opened(other, draft.url);
      const op = (p: Page, n: number) =>
        textbox(p)
          .locator('.res-operative')
          .nth(n - 1);

      // The network goes: the page says so, and typing goes on.
      network.restore();
      network.blackhole();
      await expect(
        page.getByRole('status').filter({ hasText: 'your changes are kept on this computer' }),
      ).toBeVisible();
      await caretAtEnd(op(page, 2));
      await page.keyboard.type(' written with the network down', { delay: 10 });
      // Meanwhile another delegate edits another paragraph.
      await caretAtEnd(op(other, 4));
      await other.keyboard.type(' written meanwhile', { delay: 10 });
      await expect(op(other, 2)).not.toContainText('written with the network down');

      // The page is closed before the network returns, and opened again: the typing is still there.
      const context = page.context();
      await page.close();
      const again = await context.newPage();
      await again.goto(throughNetwork);
      await expect(op(again, 2)).toContainText('written with the network down');
      await expect(again.getByRole('status').filter({ hasText: 'Connected' })).toHaveCount(0);

      // The network returns: both sides have both edits.
      network.restore();
      await expect(again.getByRole('status').filter({ hasText: 'Connected' })).toBeVisible({
        timeout: 20_000,
      });
      for (const p of [again, other]) {
        await expect(op(p, 2)).toContainText('written with the network down');
        await expect(op(p, 4)).toContainText('written meanwhile');
      }
      await expect
        .poll(() => textbox(other).locator(':scope > *').allTextContents())
        .toEqual(await textbox(again).locator(':scope > *').allTextContents());
    } finally {
      await network.close();
    }
  });

  test('a delegation and an observer follow live, read-only; the facilitator pastes, completes and is told what was refused', async ({
    page,
    browser,
    baseURL,
  }) => {
    const draft = await share(gaDocument('A_RES_79_16'), baseURL ?? '');
    const mexico = await (await browser.newContext()).newPage();
    const observer = await (await browser.newContext()).newPage();
    await opened(page, draft.url);
    await opened(mexico, linkFor(draft, baseURL ?? '', draft.tokens.delegations.Mexico ?? ''));
    await opened(observer, linkFor(draft, baseURL ?? '', draft.tokens.observer));
    await expect(mexico.getByText('Mexico: proposes; the facilitator edits the text')).toBeVisible();
    await expect(observer.getByText('Observer: read-only')).toBeVisible();
    for (const p of [mexico, observer]) await expect(textbox(p)).toHaveAttribute('contenteditable', 'false');
    await expect(page.getByRole('list', { name: 'Who is here' })).toContainText('Mexico');
    await expect(page.getByRole('list', { name: 'Who is here' })).toContainText('Observer');

    await caretAtEnd(textbox(page).locator('.res-operative').first());
    await page.keyboard.type(' as agreed in the room', { delay: 10 });
    for (const p of [mexico, observer]) {
      await expect(textbox(p).locator('.res-operative').first()).toContainText('as agreed in the room');
      // The facilitator's caret, with its name, where they type.
      await expect(p.locator('.shared-cursors').getByText('Facilitator', { exact: true })).toBeAttached();
    }

    // The facilitator pastes and completes as in a draft of their own, and is told what was refused.
    const body = textbox(page);
    const operatives = await body.locator('.res-operative').count();

    // A plain-text paste becomes paragraphs, numbered alike in both browsers.
    await caretAtEnd(body.locator('.res-operative').last());
    await page.keyboard.press('Enter');
    await paste(page, { 'text/plain': '1. Urges all States to act;\n2. Invites donors to contribute.' });
    for (const p of [page, mexico]) {
      await expect(textbox(p).locator('.res-operative')).toHaveCount(operatives + 2);
      await expect(textbox(p).locator('.res-operative').last()).toHaveText('Invites donors to contribute.');
      await expect(textbox(p).locator('.res-operative').last()).toHaveAttribute(
        'data-number',
        String(operatives + 2),
      );
    }

    // Completion offers openers here too.
    await caretAtEnd(body.locator('.res-operative').last());
    await page.keyboard.press('Enter');
    await page.keyboard.type('Req');
    const listbox = page.getByRole('listbox', { name: 'Operative openers' });
    await expect(listbox).toBeVisible();
    await page.keyboard.press('Enter');
    await page.keyboard.type('the Secretary-General to report;');
    await expect(textbox(mexico).locator('.res-operative').last()).toHaveText(
      /^(Also )?[Rr]equests the Secretary-General to report;$/,
    );

    // A paragraph over the length a draft may hold is refused, with a message, and sent to no one.
    const before = await textbox(mexico).locator(':scope > *').allTextContents();
    await caretAtEnd(body.locator('.res-operative').first());
    await paste(page, { 'text/plain': 'recalling the Convention '.repeat(5_000) });
    await expect(page.getByRole('alert')).toContainText('characters');
    await page.waitForTimeout(500);
    expect(await textbox(mexico).locator(':scope > *').allTextContents()).toEqual(before);
    expect(await body.locator(':scope > *').allTextContents()).toEqual(before);
    await page.getByRole('button', { name: 'Dismiss' }).click();
    await expect(page.getByRole('alert')).toHaveCount(0);
  });

  test('a delegation proposes, another supports, the facilitator accepts: the text changes in every browser', async ({
    page,
    browser,
    baseURL,
  }) => {
    const draft = await share(gaDocument('A_RES_79_16'), baseURL ?? '');
    const mexico = await (await browser.newContext()).newPage();
    const norway = await (await browser.newContext()).newPage();
    await opened(page, draft.url);
    await opened(mexico, linkFor(draft, baseURL ?? '', draft.tokens.delegations.Mexico ?? ''));
    await opened(norway, linkFor(draft, baseURL ?? '', draft.tokens.delegations.Norway ?? ''));

    // Mexico writes its version of OP2 (no footnote in it) from the keyboard.
    const op2 = (await textbox(mexico).locator('.res-operative').nth(1).textContent()) ?? '';
    await mexico.getByLabel('Mexico proposes a version of').focus();
    await mexico.getByLabel('Mexico proposes a version of').selectOption('operative:2');
    await expect(mexico.getByLabel('Your text')).toHaveValue(op2);
    const version = op2.replace('pending the establishment', 'until the establishment');
    expect(version).not.toBe(op2);
    await mexico.getByLabel('Your text').fill(version);
    await mexico.getByRole('button', { name: 'Propose' }).click();

    // Everyone sees it live, with the words it changes; Norway supports it.
    for (const p of [page, mexico, norway]) {
      const item = p.getByRole('list', { name: 'Open proposals' }).getByRole('listitem');
      await expect(item).toHaveCount(1);
      await expect(item).toContainText('Mexico on OP2');
      await expect(item.locator('ins')).toHaveText('until');
      await expect(item.locator('del')).toHaveText('pending');
    }
    await norway.getByRole('button', { name: 'Support' }).click();
    await expect(page.getByRole('list', { name: 'Open proposals' })).toContainText('supported by Norway');
    // Only the facilitator decides: no Accept for a delegation, and Mexico may withdraw its own.
    await expect(mexico.getByRole('button', { name: 'Accept' })).toHaveCount(0);
    await expect(mexico.getByRole('button', { name: 'Withdraw' })).toBeVisible();

    await page.getByRole('button', { name: 'Accept' }).click();
    for (const p of [page, mexico, norway]) {
      await expect(textbox(p).locator('.res-operative').nth(1)).toHaveText(version);
      await expect(textbox(p).locator('.res-operative').nth(1).locator('.opener')).toHaveText('Calls upon');
      await expect(p.getByRole('list', { name: 'Open proposals' }).getByRole('listitem')).toHaveCount(0);
    }
  });

  test('Share… turns the open draft into a shared one, with a link per role that opens it live', async ({
    page,
    browser,
  }) => {
    await page.goto('/');
    await newDraftFromTemplate(page, 'cop-resolution');
    await caretAtEnd(textbox(page).locator('.res-operative').last());
    await page.keyboard.type(' Shared from this browser.', { delay: 10 });
    await page.getByRole('button', { name: 'Share…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Share for co-drafting' });
    await dialog.getByLabel('Server').fill(SERVER);
    await dialog.getByLabel('Delegations, separated by commas').fill('Mexico, Norway');
    await dialog.getByRole('button', { name: 'Share' }).click();
    await expect(dialog.getByRole('status')).toContainText('Shared.');
    const links = dialog.getByRole('list', { name: 'Links' });
    await expect(links.getByRole('listitem')).toHaveCount(4);
    const norwayLink = await dialog.getByLabel('Link for Norway (proposes)').inputValue();
    const facilitatorLink = await dialog.getByLabel('Link for Facilitator (edits the text)').inputValue();
    expect(norwayLink).toContain('#shared=');

    // Norway opens its link: the text typed here, read-only, with Norway's label.
    const norway = await (await browser.newContext()).newPage();
    await opened(norway, norwayLink);
    await expect(textbox(norway)).toContainText('Shared from this browser.');
    await expect(norway.getByText('Norway: proposes; the facilitator edits the text')).toBeVisible();
    // The facilitator's link in another tab edits it, and Norway sees it.
    const facilitator = await (await browser.newContext()).newPage();
    await opened(facilitator, facilitatorLink);
    await caretAtEnd(textbox(facilitator).locator('.res-operative').last());
    await facilitator.keyboard.type(' And edited live.', { delay: 10 });
    await expect(textbox(norway)).toContainText('And edited live.');
  });

  test('Share… refuses an address that is not a co-drafting server’s, and nothing is sent', async ({
    page,
  }) => {
    await page.goto('/');
    await newDraftFromTemplate(page, 'cop-resolution');
    await page.getByRole('button', { name: 'Share…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Share for co-drafting' });
    // (A server that does not answer is told the same way: tests/cli/shared.test.ts, the same code.)
    await dialog.getByLabel('Server').fill('http://127.0.0.1:1');
    await dialog.getByRole('button', { name: 'Share' }).click();
    await expect(dialog.getByRole('alert')).toContainText('must start with ws:// or wss://');
  });

  test('a link with a forged token says so and shows nothing', async ({ page, baseURL }) => {
    const draft = await share(gaDocument('A_RES_79_16'), baseURL ?? '');
    await page.goto(linkFor(draft, baseURL ?? '', `${draft.tokens.observer.slice(0, -6)}AAAAAA`));
    await expect(page.getByRole('alert')).toContainText('This link does not open this draft.');
    await expect(page.getByRole('article', { name: 'Draft' })).toBeHidden();
  });
});
