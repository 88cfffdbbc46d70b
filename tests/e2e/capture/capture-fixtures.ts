import {
  test as base,
  expect,
  type BrowserContext,
  type Page,
  type Worker,
} from '@playwright/test';
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { extensionForSlot } from '../../support/extension-slots.mjs';
import { launchWithExtension } from '../../support/launch-extension.mjs';
import { installPolicy, PINNED_EXTENSION_ID, removePolicy } from '../../support/managed-policy.mjs';
import { registerReferenceAgent, type AgentControl } from '../../support/reference-agent.mjs';
import { staticServer, tabIdOf } from '../fixtures';

export const SCREENSHOT_DIR = resolve(import.meta.dirname, '../../../test-results/popup-states');

interface Browser {
  context: BrowserContext;
  worker: Worker;
  extensionId: string;
  close: () => Promise<void>;
}

interface CaptureWorkerFixtures {
  server: { url: string };
  /** This worker's build and extension id (tests/support/extension-slots.mjs). */
  slotExtension: { dir: string; id: string };
}

interface CaptureFixtures {
  /** Tally's managed policy for this test (null: none). Installed before the browser starts. */
  policy: Record<string, unknown> | null;
  /** The browser's UI language (undefined: the system's). */
  language: string | undefined;
  /** Extra Chromium switches (a proxy, for instance). */
  browserArgs: string[];
  /** The unpacked extension to load (this worker's build, or a copy for tests that update it). */
  extensionDir: string;
  /** What the reference capture agent reports; null: no agent registered in the profile. */
  agentControl: AgentControl | null;
  /** The registered reference agent's log and control file (null when none is registered). */
  referenceAgent: Awaited<ReturnType<typeof registerReferenceAgent>> | null;
  profileDir: string;
  /** Starts Chromium on this test's profile; call again after closing to restart the browser. */
  launch: () => Promise<Browser>;
  browserUnderTest: Browser;
}

/**
 * Tests of capture status read a real enterprise policy, which lives in one system-wide
 * directory keyed by extension id. Each worker loads the build under an id of its own (its
 * slot), so two workers run these tests at once; each test installs its policy for that id first.
 */
export const test = base.extend<CaptureFixtures, CaptureWorkerFixtures>({
  policy: [null, { option: true }],
  language: [undefined, { option: true }],
  browserArgs: [[], { option: true }],
  slotExtension: [
    // eslint-disable-next-line no-empty-pattern
    async ({}, use, workerInfo) => {
      const slot = await extensionForSlot(workerInfo.parallelIndex);
      if (workerInfo.parallelIndex === 0) {
        expect(slot.id, 'the shipped build keeps the pinned id').toBe(PINNED_EXTENSION_ID);
      }
      await use({ dir: slot.dir, id: slot.id });
      await removePolicy(slot.id);
      await slot.dispose();
    },
    { scope: 'worker' },
  ],
  extensionDir: [async ({ slotExtension }, use) => use(slotExtension.dir), { option: true }],
  agentControl: [null, { option: true }],
  referenceAgent: async ({ profileDir, agentControl, slotExtension }, use) => {
    await use(
      agentControl === null
        ? null
        : await registerReferenceAgent(profileDir, agentControl, slotExtension.id),
    );
  },
  server: staticServer,
  // eslint-disable-next-line no-empty-pattern
  profileDir: async ({}, use) => {
    const dir = await mkdtemp(join(tmpdir(), 'tally-capture-'));
    await use(dir);
    await rm(dir, { recursive: true, force: true });
  },
  // referenceAgent is asked for so that the agent is registered before the browser starts.
  launch: async (
    { policy, profileDir, language, browserArgs, extensionDir, slotExtension, referenceAgent },
    use,
  ) => {
    void referenceAgent;
    if (policy === null) await removePolicy(slotExtension.id);
    else await installPolicy(policy, slotExtension.id);
    const open: Browser[] = [];
    await use(async () => {
      const launched = await launchWithExtension({
        userDataDir: profileDir,
        language,
        extraArgs: browserArgs,
        extensionDir,
      });
      const worker =
        launched.context.serviceWorkers()[0] ??
        (await launched.context.waitForEvent('serviceworker'));
      expect(launched.extensionId, 'the manifest key pins the extension id').toBe(slotExtension.id);
      const browser = {
        context: launched.context,
        worker,
        extensionId: launched.extensionId ?? '',
        close: launched.close,
      };
      open.push(browser);
      return browser;
    });
    for (const browser of open) await browser.close().catch(() => undefined);
    await removePolicy(slotExtension.id);
  },
  browserUnderTest: async ({ launch }, use) => {
    await use(await launch());
  },
});
export { expect, tabIdOf };

