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
  projects: [
    { name: 'detection', testIgnore: 'capture/**' },
    // Capture tests install a real enterprise policy in the one system-wide policy directory.
    // Each worker loads the build under an extension id of its own and writes the policy for
    // that id only (tests/support/extension-slots.mjs), so two run at once, test by test.
    // The first managed-storage read after a browser start waits ≈3 s for Chromium's policy loading.
    {
      name: 'capture',
      testMatch: 'capture/**/*.spec.ts',
      fullyParallel: true,
      timeout: 180_000,
      expect: { timeout: 10_000 },
    },
  ],
});
