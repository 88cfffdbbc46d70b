/* global chrome */
// Opens Chromium with the built extension on the demo page, with Tally's demo
// capture program switched on (so the toolbar shows REC and pausing works).
// With a display it stays open until you close the browser; without one (or
// with --headless) it saves screenshots of the demo page, the popup (recording
// and paused) and the settings page, and prints their paths.
import { mkdir } from 'node:fs/promises';
import { resolve } from 'node:path';
import { launchWithExtension } from '../tests/support/launch-extension.mjs';
import { startStaticServer } from '../tests/support/static-server.mjs';

const headless = process.argv.includes('--headless') || !process.env.DISPLAY;
const outDir = resolve(import.meta.dirname, '../demo-output');
const server = await startStaticServer(resolve(import.meta.dirname, '../tests/fixtures/pages'));
const { context, extensionId, close } = await launchWithExtension({ headless });
const page = await context.newPage();
await page.goto(`${server.url}/demo.html`);
await page.waitForSelector('[data-tally-sensitive]');
console.log(`Demo page: ${server.url}/demo.html (fields Tally flags are outlined in red)`);

// The demo program, as a newcomer would switch it on from the settings page.
const options = await context.newPage();
await options.goto(`chrome-extension://${extensionId}/options.html`);
await options.getByTestId('demo-toggle').check();
await options.waitForSelector('[data-testid="policy-view"][data-source="demo"]');
console.log(
  'The demo capture program is on (Tally settings → "Try the demo program"); nothing is recorded.',
);
await page.bringToFront();

if (!headless) {
  console.log('Close the browser window to stop.');
  await new Promise((done) => context.on('close', done));
  await server.close();
  process.exit(0);
}

await mkdir(outDir, { recursive: true });
// Let the findings report reach the background before the popup asks for them.
await page.waitForTimeout(800);
const pagePath = resolve(outDir, 'demo-page.png');
await page.screenshot({ path: pagePath, fullPage: true });

const [worker] = context.serviceWorkers();
const tabId = await worker.evaluate(
  async (url) => (await chrome.tabs.query({ url }))[0]?.id,
  `${server.url}/demo.html`,
);
const popup = await context.newPage();
await popup.setViewportSize({ width: 400, height: 560 });
await popup.goto(`chrome-extension://${extensionId}/popup.html?tab=${tabId}`);
await popup.waitForSelector('[data-testid="category-list"]');
await popup.locator('details').evaluateAll((all) => all.forEach((d) => (d.open = true)));
const popupPath = resolve(outDir, 'popup.png');
await popup.screenshot({ path: popupPath, fullPage: true });
await popup.getByTestId('pause-15').click();
await popup.waitForSelector('[data-testid="status"][data-state="paused"]');
const pausedPath = resolve(outDir, 'popup-paused.png');
await popup.screenshot({ path: pausedPath, fullPage: true });
await options.reload();
await options.waitForSelector('[data-testid="audit-table"]');
const optionsPath = resolve(outDir, 'options.png');
await options.screenshot({ path: optionsPath, fullPage: true });

const flagged = await page.$$eval('[data-tally-sensitive]', (els) => els.length);
console.log(`Tally flagged ${flagged} fields on the demo page.`);
console.log(`Screenshot of the demo page: ${pagePath}`);
console.log(`Screenshot of the popup:     ${popupPath}`);
console.log(`... after pausing 15 min:    ${pausedPath}`);
console.log(`Screenshot of the settings:  ${optionsPath}`);
await close();
await server.close();
