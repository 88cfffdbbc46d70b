import { installPolicy } from '../../support/managed-policy.mjs';
import {
  expect,
  openPopup,
  screenshot,
  storedLocal,
  tabIdOf,
  test,
  toolbarOf,
  openDemoTab,
} from './capture-fixtures';

test.describe('a real managed policy, capture active, one site declared off', () => {
  test.use({
    policy: {
      programName: 'Agent Training Capture',
      notice: {
        whatIsCaptured: 'Keystrokes, clicks and screen contents of work apps.',
        retention: '90 days',
        moreInfoUrl: 'https://intranet.example.com/capture',
      },
      captureActive: true,
      pause: { maxMinutes: 20, dailyBudgetMinutes: 45 },
      // The static test server listens on 127.0.0.1; localhost is "another site".
      captureOffSites: ['http://localhost/*'],
    },
  });

  test('is read from /etc/chromium/policies and drives the badge, popup and options page', async ({
    browserUnderTest: { context, worker, extensionId },
    server,
  }) => {
    expect(await worker.evaluate(() => chrome.storage.managed.get(null))).toMatchObject({
      programName: 'Agent Training Capture',
    });
    const { tabId } = await openDemoTab({ context, worker }, server);
    await expect
      .poll(() => toolbarOf(worker, tabId))
      .toEqual({
        text: 'REC',
        title: 'Tally: recording is ACTIVE on this tab',
      });

    const offPage = await context.newPage();
    await offPage.goto(server.url.replace('127.0.0.1', 'localhost') + '/shadow.html');
    const offTab = await tabIdOf(worker, offPage);
    await expect
      .poll(() => toolbarOf(worker, offTab))
      .toEqual({
        text: '',
        title: 'Tally: recording is OFF on this tab',
      });

    const popup = await openPopup(context, extensionId, tabId);
    await expect(popup.getByTestId('program')).toHaveText('Agent Training Capture');
    await expect(popup.getByTestId('status')).toHaveAttribute('data-state', 'active');
    await expect(popup.getByTestId('status-reason')).toHaveText(
      'Agent Training Capture records your work in this browser.',
    );
    // 20-minute maximum: 5 and 15 from the standard choices, and 20 itself.
    await expect(popup.locator('.durations button')).toHaveText(['5 min', '15 min', '20 min']);
    await expect(popup.getByTestId('budget-left')).toHaveText('45 min of pause left today.');
    await popup.getByText('About this program').click();
    await expect(popup.getByTestId('notice')).toContainText(
      'Keystrokes, clicks and screen contents',
    );
    await expect(popup.getByTestId('notice')).toContainText('90 days');
    await expect(popup.getByTestId('policy-problems')).toHaveCount(0);
    await screenshot(popup, 'active-managed');

    const offPopup = await openPopup(context, extensionId, offTab);
    await expect(offPopup.getByTestId('status')).toHaveAttribute('data-state', 'off');
    await expect(offPopup.getByTestId('status-reason')).toHaveText(
      'Your organisation declares capture off on this site.',
    );
    await screenshot(offPopup, 'off-site');

    const options = await context.newPage();
    await options.goto(`chrome-extension://${extensionId}/options.html`);
    await expect(options.getByTestId('policy-view')).toHaveAttribute('data-source', 'managed');
    await expect(options.getByTestId('policy-pause')).toHaveText(
      'up to 20 min each · 45 min a day',
    );
    await expect(options.getByTestId('demo-toggle')).toBeDisabled();
    const { audit } = await storedLocal(worker);
    expect(audit).toEqual([
      expect.objectContaining({ kind: 'policy-changed', source: 'managed', problems: 0 }),
    ]);
  });
});

