// Overhead suite (issue 5): the same pages with and without Tally in one run, alternating, in
// Debian's Chromium over CDP; medians and with/without ratios, written to docs/performance.md.
// `--short` (in `npm test`) runs fewer, shorter rounds and fails only on a regression of more
// than 25% in a with/without ratio against bench/baseline.json.
import { mkdtemp, readFile, readdir, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { EXTENSION_DIR, launchWithExtension } from '../tests/support/launch-extension.mjs';
import { startStaticServer } from '../tests/support/static-server.mjs';
import { writeSection } from './doc-sections.mjs';
import { machineAndBrowser, median, navigationTiming, round } from './measure.mjs';
import { regressionGate } from './regression-gate.mjs';
import { articlePage, bigFormPage, idlePage, latencyPage, spaPage } from './pages.mjs';

const SHORT = process.argv.includes('--short');
const ROUNDS = SHORT ? 2 : 10;
const SPA_SECONDS = SHORT ? 3 : 10;
const TYPED_CHARS = SHORT ? 150 : 1000;
const IDLE_SECONDS = SHORT ? 5 : 60;
const IDLE_TABS = SHORT ? 2 : 10;
const BASELINE = resolve(import.meta.dirname, 'baseline.json');
// Issue 5's targets.
const TARGETS = {
  ratio: 1.03,
  typingDeltaMs: 1,
  contentScriptKb: 40,
  heapMb: 5,
};

async function metrics(cdp) {
  const { metrics: list } = await cdp.send('Performance.getMetrics');
  return Object.fromEntries(list.map((m) => [m.name, m.value]));
}

/** Long tasks seen by the page from now on (the observer is set up before the work starts). */
async function watchLongTasks(page) {
  await page.evaluate(() => {
    window.__longTasks = { count: 0, ms: 0 };
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) {
        window.__longTasks.count++;
        window.__longTasks.ms += entry.duration;
      }
    }).observe({ type: 'longtask' });
  });
}

async function oneRun(server, withExtension) {
  const { context, close } = await launchWithExtension({ extension: withExtension });
  try {
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    await cdp.send('Performance.enable');
    // Warm the browser (and the extension) on a small page first.
    await page.goto(`${server.url}/idle.html`, { waitUntil: 'load' });

    // 1. A long article with no form.
    let before = await metrics(cdp);
    await page.goto(`${server.url}/article.html`, { waitUntil: 'load' });
    const articleTiming = await navigationTiming(page);
    let after = await metrics(cdp);
    const articleTaskMs = (after.TaskDuration - before.TaskDuration) * 1000;

    // 2. A single-page app: 1,000 mutations a second.
    await page.goto(`${server.url}/spa.html`, { waitUntil: 'load' });
    await watchLongTasks(page);
    before = await metrics(cdp);
    await page.waitForFunction(() => window.spaDone === true, null, {
      timeout: (SPA_SECONDS + 30) * 1000,
    });
    after = await metrics(cdp);
    const spa = {
      scriptMs: (after.ScriptDuration - before.ScriptDuration) * 1000,
      taskMs: (after.TaskDuration - before.TaskDuration) * 1000,
      longTasks: await page.evaluate(() => window.__longTasks),
      mutations: await page.evaluate(() => window.mutations),
    };

    // 3. The 5,000-field page: the JS heap once loaded and collected (page and Tally share
    // the renderer's heap; the difference with and without is Tally's).
    await page.goto(`${server.url}/big-form.html`, { waitUntil: 'load' });
    if (withExtension) {
      await page.waitForFunction(() => document.querySelector('[data-tally-sensitive]') !== null);
    }
    await page.waitForTimeout(500);
    await cdp.send('HeapProfiler.collectGarbage');
    const { usedSize } = await cdp.send('Runtime.getHeapUsage');

    // 4. Typing into a flagged field: keydown to the next frame, per keystroke.
    await page.goto(`${server.url}/latency.html`, { waitUntil: 'load' });
    await page.locator('#t').click();
    const text = 'Patient reports mild asthma, uses an inhaler twice a week. '
      .repeat(Math.ceil(TYPED_CHARS / 58))
      .slice(0, TYPED_CHARS);
    await page.keyboard.type(text);
    await page.waitForTimeout(200);
    const { toInput, toFrame } = await page.evaluate(() => ({
      toInput: window.toInput,
      toFrame: window.toFrame,
    }));

    return {
      articleTiming,
      articleTaskMs,
      spa,
      heapMb: usedSize / 2 ** 20,
      // Mean: performance.now() is coarsened to 100 µs with jitter; the mean is unbiased.
      typingMs: toInput.reduce((a, b) => a + b, 0) / Math.max(1, toInput.length),
      frameMs: median(toFrame),
    };
  } finally {
    await close();
  }
}