/** Opens the demo page in a new tab of `browser`; returns the page and its tab id. */
export async function openDemoTab(
  { context, worker }: Pick<Browser, 'context' | 'worker'>,
  server: { url: string },
): Promise<{ page: Page; tabId: number }> {
  const page = await context.newPage();
  await page.goto(`${server.url}/demo.html`);
  return { page, tabId: await tabIdOf(worker, page) };
}

/** What the toolbar shows for a tab: badge text and tooltip. */
export async function toolbarOf(
  worker: Worker,
  tabId: number,
): Promise<{ text: string; title: string }> {
  return worker.evaluate(
    async (id) => ({
      text: await chrome.action.getBadgeText({ tabId: id }),
      title: await chrome.action.getTitle({ tabId: id }),
    }),
    tabId,
  );
}

/** Opens the popup for a tab, in a page of its own (popup.html?tab=<id>). */
export async function openPopup(
  context: BrowserContext,
  extensionId: string,
  tabId: number,
): Promise<Page> {
  const popup = await context.newPage();
  await popup.setViewportSize({ width: 400, height: 800 });
  await popup.goto(`chrome-extension://${extensionId}/popup.html?tab=${tabId}`);
  await expect(popup.getByTestId('status')).toBeVisible({ timeout: 15_000 });
  return popup;
}

export async function screenshot(page: Page, name: string): Promise<void> {
  await mkdir(SCREENSHOT_DIR, { recursive: true });
  await page.screenshot({ path: join(SCREENSHOT_DIR, `${name}.png`), fullPage: true });
}

export async function storedLocal(worker: Worker): Promise<Record<string, unknown>> {
  return worker.evaluate(() => chrome.storage.local.get(null));
}

interface StoredPause {
  current: { startedAt: number; endsAt: number; minutes: number } | null;
}
interface AuditRow {
  kind: string;
  at: number;
  endedAt?: number;
}

/**
 * The pause the worker has stored. Callers ask right after clicking a pause button, and the
 * popup's message may not have reached the worker yet: it is given up to `withinMs` to appear.
 */
export async function runningPause(
  worker: Worker,
  withinMs = 5_000,
): Promise<NonNullable<StoredPause['current']>> {
  const giveUpAt = Date.now() + withinMs;
  for (;;) {
    const { pause } = (await storedLocal(worker)) as { pause?: StoredPause };
    if (pause?.current) return pause.current;
    if (Date.now() >= giveUpAt) throw new Error('no pause running');
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

export async function waitUntil(epoch: number): Promise<void> {
  const wait = epoch - Date.now();
  if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
}

/** The background recorded the end at its due time: proof the alarm woke it, not the test. */
export async function expectEndedOnTime(worker: Worker, endsAt: number): Promise<void> {
  const { audit, pause } = (await storedLocal(worker)) as { audit: AuditRow[]; pause: StoredPause };
  expect(pause.current).toBeNull();
  const ended = audit.filter((row) => row.kind === 'pause-ended');
  expect(ended).toHaveLength(1);
  expect(ended[0]?.endedAt).toBe(endsAt);
  // Chromium fires alarms on a one-second timer; allow for that and a slow machine.
  expect(ended[0]?.at ?? 0).toBeGreaterThanOrEqual(endsAt);
  expect((ended[0]?.at ?? 0) - endsAt).toBeLessThan(2500);
}

/** Adds a labelled text field to the end of the page, as a script rendering late would. */
export async function addLabelledField(page: Page, id: string, labelText: string): Promise<void> {
  await page.evaluate(
    ([fieldId, text]) => {
      const label = document.createElement('label');
      label.htmlFor = fieldId;
      label.textContent = text;
      const input = document.createElement('input');
      input.id = fieldId;
      document.body.append(label, input);
    },
    [id, labelText] as const,
  );
}
