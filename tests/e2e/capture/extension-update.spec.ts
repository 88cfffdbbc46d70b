import type { Page, Worker } from '@playwright/test';
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  addLabelledField,
  expect,
  expectEndedOnTime,
  openPopup,
  runningPause,
  tabIdOf,
  test,
  toolbarOf,
  waitUntil,
} from './capture-fixtures';

// A copy of the build, so the test can publish a "new version" of it mid-pause.
let copy = '';
test.beforeAll(async ({ slotExtension }) => {
  copy = await mkdtemp(join(tmpdir(), 'tally-update-'));
  await cp(slotExtension.dir, copy, { recursive: true });
});
test.afterAll(async () => {
  if (copy) await rm(copy, { recursive: true, force: true });
});

/** Tally's banner hosts on the page: the elements it appends to <html> besides head and body. */
function bannersOn(page: Page): Promise<number> {
  return page.evaluate(
    () => [...document.documentElement.children].filter((el) => el.localName === 'div').length,
  );
}

test.describe('the extension updated mid-pause', () => {
  test.use({
    policy: {
      programName: 'Agent Training Capture',
      captureActive: true,
      pause: { maxMinutes: 0.5 },
    },
    // Extensions.loadUnpacked, the CDP way to publish a new version to a running browser.
    browserArgs: ['--enable-unsafe-extension-debugging'],
    // The copy is made in beforeAll, after this file is loaded: read it when the fixture runs.
    // eslint-disable-next-line no-empty-pattern
    extensionDir: async ({}, use) => use(copy),
  });

  test('keeps the pause and its end, and takes over the tabs already open', async ({
    browserUnderTest: { context, worker, extensionId },
    server,
  }) => {
    test.setTimeout(120_000);
    const browser = context.browser();
    if (!browser) throw new Error('no browser to open a CDP session on');
    const cdp = await browser.newBrowserCDPSession();
    const manifestPath = join(copy, 'manifest.json');
    /** Publishes version x.y.z+1 of the same extension (same key: same id, same storage). */
    const publishUpdate = async (): Promise<Worker> => {
      const manifest = JSON.parse(await readFile(manifestPath, 'utf8')) as { version: string };
      const version = manifest.version.replace(/\d+$/, (last) => String(Number(last) + 1));
      await writeFile(manifestPath, JSON.stringify({ ...manifest, version }));
      const nextWorker = context.waitForEvent('serviceworker', { timeout: 30_000 });
      await cdp.send('Extensions.loadUnpacked', { path: copy });
      const updated = await nextWorker;
      expect(await updated.evaluate(() => chrome.runtime.getManifest().version)).toBe(version);
      return updated;
    };

    const page = await context.newPage();
    await page.goto(`${server.url}/recorder-globals.html`);
    const tabId = await tabIdOf(worker, page);
    await expect.poll(async () => (await toolbarOf(worker, tabId)).text).toBe('REC');
    await expect.poll(() => bannersOn(page)).toBe(1);

    // An update while capture is on: the old guard's banner gives way to the new guard's.
    const second = await publishUpdate();
    await expect.poll(async () => (await toolbarOf(second, tabId)).text).toBe('REC');
    await page.waitForTimeout(1000);
    expect(await bannersOn(page)).toBe(1);
    const popup = await openPopup(context, extensionId, tabId);
    await popup.getByTestId('pause-0.5').click();
    await expect.poll(async () => (await toolbarOf(second, tabId)).text).toBe('1m');
    const { endsAt } = await runningPause(second);
    await popup.close();
    // The banner that hears the pause is the only one left (an orphan's would stay, stale).
    await expect.poll(() => bannersOn(page), { message: 'no banner while paused' }).toBe(0);

    // An update mid-pause: the same pause, and every surface shows it.
    const third = await publishUpdate();
    expect((await runningPause(third)).endsAt).toBe(endsAt);
    await expect.poll(async () => (await toolbarOf(third, tabId)).text).toBe('1m');

    // The tab open during the updates is guarded by the newest version: a field added now is
    // flagged, and it and the page's recorder reach the popup (an orphaned guard cannot report).
    await addLabelledField(page, 'late-ssn', 'Social Security number');
    await expect(page.locator('#late-ssn')).toHaveAttribute('data-tally-sensitive', 'national-id');
    const after = await openPopup(context, extensionId, tabId);
    await expect(after.getByTestId('status')).toHaveAttribute('data-state', 'paused');
    await expect(after.getByTestId('recorders')).toContainText('Hotjar');
    await expect(after.locator('[data-category="national-id"]')).toBeVisible();
    await expect(after.locator('[data-category="credential"]')).toBeVisible();
    await after.close();
    expect(await bannersOn(page)).toBe(0);

    await waitUntil(endsAt + 3000);
    expect((await toolbarOf(third, tabId)).text).toBe('REC');
    await expectEndedOnTime(third, endsAt);
    // Capture is back: one banner, the newest guard's.
    await expect.poll(() => bannersOn(page)).toBe(1);
    await page.waitForTimeout(1000);
    expect(await bannersOn(page)).toBe(1);
  });
});
