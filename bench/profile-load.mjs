// Profiles the content script while the 5,000-field page parses (build with TALLY_PROFILE=1 for
// readable names): self time per function, summed over a few loads. A development aid, not a gate.
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { launchWithExtension } from '../tests/support/launch-extension.mjs';
import { startStaticServer } from '../tests/support/static-server.mjs';
import { articlePage, bigFormPage, dataGridPage } from './pages.mjs';

const LOADS = Number(process.argv[2] ?? 3);
// `typical`: the 40-field patient-intake fixture; `article`: 200,000 nodes and no form; `plain`:
// a short page with no field, what every frame pays at least; `grid`: the 1,000-row timesheet;
// otherwise the 5,000-field page.
const TYPICAL = process.argv.includes('typical');
const ARTICLE = process.argv.includes('article');
const PLAIN = process.argv.includes('plain');
const GRID = process.argv.includes('grid');
const PLAIN_PAGE =
  '<!doctype html><html lang="en"><title>Release notes</title><h1>Release notes</h1>' +
  '<p>Fixed the date picker.</p><ul><li>Faster search</li><li>New icons</li></ul></html>';
const dir = await mkdtemp(join(tmpdir(), 'tally-profile-pages-'));
await writeFile(
  join(dir, 'big-form.html'),
  TYPICAL
    ? await readFile(new URL('../tests/fixtures/pages/corpus/patient-intake.html', import.meta.url))
    : PLAIN
      ? PLAIN_PAGE
      : ARTICLE
        ? articlePage()
        : GRID
          ? dataGridPage()
          : bigFormPage(),
);
const server = await startStaticServer(dir);
const { context, close } = await launchWithExtension();
const self = new Map();
let total = 0;
try {
  const page = await context.newPage();
  await page.goto(`${server.url}/big-form.html?warm`, { waitUntil: 'load' });
  const cdp = await context.newCDPSession(page);
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 50 });
  for (let i = 0; i < LOADS; i++) {
    await cdp.send('Profiler.start');
    await page.goto(`${server.url}/big-form.html?${i}`, { waitUntil: 'load' });
    const { profile } = await cdp.send('Profiler.stop');
    const byId = new Map(profile.nodes.map((n) => [n.id, n]));
    const dt = profile.timeDeltas;
    for (let s = 0; s < profile.samples.length; s++) {
      const node = byId.get(profile.samples[s]);
      const f = node.callFrame;
      const where = f.url.includes('chrome-extension') ? 'ext' : f.url ? 'page' : '';
      const key = `${f.functionName || '(anon)'} ${where}:${f.lineNumber}`;
      const us = dt[s] ?? 0;
      self.set(key, (self.get(key) ?? 0) + us);
      total += us;
    }
  }
} finally {
  await close();
  await server.close();
}
const rows = [...self].sort((a, b) => b[1] - a[1]).slice(0, 45);
console.log(`total sampled ${(total / 1000 / LOADS).toFixed(1)} ms per load`);
for (const [k, us] of rows) console.log(`${(us / 1000 / LOADS).toFixed(2).padStart(8)} ms  ${k}`);
