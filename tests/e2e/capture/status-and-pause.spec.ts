import AxeBuilder from '@axe-core/playwright';
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

test.describe('capture status and pausing, without any policy', () => {
  test.use({ policy: null });

  test('a single user sees "unknown", pauses from the popup, sees the countdown on the badge, and resumes', async ({
    browserUnderTest: { context, worker, extensionId },
    server,
  }) => {
    const { tabId } = await openDemoTab({ context, worker }, server);
    const popup = await openPopup(context, extensionId, tabId);

    await expect(popup.getByTestId('status')).toHaveAttribute('data-state', 'unknown');
    await expect(popup.getByTestId('program')).toHaveText('No capture program configured');
    await expect
      .poll(() => toolbarOf(worker, tabId))
      .toEqual({
        text: '',
        title: 'Tally: recording status UNKNOWN (no capture program configured)',
      });
    await screenshot(popup, 'unknown');

    // Without a policy the standard choices are offered, up to 30 minutes.
    for (const minutes of ['5', '15', '30']) {
      await expect(popup.getByTestId(`pause-${minutes}`)).toBeVisible();
    }
    await popup.getByTestId('pause-15').click();
    await expect(popup.getByTestId('status')).toHaveAttribute('data-state', 'paused');
    await expect(popup.getByTestId('countdown')).toContainText(/1[45]:\d\d left/);
    await expect
      .poll(() => toolbarOf(worker, tabId))
      .toEqual({
        text: '15m',
        title: 'Tally: recording PAUSED, 15 min left',
      });
    // No agent configured: nothing about one, and nobody is told of the pause.
    await expect(popup.getByTestId('agent')).toHaveCount(0);
    await expect(popup.getByTestId('pause-confirmation')).toHaveCount(0);
    await expect(
      popup.getByText('Pausing needs no reason and is never reported to anyone.'),
    ).toBeVisible();
    expect(await worker.evaluate(() => chrome.storage.session.get('agentLink'))).toEqual({});
    // The pause is global: every tab shows it.
    const other = await context.newPage();
    await other.goto(`${server.url}/shadow.html`);
    const otherTab = await tabIdOf(worker, other);
    await expect.poll(async () => (await toolbarOf(worker, otherTab)).text).toBe('15m');
    await screenshot(popup, 'paused');

    const { pause } = await storedLocal(worker);
    expect(pause).toMatchObject({ current: { minutes: 15 } });
    expect(
      await worker.evaluate(async () => (await chrome.alarms.getAll()).map((a) => a.name).sort()),
    ).toEqual(['pause-end', 'pause-tick', 'pause-warn']);

    await popup.getByTestId('resume').click();
    await expect(popup.getByTestId('status')).toHaveAttribute('data-state', 'unknown');
    await expect.poll(async () => (await toolbarOf(worker, tabId)).text).toBe('');
    expect(await worker.evaluate(() => chrome.alarms.getAll())).toEqual([]);
    const { audit } = await storedLocal(worker);
    expect((audit as Array<{ kind: string }>).map((e) => e.kind)).toEqual([
      'policy-changed',
      'pause-started',
      'pause-resumed',
    ]);
  });

  test('the demo program from the options page; both pages pass axe; the audit trail exports', async ({
    browserUnderTest: { context, worker, extensionId },
    server,
  }) => {
    const { tabId } = await openDemoTab({ context, worker }, server);

    const options = await context.newPage();
    await options.goto(`chrome-extension://${extensionId}/options.html`);
    await expect(options.getByTestId('policy-view')).toHaveAttribute('data-source', 'none');
    await options.getByTestId('demo-toggle').check();
    await expect(options.getByTestId('policy-view')).toHaveAttribute('data-source', 'demo');
    await expect
      .poll(() => toolbarOf(worker, tabId))
      .toEqual({
        text: 'REC',
        title: 'Tally: recording is ACTIVE on this tab',
      });

    const popup = await openPopup(context, extensionId, tabId);
    await expect(popup.getByTestId('status')).toHaveAttribute('data-state', 'active');
    await expect(popup.getByTestId('program')).toContainText('Demo program');
    await expect(popup.getByTestId('budget-left')).toHaveText('120 min of pause left today.');
    await popup.getByText('About this program').click();
    await expect(popup.getByTestId('notice')).toContainText('This demo captures nothing.');
    await screenshot(popup, 'active-demo');
    expect((await new AxeBuilder({ page: popup }).analyze()).violations).toEqual([]);
    // Dark mode: its own colours, still free of contrast and other violations.
    await popup.emulateMedia({ colorScheme: 'dark' });
    expect(await popup.evaluate(() => getComputedStyle(document.body).backgroundColor)).toBe(
      'rgb(28, 28, 33)',
    );
    expect((await new AxeBuilder({ page: popup }).analyze()).violations).toEqual([]);
    await screenshot(popup, 'active-demo-dark');
    await popup.emulateMedia({ colorScheme: 'light' });

    // Keyboard alone: the first pause button is reachable and works with Enter.
    await popup.getByTestId('pause-5').focus();
    await popup.keyboard.press('Enter');
    await expect(popup.getByTestId('status')).toHaveAttribute('data-state', 'paused');
    await expect(popup.getByTestId('budget-left')).toHaveText(
      /11[59](\.\d+)? min of pause left today\./,
    );
    expect((await new AxeBuilder({ page: popup }).analyze()).violations).toEqual([]);

    await options.reload();
    await expect(options.getByTestId('audit-table')).toContainText(
      'Paused for 5 min (from the toolbar)',
    );
    await expect(options.getByTestId('audit-table')).toContainText('Demo program switched on');
    await screenshot(options, 'options');
    expect((await new AxeBuilder({ page: options }).analyze()).violations).toEqual([]);

    const download = options.waitForEvent('download');
    await options.getByTestId('audit-export').click();
    const exported = JSON.parse(
      await (
        await (await download).createReadStream()
      )
        .toArray()
        .then((c) => Buffer.concat(c).toString()),
    );
    expect(exported.map((e: { kind: string }) => e.kind)).toEqual([
      'policy-changed',
      'demo-switched',
      'policy-changed',
      'pause-started',
    ]);

    await options.getByTestId('audit-clear').click();
    await options.getByTestId('audit-clear-confirm').click();
    await expect(options.getByTestId('audit-empty')).toBeVisible();
  });
});

test.describe('in a Spanish browser', () => {
  test.use({ policy: null, language: 'es' });

  test('the popup and the toolbar speak Spanish', async ({
    browserUnderTest: { context, extensionId, worker },
    server,
  }) => {
    const { tabId } = await openDemoTab({ context, worker }, server);
    const popup = await openPopup(context, extensionId, tabId);
    await expect(popup.locator('html')).toHaveAttribute('lang', /^es/);
    await expect(popup.getByTestId('status')).toContainText('Desconocido');
    await expect(popup.getByTestId('pause-5')).toHaveText('5 min');
    await expect(popup.getByRole('heading', { name: 'Pausar la grabación' })).toBeVisible();
    await expect
      .poll(async () => (await toolbarOf(worker, tabId)).title)
      .toBe('Tally: estado de grabación DESCONOCIDO (no hay programa de captura configurado)');
    await screenshot(popup, 'unknown-es');
    expect((await new AxeBuilder({ page: popup }).analyze()).violations).toEqual([]);
  });
});
