// Detection benchmark: the same pages with and without Tally, alternating, in
// Debian's Chromium. Reports medians and with/without ratios, and the content
// script's own timings read from its isolated world over CDP (pages cannot
// see them). `--short` runs fewer rounds and only checks for regressions.
import { mkdir, mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { launchWithExtension } from '../tests/support/launch-extension.mjs';
import { inIsolatedWorld } from '../tests/support/isolated-world.mjs';
import { startStaticServer } from '../tests/support/static-server.mjs';
import { writeSection } from './doc-sections.mjs';
import { machineAndBrowser, median, navigationTiming, round } from './measure.mjs';
import { bigFormPage, dataGridPage, flatFormPage, typingPage } from './pages.mjs';
import { regressionGate } from './regression-gate.mjs';

const SHORT = process.argv.includes('--short');
const ROUNDS = SHORT ? 5 : 10;
const KEYSTROKES = SHORT ? 100 : 300;
// Targets from issue 2, reported by every run. The short run (in `npm test`) fails only on a
// regression: a with/without ratio more than 25% above the one recorded by the last full run.
const TARGETS = { initialScanMs: 30, per100FieldsMs: 2, keystrokeMs: 0.05, loadRatio: 1.05 };
const BASELINE = resolve(import.meta.dirname, 'baseline.json');

async function isolatedStats(page) {
  return JSON.parse(await inIsolatedWorld(page, 'JSON.stringify(globalThis.__tallyStats)'));
}

async function oneRun(server, withExtension) {
  const { context, close } = await launchWithExtension({ extension: withExtension });
  try {
    const page = await context.newPage();
    // A typical form first (the 40-field patient-intake fixture), then the extreme one. The first
    // load of a fresh browser also pays for starting it; the second is what a running browser sees.
    await page.goto(`${server.url}/typical.html`, { waitUntil: 'load' });
    const coldTypicalTiming = await navigationTiming(page);
    await page.goto(`${server.url}/typical.html?again`, { waitUntil: 'load' });
    const typicalTiming = await navigationTiming(page);
    const typicalScanMs = withExtension ? (await isolatedStats(page)).classifyMs : 0;
    await page.goto(`${server.url}/big-form.html`, { waitUntil: 'load' });
    const timing = await navigationTiming(page);
    const flagged = () =>
      page.waitForFunction(() => document.querySelector('[data-tally-sensitive]') !== null);
    if (withExtension) await flagged();
    const atLoad = withExtension ? await isolatedStats(page) : null;
    // The same page visited again in the running browser: it comes from the HTTP cache and often
    // parses faster, while Tally's work per field stays the same (docs/detection.md).
    await page.goto(`${server.url}/big-form.html?again`, { waitUntil: 'load' });
    const againTiming = await navigationTiming(page);
    await page.goto(`${server.url}/grid.html`, { waitUntil: 'load' });
    const gridTiming = await navigationTiming(page);
    const gridScanMs = withExtension ? (await isolatedStats(page)).classifyMs : 0;
    await page.goto(`${server.url}/flat.html`, { waitUntil: 'load' });
    const flatTiming = await navigationTiming(page);
    const flatScanMs = withExtension ? (await isolatedStats(page)).classifyMs : 0;
    if (!withExtension)
      return { timing, againTiming, gridTiming, flatTiming, typicalTiming, coldTypicalTiming };
    await page.goto(`${server.url}/big-form.html?third`, { waitUntil: 'load' });

    await flagged();
    // Warm the code (a browser running for a while has), then time from-scratch scans: the
    // median of five, because garbage collection lands on single runs at random.
    const scans = [];
    for (let i = 0; i < 7; i++) scans.push(await inIsolatedWorld(page, '__tallyColdScan()'));
    const fullScanMs = median(scans.slice(2));
    const beforeAdd = await isolatedStats(page);
    // Add 100 fields in one insertion, as a single-page app would.
    await page.evaluate(() => {
      const rows = Array.from(
        { length: 100 },
        (_, i) =>
          `<div><label for="n${i}">${i % 2 ? 'Passport number' : 'Middle name'}</label><input id="n${i}"></div>`,
      );
      const box = document.createElement('div');
      box.innerHTML = rows.join('');
      document.querySelector('form').append(box);
    });
    await page.waitForFunction(() =>
      document.getElementById('n99')?.hasAttribute('data-tally-sensitive'),
    );
    const afterAdd = await isolatedStats(page);

    await page.goto(`${server.url}/typing.html`);
    const typed = 'Patient reports mild asthma, uses inhaler twice a week. '
      .repeat(6)
      .slice(0, KEYSTROKES);
    // performance.now() has 100 µs resolution (with jitter) on pages without cross-origin
    // isolation, so single keystrokes read as 0 or 0.1 ms; the mean over many is unbiased.
    const perKeystroke = async (selector) => {
      const before = await isolatedStats(page);
      await page.locator(selector).click();
      await page.keyboard.type(typed);
      const after = await isolatedStats(page);
      return (after.valueMs - before.valueMs) / Math.max(1, after.valueChecks - before.valueChecks);
    };
    const keystrokeMeanMs = await perKeystroke('#t');
    const backstopMeanMs = await perKeystroke('#n');
    return {
      timing,
      againTiming,
      gridTiming,
      gridScanMs,
      flatTiming,
      flatScanMs,
      typicalTiming,
      coldTypicalTiming,
      typicalScanMs,
      fields: atLoad.fieldsClassified,
      parseScanMs: atLoad.classifyMs,
      finishMs: atLoad.lastRescanMs,
      fullScanMs,
      per100Ms: afterAdd.classifyMs - beforeAdd.classifyMs,
      keystrokeMeanMs,
      backstopMeanMs,
    };
  } finally {
    await close();
  }
}

const dir = await mkdtemp(join(tmpdir(), 'tally-bench-'));
await writeFile(join(dir, 'big-form.html'), bigFormPage({ fields: 5000, nodes: 50_000 }));
await writeFile(join(dir, 'typing.html'), typingPage());
await writeFile(join(dir, 'grid.html'), dataGridPage({ rows: 1000 }));
await writeFile(join(dir, 'flat.html'), flatFormPage({ fields: 6000 }));
await writeFile(
  join(dir, 'typical.html'),
  await readFile(
    resolve(import.meta.dirname, '../tests/fixtures/pages/corpus/patient-intake.html'),
  ),
);
const server = await startStaticServer(dir);

async function measure(rounds) {
  const without = [];
  const withTally = [];
  for (let i = 0; i < rounds; i++) {
    // Alternate the order so warm-up and background noise fall on both sides.
    const order = i % 2 ? [true, false] : [false, true];
    for (const ext of order) (ext ? withTally : without).push(await oneRun(server, ext));
    process.stdout.write('.');
  }
  process.stdout.write('\n');
  return { without, withTally };
}

const { without, withTally } = await measure(ROUNDS);
const m = (runs, pick) => round(median(runs.map(pick)), 3);
const results = {
  date: new Date().toISOString(),
  rounds: ROUNDS,
  ...(await machineAndBrowser()),
  loadMs: { without: m(without, (r) => r.timing.load), with: m(withTally, (r) => r.timing.load) },
  dclMs: { without: m(without, (r) => r.timing.dcl), with: m(withTally, (r) => r.timing.dcl) },
  againLoadMs: {
    without: m(without, (r) => r.againTiming.load),
    with: m(withTally, (r) => r.againTiming.load),
  },
  gridLoadMs: {
    without: m(without, (r) => r.gridTiming.load),
    with: m(withTally, (r) => r.gridTiming.load),
  },
  gridScanMs: m(withTally, (r) => r.gridScanMs),
  flatLoadMs: {
    without: m(without, (r) => r.flatTiming.load),
    with: m(withTally, (r) => r.flatTiming.load),
  },
  flatScanMs: m(withTally, (r) => r.flatScanMs),
  typicalLoadMs: {
    without: m(without, (r) => r.typicalTiming.load),
    with: m(withTally, (r) => r.typicalTiming.load),
  },
  coldTypicalLoadMs: {
    without: m(without, (r) => r.coldTypicalTiming.load),
    with: m(withTally, (r) => r.coldTypicalTiming.load),
  },
  typicalScanMs: m(withTally, (r) => r.typicalScanMs),
  fieldsClassified: m(withTally, (r) => r.fields),
  parseScanMs: m(withTally, (r) => r.parseScanMs),
  finishMs: m(withTally, (r) => r.finishMs),
  fullScanMs: m(withTally, (r) => r.fullScanMs),
  per100Ms: m(withTally, (r) => r.per100Ms),
  keystrokeMeanMs: m(withTally, (r) => r.keystrokeMeanMs),
  backstopMeanMs: m(withTally, (r) => r.backstopMeanMs),
};
results.loadRatio = round(results.loadMs.with / results.loadMs.without, 3);
results.dclRatio = round(results.dclMs.with / results.dclMs.without, 3);
results.againLoadRatio = round(results.againLoadMs.with / results.againLoadMs.without, 3);
results.gridLoadRatio = round(results.gridLoadMs.with / results.gridLoadMs.without, 3);
results.flatLoadRatio = round(results.flatLoadMs.with / results.flatLoadMs.without, 3);
// Classifying boxes named by place against classifying the grid's, in the same browsers: a lookup
// gone quadratic (a label asking its whole form for its controls) shows here at ×6, where the load
// ratio hides it (a heavy page slows the next browser's start too).
results.flatScanRatio = round(results.flatScanMs / results.gridScanMs, 3);
results.typicalLoadRatio = round(results.typicalLoadMs.with / results.typicalLoadMs.without, 3);
results.coldTypicalLoadRatio = round(
  results.coldTypicalLoadMs.with / results.coldTypicalLoadMs.without,
  3,
);

const checks = [
  [
    'initial scan: classifying all 5,000 fields while the page parses ≤ 30 ms',
    results.parseScanMs <= TARGETS.initialScanMs,
    `${results.parseScanMs} ms`,
  ],
  [
    'initial scan of the loaded page (a fresh scanner, warm code) ≤ 30 ms',
    results.fullScanMs <= TARGETS.initialScanMs,
    `${results.fullScanMs} ms`,
  ],
  ['100 added fields ≤ 2 ms', results.per100Ms <= TARGETS.per100FieldsMs, `${results.per100Ms} ms`],
  [
    'work per keystroke ≤ 0.05 ms (mean; see note)',
    results.keystrokeMeanMs <= TARGETS.keystrokeMs,
    `${results.keystrokeMeanMs} ms`,
  ],
  [
    'load time within 5% of no extension',
    results.loadRatio <= TARGETS.loadRatio,
    `×${results.loadRatio}`,
  ],
  [
    'load time within 5% of no extension, the page visited again',
    results.againLoadRatio <= TARGETS.loadRatio,
    `×${results.againLoadRatio}`,
  ],
];
console.log(JSON.stringify(results, null, 2));
for (const [what, ok, got] of checks) console.log(`${ok ? 'PASS' : 'MISS'}  ${what}: ${got}`);

await mkdir(resolve(import.meta.dirname, 'results'), { recursive: true });
await writeFile(
  resolve(import.meta.dirname, 'results', SHORT ? 'short.json' : 'full.json'),
  JSON.stringify(results, null, 2),
);
if (!SHORT) {
  const rows = checks
    .map(([what, ok, got]) => `| ${what} | ${got} | ${ok ? 'met' : '**missed**'} |`)
    .join('\n');
  const md = `## Detection (issue 2)

Measured by \`node bench/run.mjs\` on ${results.date.slice(0, 10)}: ${results.machine}; ${results.browser}.
${ROUNDS} rounds, each loading the same page in a fresh profile without and with Tally, alternating; medians.

Pages: the 40-field patient-intake fixture (a typical form), then a static form of 5,000 fields in
about 50,000 nodes (the extreme case the targets are set on), loaded twice: the second visit comes
from the browser's cache. Tally's own timings come from the content
script's isolated world over CDP (\`globalThis.__tallyStats\`, which page scripts cannot read).

| measure | without Tally | with Tally | ratio |
|---|---|---|---|
| DOMContentLoaded (ms) | ${results.dclMs.without} | ${results.dclMs.with} | ×${results.dclRatio} |
| load (ms) | ${results.loadMs.without} | ${results.loadMs.with} | ×${results.loadRatio} |
| the same page visited again, browser running: load (ms) | ${results.againLoadMs.without} | ${results.againLoadMs.with} | ×${results.againLoadRatio} |
| timesheet grid (1,000 rows, 8,000 fields sharing column names), browser running: load (ms) | ${results.gridLoadMs.without} | ${results.gridLoadMs.with} | ×${results.gridLoadRatio} |
| flat form (6,000 boxes named by place: labels without \`for\`, floating labels, bare boxes), browser running: load (ms) | ${results.flatLoadMs.without} | ${results.flatLoadMs.with} | ×${results.flatLoadRatio} |
| typical form (40 fields), browser running: load (ms) | ${results.typicalLoadMs.without} | ${results.typicalLoadMs.with} | ×${results.typicalLoadRatio} |
| typical form, first page of a fresh browser: load (ms) | ${results.coldTypicalLoadMs.without} | ${results.coldTypicalLoadMs.with} | ×${results.coldTypicalLoadRatio} |

| Tally's work | median |
|---|---|
| classifying the typical 40-field form while it parses (ms, total) | ${results.typicalScanMs} |
| fields classified while the page parsed | ${results.fieldsClassified} |
| classifying the timesheet grid (ms, total) | ${results.gridScanMs} |
| classifying the flat form (ms, total; ×${results.flatScanRatio} the grid's, guarded in \`npm test\`) | ${results.flatScanMs} |
| classification spread over parsing (ms, total) | ${results.parseScanMs} |
| the pass at DOMContentLoaded (late labels, shadow roots; ms) | ${results.finishMs} |
| initial scan of the loaded page from nothing, warm code (ms) | ${results.fullScanMs} |
| 100 fields added in one insertion (ms) | ${results.per100Ms} |
| work per keystroke in a flagged textarea (ms, mean of ${KEYSTROKES}) | ${results.keystrokeMeanMs} |
| work per keystroke in an unflagged notes box: the value backstop (ms, mean) | ${results.backstopMeanMs} |

Timings inside the page come from \`performance.now()\`, which Chromium coarsens to 100 µs with
jitter on pages without cross-origin isolation: one keystroke reads as 0 or 0.1 ms, so the keystroke
figure is the mean over all keystrokes (unbiased under the jitter), not a median of single readings.

| target (issue 2) | measured | |
|---|---|---|
${rows}

Where the time goes, what was tried and what is left: [detection.md](detection.md#cost-on-large-pages).
`;
  await writeSection('detection', md);
  console.log('wrote docs/performance.md (detection)');
}
if (!SHORT) {
  await server.close();
  const previous = JSON.parse(await readFile(BASELINE, 'utf8').catch(() => '{}'));
  await writeFile(
    BASELINE,
    `${JSON.stringify({ ...previous, date: results.date, loadRatio: results.loadRatio, dclRatio: results.dclRatio, gridLoadRatio: results.gridLoadRatio, flatScanRatio: results.flatScanRatio }, null, 2)}\n`,
  );
  console.log('wrote bench/baseline.json');
} else {
  const baseline = JSON.parse(await readFile(BASELINE, 'utf8'));
  const ratiosOf = (runs) => {
    const ratio = (pick) =>
      round(median(runs.withTally.map(pick)) / median(runs.without.map(pick)), 3);
    return {
      loadRatio: ratio((r) => r.timing.load),
      dclRatio: ratio((r) => r.timing.dcl),
      gridLoadRatio: ratio((r) => r.gridTiming.load),
      flatScanRatio: round(
        median(runs.withTally.map((r) => r.flatScanMs)) /
          median(runs.withTally.map((r) => r.gridScanMs)),
        3,
      ),
    };
  };
  const { failed } = await regressionGate(
    baseline,
    {
      loadRatio: results.loadRatio,
      dclRatio: results.dclRatio,
      gridLoadRatio: results.gridLoadRatio,
      flatScanRatio: results.flatScanRatio,
    },
    async () => ratiosOf(await measure(ROUNDS)),
  );
  await server.close();
  if (failed.length > 0) {
    console.error(
      `Regression: ${failed.join(' and ')} more than 25% above the baseline from ${baseline.date.slice(0, 10)}, in every measurement.`,
    );
    process.exit(1);
  }
}
