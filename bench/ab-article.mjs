// Where the 200,000-node article's extra load time comes from (docs/overhead.md): the article
// loaded in a fresh profile per round, after a small page, without Tally, with the build, with
// parts of it taken out, with an empty extension, and optionally with another build
// (`node bench/ab-article.mjs [rounds] [other-build-dir] [loads]`, e.g. a worktree's
// .output/chrome-mv3). With loads > 1 each browser loads the article that many times and the
// first load is not counted: more samples per browser launch, and none paying for the
// extension's start. On this VM single loads are often bimodal (≈ 1.1 s or ≈ 2.1 s, whichever
// the variant), which hides a 5% difference; in its slow phases warm loads are too, so compare
// only variants measured in the same run. A development aid, not a gate.
import { cp, mkdir, mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { EXTENSION_DIR, launchWithExtension } from '../tests/support/launch-extension.mjs';
import { startStaticServer } from '../tests/support/static-server.mjs';
import { median, navigationTiming } from './measure.mjs';
import { articlePage, idlePage } from './pages.mjs';

const rounds = Number(process.argv[2] ?? 5);
const other = process.argv[3] || undefined;
const loadsPerBrowser = Math.max(1, Number(process.argv[4] ?? 1));
const dir = await mkdtemp(join(tmpdir(), 'ab-article-'));
await writeFile(join(dir, 'article.html'), articlePage());
await writeFile(join(dir, 'idle.html'), idlePage());
const server = await startStaticServer(dir);

/** A copy of the build with its manifest (and files) edited. */
async function variant(name, edit) {
  const out = join(dir, name);
  await cp(EXTENSION_DIR, out, { recursive: true });
  const manifest = JSON.parse(await readFile(join(out, 'manifest.json'), 'utf8'));
  await edit(manifest, out);
  await writeFile(join(out, 'manifest.json'), JSON.stringify(manifest));
  return out;
}
const empty = join(dir, 'empty');
await mkdir(empty);
await writeFile(
  join(empty, 'manifest.json'),
  JSON.stringify({
    manifest_version: 3,
    name: 'empty',
    version: '1',
    background: { service_worker: 'bg.js' },
  }),
);
await writeFile(join(empty, 'bg.js'), '');

const variants = {
  none: null,
  tally: EXTENSION_DIR,
  ...(other ? { other } : {}),
  noContentScripts: await variant('noContentScripts', (m) => {
    m.content_scripts = [];
  }),
  emptyBackground: await variant('emptyBackground', (_m, out) =>
    writeFile(join(out, 'background.js'), ''),
  ),
  emptyExtension: empty,
};
const loads = Object.fromEntries(Object.keys(variants).map((name) => [name, []]));
for (let i = 0; i < rounds; i++) {
  for (const [name, extensionDir] of Object.entries(variants)) {
    const launched = await launchWithExtension({
      extension: extensionDir !== null,
      ...(extensionDir ? { extensionDir } : {}),
    });
    const page = await launched.context.newPage();
    await page.goto(`${server.url}/idle.html`, { waitUntil: 'load' });
    for (let k = 0; k < loadsPerBrowser; k++) {
      await page.goto(`${server.url}/article.html?${k}`, { waitUntil: 'load' });
      if (loadsPerBrowser === 1 || k > 0) loads[name].push((await navigationTiming(page)).load);
    }
    await launched.close();
  }
  process.stdout.write('.');
}
process.stdout.write('\n');
for (const [name, values] of Object.entries(loads)) {
  console.log(
    `${name.padEnd(18)} median ${median(values).toFixed(0)} ms  (${values.map((v) => v.toFixed(0)).join(', ')})`,
  );
}
await server.close();
