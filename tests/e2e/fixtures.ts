import {
  test as base,
  expect,
  type BrowserContext,
  type Page,
  type Worker,
} from '@playwright/test';
import { resolve } from 'node:path';
import { launchWithExtension } from '../support/launch-extension.mjs';
import { startStaticServer } from '../support/static-server.mjs';

export const PAGES_DIR = resolve(import.meta.dirname, '../fixtures/pages');

interface ExtensionFixtures {
  context: BrowserContext;
  extensionId: string;
  worker: Worker;
  page: Page;
}

/**
 * The fixture pages over HTTP, one server per Playwright worker: it outlives every browser that
 * holds keep-alive connections to it (closing it per test would wait for those to time out).
 */
type ServerFixture = (
  fixtures: object,
  use: (server: { url: string }) => Promise<void>,
) => Promise<void>;
export const staticServer: [ServerFixture, { scope: 'worker' }] = [
  // Playwright reads a fixture's dependencies from its first parameter: it must be a pattern.
  // eslint-disable-next-line no-empty-pattern
  async ({}, use) => {
    const server = await startStaticServer(PAGES_DIR);
    await use(server);
    await server.close();
  },
  { scope: 'worker' },
];

/** Tests run against the production build (.output/chrome-mv3), each in a fresh profile. */
export const test = base.extend<ExtensionFixtures, { server: { url: string } }>({
  server: staticServer,
  // eslint-disable-next-line no-empty-pattern
  context: async ({}, use) => {
    const launched = await launchWithExtension();
    await use(launched.context);
    await launched.close();
  },
  extensionId: async ({ worker }, use) => {
    await use(new URL(worker.url()).host);
  },
  worker: async ({ context }, use) => {
    const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
    await use(worker);
  },
  page: async ({ context }, use) => {
    await use(await context.newPage());
  },
});

export { expect };

/** Each field's expected category (data-expect) next to what Tally flagged, across all frames. */
export async function expectationsVersusFlags(page: Page) {
  const rows: Array<{ frame: string; field: string; expected: string; got: string }> = [];
  for (const frame of page.frames()) {
    const found = await frame
      .evaluate(() => {
        const out: Array<{ field: string; expected: string; got: string }> = [];
        const visit = (root: Document | ShadowRoot) => {
          for (const el of root.querySelectorAll('[data-expect]')) {
            out.push({
              field: el.id || el.getAttribute('name') || el.localName,
              expected: el.getAttribute('data-expect') ?? 'none',
              got: el.getAttribute('data-tally-sensitive') ?? 'none',
            });
          }
          for (const host of root.querySelectorAll('*')) {
            if (host.shadowRoot) visit(host.shadowRoot);
          }
        };
        visit(document);
        // Closed roots are out of a page script's reach; a fixture that makes them lists them
        // here so that the fields inside are scored too.
        const closed = (window as unknown as { __testClosedRoots?: ShadowRoot[] })
          .__testClosedRoots;
        for (const root of closed ?? []) visit(root);
        return out;
      })
      .catch(() => []);
    for (const row of found) rows.push({ frame: frame.url(), ...row });
  }
  return rows;
}

/** The tab id of a page, asked of the background worker (waiting until the tab is known to it). */
export async function tabIdOf(worker: Worker, page: Page): Promise<number> {
  const url = page.url();
  const find = () =>
    worker.evaluate(async (u) => (await chrome.tabs.query({})).find((t) => t.url === u)?.id, url);
  await expect.poll(find, { message: `no tab for ${url}` }).toBeDefined();
  const id = await find();
  if (id === undefined) throw new Error(`no tab for ${url}`);
  return id;
}

/** Waits until the background has stored findings for a tab (the content script reports in batches). */
export async function waitForTabFindings(worker: Worker, tabId: number): Promise<void> {
  await expect
    .poll(async () => JSON.stringify(await worker.evaluate(() => chrome.storage.session.get(null))))
    .toContain(`findings:${tabId}`);
}

/**
 * The extension's session and local storage as one string, to look for what must not be there.
 * Clock readings (numbers of milliseconds since 1970, as Tally stores times) are written as
 * "<clock>": a stored time such as 1796449937527 would otherwise hold a typed fragment like "9937"
 * by chance. Only numbers that large are masked; strings are kept whole.
 */
export function extensionStorage(worker: Worker): Promise<string> {
  return worker.evaluate(async () =>
    JSON.stringify(
      [await chrome.storage.session.get(null), await chrome.storage.local.get(null)],
      (_key, value: unknown) => (typeof value === 'number' && value >= 1e12 ? '<clock>' : value),
    ),
  );
}
