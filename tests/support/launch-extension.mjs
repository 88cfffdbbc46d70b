// Launches Chromium with the built extension in a fresh profile. Shared by
// the e2e fixtures, the demo and the benchmark so all three run the same way.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium } from '@playwright/test';
import { findChromium, HOW_TO_GET_CHROMIUM } from './find-chromium.mjs';

export const EXTENSION_DIR = resolve(import.meta.dirname, '../../.output/chrome-mv3');

export async function launchWithExtension({
  extension = true,
  extensionDir = EXTENSION_DIR,
  headless = true,
  userDataDir,
  language,
  extraArgs = [],
} = {}) {
  const executablePath = await findChromium();
  if (!executablePath) throw new Error(HOW_TO_GET_CHROMIUM);
  const profile = userDataDir ?? (await mkdtemp(join(tmpdir(), 'tally-profile-')));
  const args = [
    '--no-sandbox',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--no-first-run',
    '--disable-gpu',
    '--disable-quic',
    ...extraArgs,
  ];
  // Chromium on Linux takes its UI language (and so the extension's locale) from LANGUAGE.
  if (language) args.push(`--lang=${language}`);
  if (extension)
    args.push(`--disable-extensions-except=${extensionDir}`, `--load-extension=${extensionDir}`);
  const context = await chromium.launchPersistentContext(profile, {
    executablePath,
    headless,
    args,
    ...(language
      ? { locale: language, env: { ...process.env, LANGUAGE: language, LANG: `${language}.UTF-8` } }
      : {}),
    viewport: { width: 1280, height: 900 },
  });
  let extensionId = null;
  if (extension) {
    let [worker] = context.serviceWorkers();
    worker ??= await context.waitForEvent('serviceworker', { timeout: 15_000 });
    extensionId = new URL(worker.url()).host;
  }
  return {
    context,
    extensionId,
    async close() {
      await context.close();
      if (!userDataDir) await rm(profile, { recursive: true, force: true });
    },
  };
}
