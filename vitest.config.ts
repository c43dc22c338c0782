import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';
import { playwright } from '@vitest/browser-playwright';
import { BaseSequencer, type TestSpecification } from 'vitest/node';
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

/**
 * Files that mostly wait on the clock rather than the cores (the offline drill keeps a client cut off
 * for a real minute). Vitest's own order puts files it has not timed largest first, which on a fresh
 * clone started the drill near the end, where its minute was the run's last minute; started first, it
 * waits beside the rest.
 */
const WAITING_FILES = ['tests/server/offline.test.ts'];

class WaitingFirst extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const sorted = await super.sort(files);
    const waits = (spec: TestSpecification): boolean =>
      WAITING_FILES.some((file) => spec.moduleId.endsWith(file));
    return [...sorted.filter(waits), ...sorted.filter((spec) => !waits(spec))];
  }
}

export default defineConfig({
  test: {
    sequence: { sequencer: WaitingFirst },
    projects: [
      {
        // The components run on Preact, as in the build (preact-alias.ts).
        resolve: { alias: reactAsPreact },
        test: {
          name: 'node',
          maxWorkers: NODE_WORKERS,
          // Each worker imports the modules once for all its files rather than once per file: a third of
          // the project's time was imports (the unit run went from 215 s to 139 s on 2 cores). The
          // tests keep no state between files (fake timers are restored where they are used), and the
          // files pass in shuffled orders (--sequence.shuffle.files) as in the default one.
          isolate: false,
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
