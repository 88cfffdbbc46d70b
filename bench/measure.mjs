// Helpers both benchmarks (bench/run.mjs, bench/suite.mjs) measure and report with.
import { execFileSync } from 'node:child_process';
import { cpus, totalmem } from 'node:os';
import { findChromium } from '../tests/support/find-chromium.mjs';

export const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};

export const round = (x, digits = 2) => Math.round(x * 10 ** digits) / 10 ** digits;

/** The page's DOMContentLoaded and load ends, from its navigation timing. */
export function navigationTiming(page) {
  return page.evaluate(() => {
    const [nav] = performance.getEntriesByType('navigation');
    return { dcl: nav.domContentLoadedEventEnd, load: nav.loadEventEnd };
  });
}

/** What the numbers were measured on, for the report. */
export async function machineAndBrowser() {
  return {
    machine: `${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}, ${Math.round(totalmem() / 2 ** 30)} GiB`,
    browser: execFileSync(await findChromium(), ['--version'])
      .toString()
      .trim(),
  };
}
