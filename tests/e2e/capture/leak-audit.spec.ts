import type { CDPSession, Page } from '@playwright/test';
import { resolve } from 'node:path';
import { startExemptionServer } from '../../support/exemption-server.mjs';
import { inIsolatedWorld } from '../../support/isolated-world.mjs';
import { startRecordingProxy } from '../../support/recording-proxy.mjs';
import { expect, openPopup, tabIdOf, test } from './capture-fixtures';

// Tally's privacy promise, audited end to end: after a session of typing secrets into many pages
// (and using the popup, the pause and an exemption request), none of them is in the extension's
// storage, in any console, or in any request the browser sent. Every request goes through a
// recording proxy, even those to 127.0.0.1.
// The proxy and the endpoint start and stop with the audit's test group (beforeAll, afterAll):
// with fullyParallel, Playwright runs a file's hooks around each group a worker takes, so servers
// started when the module loads would be closed after a worker's first group of this file.
let proxy: Awaited<ReturnType<typeof startRecordingProxy>> | undefined;
let endpoint: Awaited<ReturnType<typeof startExemptionServer>> | undefined;

const RRWEB = resolve(import.meta.dirname, '../../../node_modules/rrweb/dist/rrweb.umd.min.cjs');

const SECRETS = {
  ssn: '372-58-4411',
  ssnInNotes: '219-43-8862',
  password: 'Tr0ub4dor&3horse',
  apiKey: 'sk_live_51Qz8XbT2mVn4RkL9pW3yH6dJ',
  githubToken: 'ghp_R4nD0mT0k3nF0rT4llyL34k4ud1tX9Z2q',
  card: '4539 1488 0343 6467',
  routing: '021000021',
  health: 'metastatic melanoma',
  memberId: 'XQH448812093',
  dsn: 'postgres://billing:Hunter2Hunter2@db.internal:5432/prod',
} as const;
// What a leak could also look like: the same values without their separators, or in part. Parts
// keep a separator or are long: a bare "4411" would match millisecond timestamps in storage.
const NEEDLES = [
  ...Object.values(SECRETS),
  '372584411',
  '58-4411',
  '219438862',
  '4539148803436467',
  '0343 6467',
  'Tr0ub4dor',
  'Hunter2Hunter2',
  'melanoma',
  '4Ll4ud1t',
];

/** Every console message from every world of a page (Tally's isolated world included). */
async function recordConsole(page: Page, into: string[]): Promise<CDPSession> {
  const cdp = await page.context().newCDPSession(page);
  cdp.on('Runtime.consoleAPICalled', (event) => {
    into.push(JSON.stringify(event.args.map((a) => a.value ?? a.description ?? '')));
  });
  cdp.on('Runtime.exceptionThrown', (event) => into.push(JSON.stringify(event.exceptionDetails)));
  cdp.on('Log.entryAdded', (event) => into.push(JSON.stringify(event.entry)));
  await cdp.send('Runtime.enable');
  await cdp.send('Log.enable');
  return cdp;
}

