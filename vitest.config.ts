import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';
import { playwright } from '@vitest/browser-playwright';
import { reactAsPreact } from './preact-alias.ts';

/**
 * Two projects. `node` runs every unit test as before. `browser` runs the storage tests in Debian's
 * Chromium, because IndexedDB, BroadcastChannel and the quota are browser facts: faking them would test
 * the fake (house rule: nothing mocked that a user runs for real). Playwright launches the system
 * browser by path and never downloads one.
 */
const executablePath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/**
 * The two projects run side by side: the Node files in `NODE_WORKERS` processes and the browser files
 * one page at a time. The browser files are few and quick (about 30 s of the run), so the Node files
 * take every core: with half of them, on 2 cores, the second core sat idle for most of the four
 * minutes the Node files take one after another.
 */
const NODE_WORKERS = Math.max(1, availableParallelism());

export default defineConfig({
  test: {
    projects: [
      {
        // The components run on Preact, as in the build (preact-alias.ts).
        resolve: { alias: reactAsPreact },
        test: {
          name: 'node',
          maxWorkers: NODE_WORKERS,
          // Command-line tests start real processes and LibreOffice converts real files: generous on 2 cores.
          // A bound for a loaded machine, not a speed check (speed is the benchmark's): the property tests
          // take a few seconds on a quiet machine and over 20 s on one running other work beside them.
          testTimeout: 90_000,
          include: ['tests/**/*.test.ts', 'tests/**/*.test.tsx'],
          exclude: ['tests/e2e/**', 'node_modules/**', 'tests/**/*.browser.test.ts'],
          environment: 'node',
          // Lexical's React bindings are compiled with the tests, so that they too import Preact.
          server: { deps: { inline: [/@lexical\/react/] } },
        },
      },
      {
        resolve: { alias: reactAsPreact },
        test: {
          name: 'browser',
          // One test file's page at a time, beside the Node project's workers.
          fileParallelism: false,
          include: ['tests/**/*.browser.test.ts'],
          exclude: ['tests/e2e/**', 'node_modules/**'],
          browser: {
            enabled: true,
            headless: true,
            // The storage tests render nothing: a screenshot of a failure would be a blank page.
            screenshotFailures: false,
            provider: playwright({
              launchOptions: {
                executablePath,
                args: [
                  '--no-sandbox',
                  '--disable-gpu',
                  '--disable-background-networking',
                  '--disable-component-update',
                  '--disable-sync',
                  '--no-first-run',
                ],
              },
            }),
            instances: [{ browser: 'chromium' }],
          },
        },
      },
    ],
  },
});
