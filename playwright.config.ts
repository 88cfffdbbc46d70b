import { defineConfig } from '@playwright/test';

// End-to-end tests drive the production build in Debian's Chromium (see
// tests/support/launch-extension.mjs); each test gets its own profile.
export default defineConfig({
  testDir: 'tests/e2e',
  timeout: 60_000,
  fullyParallel: false,
  workers: 2,
  retries: 0,
  reporter: [['list']],
});
