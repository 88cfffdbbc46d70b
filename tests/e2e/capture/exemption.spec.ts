import { startExemptionServer } from '../../support/exemption-server.mjs';
import { expect, openPopup, screenshot, storedLocal, test, openDemoTab } from './capture-fixtures';

// The endpoint starts and stops with each group of tests a worker takes: with fullyParallel,
// Playwright runs a file's beforeAll and afterAll around each group, so a server started when the
// module loads was closed after a worker's first group, and a later request read as "offline".
// Its port is known only once it listens: the policies below read it when their fixture runs.
let endpoint: Awaited<ReturnType<typeof startExemptionServer>> | undefined;
test.beforeAll(async () => {
  endpoint = await startExemptionServer();
});
test.afterAll(async () => {
  await endpoint?.close();
  endpoint = undefined;
});
function listening(): NonNullable<typeof endpoint> {
  if (!endpoint) throw new Error('the exemption endpoint starts in beforeAll');
  return endpoint;
}

const NOTE = 'I work from a train with a weak connection three days a week.';

for (const { path, outcome, message, screenshotName } of [
  { path: '/ok', outcome: 'sent', message: 'Request sent.', screenshotName: 'exemption-sent' },
  {
    path: '/fail',
    outcome: 'server-error',
    message: 'The server had a problem (error 503). Try again later. What you wrote is kept.',
    screenshotName: 'exemption-error',
  },
  {
    path: '/refuse',
    outcome: 'refused',
    message: 'The request was refused (error 403). What you wrote is kept.',
    screenshotName: 'exemption-refused',
  },
  {
    // Nothing listens there: the server cannot be reached.
    path: 'unreachable',
    outcome: 'offline',
    message: 'The server could not be reached. Check your connection. What you wrote is kept.',
    screenshotName: 'exemption-offline',
  },
  {
    path: '/slow',
    outcome: 'timeout',
    message: 'No answer within 3 seconds. What you wrote is kept.',
    screenshotName: 'exemption-timeout',
  },
]) {
  test.describe(`an exemption request answered with ${outcome}`, () => {
    test.use({
      // eslint-disable-next-line no-empty-pattern
      policy: async ({}, use) =>
        use({
          programName: 'Agent Training Capture',
          captureActive: true,
          exemptionRequests: {
            endpoint:
              path === 'unreachable'
                ? 'http://127.0.0.1:9/exemptions'
                : `${listening().url}${path}`,
            timeoutSeconds: 3,
          },
        }),
    });

    test(`shows ${outcome} and ${outcome === 'sent' ? 'records the request' : 'keeps what the user wrote'}`, async ({
      browserUnderTest: { context, worker, extensionId },
      server,
    }) => {
      const { tabId } = await openDemoTab({ context, worker }, server);
      let popup = await openPopup(context, extensionId, tabId);
      await popup.getByText('Ask for an exemption').click();
      await popup.getByLabel('Reason').selectOption('limited-bandwidth');
      await popup.getByLabel('Note (optional)').fill(NOTE);
      // Closing the popup while writing loses nothing.
      await popup.close();
      popup = await openPopup(context, extensionId, tabId);
      await expect(popup.getByLabel('Note (optional)')).toHaveValue(NOTE);
      await expect(popup.getByLabel('Reason')).toHaveValue('limited-bandwidth');

      const before = listening().received.length;
      await popup.getByTestId('send-request').click();
      if (outcome === 'timeout') {
        await expect(popup.getByTestId('send-request')).toHaveText('Sending…');
      }
      const result = popup.getByTestId('request-progress').locator('[data-outcome]');
      await expect(result).toHaveAttribute('data-outcome', outcome);
      await expect(result).toContainText(message);
      await screenshot(popup, screenshotName);
      expect(listening().received.slice(before)).toEqual(
        path === 'unreachable'
          ? []
          : [
              {
                path,
                body: expect.objectContaining({
                  category: 'limited-bandwidth',
                  note: NOTE,
                  program: 'Agent Training Capture',
                }),
              },
            ],
      );

      const stored = await storedLocal(worker);
      const audit = stored.audit as Array<{ kind: string; outcome?: string }>;
      expect(audit.at(-1)).toMatchObject({
        kind: 'exemption-requested',
        outcome: outcome === 'sent' ? 'sent' : 'failed',
      });
      // Tally keeps the fact of the request, never its text.
      expect(JSON.stringify(stored)).not.toContain('train');

      await popup.close();
      popup = await openPopup(context, extensionId, tabId);
      if (outcome === 'sent') {
        await expect(popup.getByTestId('last-request')).toContainText('You sent a request on');
        await expect(popup.getByTestId('last-request')).toContainText('limited bandwidth');
      } else {
        await expect(popup.getByLabel('Note (optional)')).toHaveValue(NOTE);
        await expect(popup.getByTestId('send-request')).toHaveText('Try again');
      }
    });
  });
}

