import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { browser } from 'wxt/browser';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { handleMessage, type BackgroundServices } from '@/entrypoints/background/message-router';
import { TabFindingsStore, type StorageArea } from '@/entrypoints/background/tab-findings-store';
import { EMPTY_FINDINGS, type FrameFindings } from '@/utils/findings/frame-findings';

/** An in-memory storage area with the same contract as browser.storage.session. */
function memoryArea(): StorageArea & { data: Map<string, unknown> } {
  const data = new Map<string, unknown>();
  return {
    data,
    get: async (key) => (data.has(key) ? { [key]: structuredClone(data.get(key)) } : {}),
    set: async (items) => {
      // Yield first, as a real storage call does, so interleaved writes would show.
      await new Promise((resolve) => setTimeout(resolve, 0));
      for (const [k, v] of Object.entries(items)) data.set(k, structuredClone(v));
    },
    remove: async (keys) => {
      for (const key of typeof keys === 'string' ? [keys] : keys) data.delete(key);
    },
  };
}

const findings = (nationalIds: number): FrameFindings => ({
  ...EMPTY_FINDINGS,
  counts: { ...EMPTY_FINDINGS.counts, 'national-id': nationalIds },
  fields: Array.from({ length: nationalIds }, () => ({
    category: 'national-id' as const,
    confidence: 0.95,
    reasons: ['label says "SSN"'],
    byValue: false,
  })),
});