/** Several idle tabs at once, profiled: Tally's script samples and the page's script time. */
async function idleRun(server, withExtension) {
  const { context, close } = await launchWithExtension({ extension: withExtension });
  try {
    const pages = [];
    for (let i = 0; i < IDLE_TABS; i++) {
      const page = await context.newPage();
      await page.goto(`${server.url}/idle.html?tab=${i}`, { waitUntil: 'load' });
      const cdp = await context.newCDPSession(page);
      await cdp.send('Performance.enable');
      pages.push({ page, cdp });
    }
    // Settle (Tally's idle-time work, the probe's looks 3 s and 15 s after load), then watch.
    await new Promise((r) => setTimeout(r, 16_000));
    for (const { cdp } of pages) {
      await cdp.send('Profiler.enable');
      await cdp.send('Profiler.setSamplingInterval', { interval: 1000 });
      await cdp.send('Profiler.start');
      cdp.before = await metrics(cdp);
    }
    await new Promise((r) => setTimeout(r, IDLE_SECONDS * 1000));
    let extensionSamples = 0;
    let extensionFunctions = new Set();
    const scriptMs = [];
    for (const { cdp } of pages) {
      const { profile } = await cdp.send('Profiler.stop');
      const after = await metrics(cdp);
      scriptMs.push((after.ScriptDuration - cdp.before.ScriptDuration) * 1000);
      const byId = new Map(profile.nodes.map((n) => [n.id, n]));
      for (const id of profile.samples) {
        const frame = byId.get(id)?.callFrame;
        if (frame?.url.startsWith('chrome-extension://')) {
          extensionSamples++;
          extensionFunctions.add(`${frame.functionName || '(anonymous)'}@${frame.lineNumber}`);
        }
      }
    }
    let worker = null;
    if (withExtension) {
      const sw = context.serviceWorkers()[0];
      worker = sw
        ? await sw.evaluate(async () => ({
            alarms: (await globalThis.chrome.alarms.getAll()).length,
          }))
        : null;
    }
    return {
      extensionSamples,
      extensionFunctions: [...extensionFunctions],
      scriptMs: median(scriptMs),
      worker,
    };
  } finally {
    await close();
  }
}

async function bundleSizes() {
  const files = [];
  const walk = async (dir) => {
    for (const entry of await readdir(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) await walk(path);
      else if (/\.(js|css|html)$/.test(entry.name)) {
        const body = await readFile(path);
        files.push({
          file: path.slice(EXTENSION_DIR.length + 1),
          kb: round((await stat(path)).size / 1024, 1),
          gzipKb: round(gzipSync(body).length / 1024, 1),
        });
      }
    }
  };
  await walk(EXTENSION_DIR);
  return files.sort((a, b) => b.kb - a.kb);
}

const dir = await mkdtemp(join(tmpdir(), 'tally-suite-'));
await writeFile(join(dir, 'article.html'), articlePage());
await writeFile(join(dir, 'spa.html'), spaPage({ perSecond: 1000, seconds: SPA_SECONDS }));
await writeFile(join(dir, 'big-form.html'), bigFormPage({ fields: 5000, nodes: 50_000 }));
await writeFile(join(dir, 'latency.html'), latencyPage());
await writeFile(join(dir, 'idle.html'), idlePage());
const server = await startStaticServer(dir);

