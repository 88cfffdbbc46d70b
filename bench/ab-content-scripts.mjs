// Which part of the extension a typical page load pays for: the 40-field patient-intake form
// loaded in a warm browser without Tally, with all of it, and with parts of the built manifest
// taken out (copies of .output/chrome-mv3; build first). A development aid, not a gate.
import { cp, readFile, writeFile, mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from '@playwright/test';
import { findChromium } from '../tests/support/find-chromium.mjs';
import { EXTENSION_DIR } from '../tests/support/launch-extension.mjs';
import { startStaticServer } from '../tests/support/static-server.mjs';
const dir = await mkdtemp(join(tmpdir(), 'ab-'));
await writeFile(
  join(dir, 'typical.html'),
  await readFile(new URL('../tests/fixtures/pages/corpus/patient-intake.html', import.meta.url)),
);
const server = await startStaticServer(dir);
const SRC = EXTENSION_DIR;
async function variant(name, edit) {
  const out = join(dir, name);
  await cp(SRC, out, { recursive: true });
  const m = JSON.parse(await readFile(join(out, 'manifest.json'), 'utf8'));
  edit(m);
  await writeFile(join(out, 'manifest.json'), JSON.stringify(m));
  return out;
}
const variants = {
  none: null,
  full: await variant('full', () => {}),
  noGuard: await variant('noGuard', (m) => {
    m.content_scripts = m.content_scripts.filter(
      (c) => !c.js.some((j) => j.includes('field-guard')),
    );
  }),
  noMain: await variant('noMain', (m) => {
    m.content_scripts = m.content_scripts.filter((c) => c.world !== 'MAIN');
  }),
  noScripts: await variant('noScripts', (m) => {
    m.content_scripts = [];
  }),
};
const results = {};
for (let round = 0; round < 3; round++)
  for (const [name, ext] of Object.entries(variants)) {
    const args = [
      '--no-sandbox',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--disable-gpu',
    ];
    if (ext) args.push(`--disable-extensions-except=${ext}`, `--load-extension=${ext}`);
    const ctx = await chromium.launchPersistentContext(await mkdtemp(join(tmpdir(), 'p-')), {
      executablePath: await findChromium(),
      headless: true,
      args,
    });
    const page = await ctx.newPage();
    await page.goto(`${server.url}/typical.html?warm`, { waitUntil: 'load' });
    await page.waitForTimeout(1000);
    for (let i = 0; i < 8; i++) {
      await page.goto(`${server.url}/typical.html?${i}`, { waitUntil: 'load' });
      const load = await page.evaluate(
        () => performance.getEntriesByType('navigation')[0].loadEventEnd,
      );
      (results[name] ??= []).push(load);
    }
    await ctx.close();
  }
const med = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
};
for (const [k, v] of Object.entries(results)) console.log(k.padEnd(10), med(v).toFixed(1), 'ms');
await server.close();
