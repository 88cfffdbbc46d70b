import { resolve } from 'node:path';
import { expect, test } from './fixtures';
import { sentryReplayBundle } from '../support/sentry-bundle.mjs';

const RRWEB = resolve(import.meta.dirname, '../../node_modules/rrweb/dist/rrweb.umd.min.cjs');

// What a leak would look like: the values typed or pre-filled into flagged fields, whole and in
// part. Parts keep a separator: a bare 4-digit needle such as "4411" also matches the recorders'
// millisecond timestamps (1795444111633), which made this test fail by the clock.
const SECRETS = [
  '401-62-9937',
  '401-62',
  '62-9937',
  '372-58-4411',
  '58-4411',
  'diabetes',
  'XQH448812093',
  'H448812',
];

for (const start of ['head', 'load'] as const) {
  test(`real rrweb started at ${start}: flagged fields reach the recording only as stars`, async ({
    page,
    server,
  }) => {
    await page.route('**/vendor/rrweb.js', (route) =>
      route.fulfill({ path: RRWEB, contentType: 'text/javascript' }),
    );
    await page.goto(`${server.url}/recorded-form.html?start=${start}`);
    await expect(page.locator('#member')).toHaveAttribute('data-tally-sensitive', 'health');
    await expect
      .poll(() =>
        page.evaluate(() => (window as unknown as { recorded: unknown[] }).recorded.length),
      )
      .toBeGreaterThan(1);

    // Markers on the flagged fields; the page's unmasking token is gone; the ordinary field has none.
    await expect(page.locator('#ssn')).toHaveAttribute('data-rr-is-password', 'true');
    await expect(page.locator('#ssn')).not.toHaveAttribute('data-hj-allow');
    await expect(page.locator('#city')).not.toHaveAttribute('data-rr-is-password');

    await page.locator('#ssn').fill('');
    await page.locator('#ssn').pressSequentially('372-58-4411');
    await page.locator('#dx').pressSequentially('Type 2 diabetes, since 2019');
    await page.locator('#city').fill('');
    await page.locator('#city').pressSequentially('Springfield');
    await page.waitForTimeout(300);

    const recording = await page.evaluate(() =>
      JSON.stringify((window as unknown as { recorded: unknown[] }).recorded),
    );
    // The harness can see a leak: the ordinary field is recorded as typed.
    expect(recording).toContain('Springfield');
    for (const secret of SECRETS) {
      expect(recording, `"${secret}" leaked to rrweb`).not.toContain(secret);
    }
  });
}

test('real rrweb: a menu is recorded as picked until a health choice is picked, then no longer', async ({
  page,
  server,
}) => {
  await page.route('**/vendor/rrweb.js', (route) =>
    route.fulfill({ path: RRWEB, contentType: 'text/javascript' }),
  );
  await page.goto(`${server.url}/recorded-form.html?start=head`);
  const reason = page.locator('#reason');
  await expect(page.locator('#ssn')).toHaveAttribute('data-tally-sensitive', 'national-id');
  // Health is one choice among four: nothing to flag until it is picked.
  await expect(reason).not.toHaveAttribute('data-tally-sensitive', /.*/);
  await reason.selectOption('jury');
  await expect(reason).not.toHaveAttribute('data-tally-sensitive', /.*/);
  await reason.selectOption('own-health');
  await expect(reason).toHaveAttribute('data-tally-sensitive', 'health');
  await page.waitForTimeout(300);

  // What rrweb recorded of the menu: its input events (incremental snapshots from the input source).
  const picks = await page.evaluate(() => {
    type Recorded = { type: number; data?: { source?: number; text?: string } };
    return (window as unknown as { recorded: Recorded[] }).recorded
      .filter((e) => e.type === 3 && e.data?.source === 5)
      .map((e) => e.data?.text ?? '');
  });
  // The harness can see a pick: the ordinary one is recorded as picked.
  expect(picks).toContain('jury');
  // Flagged, the menu carries rr-block, so rrweb records no input from it at all.
  expect(picks).not.toContain('own-health');
  await expect(reason).toHaveClass(/\brr-block\b/);

  // Picked back to an ordinary choice, the menu is ordinary again.
  await reason.selectOption('military');
  await expect(reason).not.toHaveAttribute('data-tally-sensitive', /.*/);
});

