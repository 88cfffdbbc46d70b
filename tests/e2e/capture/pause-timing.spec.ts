import {
  expect,
  expectEndedOnTime,
  openPopup,
  runningPause,
  screenshot,
  test,
  toolbarOf,
  openDemoTab,
  waitUntil,
} from './capture-fixtures';

test.describe('a pause with a 75-second maximum set by policy', () => {
  test.use({
    policy: {
      programName: 'Agent Training Capture',
      captureActive: true,
      pause: { maxMinutes: 1.25 },
    },
  });

  test('counts down on the badge, warns before the end, and ends on time', async ({
    browserUnderTest: { context, worker, extensionId },
    server,
  }) => {
    const { tabId } = await openDemoTab({ context, worker }, server);
    const popup = await openPopup(context, extensionId, tabId);
    // The policy's maximum is below every standard length, so it is the one choice.
    await expect(popup.locator('.durations button')).toHaveText(['1.25 min']);
    await popup.getByTestId('pause-1.25').click();
    const { endsAt } = await runningPause(worker);

    await expect
      .poll(() => toolbarOf(worker, tabId))
      .toEqual({
        text: '2m',
        title: 'Tally: recording PAUSED, 2 min left',
      });
    await screenshot(popup, 'paused-countdown');
    // The badge moves to 1m when a minute is left (a tick alarm), without the popup's help.
    await popup.close();
    await waitUntil(endsAt - 60_000 + 1500);
    expect((await toolbarOf(worker, tabId)).text).toBe('1m');

    // The warning comes halfway through so short a pause (a minute before the end otherwise).
    await waitUntil(endsAt - 37_500 + 1500);
    expect(
      await worker.evaluate(async () => Object.keys(await chrome.notifications.getAll())),
    ).toEqual(['tally-pause']);

    await waitUntil(endsAt - 1500);
    expect((await toolbarOf(worker, tabId)).text, 'not a moment early').toBe('1m');
    await waitUntil(endsAt + 2500);
    expect(await toolbarOf(worker, tabId)).toEqual({
      text: 'REC',
      title: 'Tally: recording is ACTIVE on this tab',
    });
    await expectEndedOnTime(worker, endsAt);
  });
});

test.describe('a pause with a 30-second maximum set by policy', () => {
  test.use({
    policy: {
      programName: 'Agent Training Capture',
      captureActive: true,
      pause: { maxMinutes: 0.5 },
    },
  });

  test('ends on time after the service worker is killed mid-pause', async ({
    browserUnderTest: { context, worker, extensionId },
    server,
  }) => {
    const { tabId } = await openDemoTab({ context, worker }, server);
    const popup = await openPopup(context, extensionId, tabId);
    await popup.getByTestId('pause-0.5').click();
    await expect.poll(async () => (await toolbarOf(worker, tabId)).text).toBe('1m');
    const { endsAt } = await runningPause(worker);

    await worker.evaluate(() => {
      (globalThis as { tallyTestMarker?: boolean }).tallyTestMarker = true;
    });
    const cdp = await context.newCDPSession(popup);
    await cdp.send('ServiceWorker.enable');
    await cdp.send('ServiceWorker.stopAllWorkers');
    await popup.close();

    // Nothing touches the extension until after the end is due.
    await waitUntil(endsAt + 3000);
    expect(
      await worker.evaluate(() => (globalThis as { tallyTestMarker?: boolean }).tallyTestMarker),
      'the worker was really stopped and started again',
    ).toBeUndefined();
    expect((await toolbarOf(worker, tabId)).text).toBe('REC');
    await expectEndedOnTime(worker, endsAt);
  });

  test('ends on time across a browser restart with the same profile', async ({
    launch,
    server,
  }) => {
    const first = await launch();
    const popup = await openPopup(
      first.context,
      first.extensionId,
      (await openDemoTab(first, server)).tabId,
    );
    await popup.getByTestId('pause-0.5').click();
    await expect(popup.getByTestId('status')).toHaveAttribute('data-state', 'paused');
    const { endsAt } = await runningPause(first.worker);
    await first.close();

    const second = await launch();
    const { tabId } = await openDemoTab(second, server);
    expect(endsAt - Date.now(), 'the restart happened mid-pause').toBeGreaterThan(3000);
    await expect.poll(async () => (await toolbarOf(second.worker, tabId)).text).toBe('1m');
    const reopened = await openPopup(second.context, second.extensionId, tabId);
    await expect(reopened.getByTestId('status')).toHaveAttribute('data-state', 'paused');
    await reopened.close();

    await waitUntil(endsAt + 3000);
    expect((await toolbarOf(second.worker, tabId)).text).toBe('REC');
    await expectEndedOnTime(second.worker, endsAt);
  });
});