test.describe('the leak audit', () => {
  test.beforeAll(async () => {
    proxy = await startRecordingProxy();
    endpoint = await startExemptionServer();
  });
  test.afterAll(async () => {
    await proxy?.close();
    await endpoint?.close();
    proxy = endpoint = undefined;
  });
  test.use({
    // Their addresses are known only once they listen: read them when the fixtures run.
    // eslint-disable-next-line no-empty-pattern
    browserArgs: async ({}, use) => use(proxy?.args ?? []),
    // eslint-disable-next-line no-empty-pattern
    policy: async ({}, use) =>
      use({
        programName: 'Agent Training Capture',
        captureActive: true,
        exemptionRequests: { endpoint: `${endpoint?.url ?? ''}/ok`, timeoutSeconds: 5 },
      }),
  });

  test('secrets typed into many pages reach no storage, console or request', async ({
    browserUnderTest: { context, worker, extensionId },
    server,
  }) => {
    if (!proxy) throw new Error('the recording proxy starts in beforeAll');
    const seen = proxy.seen;
    // The worker's console, from before any page is opened.
    await worker.evaluate(() => {
      const seen: string[] = [];
      (globalThis as unknown as { __consoleSeen: string[] }).__consoleSeen = seen;
      for (const level of ['log', 'info', 'warn', 'error', 'debug'] as const) {
        const original = console[level].bind(console);
        console[level] = (...args: unknown[]) => {
          seen.push(args.map((a) => (a instanceof Error ? a.stack : String(a))).join(' '));
          original(...args);
        };
      }
    });
    const consoles: string[] = [];
    const page = await context.newPage();
    await recordConsole(page, consoles);
    await page.route('**/vendor/rrweb.js', (route) =>
      route.fulfill({ path: RRWEB, contentType: 'text/javascript' }),
    );

    // 1. The demo page: every category, by keystroke (the content script's per-key path).
    await page.goto(`${server.url}/demo.html`);
    await expect(page.locator('#ssn')).toHaveAttribute('data-tally-sensitive', 'national-id');
    const typeInto = async (selector: string, text: string) => {
      await page.locator(selector).fill('');
      await page.locator(selector).pressSequentially(text);
    };
    await typeInto('#ssn', SECRETS.ssn);
    await typeInto('#rtn', SECRETS.routing);
    await typeInto('#card', SECRETS.card);
    await typeInto('#member', SECRETS.memberId);
    await typeInto('#meds', SECRETS.health);
    await typeInto('#pw', SECRETS.password);
    await typeInto('#apikey', SECRETS.apiKey);
    // An SSN in a box whose label says nothing: caught by its value, reported as such.
    await page.locator('#notes').fill(`Call back re: ${SECRETS.ssnInNotes}`);
    await page.locator('#notes').blur();

    // 2. Developer settings: keys, tokens and a database URL, some pasted (fill) at once.
    await page.goto(`${server.url}/corpus/developer-settings.html`);
    await page.locator('#wh-secret').fill(SECRETS.githubToken);
    await page.locator('#dsn').fill(SECRETS.dsn);
    await page.locator('#env-bulk').fill(`STRIPE_KEY=${SECRETS.apiKey}\nDB=${SECRETS.dsn}`);

    // 3. A page with a running recorder (the banner, the shield and the page state are in play).
    await page.goto(`${server.url}/recorded-form.html?start=load`);
    await expect(page.locator('#ssn')).toHaveAttribute('data-tally-shield', 'mask');
    await typeInto('#ssn', SECRETS.ssn);
    await typeInto('#dx', SECRETS.health);
    const tabId = await tabIdOf(worker, page);

    // 4. The popup: findings for the tab, a pause and a resume, an exemption request.
    const popup = await openPopup(context, extensionId, tabId);
    await recordConsole(popup, consoles);
    await expect(popup.getByTestId('status')).toHaveAttribute('data-state', 'active');
    await popup.getByTestId('pause-15').click();
    await expect(popup.getByTestId('status')).toHaveAttribute('data-state', 'paused');
    await popup.getByTestId('resume').click();
    await expect(popup.getByTestId('status')).toHaveAttribute('data-state', 'active');
    await popup.getByText('Ask for an exemption').click();
    await popup.getByLabel('Reason').selectOption('sensitive-information');
    await popup.getByLabel('Note (optional)').fill('I handle payroll records.');
    await popup.getByTestId('send-request').click();
    await expect(popup.getByTestId('request-progress').locator('[data-outcome]')).toHaveAttribute(
      'data-outcome',
      'sent',
    );

    // The harness sees what it audits: the values are in the page, a console line from Tally's
    // own world is caught, and the extension's request went through the proxy.
    await expect(page.locator('#ssn')).toHaveValue(SECRETS.ssn);
    await inIsolatedWorld(page, `console.log('leak-audit: isolated world is heard')`);
    await expect.poll(() => consoles.join('\n')).toContain('isolated world is heard');
    expect(
      seen.some((r) => r.url.includes('/ok') && r.body.includes('payroll')),
      'the exemption request passed through the proxy',
    ).toBe(true);
    expect(seen.some((r) => r.url.includes('/demo.html'))).toBe(true);

    // Everything the extension keeps, everywhere it could keep it.
    const kept = await worker.evaluate(async () => {
      const areas = {
        local: await chrome.storage.local.get(null),
        session: await chrome.storage.session.get(null),
        sync: await chrome.storage.sync.get(null),
      };
      const databases = await indexedDB.databases();
      const caches_ = await caches.keys();
      return JSON.stringify({ areas, databases, caches: caches_ });
    });
    const popupKept = await popup.evaluate(() =>
      JSON.stringify({ local: { ...localStorage }, session: { ...sessionStorage } }),
    );
    const workerConsole = await worker.evaluate(() =>
      (globalThis as unknown as { __consoleSeen: string[] }).__consoleSeen.join('\n'),
    );
    // The findings did reach storage (so the audit reads the right place), as categories only.
    expect(kept).toContain('national-id');
    expect(kept).toContain('value passes SSN rules');

    const requests = seen.map((r) => `${r.method} ${r.url}\n${r.headers}\n${r.body}`);
    for (const needle of NEEDLES) {
      expect(kept, `"${needle}" in the extension's storage`).not.toContain(needle);
      expect(popupKept, `"${needle}" in the popup's web storage`).not.toContain(needle);
      expect(workerConsole, `"${needle}" in the worker's console`).not.toContain(needle);
      expect(consoles.join('\n'), `"${needle}" in a page's console`).not.toContain(needle);
      for (const request of requests) {
        expect(request, `"${needle}" in a request`).not.toContain(needle);
      }
    }
  });
});

