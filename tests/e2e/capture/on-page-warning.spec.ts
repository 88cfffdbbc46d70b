import { resolve } from 'node:path';
import type { Page, Worker } from '@playwright/test';
import { inIsolatedWorld } from '../../support/isolated-world.mjs';
import { launchWithExtension } from '../../support/launch-extension.mjs';
import { expect, tabIdOf, test } from '../fixtures';

const RRWEB = resolve(import.meta.dirname, '../../../node_modules/rrweb/dist/rrweb.umd.min.cjs');

async function serveRrweb(page: Page): Promise<void> {
  await page.route('**/vendor/rrweb.js', (route) =>
    route.fulfill({ path: RRWEB, contentType: 'text/javascript' }),
  );
}

/** The banner's text, read from Tally's world (its shadow root is closed to the page and to locators). */
function bannerText(page: Page): Promise<string | null> {
  return inIsolatedWorld<string | null>(
    page,
    `(() => { const r = __tallyBanner(); return r ? r.querySelector('section').innerText : null; })()`,
  ).catch(() => null);
}

/** The centre of one of the banner's buttons, in page coordinates, for a real (trusted) click. */
async function bannerButton(page: Page, action: string): Promise<{ x: number; y: number }> {
  const box = await inIsolatedWorld<{ x: number; y: number } | null>(
    page,
    `(() => { const b = __tallyBanner()?.querySelector('button[data-action="${action}"]');
      if (!b) return null; const r = b.getBoundingClientRect();
      return { x: r.left + r.width / 2, y: r.top + r.height / 2 }; })()`,
  );
  if (!box) throw new Error(`no "${action}" button in the banner`);
  return box;
}

async function badgeOf(worker: Worker, page: Page): Promise<{ text: string; title: string }> {
  const tabId = await tabIdOf(worker, page);
  return worker.evaluate(
    async (id) => ({
      text: await chrome.action.getBadgeText({ tabId: id }),
      title: await chrome.action.getTitle({ tabId: id }),
    }),
    tabId,
  );
}

test('a recorder on the page: REC on the badge with its name, a banner, and the fields shielded', async ({
  page,
  server,
  worker,
}) => {
  await serveRrweb(page);
  // Layout shifts are counted from the start, so the shield and banner appearing must add none.
  await page.addInitScript(() => {
    (window as unknown as { shifts: number }).shifts = 0;
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) {
        (window as unknown as { shifts: number }).shifts += (
          entry as unknown as { value: number }
        ).value;
      }
    }).observe({ type: 'layout-shift', buffered: true });
  });
  await page.goto(`${server.url}/recorded-form.html?start=load`);

  // No policy at all: the recorder seen on the page is what makes capture active here.
  // The first policy read after the browser starts takes about 3 s.
  await expect
    .poll(async () => (await badgeOf(worker, page)).text, { timeout: 15_000 })
    .toBe('REC');
  await expect(page.locator('#ssn')).toHaveAttribute('data-tally-shield', 'mask');
  await expect(page.locator('#dx')).toHaveAttribute('data-tally-shield', 'blur');
  await expect(page.locator('#city')).not.toHaveAttribute('data-tally-shield');

  await expect.poll(() => bannerText(page)).toContain('Recording here: rrweb');
  const text = (await bannerText(page)) ?? '';
  expect(text).toContain('Capture is on');
  expect(text).toMatch(/National ID \(1\)/);
  expect(text).toMatch(/Health data \(2\)/);
  expect(text).toContain('hides their contents on screen');

  // On screen: dots and blur while not focused; the value itself is untouched; focus shows it.
  const look = () =>
    page.evaluate(() => {
      const ssn = document.getElementById('ssn') as HTMLInputElement;
      const dx = getComputedStyle(document.getElementById('dx') as HTMLElement);
      const s = getComputedStyle(ssn) as CSSStyleDeclaration & { webkitTextSecurity?: string };
      return { ssn: s.webkitTextSecurity, dx: dx.filter, value: ssn.value };
    });
  expect(await look()).toEqual({
    ssn: 'disc',
    dx: expect.stringMatching(/^blur\(\d/),
    value: '401-62-9937',
  });
  await page.locator('#ssn').focus();
  expect((await look()).ssn).toBe('none');
  await page.locator('#ssn').press('End');
  await page.locator('#ssn').pressSequentially('0');
  expect((await look()).value).toBe('401-62-99370');
  await page.locator('#city').focus();
  expect((await look()).ssn).toBe('disc');

  expect(await page.evaluate(() => (window as unknown as { shifts: number }).shifts)).toBe(0);
  const title = (await badgeOf(worker, page)).title;
  expect(title).toContain('ACTIVE');
});

