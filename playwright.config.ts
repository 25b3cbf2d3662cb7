import { defineConfig } from '@playwright/test';

// Browser tests drive Debian's Chromium (Playwright's own browser download is not available
// offline) against the app started exactly as a new user starts it: `npm start`.
const PORT = Number(process.env.E2E_PORT ?? 3100);
const baseURL = `http://127.0.0.1:${PORT}`;

export default defineConfig({
  testDir: 'tests/e2e',
  fullyParallel: false,
  workers: 1,
  // One retry on CI, where the tests share two cores with the server and its database; the
  // list reporter still names a test that needed it ("flaky"), so timing trouble stays visible.
  retries: process.env.CI ? 1 : 0,
  timeout: 30_000,
  reporter: process.env.CI ? [['list']] : [['list'], ['html', { open: 'never' }]],
  use: {
    baseURL,
    locale: 'ru-RU',
    trace: 'retain-on-failure',
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'],
    },
  },
  webServer: {
    command: 'npm start',
    url: `${baseURL}/`,
    env: { PORT: String(PORT) },
    // The first start builds the app and loads the demo data.
    timeout: 300_000,
    reuseExistingServer: !process.env.CI,
    // SIGTERM lets the embedded database close cleanly and release its data folder.
    gracefulShutdown: { signal: 'SIGTERM', timeout: 10_000 },
    stdout: 'pipe',
    stderr: 'pipe',
  },
});
