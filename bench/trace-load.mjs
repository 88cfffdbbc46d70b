// Where a page load's main-thread time goes, with and without Tally: a Chromium trace of the
// 5,000-field page (or `grid`, `article`) loaded in fresh browsers, alternating, and each trace's
// renderer main-thread time split by event (self time: an event's duration less its children's).
// Script time is split by whose script it is: `ext` when the event or one of its ancestors ran a
// chrome-extension:// script. A development aid, not a gate:
//   node bench/trace-load.mjs [rounds] [grid|article] [--a=<build-dir>] [--b=<build-dir>]
// compares no extension (or build a) with the built extension (or build b).
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { launchWithExtension } from '../tests/support/launch-extension.mjs';
import { startStaticServer } from '../tests/support/static-server.mjs';
import { articlePage, bigFormPage, dataGridPage } from './pages.mjs';
import { median } from './measure.mjs';

const ROUNDS = Number(process.argv[2] ?? 4);
const PAGE = process.argv.includes('grid')
  ? dataGridPage()
  : process.argv.includes('article')
    ? articlePage()
    : bigFormPage();
const CATEGORIES = [
  'devtools.timeline',
  'v8',
  'v8.execute',
  'blink',
  'loading',
  'disabled-by-default-devtools.timeline',
  'disabled-by-default-v8.gc',
].join(',');

const dir = await mkdtemp(join(tmpdir(), 'tally-trace-'));
await writeFile(join(dir, 'page.html'), PAGE);
const server = await startStaticServer(dir);

const option = (name) =>
  process.argv.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3) ?? null;
const variantA = option('a');
const variantB = option('b');

async function traceOneLoad(withExtension, extensionDir) {
  const { context, close } = await launchWithExtension({
    extension: withExtension,
    extensionDir: extensionDir ?? undefined,
  });
  try {
    const page = await context.newPage();
    await page.goto('about:blank');
    const cdp = await context.newCDPSession(page);
    const events = [];
    cdp.on('Tracing.dataCollected', ({ value }) => events.push(...value));
    const done = new Promise((resolve) => cdp.once('Tracing.tracingComplete', resolve));
    await cdp.send('Tracing.start', { categories: CATEGORIES, transferMode: 'ReportEvents' });
    await page.goto(`${server.url}/page.html`, { waitUntil: 'load' });
    const load = await page.evaluate(() => {
      const [nav] = performance.getEntriesByType('navigation');
      return nav.loadEventStart;
    });
    await cdp.send('Tracing.end');
    await done;
    return { load, split: splitMainThread(events) };
  } finally {
    await close();
  }
}

/** Self time in ms per event name on the page's renderer main thread, from navigation to load. */
function splitMainThread(events) {
  const threadNames = new Map();
  for (const e of events)
    if (e.ph === 'M' && e.name === 'thread_name') threadNames.set(`${e.pid}:${e.tid}`, e.args.name);
  // The renderer main thread that parsed the page.
  const parse = events.find((e) => e.name === 'ParseHTML' && e.ph === 'X');
  if (!parse) return {};
  const key = `${parse.pid}:${parse.tid}`;
  const main = events
    .filter((e) => `${e.pid}:${e.tid}` === key && e.ph === 'X' && typeof e.dur === 'number')
    .sort((a, b) => a.ts - b.ts || b.dur - a.dur);
  const totals = {};
  const stack = [];
  const add = (name, us) => (totals[name] = (totals[name] ?? 0) + us);
  const close = (until) => {
    while (stack.length && stack.at(-1).end <= until) {
      const top = stack.pop();
      add(top.label, top.dur - top.children);
    }
  };
  for (const e of main) {
    close(e.ts);
    const parent = stack.at(-1);
    const url = e.args?.data?.url ?? e.args?.data?.scriptName ?? e.args?.fileName ?? '';
    const ext = (parent?.ext ?? false) || String(url).startsWith('chrome-extension://');
    if (parent) parent.children += e.dur;
    stack.push({
      label: `${e.name}${ext ? ' [ext]' : ''}`,
      end: e.ts + e.dur,
      dur: e.dur,
      children: 0,
      ext,
    });
  }
  close(Infinity);
  if (threadNames.get(key) !== 'CrRendererMain') totals['(thread is not CrRendererMain)'] = 0;
  return Object.fromEntries(Object.entries(totals).map(([k, us]) => [k, us / 1000]));
}

const runs = { without: [], with: [] };
try {
  for (let r = 0; r < ROUNDS; r++) {
    runs.without.push(await traceOneLoad(variantA !== null, variantA));
    runs.with.push(await traceOneLoad(true, variantB));
  }
} finally {
  await server.close();
}
const names = new Set([...runs.without, ...runs.with].flatMap((r) => Object.keys(r.split)));
const rows = [...names]
  .map((name) => {
    const a = median(runs.without.map((r) => r.split[name] ?? 0));
    const b = median(runs.with.map((r) => r.split[name] ?? 0));
    return { name, a, b };
  })
  .filter((r) => r.a >= 0.5 || r.b >= 0.5)
  .sort((x, y) => Math.abs(y.b - y.a) - Math.abs(x.b - x.a));
const sum = (r) => Object.values(r.split).reduce((s, v) => s + v, 0);
console.log(
  `load without ${median(runs.without.map((r) => r.load)).toFixed(0)} ms, with ${median(runs.with.map((r) => r.load)).toFixed(0)} ms; ` +
    `main-thread self time without ${median(runs.without.map(sum)).toFixed(0)} ms, with ${median(runs.with.map(sum)).toFixed(0)} ms`,
);
console.log(
  'event'.padEnd(48),
  (variantA ? 'a' : 'without').padStart(9),
  (variantB ? 'b' : 'with').padStart(9),
  'diff'.padStart(9),
);
for (const { name, a, b } of rows)
  console.log(
    name.padEnd(48),
    a.toFixed(1).padStart(9),
    b.toFixed(1).padStart(9),
    (b - a).toFixed(1).padStart(9),
  );