test.describe('a managed policy granting an exemption', () => {
  test.use({
    policy: {
      programName: 'Agent Training Capture',
      captureActive: true,
      exemption: { status: 'approved', category: 'battery', expiresAt: '2099-12-31' },
    },
  });

  test('shows EX and the exemption in the popup', async ({
    browserUnderTest: { context, worker, extensionId },
    server,
  }) => {
    const { tabId } = await openDemoTab({ context, worker }, server);
    await expect
      .poll(() => toolbarOf(worker, tabId))
      .toEqual({
        text: 'EX',
        title: 'Tally: you are EXEMPT from recording',
      });
    const popup = await openPopup(context, extensionId, tabId);
    await expect(popup.getByTestId('status')).toHaveAttribute('data-state', 'exempt');
    await expect(popup.getByTestId('status-reason')).toContainText('can’t stay on a charger');
    await expect(popup.getByTestId('exemption-status')).toHaveAttribute('data-status', 'approved');
    await screenshot(popup, 'exempt');
  });
});

test.describe('a malformed managed policy', () => {
  test.use({
    policy: {
      programName: 'Agent Training Capture',
      captureActive: true,
      pause: { maxMinutes: 0, dailyBudgetMinutes: 60 },
      exemption: { status: 'granted', expiresAt: 'next tuesday' },
      exemptionRequests: { endpoint: 'http://hr.example.com/exemptions' },
      captureOffSites: ['bank.example', 'https://*.bank.example/*'],
    },
  });

  test('says what is wrong in plain words, applies the valid parts and keeps redaction on', async ({
    browserUnderTest: { context, worker, extensionId },
    server,
  }) => {
    const { page, tabId } = await openDemoTab({ context, worker }, server);
    // Redaction stays on: the demo page's SSN field is flagged as usual.
    await expect(page.locator('[data-tally-sensitive="national-id"]').first()).toBeAttached();
    await expect.poll(async () => (await toolbarOf(worker, tabId)).text).toBe('REC');

    const popup = await openPopup(context, extensionId, tabId);
    const problems = popup.getByTestId('policy-problems');
    await expect(problems).toBeVisible();
    await expect(problems).toContainText('pause.maxMinutes must be at least 0.25 minutes');
    await expect(problems).toContainText(
      'exemption.status must be one of: none, requested, approved, denied',
    );
    await expect(problems).toContainText('exemption.expiresAt must be a date');
    await expect(problems).toContainText('exemptionRequests.endpoint must be an https:// address');
    await expect(problems).toContainText('captureOffSites[0] must be a match pattern');
    // The valid parts apply: program name, capture on, the daily budget, the default 30-minute maximum.
    await expect(popup.getByTestId('program')).toHaveText('Agent Training Capture');
    await expect(popup.getByTestId('budget-left')).toHaveText('60 min of pause left today.');
    await expect(popup.locator('.durations button')).toHaveText(['5 min', '15 min', '30 min']);
    await screenshot(popup, 'malformed-policy');
  });
});

test.describe('a policy changed while the browser runs', () => {
  test.use({ policy: { programName: 'Agent Training Capture', captureActive: true } });

  test('applies at once: a lowered maximum shortens the running pause, and the change is logged', async ({
    browserUnderTest: { context, worker, extensionId },
    server,
  }) => {
    const { tabId } = await openDemoTab({ context, worker }, server);
    const popup = await openPopup(context, extensionId, tabId);
    await popup.getByTestId('pause-30').click();
    await expect.poll(async () => (await toolbarOf(worker, tabId)).text).toBe('30m');
    const { pause } = (await storedLocal(worker)) as { pause: { current: { startedAt: number } } };

    await installPolicy(
      { programName: 'Agent Training Capture', captureActive: true, pause: { maxMinutes: 2 } },
      extensionId,
    );
    // Chromium notices the file within a few seconds and reports the change to storage.onChanged.
    await expect
      .poll(async () => (await toolbarOf(worker, tabId)).text, { timeout: 20_000 })
      .toBe('2m');
    expect(await storedLocal(worker)).toMatchObject({
      pause: {
        current: { startedAt: pause.current.startedAt, endsAt: pause.current.startedAt + 120_000 },
      },
    });
    // The open popup follows without being reopened.
    await expect(popup.getByTestId('countdown')).toContainText(/[01]:\d\d left/);
    await expect(popup.locator('.durations button')).toHaveText(['2 min']);
    const { audit } = (await storedLocal(worker)) as { audit: Array<{ kind: string }> };
    expect(audit.filter((row) => row.kind === 'policy-changed')).toHaveLength(2);
  });
});

