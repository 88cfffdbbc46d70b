// Finds a Chromium for tests, the demo and the benchmark: $CHROMIUM_PATH, then
// Debian's /usr/bin/chromium, then a browser Playwright downloaded itself.
import { existsSync } from 'node:fs';

const CANDIDATES = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser'];

export const HOW_TO_GET_CHROMIUM = [
  'No Chromium found. Tally tests need a Chromium that can load unpacked extensions:',
  '  - Debian/Ubuntu: sudo apt-get install -y chromium   (then /usr/bin/chromium is used)',
  '  - any other: set CHROMIUM_PATH=/path/to/chromium',
  '  - or, where downloads are allowed: npx playwright install chromium',
].join('\n');

export async function findChromium() {
  for (const path of CANDIDATES) if (path && existsSync(path)) return path;
  try {
    const { chromium } = await import('@playwright/test');
    const bundled = chromium.executablePath();
    if (bundled && existsSync(bundled)) return bundled;
  } catch {
    // Playwright not installed yet.
  }
  return null;
}