async function measure(rounds) {
  const runs = { without: [], withTally: [] };
  for (let i = 0; i < rounds; i++) {
    // Alternate the order so warm-up and background noise fall on both sides.
    const order = i % 2 ? [true, false] : [false, true];
    for (const ext of order) (ext ? runs.withTally : runs.without).push(await oneRun(server, ext));
    process.stdout.write('.');
  }
  process.stdout.write('\n');
  return runs;
}
// The with/without ratios the short run guards, from one set of runs: main-thread task time, which
// is Tally's own work in the page. The article's load time is reported against its target but not
// guarded: on 2026-11-23 it swung from x1.11 to x1.9-x2.2 for the same build within hours, and a
// build with no content scripts, or with an empty background script, was as slow, while an empty
// extension was not (docs/overhead.md): a wait in the browser's extension machinery, not Tally's
// code, which a regression gate must not blame on a change.
const RATIO_PICKS = {
  articleTaskRatio: (r) => r.articleTaskMs,
  spaTaskRatio: (r) => r.spa.taskMs,
};
const ratiosOf = (runs) =>
  Object.fromEntries(
    Object.entries(RATIO_PICKS).map(([key, pick]) => [
      key,
      round(median(runs.withTally.map(pick)) / median(runs.without.map(pick)), 3),
    ]),
  );

const { without, withTally } = await measure(ROUNDS);
// The short run checks only that Tally stays asleep; the comparison needs the full one.
const idleWithout = SHORT
  ? { extensionSamples: 0, extensionFunctions: [], scriptMs: 0, worker: null }
  : await idleRun(server, false);
const idleWith = await idleRun(server, true);
const bundles = await bundleSizes();

const m = (runs, pick) => round(median(runs.map(pick)), 3);
const pair = (pick) => {
  const a = m(without, pick);
  const b = m(withTally, pick);
  return { without: a, with: b, ratio: round(b / a, 3) };
};
const contentScript = bundles.find((b) => b.file === 'field-guard.js');
const results = {
  date: new Date().toISOString(),
  rounds: ROUNDS,
  ...(await machineAndBrowser()),
  articleDcl: pair((r) => r.articleTiming.dcl),
  articleLoad: pair((r) => r.articleTiming.load),
  articleTaskMs: pair((r) => r.articleTaskMs),
  spaScriptMs: pair((r) => r.spa.scriptMs),
  spaTaskMs: pair((r) => r.spa.taskMs),
  spaLongTasks: pair((r) => r.spa.longTasks.count),
  spaMutations: m(withTally, (r) => r.spa.mutations),
  typingMs: pair((r) => r.typingMs),
  frameMs: pair((r) => r.frameMs),
  heapMb: pair((r) => r.heapMb),
  idle: { seconds: IDLE_SECONDS, tabs: IDLE_TABS, without: idleWithout, with: idleWith },
  bundles,
};
results.tallyHeapMb = round(results.heapMb.with - results.heapMb.without, 2);
results.typingDeltaMs = round(results.typingMs.with - results.typingMs.without, 2);
console.log(JSON.stringify({ ...results, bundles: bundles.slice(0, 6) }, null, 2));

const checks = [
  [
    'article (200,000 nodes): load within 3%',
    results.articleLoad.ratio <= TARGETS.ratio,
    `×${results.articleLoad.ratio}`,
  ],
  [
    'article: main-thread task time to load within 3%',
    results.articleTaskMs.ratio <= TARGETS.ratio,
    `×${results.articleTaskMs.ratio}`,
  ],
  [
    'single-page app (1,000 mutations/s): main-thread task time within 3%',
    results.spaTaskMs.ratio <= TARGETS.ratio,
    `×${results.spaTaskMs.ratio}`,
  ],
  [
    "typing: keydown to the page's input handler within 1 ms (mean)",
    results.typingDeltaMs <= TARGETS.typingDeltaMs,
    `${results.typingDeltaMs >= 0 ? '+' : ''}${results.typingDeltaMs} ms`,
  ],
  [
    'idle page: no wake-ups from the content script',
    idleWith.extensionSamples === 0,
    `${idleWith.extensionSamples} samples in Tally's scripts over ${IDLE_TABS} tabs × ${IDLE_SECONDS} s`,
  ],
  [
    'background worker idle with no pause (no alarms)',
    idleWith.worker?.alarms === 0,
    `${idleWith.worker?.alarms ?? '?'} alarms`,
  ],
  [
    'content script ≤ 40 KB minified',
    (contentScript?.kb ?? Infinity) <= TARGETS.contentScriptKb,
    `${contentScript?.kb} KB (${contentScript?.gzipKb} KB gzipped)`,
  ],
  [
    'extension heap ≤ 5 MB on the 5,000-field page',
    results.tallyHeapMb <= TARGETS.heapMb,
    `${results.tallyHeapMb} MB`,
  ],
];
for (const [what, ok, got] of checks) console.log(`${ok ? 'PASS' : 'MISS'}  ${what}: ${got}`);