test.describe('a policy changed while the service worker keeps being killed', () => {
  test.use({ policy: { programName: 'Agent Training Capture', captureActive: true } });

  test('ends in the same state: the pause shortened once, the change logged once', async ({
    browserUnderTest: { context, worker, extensionId },
    server,
  }) => {
    test.setTimeout(90_000);
    const { page, tabId } = await openDemoTab({ context, worker }, server);
    const popup = await openPopup(context, extensionId, tabId);
    await popup.getByTestId('pause-30').click();
    await expect.poll(async () => (await toolbarOf(worker, tabId)).text).toBe('30m');
    const { pause } = (await storedLocal(worker)) as { pause: { current: { startedAt: number } } };
    await popup.close();

    // Kills at random moments (seeded, printed, so a failure can be replayed) while Chromium
    // notices the new policy file and the worker applies it.
    const seed = Number(process.env.TALLY_KILL_SEED ?? Date.now() % 100_000);
    test.info().annotations.push({ type: 'kill seed', description: String(seed) });
    let state = seed;
    const nextDelay = (): number => {
      state = (state * 48_271) % 2_147_483_647;
      return state % 700;
    };
    const cdp = await context.newCDPSession(page);
    await cdp.send('ServiceWorker.enable');
    await installPolicy(
      { programName: 'Agent Training Capture', captureActive: true, pause: { maxMinutes: 2 } },
      extensionId,
    );
    let kills = 0;
    for (const stopAt = Date.now() + 10_000; Date.now() < stopAt; kills++) {
      await page.waitForTimeout(nextDelay());
      await cdp.send('ServiceWorker.stopAllWorkers');
    }
    expect(kills).toBeGreaterThan(15);
    const endsAt = pause.current.startedAt + 120_000;
    // A change event delivered to a worker that is then killed is not delivered again: the next
    // start of the worker applies the policy it reads. The user opening the popup is such a start.
    const reopened = await openPopup(context, extensionId, tabId);
    await expect
      .poll(
        async () =>
          ((await storedLocal(worker)) as { pause: { current: { endsAt: number } | null } }).pause
            .current?.endsAt,
        { timeout: 5_000 },
      )
      .toBe(endsAt);
    expect(await storedLocal(worker)).toMatchObject({
      pause: { current: { startedAt: pause.current.startedAt, minutes: 30 } },
    });
    // The badge follows the stored end: whole minutes left, rounded up (a minute may turn meanwhile).
    const before = Math.ceil((endsAt - Date.now()) / 60_000);
    const badge = (await toolbarOf(worker, tabId)).text;
    expect([`${before}m`, `${before - 1}m`]).toContain(badge);
    const { audit } = (await storedLocal(worker)) as { audit: Array<{ kind: string }> };
    expect(audit.filter((row) => row.kind === 'policy-changed')).toHaveLength(2);
    await expect(reopened.locator('.durations button')).toHaveText(['2 min']);
    await expect(reopened.getByTestId('countdown')).toContainText(/[01]:\d\d left/);
  });
});

test.describe('a policy with a cooldown between pauses', () => {
  test.use({
    policy: {
      programName: 'Agent Training Capture',
      captureActive: true,
      pause: { cooldownMinutes: 60 },
    },
  });

  test('says plainly when the next pause is possible', async ({
    browserUnderTest: { context, worker, extensionId },
    server,
  }) => {
    const { tabId } = await openDemoTab({ context, worker }, server);
    const popup = await openPopup(context, extensionId, tabId);
    await popup.getByTestId('pause-5').click();
    // A cooldown also means no new pause while one runs.
    await expect(popup.getByTestId('pause-refusal')).toHaveText(
      'Your organisation does not allow starting a new pause while one is running.',
    );
    await popup.getByTestId('resume').click();
    await expect(popup.getByTestId('pause-refusal')).toContainText(
      'Your organisation asks for a break between pauses. You can pause again at',
    );
    await expect(popup.locator('.durations button')).toHaveCount(0);
    await screenshot(popup, 'cooldown');
  });
});
