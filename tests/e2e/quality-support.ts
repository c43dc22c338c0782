/**
 * Helpers for the quality journeys (issue 7): raw IndexedDB access from the page, to plant the damaged
 * and old records a real browser profile may hold, and downloads read back as text.
 */
import { readFile } from 'node:fs/promises';
import type { Download, Page } from '@playwright/test';

/** The app's database and stores (src/storage/db.ts), written here by hand as a user's profile holds them. */
export const DB_NAME = 'resolution-drafter';
export type Store = 'drafts' | 'revisions' | 'meta';

/**
 * Puts `value` into a store of the app's database with raw IndexedDB, bypassing the app. Open the app
 * first, so the database exists with its stores.
 */
export async function idbPut(page: Page, store: Store, value: unknown): Promise<void> {
  await page.evaluate(
    async ({ dbName, store, value }) => {
      const db = await new Promise<IDBDatabase>((resolve, reject) => {
        const request = indexedDB.open(dbName);
        request.onsuccess = () => resolve(request.result);
        request.onerror = () => reject(request.error ?? new Error('open failed'));
      });
      try {
        await new Promise<void>((resolve, reject) => {
          const tx = db.transaction(store, 'readwrite');
          tx.objectStore(store).put(value);
          tx.oncomplete = () => resolve();
          tx.onabort = () => reject(tx.error ?? new Error('put aborted'));
        });
      } finally {
        db.close();
      }
    },
    { dbName: DB_NAME, store, value },
  );
}

/** The raw value stored under `key`, as the structured clone gives it back. */
export async function idbGet(page: Page, store: Store, key: string): Promise<unknown> {
  return page.evaluate(
    async ({ dbName, store, key }) => {
      const db = await new Promise<IDBDatabase>((resolve, reject) => {
        const request = indexedDB.open(dbName);
        request.onsuccess = () => resolve(request.result);
        request.onerror = () => reject(request.error ?? new Error('open failed'));
      });
      try {
        return await new Promise<unknown>((resolve, reject) => {
          const request = db.transaction(store, 'readonly').objectStore(store).get(key);
          request.onsuccess = () => resolve(request.result as unknown);
          request.onerror = () => reject(request.error ?? new Error('get failed'));
        });
      } finally {
        db.close();
      }
    },
    { dbName: DB_NAME, store, key },
  );
}

/** Every key of a store. */
export async function idbKeys(page: Page, store: Store): Promise<string[]> {
  return page.evaluate(
    async ({ dbName, store }) => {
      const db = await new Promise<IDBDatabase>((resolve, reject) => {
        const request = indexedDB.open(dbName);
        request.onsuccess = () => resolve(request.result);
        request.onerror = () => reject(request.error ?? new Error('open failed'));
      });
      try {
        return await new Promise<string[]>((resolve, reject) => {
          const request = db.transaction(store, 'readonly').objectStore(store).getAllKeys();
          request.onsuccess = () => resolve(request.result.map(String));
          request.onerror = () => reject(request.error ?? new Error('getAllKeys failed'));
        });
      } finally {
        db.close();
      }
    },
    { dbName: DB_NAME, store },
  );
}

/** Clicks `trigger` and returns the file the page downloads: its suggested name, bytes and text. */
export async function downloadOf(
  page: Page,
  trigger: () => Promise<void>,
): Promise<{ name: string; bytes: Buffer; text: string }> {
  const [download] = await Promise.all([page.waitForEvent('download'), trigger()]);
  const bytes = await bytesOf(download);
  return { name: download.suggestedFilename(), bytes, text: bytes.toString('utf8') };
}

async function bytesOf(download: Download): Promise<Buffer> {
  return readFile(await download.path());
}

/**
 * Letters from a xorshift generator, in words of nine: text that neither the browser's storage
 * compression nor anything else shrinks much below its length.
 */
export function noise(length: number, seed: number): string {
  let x = (seed * 2654435761) >>> 0 || 1;
  let out = '';
  while (out.length < length) {
    x ^= x << 13;
    x >>>= 0;
    x ^= x >>> 17;
    x ^= x << 5;
    x >>>= 0;
    out += String.fromCharCode(97 + (x % 26));
    if (out.length % 10 === 9) out += ' ';
  }
  return out.slice(0, length);
}

/** The id of the open draft: the one the app reopens, recorded in the meta store. */
export async function openDraftId(page: Page): Promise<string> {
  const meta = (await idbGet(page, 'meta', 'lastOpened')) as { value?: unknown } | undefined;
  if (typeof meta?.value !== 'string') throw new Error('no draft is recorded as open');
  return meta.value;
}

/** Pastes through a real ClipboardEvent on the editable page, as the browser does for Ctrl+V. */
export async function paste(page: Page, data: Record<string, string>): Promise<void> {
  await page.getByRole('textbox', { name: 'Resolution text' }).evaluate((root, items) => {
    const transfer = new DataTransfer();
    for (const [type, value] of Object.entries(items)) transfer.setData(type, value);
    root.dispatchEvent(
      new ClipboardEvent('paste', { clipboardData: transfer, bubbles: true, cancelable: true }),
    );
  }, data);
}