test('the banner pauses for real on a trusted click only; the shield and banner then go', async ({
  page,
  server,
  worker,
}) => {
  await serveRrweb(page);
  await page.goto(`${server.url}/recorded-form.html?start=load`);
  await expect.poll(() => bannerText(page)).toContain('Pause 30 min');

  // A script's click (not the user's) is ignored, whoever sends it.
  await inIsolatedWorld(
    page,
    `__tallyBanner().querySelector('button[data-action="pause"]').click()`,
  );
  await page.waitForTimeout(500);
  expect(await worker.evaluate(() => chrome.storage.local.get('pause'))).not.toHaveProperty(
    'pause.current.endsAt',
  );

  const { x, y } = await bannerButton(page, 'pause');
  await page.mouse.click(x, y);
  await expect
    .poll(async () => (await worker.evaluate(() => chrome.storage.local.get('pause'))).pause)
    .toMatchObject({ current: { endsAt: expect.any(Number) } });
  const { pause } = (await worker.evaluate(() => chrome.storage.local.get('pause'))) as {
    pause: { current: { startedAt: number; endsAt: number } };
  };
  expect(pause.current.endsAt - pause.current.startedAt).toBe(30 * 60_000);

  await expect(page.locator('#ssn')).not.toHaveAttribute('data-tally-shield');
  await expect.poll(() => bannerText(page)).toBeNull();
  await expect.poll(async () => (await badgeOf(worker, page)).text).toMatch(/^(30|29)m$/);
  // Markers stay during a pause: they only ever keep a value out of a recording.
  await expect(page.locator('#ssn')).toHaveAttribute('data-rr-is-password', 'true');
});

test('the banner works by keyboard: "Why?" opens the reasons, "Show" reveals the values', async ({
  page,
  server,
}) => {
  await serveRrweb(page);
  await page.goto(`${server.url}/recorded-form.html?start=load`);
  await expect.poll(() => bannerText(page)).toContain('Why?');
  const focusedAction = () =>
    inIsolatedWorld<string | null>(
      page,
      `__tallyBanner()?.activeElement?.getAttribute('data-action') ?? null`,
    );

  // The banner comes last in the page's tab order; Tab reaches each of its buttons.
  await page.locator('#member').focus();
  const seen: string[] = [];
  for (let i = 0; i < 8 && !seen.includes('why'); i++) {
    await page.keyboard.press('Tab');
    const action = await focusedAction();
    if (action) seen.push(action);
  }
  expect(seen).toEqual(['pause', 'why']);
  await page.keyboard.press('Enter');
  await expect.poll(() => bannerText(page)).toContain('label says');
  expect(await focusedAction()).toBe('why');
  const expanded = await inIsolatedWorld(
    page,
    `__tallyBanner().querySelector('[data-action="why"]').getAttribute('aria-expanded')`,
  );
  expect(expanded).toBe('true');

  await page.keyboard.press('Tab');
  expect(await focusedAction()).toBe('reveal');
  await page.keyboard.press('Enter');
  await expect(page.locator('#ssn')).toHaveAttribute('data-tally-shield', 'revealed');
  expect(await focusedAction()).toBe('reveal');
  await expect.poll(() => bannerText(page)).toContain('Hide values again');

  // Assistive technology sees a named region with a polite status line.
  const session = await page.context().newCDPSession(page);
  const { nodes } = (await session.send('Accessibility.getFullAXTree')) as {
    nodes: Array<{ role?: { value?: string }; name?: { value?: string } }>;
  };
  const roles = nodes.map((n) => `${n.role?.value}:${n.name?.value ?? ''}`);
  expect(roles).toContain('region:Tally: capture warning');
  expect(roles.some((r) => r.startsWith('status:'))).toBe(true);
});