const CLARITY = resolve(import.meta.dirname, '../../node_modules/clarity-js/build/clarity.min.js');

test('real Microsoft Clarity (clarity-js): a flagged field’s text never reaches its payloads', async ({
  page,
  server,
}) => {
  await page.route('**/vendor/clarity.js', (route) =>
    route.fulfill({ path: CLARITY, contentType: 'text/javascript' }),
  );
  await page.goto(`${server.url}/clarity-form.html`);
  // Clarity decides once, when it first sees a node: the marker must already be there.
  await expect(page.locator('#history')).toHaveAttribute('data-tally-sensitive', 'health');
  await expect(page.locator('#history')).toHaveAttribute('data-clarity-mask', 'true');
  await expect(page.locator('#notes')).not.toHaveAttribute('data-tally-sensitive');

  await page.locator('#history').click();
  await page.keyboard.press('End');
  await page.keyboard.type(' and hypertension');
  await page.locator('#notes').click();
  await page.keyboard.press('End');
  await page.keyboard.type(' and iced tea');
  const payloads = () =>
    page.evaluate(() => (window as unknown as { uploads: string[] }).uploads.join('\n'));
  // The harness sees what Clarity records: the ordinary field's text, as typed.
  await expect.poll(payloads, { timeout: 20_000 }).toContain('iced tea');
  const recorded = await payloads();
  expect(recorded).toContain('falafel');
  for (const secret of ['diabetes', 'metformin', 'hypertension']) {
    expect(recorded, `"${secret}" leaked to Clarity`).not.toContain(secret);
  }
});

test('real Sentry Session Replay (@sentry/browser): flagged values never reach its envelopes', async ({
  page,
  server,
}) => {
  const bundle = await sentryReplayBundle();
  await page.route('**/vendor/sentry.js', (route) =>
    route.fulfill({ path: bundle, contentType: 'text/javascript' }),
  );
  // Sentry's collector, on the page's own origin: every envelope is kept as sent.
  const envelopes: string[] = [];
  await page.route('**/api/1/envelope/**', async (route) => {
    envelopes.push(route.request().postDataBuffer()?.toString('utf8') ?? '');
    await route.fulfill({ status: 200, contentType: 'application/json', body: '{}' });
  });
  await page.goto(`${server.url}/sentry-form.html`);
  await expect(page.locator('#ssn')).toHaveAttribute('data-tally-sensitive', 'national-id');
  await expect(page.locator('#ssn')).toHaveAttribute('data-sentry-mask', '');
  await expect(page.locator('#member')).toHaveAttribute('data-tally-sensitive', 'health');
  await expect(page.locator('#city')).not.toHaveAttribute('data-sentry-mask');

  await page.locator('#ssn').fill('');
  await page.locator('#ssn').pressSequentially('372-58-4411');
  await page.locator('#pw').pressSequentially('Tr0ub4dor&3horse');
  await page.locator('#condition').press('End');
  await page.locator('#condition').pressSequentially(' with migraines');
  await page.locator('#city').fill('');
  await page.locator('#city').pressSequentially('Springfield');

  const recorded = async () => {
    await page.evaluate(() =>
      (
        window as unknown as { Sentry: { getReplay(): { flush(): Promise<void> } } }
      ).Sentry.getReplay().flush(),
    );
    return envelopes.join('\n');
  };
  // The harness sees what Sentry records: replay events, and the ordinary field as typed.
  await expect.poll(recorded, { timeout: 20_000 }).toContain('Springfield');
  const payload = await recorded();
  expect(payload).toContain('replay_recording');
  expect(payload).toContain('Shelbyville');
  for (const secret of [
    '401-62-9937',
    '372-58-4411',
    '58-4411',
    'Tr0ub4dor',
    'Epilepsy',
    'migraines',
    'XQH448812093',
  ]) {
    expect(payload, `"${secret}" leaked to Sentry Replay`).not.toContain(secret);
  }
});