test.describe('messages from content scripts', () => {
  test.use({ policy: { programName: 'Agent Training Capture', captureActive: true } });

  test('one that speaks as the popup, or sends junk, is refused, counted and never acted on', async ({
    browserUnderTest: { context, worker },
    server,
  }) => {
    const page = await context.newPage();
    await page.goto(`${server.url}/demo.html`);
    await expect(page.locator('#ssn')).toHaveAttribute('data-tally-sensitive', 'national-id');
    // The policy is read (about 3 s after the browser starts) and noted in the audit trail.
    const audit = async () =>
      (await worker.evaluate(() => chrome.storage.local.get('audit'))).audit;
    await expect
      .poll(audit, { timeout: 15_000 })
      .toEqual([expect.objectContaining({ kind: 'policy-changed' })]);
    const auditBefore = await audit();

    // What a compromised renderer could send from Tally's own content-script world.
    const answers = await inIsolatedWorld<unknown[]>(
      page,
      `Promise.all([
        { type: 'popup/pause', minutes: 30 },
        { type: 'options/clear-audit' },
        { type: 'content/pause', minutes: 999 },
        { type: 'content/frame-findings', findings: { counts: 'lots' } },
        'junk',
      ].map((m) => chrome.runtime.sendMessage(m)))`,
    );
    expect(answers).toEqual([
      { ok: false, error: 'not allowed from this sender' },
      { ok: false, error: 'not allowed from this sender' },
      { ok: false, error: 'unknown message' },
      { ok: false, error: 'unknown message' },
      { ok: false, error: 'unknown message' },
    ]);
    await expect
      .poll(() => worker.evaluate(() => chrome.storage.session.get('refusedMessages')))
      .toEqual({
        refusedMessages: { 'not allowed from this sender': 2, 'unknown message': 3 },
      });
    // Nothing happened: no pause, the audit trail intact.
    const local = await worker.evaluate(() => chrome.storage.local.get(['pause', 'audit']));
    expect(local.pause).not.toHaveProperty('current.endsAt');
    expect(local.audit).toEqual(auditBefore);
  });
});
