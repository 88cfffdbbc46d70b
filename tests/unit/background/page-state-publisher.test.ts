import { describe, expect, it } from 'vitest';
import { PageStatePublisher, siteOf } from '@/entrypoints/background/page-state-publisher';
import { TabFindingsStore } from '@/entrypoints/background/tab-findings-store';
import { EMPTY_FINDINGS } from '@/utils/findings/frame-findings';
import type { BackgroundToContent } from '@/utils/messages/background-to-content';
import { PageStateSchema } from '@/utils/page-state/page-state.schema';
import { resolvePolicy } from '@/utils/policy/effective-policy';
import type { Snapshot } from '@/utils/state/snapshot';
import { memoryStorage } from '../../support/memory-storage';

const NOW = Date.UTC(2026, 10, 23, 12);

function publisher(pause: Snapshot['pause']['current'] = null) {
  const session = memoryStorage();
  const findings = new TabFindingsStore(session);
  const sent: Array<[number, BackgroundToContent]> = [];
  const tabs: Record<number, string> = { 1: 'https://hr.example.test/w4', 2: 'chrome://settings' };
  const snapshot = async () =>
    ({
      policy: resolvePolicy({ managed: undefined, demoEnabled: false }),
      pause: { current: pause, history: [], lastEndedAt: undefined },
    }) as unknown as Snapshot;
  const pages = new PageStatePublisher({
    snapshot,
    now: () => NOW,
    findings,
    session,
    tabs: {
      get: async (id) => {
        if (!(id in tabs)) throw new Error('No tab');
        return { url: tabs[id] };
      },
      query: async () => [{ id: 1 }, { id: 2 }, { id: 9 }],
      sendMessage: async (id, message) => {
        if (id === 2) throw new Error('no receiving end');
        sent.push([id, message]);
      },
    },
  });
  return { pages, findings, sent };
}

describe('PageStatePublisher', () => {
  it('sends each tab its state, built from its findings and recorders', async () => {
    const { pages, findings, sent } = publisher();
    await findings.putFrame(1, 0, {
      ...EMPTY_FINDINGS,
      counts: { ...EMPTY_FINDINGS.counts, 'national-id': 1 },
      recorders: ['posthog'],
    });
    await pages.publishAll();
    // Tab 2 has no content script and tab 9 is gone: neither breaks the others.
    expect(sent.map(([id]) => id)).toEqual([1]);
    const state = sent[0]?.[1].state;
    expect(PageStateSchema.safeParse(state).success).toBe(true);
    expect(state).toMatchObject({
      capture: 'active',
      recorders: ['PostHog'],
      shield: { fields: true },
      pauseMinutes: 30,
      bannerDismissed: false,
    });
  });

  it('remembers a dismissal per site, for the session', async () => {
    const { pages } = publisher();
    await pages.dismissBanner('https://hr.example.test/other-page');
    expect((await pages.stateFor(1, 'https://hr.example.test/w4')).bannerDismissed).toBe(true);
    expect((await pages.stateFor(1, 'https://payroll.example.test/')).bannerDismissed).toBe(false);
    // Pages without an origin of their own are never remembered.
    await pages.dismissBanner('data:text/html,hi');
    await pages.dismissBanner(undefined);
    expect(siteOf('data:text/html,hi')).toBeUndefined();
    expect(siteOf('not a url')).toBeUndefined();
  });

  it('turns the shield off during a pause', async () => {
    const { pages, findings } = publisher({
      startedAt: NOW - 60_000,
      endsAt: NOW + 60_000,
      minutes: 2,
    } as never);
    await findings.putFrame(1, 0, { ...EMPTY_FINDINGS, recorders: ['rrweb'] });
    const state = await pages.stateFor(1, 'https://hr.example.test/w4');
    expect(state.capture).toBe('paused');
    expect(state.shield.fields).toBe(false);
  });
});
