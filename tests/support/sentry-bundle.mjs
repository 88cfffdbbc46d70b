// Builds the real Sentry browser SDK with Session Replay (npm @sentry/browser, pinned) into one
// script a fixture page can load: the npm package ships ES modules only, no CDN bundle. The
// bundle is cached under node_modules/.cache by SDK version, so only the first test run pays.
import { mkdir, readFile, stat, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { build } from 'vite';

const ROOT = resolve(import.meta.dirname, '../..');
const CACHE = join(ROOT, 'node_modules/.cache/tally-e2e');

async function exists(path) {
  return stat(path).then(
    () => true,
    () => false,
  );
}

/** Path of an IIFE that sets `window.Sentry = { init, replayIntegration, getReplay, flush }`. */
export async function sentryReplayBundle() {
  const { version } = JSON.parse(
    await readFile(join(ROOT, 'node_modules/@sentry/browser/package.json'), 'utf8'),
  );
  const out = join(CACHE, `sentry-browser-${version}.js`);
  if (await exists(out)) return out;
  await mkdir(CACHE, { recursive: true });
  const entry = join(CACHE, 'sentry-entry.mjs');
  await writeFile(
    entry,
    `import { init, replayIntegration, getReplay, flush } from '@sentry/browser';\n` +
      `window.Sentry = { init, replayIntegration, getReplay, flush };\n`,
  );
  await build({
    root: ROOT,
    configFile: false,
    logLevel: 'error',
    build: {
      write: true,
      outDir: join(CACHE, 'sentry-build'),
      emptyOutDir: true,
      minify: false,
      lib: { entry, formats: ['iife'], name: 'TallySentryBundle', fileName: () => 'sentry.js' },
    },
  });
  await writeFile(out, await readFile(join(CACHE, 'sentry-build/sentry.js')));
  return out;
}