test('dismissing the banner holds for the site for the session; the fields stay shielded', async ({
  page,
  server,
}) => {
  await serveRrweb(page);
  await page.goto(`${server.url}/recorded-form.html?start=load`);
  await expect.poll(() => bannerText(page)).toContain('Dismiss on this site');
  // Aim once the banner has named the recorder, as a person would: a line added after the button
  // was measured can move it. (A re-draw while the button is held waits: banner.test.ts.)
  await expect.poll(() => bannerText(page)).toContain('rrweb');
  const { x, y } = await bannerButton(page, 'dismiss');
  await page.mouse.click(x, y);
  await expect.poll(() => bannerText(page)).toBeNull();

  await page.reload();
  await expect(page.locator('#ssn')).toHaveAttribute('data-tally-shield', 'mask');
  await page.waitForTimeout(1000);
  expect(await bannerText(page)).toBeNull();
});

test('a click on the banner lands even when the page changes while the button is held', async ({
  page,
  server,
}) => {
  await serveRrweb(page);
  await page.goto(`${server.url}/recorded-form.html?start=load`);
  await expect.poll(() => bannerText(page)).toContain('rrweb');
  const { x, y } = await bannerButton(page, 'dismiss');
  await page.mouse.move(x, y);
  await page.mouse.down();
  // A new sensitive field changes what the banner says (≈ 250 ms to arrive) while the button is
  // held; the release must still click the button that was pressed.
  await page.evaluate(() =>
    document
      .querySelector('form')
      ?.insertAdjacentHTML(
        'beforeend',
        '<p><label for="ssn2">Spouse\'s Social Security number</label><input id="ssn2"></p>',
      ),
  );
  await expect(page.locator('#ssn2')).toHaveAttribute('data-tally-sensitive', 'national-id');
  await page.waitForTimeout(500);
  await page.mouse.up();
  await expect.poll(() => bannerText(page)).toBeNull();
});

test('a field recognised only from what was typed, with a recorder running: the banner says so', async ({
  page,
  server,
}) => {
  await serveRrweb(page);
  await page.goto(`${server.url}/late-catch.html`);
  await page.locator('#notes').pressSequentially('my SSN is 401-62-9937 ');
  await expect(page.locator('#notes')).toHaveAttribute('data-tally-sensitive', 'national-id');
  await expect
    .poll(() => bannerText(page))
    .toContain('part of its value may already have been captured');
});

test('recorders are named from their globals and from requests to their ingest hosts', async ({
  page,
  server,
  worker,
}) => {
  await page.goto(`${server.url}/recorder-globals.html`);
  // The first policy read after the browser starts takes about 3 s.
  await expect
    .poll(async () => (await badgeOf(worker, page)).text, { timeout: 15_000 })
    .toBe('REC');
  await expect.poll(() => bannerText(page)).toContain('Recording here: Hotjar');
});

