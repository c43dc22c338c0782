/**
 * `npm start` runs Vite's development server, which transforms the modules as the browser asks for
 * them, unlike the build the other tests and the journeys use. The modules made at build time from the
 * shipped report (vite.config.ts) failed there once, and the app did not open: here the development
 * server is started as `npm start` starts it and the app is opened in Chromium.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createServer, type ViteDevServer } from 'vite';
import { chromium, type Browser } from 'playwright-core';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../..', import.meta.url));
let server: ViteDevServer;
let browser: Browser;

beforeAll(async () => {
  server = await createServer({
    root,
    configFile: `${root}vite.config.ts`,
    logLevel: 'silent',
    server: { port: 0, strictPort: false, hmr: false },
  });
  await server.listen();
  browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu'],
  });
}, 60_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe('the development server of npm start', () => {
  it('opens the app, with the openers and references made from the shipped report', async () => {
    const url = server.resolvedUrls?.local[0];
    expect(url).toBeDefined();
    const page = await browser.newPage();
    const failures: string[] = [];
    page.on('pageerror', (e) => failures.push(e.message));
    page.on('response', (r) => {
      if (r.status() >= 400) failures.push(`${r.status()} ${r.url()}`);
    });
    await page.goto(url ?? '');
    await page.getByRole('heading', { name: 'Start a draft' }).waitFor({ timeout: 30_000 });
    for (const id of ['virtual:corpus-openers', 'virtual:corpus-references']) {
      const served = await page.evaluate(async (u) => (await fetch(u)).text(), `${url}@id/__x00__${id}`);
      expect(served).toMatch(/^export const (openers|references) = JSON\.parse\(/);
    }
    expect(failures).toEqual([]);
  }, 60_000);

  it('bundles React from Preact, as the build does', async () => {
    const optimizer = server.environments.client.depsOptimizer;
    await optimizer?.scanProcessing;
    for (const id of ['react', 'react-dom/client']) {
      const dep = optimizer?.metadata.optimized[id] ?? optimizer?.metadata.discovered[id];
      expect(dep?.src).toMatch(/node_modules\/preact\/compat\//);
    }
  });
});