test.describe('exemption requests by email', () => {
  test.use({
    policy: {
      programName: 'Agent Training Capture',
      captureActive: true,
      exemptionRequests: { email: 'exemptions@example.com' },
    },
  });

  test('opens a mail draft with the reason and note, and records that it did', async ({
    browserUnderTest: { context, worker, extensionId },
    server,
  }) => {
    const { tabId } = await openDemoTab({ context, worker }, server);
    const popup = await openPopup(context, extensionId, tabId);
    await popup.getByText('Ask for an exemption').click();
    await popup.getByLabel('Reason').selectOption('battery');
    await popup.getByLabel('Note (optional)').fill(NOTE);
    const link = popup.getByTestId('mail-request');
    await expect(link).toHaveText('Write to exemptions@example.com');
    const href = (await link.getAttribute('href')) ?? '';
    const draft = new URL(href);
    expect(draft.protocol).toBe('mailto:');
    expect(draft.pathname).toBe('exemptions@example.com');
    expect(draft.searchParams.get('subject')).toBe('Exemption request: Agent Training Capture');
    expect(draft.searchParams.get('body')).toContain('Reason: can’t stay on a charger');
    expect(draft.searchParams.get('body')).toContain(NOTE);
    // The browser hands mailto: to the system's mail program; the test only needs the click.
    await link.evaluate((a) => a.addEventListener('click', (event) => event.preventDefault()));
    await link.click();
    await expect(popup.getByTestId('last-request')).toContainText('You opened a request email on');
    const stored = await storedLocal(worker);
    expect(stored.lastExemptionRequest).toMatchObject({
      category: 'battery',
      channel: 'email',
      outcome: 'draft-opened',
    });
    expect(JSON.stringify(stored)).not.toContain('train');
    await screenshot(popup, 'exemption-email');
  });
});

test.describe('an exemption request cut off by the worker stopping', () => {
  test.use({
    // eslint-disable-next-line no-empty-pattern
    policy: async ({}, use) =>
      use({
        programName: 'Agent Training Capture',
        captureActive: true,
        exemptionRequests: { endpoint: `${listening().url}/slow`, timeoutSeconds: 20 },
      }),
  });

  test('says it was interrupted, keeps what the user wrote, and offers to send again', async ({
    browserUnderTest: { context, worker, extensionId },
    server,
  }) => {
    const { tabId } = await openDemoTab({ context, worker }, server);
    let popup = await openPopup(context, extensionId, tabId);
    await popup.getByText('Ask for an exemption').click();
    await popup.getByLabel('Reason').selectOption('battery');
    await popup.getByLabel('Note (optional)').fill(NOTE);
    await popup.getByTestId('send-request').click();
    await expect(popup.getByTestId('send-request')).toHaveText('Sending…');

    // The browser stops the worker mid-request (as it may at any moment).
    const cdp = await context.newCDPSession(popup);
    await cdp.send('ServiceWorker.enable');
    await cdp.send('ServiceWorker.stopAllWorkers');

    await expect(popup.getByTestId('request-progress')).toContainText(
      'Tally could not send the request: it was cut off when Tally restarted, so it may not have arrived; send it again to be sure. What you wrote is kept.',
    );
    await expect(popup.getByLabel('Note (optional)')).toHaveValue(NOTE);

    // Reopened: not stuck on "Sending…" (the restarted worker forgot the cut-off send), the
    // note is still there, and the request can be sent again.
    await popup.close();
    popup = await openPopup(context, extensionId, tabId);
    await popup.getByText('Ask for an exemption').click();
    await expect(popup.getByLabel('Note (optional)')).toHaveValue(NOTE);
    await expect(popup.getByTestId('send-request')).toBeEnabled();
    await expect(popup.getByTestId('send-request')).not.toHaveText('Sending…');
    // Nothing was recorded as sent.
    const audit = ((await storedLocal(worker)).audit ?? []) as Array<{ kind: string }>;
    expect(audit.filter((row) => row.kind === 'exemption-requested')).toEqual([]);
  });
});
