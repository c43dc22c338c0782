import { defineConfig } from 'vitest/config';
import { playwright } from '@vitest/browser-playwright';

/**
 * Two projects. `node` runs every unit test as before. `browser` runs the storage tests in Debian's
 * Chromium, because IndexedDB, BroadcastChannel and the quota are browser facts: faking them would test
 * the fake (house rule: nothing mocked that a user runs for real). Playwright launches the system
 * browser by path and never downloads one.
 */
const executablePath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'node',
          // Command-line tests start real processes and LibreOffice converts real files: generous on 2 cores.
          testTimeout: 20_000,
          include: ['tests/**/*.test.ts', 'tests/**/*.test.tsx'],
          exclude: ['tests/e2e/**', 'node_modules/**', 'tests/**/*.browser.test.ts'],
          environment: 'node',
        },
      },
      {
        test: {
          name: 'browser',
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