describe('message router', () => {
  let services: BackgroundServices;
  const origin = 'chrome-extension://tally-test';
  const fromTab = (tabId: number, frameId = 0) => ({
    id: browser.runtime.id,
    tab: { id: tabId } as never,
    frameId,
    url: 'https://example.test/form',
  });
  const fromPopup = { id: browser.runtime.id, url: `${origin}/popup.html` };

  beforeEach(() => {
    fakeBrowser.reset();
    vi.stubGlobal('location', { origin });
    services = { findings: new TabFindingsStore(memoryArea()) };
  });
  afterEach(() => vi.unstubAllGlobals());

  it('stores a content script report and gives it to the popup, merged over frames', async () => {
    await handleMessage(
      { type: 'content/frame-findings', findings: findings(2) },
      fromTab(7, 0),
      services,
    );
    await handleMessage(
      { type: 'content/frame-findings', findings: findings(1) },
      fromTab(7, 3),
      services,
    );
    const answer = await handleMessage(
      { type: 'popup/get-tab-findings', tabId: 7 },
      fromPopup,
      services,
    );
    expect(answer).toMatchObject({
      ok: true,
      frames: 2,
      findings: { counts: { 'national-id': 3 } },
    });
  });

  it('keeps every frame when frames report at the same moment', async () => {
    await Promise.all(
      [0, 1, 2, 3, 4].map((frame) =>
        handleMessage(
          { type: 'content/frame-findings', findings: findings(1) },
          fromTab(9, frame),
          services,
        ),
      ),
    );
    const answer = await handleMessage(
      { type: 'popup/get-tab-findings', tabId: 9 },
      fromPopup,
      services,
    );
    expect(answer).toMatchObject({ ok: true, frames: 5 });
  });

  it('drops messages from other extensions, malformed reports and unknown types', async () => {
    const foreign = { ...fromTab(1), id: 'someone-else' };
    expect(
      await handleMessage(
        { type: 'content/frame-findings', findings: findings(1) },
        foreign,
        services,
      ),
    ).toEqual({
      ok: false,
      error: 'foreign sender',
    });
    const bad = {
      type: 'content/frame-findings',
      findings: { ...findings(1), counts: { 'national-id': -1 } },
    };
    expect(await handleMessage(bad, fromTab(1), services)).toMatchObject({ ok: false });
    expect(await handleMessage({ type: 'popup/pause' }, fromPopup, services)).toMatchObject({
      ok: false,
    });
    expect(await handleMessage('hello', fromTab(1), services)).toMatchObject({ ok: false });
    const answer = await handleMessage(
      { type: 'popup/get-tab-findings', tabId: 1 },
      fromPopup,
      services,
    );
    expect(answer).toMatchObject({ ok: true, frames: 0 });
  });

  it('refuses a content script that asks for a tab’s findings, and a report not from a tab', async () => {
    await handleMessage(
      { type: 'content/frame-findings', findings: findings(1) },
      fromTab(4),
      services,
    );
    expect(await handleMessage({ type: 'popup/resume' }, fromTab(5), services)).toEqual({
      ok: false,
      error: 'not allowed from this sender',
    });
    expect(
      await handleMessage({ type: 'popup/get-tab-findings', tabId: 4 }, fromTab(5), services),
    ).toEqual({
      ok: false,
      error: 'not allowed from this sender',
    });
    expect(
      await handleMessage(
        { type: 'content/frame-findings', findings: findings(1) },
        fromPopup,
        services,
      ),
    ).toEqual({ ok: false, error: 'not from a tab' });
  });

  it('forgets a tab', async () => {
    await handleMessage(
      { type: 'content/frame-findings', findings: findings(1) },
      fromTab(6),
      services,
    );
    await services.findings.forgetTab(6);
    const answer = await handleMessage(
      { type: 'popup/get-tab-findings', tabId: 6 },
      fromPopup,
      services,
    );
    expect(answer).toMatchObject({ ok: true, frames: 0 });
  });

  it('names a tab’s recorders from its frames and its requests, and says when that changes', async () => {
    const changed: number[] = [];
    services = { ...services, onTabRecordersChanged: (tabId) => changed.push(tabId) };
    const report = (recorders: FrameFindings['recorders'], frame = 0) =>
      handleMessage(
        { type: 'content/frame-findings', findings: { ...findings(1), recorders } },
        fromTab(4, frame),
        services,
      );
    await report(['hotjar']);
    await report(['hotjar']);
    expect(changed).toEqual([4]);
    expect(await services.findings.putObservedRecorder(4, 'datadog-rum', 1000)).toBe(true);
    expect(await services.findings.putObservedRecorder(4, 'datadog-rum', 1000)).toBe(false);
    // Already named by a frame: no news.
    expect(await services.findings.putObservedRecorder(4, 'hotjar', 1000)).toBe(false);
    await report(['rrweb'], 2);
    expect(changed).toEqual([4, 4]);
    const answer = await handleMessage(
      { type: 'popup/get-tab-findings', tabId: 4 },
      fromPopup,
      services,
    );
    expect(answer).toMatchObject({ findings: { recorders: ['rrweb', 'hotjar', 'datadog-rum'] } });
    // A report naming an unknown recorder is refused whole.
    expect(
      await handleMessage(
        { type: 'content/frame-findings', findings: { ...findings(1), recorders: ['spyware'] } },
        fromTab(4),
        services,
      ),
    ).toMatchObject({ ok: false });
    // A navigation keeps only what the new page sent (requests since the grace time).
    await services.findings.putObservedRecorder(4, 'posthog', 5000);
    await services.findings.newPage(4, 2000);
    const next = await handleMessage(
      { type: 'popup/get-tab-findings', tabId: 4 },
      fromPopup,
      services,
    );
    expect(next).toMatchObject({ frames: 0, findings: { recorders: ['posthog'] } });
    await services.findings.forgetTab(4);
    const after = await handleMessage(
      { type: 'popup/get-tab-findings', tabId: 4 },
      fromPopup,
      services,
    );
    expect(after).toMatchObject({ findings: { recorders: [] } });
  });

  it('lets the banner pause and dismiss, checking the length and taking the site from the tab', async () => {
    const started: Array<[number, string]> = [];
    const dismissed: Array<string | undefined> = [];
    services = {
      ...services,
      pause: {
        start: async (minutes: number, via: string) => {
          started.push([minutes, via]);
          return { ok: true };
        },
      } as never,
      pages: {
        dismissBanner: async (url: string | undefined) => void dismissed.push(url),
        publish: async () => undefined,
      } as never,
    };
    const sender = { ...fromTab(3), tab: { id: 3, url: 'https://hr.example.test/w4' } as never };
    expect(await handleMessage({ type: 'content/pause', minutes: 30 }, sender, services)).toEqual({
      ok: true,
    });
    expect(started).toEqual([[30, 'banner']]);
    // Longer than the banner ever offers, or not a number: refused before the controller.
    for (const minutes of [600, -1, '30']) {
      expect(
        await handleMessage({ type: 'content/pause', minutes }, sender, services),
      ).toMatchObject({
        ok: false,
      });
    }
    expect(started).toHaveLength(1);
    // The page cannot choose which site is dismissed: extra fields are ignored.
    await handleMessage(
      { type: 'content/dismiss-banner', site: 'https://other.test' },
      sender,
      services,
    );
    expect(dismissed).toEqual(['https://hr.example.test/w4']);
    // The popup's messages are not the banner's: a content script cannot resume a pause.
    expect(await handleMessage({ type: 'popup/resume' }, sender, services)).toMatchObject({
      ok: false,
    });
  });
});

describe('mutation responses', () => {
  it('keep what each answer carries when checked on the popup side', async () => {
    const { MutationResponseSchema } = await import('@/utils/messages/popup-to-background');
    const sent = { ok: true, outcome: { kind: 'sent', status: 201 } };
    expect(MutationResponseSchema.parse(sent)).toEqual(sent);
    const refused = { ok: false, refusal: { reason: 'cooldown', until: 5 } };
    expect(MutationResponseSchema.parse(refused)).toEqual(refused);
    expect(MutationResponseSchema.parse({ ok: true })).toEqual({ ok: true });
  });
});
