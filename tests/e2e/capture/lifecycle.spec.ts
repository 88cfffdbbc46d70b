import { expect, openPopup, tabIdOf, test } from './capture-fixtures';

// Worker kills mid-pause and a browser restart mid-pause are in pause-timing.spec.ts.
test.describe('a hundred tabs', () => {
  test('every tab’s badge is right, through a pause and a resume', async ({
    browserUnderTest: { context, worker, extensionId },
    server,
  }) => {
    test.setTimeout(240_000);
    // No policy: a tab is "active" (REC) only where a recorder runs (Hotjar's globals here).
    const tabs: Array<{ tabId: number; recorded: boolean }> = [];
    for (let i = 0; i < 100; i++) {
      const page = await context.newPage();
      const recorded = i % 3 === 0;
      await page.goto(
        `${server.url}/${recorded ? 'recorder-globals.html' : 'shadow.html'}?tab=${i}`,
      );
      tabs.push({ tabId: await tabIdOf(worker, page), recorded });
    }
    const badges = () =>
      worker.evaluate(
        (ids) => Promise.all(ids.map((tabId) => chrome.action.getBadgeText({ tabId }))),
        tabs.map((t) => t.tabId),
      );
    const expected = (recordedText: string, otherText: string) =>
      tabs.map((t) => (t.recorded ? recordedText : otherText));
    await expect.poll(badges, { timeout: 60_000 }).toEqual(expected('REC', ''));

    const popup = await openPopup(context, extensionId, tabs[1]?.tabId ?? 0);
    await popup.getByTestId('pause-15').click();
    await expect.poll(badges, { timeout: 30_000 }).toEqual(expected('15m', '15m'));
    await popup.getByTestId('resume').click();
    await expect.poll(badges, { timeout: 30_000 }).toEqual(expected('REC', ''));
  });
});