const RATIOS = ratiosOf({ without, withTally });
if (!SHORT) {
  const row = (label, p, unit = 'ms') =>
    `| ${label} (${unit}) | ${p.without} | ${p.with} | ×${p.ratio} |`;
  const md = `## Overhead (issue 5)

Measured by \`node bench/suite.mjs\` on ${results.date.slice(0, 10)}: ${results.machine}; ${results.browser}.
${ROUNDS} rounds, each in a fresh profile without and with Tally, alternating; medians. Main-thread
times are CDP \`Performance.getMetrics\` deltas for the page's renderer (the page and Tally's
isolated world together), so the ratio is the whole cost Tally adds.

| measure | without Tally | with Tally | ratio |
|---|---|---|---|
${row('article of 200,000 nodes, no form: DOMContentLoaded', results.articleDcl)}
${row('article: load', results.articleLoad)}
${row('article: main-thread task time to load', results.articleTaskMs)}
${row(`single-page app, ${results.spaMutations} mutations over ${SPA_SECONDS} s: script time`, results.spaScriptMs)}
${row('single-page app: main-thread task time', results.spaTaskMs)}
${row('single-page app: long tasks', results.spaLongTasks, 'count')}
${row(`typing ${TYPED_CHARS} characters into a flagged field: keydown to the page's input handler, mean`, results.typingMs)}
${row('typing: keydown to the next frame, median', results.frameMs)}
${row('JS heap on the 5,000-field page after collection', results.heapMb, 'MB')}

Idle page, ${IDLE_TABS} tabs at once for ${IDLE_SECONDS} s (after 16 s to settle), sampled every 1 ms:
samples in Tally's scripts ${idleWith.extensionSamples}${idleWith.extensionFunctions.length ? ` (${idleWith.extensionFunctions.slice(0, 5).join(', ')})` : ''};
page script time per tab ${round(idleWith.scriptMs, 2)} ms with Tally, ${round(idleWithout.scriptMs, 2)} ms without;
alarms registered by the background worker with no pause running: ${idleWith.worker?.alarms ?? 'unknown'}.

| built file | size (KB) | gzipped (KB) |
|---|---|---|
${bundles
  .slice(0, 10)
  .map((b) => `| ${b.file} | ${b.kb} | ${b.gzipKb} |`)
  .join('\n')}

| target (issue 5) | measured | |
|---|---|---|
${checks.map(([what, ok, got]) => `| ${what} | ${got} | ${ok ? 'met' : '**missed**'} |`).join('\n')}

Where a target is missed, by how much and why: [overhead.md](overhead.md).
`;
  await writeSection('overhead', md);
  const previous = JSON.parse(await readFile(BASELINE, 'utf8').catch(() => '{}'));
  await writeFile(
    BASELINE,
    `${JSON.stringify({ ...previous, suiteDate: results.date, ...RATIOS }, null, 2)}\n`,
  );
  console.log('wrote docs/performance.md (overhead) and bench/baseline.json');
} else {
  const baseline = JSON.parse(await readFile(BASELINE, 'utf8'));
  const { failed } = await regressionGate(baseline, RATIOS, async () =>
    ratiosOf(await measure(ROUNDS)),
  );
  if (idleWith.extensionSamples > 0 || idleWith.worker?.alarms !== 0) {
    failed.push('idle wake-ups');
    console.error(
      `Tally woke on an idle page (${idleWith.extensionFunctions.join(', ') || 'alarms'}).`,
    );
  }
  if (failed.length > 0) {
    console.error(`Regression: ${failed.join(' and ')}.`);
    process.exit(1);
  }
}
await server.close();
