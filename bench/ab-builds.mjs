// Compares builds on one page: each round launches a fresh browser per variant (no extension,
// then each build directory given), alternating, loads the page twice (the first visit and the
// same page again from the cache), and reads the load time, Tally's own timings from its isolated
// world and the renderer's heap after collection. A development aid, not a gate: on this VM only
// variants measured in the same run can be compared (docs/overhead.md).
//   node bench/ab-builds.mjs <rounds> <big|grid|typical> <build-dir> [<build-dir> ...]
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { launchWithExtension } from '../tests/support/launch-extension.mjs';
import { inIsolatedWorld } from '../tests/support/isolated-world.mjs';
import { startStaticServer } from '../tests/support/static-server.mjs';
import { median, navigationTiming } from './measure.mjs';
import { bigFormPage, dataGridPage } from './pages.mjs';

const [roundsArg, pageKind = 'big', ...builds] = process.argv.slice(2);
const rounds = Number(roundsArg ?? 4);
if (builds.length === 0) {
  console.error('usage: node bench/ab-builds.mjs <rounds> <big|grid|typical> <build-dir> ...');
  process.exit(2);
}
const html =
  pageKind === 'grid'
    ? dataGridPage()
    : pageKind === 'typical'
      ? await readFile(
          new URL('../tests/fixtures/pages/corpus/patient-intake.html', import.meta.url),
          'utf8',
        )
      : bigFormPage();
const dir = await mkdtemp(join(tmpdir(), 'ab-builds-'));
await writeFile(join(dir, 'page.html'), html);
const server = await startStaticServer(dir);
const variants = [['none', null], ...builds.map((b, i) => [`${i + 1}:${b}`, b])];
const results = Object.fromEntries(variants.map(([name]) => [name, []]));
try {
  for (let round = 0; round < rounds; round++)
    for (const [name, build] of variants) {
      const { context, close } = await launchWithExtension({
        extension: build !== null,
        extensionDir: build ?? undefined,
      });
      try {
        const page = await context.newPage();
        const row = {};
        await page.goto(`${server.url}/page.html?first`, { waitUntil: 'load' });
        const first = await navigationTiming(page);
        row.first = first.load;
        row.firstDcl = first.dcl;
        await page.goto(`${server.url}/page.html?again`, { waitUntil: 'load' });
        row.again = (await navigationTiming(page)).load;
        // The renderer's JS heap once collected, as the suite reads it (page and Tally share it).
        await page.waitForTimeout(500);
        const cdp = await context.newCDPSession(page);
        await cdp.send('HeapProfiler.collectGarbage');
        row.heapMb = (await cdp.send('Runtime.getHeapUsage')).usedSize / 2 ** 20;
        if (build) {
          // An emptied or altered guard may keep no statistics.
          const stats = await inIsolatedWorld(
            page,
            'JSON.stringify(globalThis.__tallyStats ?? null)',
          );
          const parsed = typeof stats === 'string' ? JSON.parse(stats) : null;
          if (parsed) row.classifyMs = parsed.classifyMs;
        }
        results[name].push(row);
      } finally {
        await close();
      }
    }
} finally {
  await server.close();
}
const keys = ['firstDcl', 'first', 'again', 'classifyMs', 'heapMb'];
console.log('variant'.padEnd(40), ...keys.map((k) => k.padStart(11)));
for (const [name] of variants) {
  const rows = results[name];
  console.log(
    name.slice(-40).padEnd(40),
    ...keys.map((k) => {
      const xs = rows.map((r) => r[k]).filter((x) => typeof x === 'number');
      return (xs.length ? median(xs).toFixed(1) : '-').padStart(11);
    }),
  );
}
