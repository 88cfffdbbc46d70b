import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { CATEGORIES } from '../../utils/detection/categories';
import { expect, expectationsVersusFlags, PAGES_DIR, test } from './fixtures';

// Pages loaded by other pages (iframes) are scored through their parent.
const EMBEDDED = new Set(['iframes-payment.html']);
const pagesIn = (dir: string) =>
  readdirSync(join(PAGES_DIR, dir))
    .filter((f) => f.endsWith('.html') && !EMBEDDED.has(f))
    .sort();

// The fixture corpus, and pages written later without looking at the detector and scored
// before the rules they prompted (docs/detection.md, "Held-out pages").
const SETS = [
  { dir: 'corpus', name: 'the fixture corpus' },
  { dir: 'held-out', name: 'the held-out pages' },
];

// Targets from issue 2.
const RECALL: Record<string, number> = {
  'national-id': 0.98,
  credential: 0.98,
  financial: 0.98,
  health: 0.95,
  confidential: 0.95,
};
const PRECISION = 0.97;

/** Waits until no flag has changed for a while (pages that render late or in frames). */
async function settle(page: Page): Promise<void> {
  // A page that renders in steps says when it is done (`<body data-ready="no">`, then "yes"): the
  // second of two tabs runs in the background, whose timers the browser slows to once a second,
  // so a step can outlast the quiet spell below (the clean-clone run of 2026-12-04 scored the
  // single-page app's first step, two of its five fields).
  // (Polled by interval: a background tab draws no animation frames to poll on.)
  await page.waitForFunction(() => document.body?.dataset.ready !== 'no', null, {
    polling: 100,
    timeout: 15_000,
  });
  let last = '';
  for (let i = 0; i < 40; i++) {
    const rows = JSON.stringify(await expectationsVersusFlags(page));
    if (rows === last && i >= 3) return;
    last = rows;
    await page.waitForTimeout(150);
  }
}

for (const { dir, name } of SETS) {
  test(`the detector meets the precision and recall targets on ${name}`, async ({
    page,
    server,
  }) => {
    const PAGES = pagesIn(dir);
    // Most of a page's time here is waiting for it to settle: pages load in two tabs at once,
    // and the time allowed grows with the set (about 0.6 s a page in one tab).
    test.setTimeout(60_000 + PAGES.length * 600);
    const counts = new Map(CATEGORIES.map((c) => [c as string, { tp: 0, fp: 0, fn: 0 }]));
    const tally = (category: string) => counts.get(category) ?? { tp: 0, fp: 0, fn: 0 };
    const mistakes: string[] = [];
    let fields = 0;
    const results = new Map<string, Awaited<ReturnType<typeof expectationsVersusFlags>>>();
    const queue = [...PAGES];
    const lane = async (tab: Page) => {
      for (let file = queue.shift(); file !== undefined; file = queue.shift()) {
        await tab.goto(`${server.url}/${dir}/${file}`);
        await settle(tab);
        results.set(file, await expectationsVersusFlags(tab));
      }
    };
    const second = await page.context().newPage();
    await Promise.all([lane(page), lane(second)]);
    await second.close();
    for (const file of PAGES) {
      const rows = results.get(file) ?? [];
      expect(rows.length, `${file} has annotated fields`).toBeGreaterThanOrEqual(3);
      for (const { field, expected, got } of rows) {
        fields++;
        expect(['none', ...CATEGORIES], `${file}: ${field} has a known expectation`).toContain(
          expected,
        );
        if (expected === got) {
          if (expected !== 'none') tally(expected).tp++;
          continue;
        }
        mistakes.push(`${file}: ${field} expected ${expected}, got ${got}`);
        if (expected !== 'none') tally(expected).fn++;
        if (got !== 'none') tally(got).fp++;
      }
    }

    const lines = [`${name}: ${PAGES.length} pages, ${fields} annotated fields`];
    lines.push('category       precision  recall   (tp/fp/fn)');
    const failures: string[] = [];
    for (const category of CATEGORIES) {
      const { tp, fp, fn } = tally(category);
      const precision = tp + fp === 0 ? 1 : tp / (tp + fp);
      const recall = tp + fn === 0 ? 1 : tp / (tp + fn);
      lines.push(
        `${category.padEnd(14)} ${precision.toFixed(3).padStart(9)}  ${recall.toFixed(3).padStart(6)}   (${tp}/${fp}/${fn})`,
      );
      if (precision < PRECISION) {
        failures.push(`${category} precision ${precision.toFixed(3)} < ${PRECISION}`);
      }
      if (recall < (RECALL[category] ?? 1)) {
        failures.push(`${category} recall ${recall.toFixed(3)} < ${RECALL[category]}`);
      }
    }
    if (mistakes.length) lines.push('Mistakes:', ...mistakes.map((m) => `  ${m}`));
    console.log(lines.join('\n'));
    expect(failures, lines.join('\n')).toEqual([]);
  });
}
