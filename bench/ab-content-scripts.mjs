// Which part of the extension a typical page load pays for: the 40-field patient-intake form
// loaded in a warm browser without Tally, with all of it, and with parts of the built manifest
// taken out (copies of .output/chrome-mv3; build first). A development aid, not a gate.
import { cp, readFile, writeFile, mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { EXTENSION_DIR, launchWithExtension } from '../tests/support/launch-extension.mjs';
import { startStaticServer } from '../tests/support/static-server.mjs';
import { median, navigationTiming } from './measure.mjs';

const dir = await mkdtemp(join(tmpdir(), 'ab-'));
await writeFile(
  join(dir, 'typical.html'),
  await readFile(new URL('../tests/fixtures/pages/corpus/patient-intake.html', import.meta.url)),
);
const server = await startStaticServer(dir);
/** A copy of the built extension with its manifest edited. */
async function variant(name, edit) {
  const out = join(dir, name);
  await cp(EXTENSION_DIR, out, { recursive: true });
  const m = JSON.parse(await readFile(join(out, 'manifest.json'), 'utf8'));
  await edit(m, out);
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
  // The guard's file emptied: what injecting a content script at all costs, without Tally's code.
  emptyGuard: await variant('emptyGuard', async (m, out) => {
    const guard = m.content_scripts.find((c) => c.js.some((j) => j.includes('field-guard')));
    await writeFile(join(out, guard.js[0]), '');
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
  for (const [name, dir] of Object.entries(variants)) {
    const { context, close } = await launchWithExtension({
      extension: dir !== null,
      extensionDir: dir ?? undefined,
    });
    const page = await context.newPage();
    await page.goto(`${server.url}/typical.html?warm`, { waitUntil: 'load' });
    await page.waitForTimeout(1000);
    for (let i = 0; i < 8; i++) {
      await page.goto(`${server.url}/typical.html?${i}`, { waitUntil: 'load' });
      (results[name] ??= []).push((await navigationTiming(page)).load);
    }
    await close();
  }
for (const [name, loads] of Object.entries(results)) {
  console.log(name.padEnd(10), median(loads).toFixed(1), 'ms');
}
await server.close();
