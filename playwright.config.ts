import { availableParallelism } from 'node:os';
import { defineConfig } from '@playwright/test';

// Debian's Chromium; Playwright never downloads a browser here.
const executablePath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export default defineConfig({
  testDir: 'tests/e2e',
  // Bounds for a loaded 2-core machine, where journeys that take 10-20 s alone took 30-50 s (a wait
  // for the page, never a measure of its speed: the benchmark measures that, bench/).
  timeout: 120_000,
  expect: { timeout: 10_000 },
  fullyParallel: true,
  forbidOnly: !!process.env.CI,
  // One browser per two cores. On 2 cores two workers' Chromiums slowed each journey about twofold
  // (the preview server and the runner share the cores too) and the suite finished no sooner: run back
  // to back on a machine busy with other work, 9.7 min with two workers and 8.6 min with one.
  workers: Math.max(1, Math.floor(availableParallelism() / 2)),
  reporter: process.env.CI ? 'list' : 'line',
  use: {
    baseURL: 'http://127.0.0.1:4173',
    // A failed journey keeps a screenshot of the page as it failed and its accessibility snapshot
    // (error-context.md). Its trace (every action, the DOM before and after it, console, network) only
    // with PW_TRACE=1: to keep one for a failed journey, Playwright records it for every journey, about
    // a fifth of the suite's time on 2 cores (drafts and typing, 11 journeys: 72 s with traces, 60 s
    // without; 110 s with the screencast), which took the suite over fifteen minutes.
    trace: process.env.PW_TRACE ? { mode: 'retain-on-failure', screenshots: false } : 'off',
    screenshot: 'only-on-failure',
    launchOptions: {
      executablePath,
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    },
  },
  webServer: {
    command: 'npx vite build --logLevel warn && npx vite preview --host 127.0.0.1',
    url: 'http://127.0.0.1:4173',
    reuseExistingServer: !process.env.CI,
    timeout: 120_000,
  },
});