test('a request to a recorder ingest host names the recorder (webRequest, not page scripts)', async ({
  server,
}) => {
  // Datadog's ingest host, resolved to the local server: the request is real, the vendor is not.
  const { port } = new URL(server.url);
  const launched = await launchWithExtension({
    extraArgs: ['--host-resolver-rules=MAP browser-intake-datadoghq.com 127.0.0.1'],
  });
  try {
    const { context } = launched;
    const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
    // The worker has run its start-up (and registered its request listener): a request made
    // while a freshly launched browser is still starting the extension is not delivered later.
    await worker.evaluate(() => true);
    const page = await context.newPage();
    // A path no URL rule knows (not /api/v2/replay): only the host says whose it is, and only
    // the background's request watch sees hosts.
    const ingest = `http://browser-intake-datadoghq.com:${port}/api/v2/rum`;
    await page.goto(`${server.url}/recorder-globals.html?ingest=${encodeURIComponent(ingest)}`);
    await expect(page.locator('#network-status')).toHaveText('sent');
    const tabId = await tabIdOf(worker, page);
    // First what the background noted (the request, by host), then what the page was told.
    await expect
      .poll(() => worker.evaluate((id) => chrome.storage.session.get(`net-recorders:${id}`), tabId))
      .toEqual({ [`net-recorders:${tabId}`]: [{ id: 'datadog-rum', at: expect.any(Number) }] });
    await expect
      .poll(() => bannerText(page), { timeout: 15_000 })
      .toContain('Recording here: Hotjar, Datadog RUM');
  } finally {
    await launched.close();
  }
});

/** How the banner looks from Tally's world: where it sits, its direction and its text contrast. */
interface BannerLook {
  left: number;
  right: number;
  width: number;
  viewport: number;
  direction: string;
  lang: string;
  contrasts: number[];
}

// WCAG contrast of each text part against the banner's own background (all opaque colours).
const READ_BANNER_LOOK = `(() => {
  const root = __tallyBanner();
  if (!root) return null;
  const rgb = (c) => (c.match(/[\\d.]+/g) || []).slice(0, 3).map(Number);
  const lum = (c) => {
    const [r, g, b] = rgb(c).map((v) => { v /= 255; return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4; });
    return 0.2126 * r + 0.7152 * g + 0.0722 * b;
  };
  const ratio = (a, b) => { const [x, y] = [lum(a), lum(b)].sort((p, q) => q - p); return (x + 0.05) / (y + 0.05); };
  const section = root.querySelector('section');
  const back = getComputedStyle(section).backgroundColor;
  const contrasts = [section, ...section.querySelectorAll('p, button:not(.primary)')].map((el) =>
    ratio(getComputedStyle(el).color, back));
  const primary = section.querySelector('button.primary');
  if (primary) { const s = getComputedStyle(primary); contrasts.push(ratio(s.color, s.backgroundColor)); }
  const box = section.getBoundingClientRect();
  return { left: box.left, right: box.right, width: box.width, viewport: innerWidth,
    direction: getComputedStyle(section).direction, lang: section.lang, contrasts };
})()`;

for (const scheme of ['light', 'dark'] as const) {
  test(`on a dark right-to-left page that restyles everything, the banner stays readable (${scheme} scheme)`, async ({
    page,
    server,
  }, testInfo) => {
    await serveRrweb(page);
    await page.emulateMedia({ colorScheme: scheme });
    await page.goto(`${server.url}/hostile-rtl-dark.html`);
    await expect(page.locator('#ssn')).toHaveAttribute('data-tally-sensitive', 'national-id');
    await expect.poll(() => bannerText(page), { timeout: 15_000 }).toContain('rrweb');

    const look = await inIsolatedWorld<BannerLook | null>(page, READ_BANNER_LOOK);
    expect(look).not.toBeNull();
    const { left, right, width, viewport, direction, lang, contrasts } = look as BannerLook;
    // Shown despite `* { all: unset !important }` and rules hiding the page's last div.
    expect(width).toBeGreaterThan(200);
    // On a right-to-left page the banner sits at the page's inline end (the left), while its
    // English text reads left to right.
    expect(direction).toBe('ltr');
    expect(lang).toMatch(/^en/);
    expect(left).toBeLessThan(viewport / 2);
    expect(right).toBeLessThan(viewport);
    // Every text part meets WCAG AA (4.5:1) against Tally's own opaque palette.
    expect(contrasts.length).toBeGreaterThan(4);
    for (const c of contrasts) expect(c).toBeGreaterThanOrEqual(4.5);

    const shot = testInfo.outputPath(`banner-rtl-${scheme}.png`);
    await page.screenshot({ path: shot });
    await testInfo.attach(`banner-rtl-${scheme}`, { path: shot, contentType: 'image/png' });
  });
}
