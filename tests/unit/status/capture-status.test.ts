import { describe, expect, it } from 'vitest';
import { readLinkState, type AgentLinkState } from '@/utils/agent/agent-link-state';
import { badgeView } from '@/utils/badge/badge-view';
import { resolvePolicy } from '@/utils/policy/effective-policy';
import { captureStatus, type TabSignals } from '@/utils/status/capture-status';
import { translateEnglish } from '../../support/translate-en';

const NOW = Date.UTC(2026, 10, 23, 10);
const MINUTE = 60_000;
const tab = (over: Partial<TabSignals> = {}): TabSignals => ({
  url: 'https://app.example.com/form',
  recorders: [],
  ...over,
});
const policy = (managed: unknown) => resolvePolicy({ managed, demoEnabled: false });
const running = { startedAt: NOW - 5 * MINUTE, endsAt: NOW + 25 * MINUTE, minutes: 30 };

describe('captureStatus', () => {
  it('is unknown with no policy and nothing seen, and says why', () => {
    const status = captureStatus({ policy: policy({}), pause: null, tab: tab(), now: NOW });
    expect(status).toMatchObject({ state: 'unknown', reason: { code: 'no-policy' } });
    const silent = captureStatus({
      policy: policy({ programName: 'X' }),
      pause: null,
      tab: tab(),
      now: NOW,
    });
    expect(silent.reason.code).toBe('policy-silent');
  });

  it('is active when the program is on, or when a recorder runs on the page', () => {
    expect(
      captureStatus({ policy: policy({ captureActive: true }), pause: null, tab: tab(), now: NOW })
        .state,
    ).toBe('active');
    const seen = captureStatus({
      policy: policy({}),
      pause: null,
      tab: tab({ recorders: ['Hotjar'] }),
      now: NOW,
    });
    expect(seen).toMatchObject({
      state: 'active',
      reason: { code: 'recorders-seen' },
      recorders: ['Hotjar'],
    });
  });

  it('is paused, with its end, while a pause runs; and active again once it has ended', () => {
    const on = policy({ captureActive: true });
    expect(captureStatus({ policy: on, pause: running, tab: tab(), now: NOW })).toMatchObject({
      state: 'paused',
      until: running.endsAt,
    });
    expect(
      captureStatus({ policy: on, pause: running, tab: tab(), now: running.endsAt }).state,
    ).toBe('active');
  });

  it('is exempt while an approved exemption is in force, over a pause; not once it expired', () => {
    const exempt = policy({
      captureActive: true,
      exemption: { status: 'approved', category: 'battery', expiresAt: '2026-11-24T00:00:00Z' },
    });
    expect(captureStatus({ policy: exempt, pause: running, tab: tab(), now: NOW })).toMatchObject({
      state: 'exempt',
      until: Date.UTC(2026, 10, 24),
      reason: { code: 'exempt', category: 'battery' },
    });
    expect(
      captureStatus({ policy: exempt, pause: null, tab: tab(), now: Date.UTC(2026, 10, 24) }).state,
    ).toBe('active');
    const requested = policy({ captureActive: true, exemption: { status: 'requested' } });
    expect(captureStatus({ policy: requested, pause: null, tab: tab(), now: NOW }).state).toBe(
      'active',
    );
  });

  it('is off where the program is off or the site is declared off, unless a recorder is seen there', () => {
    const offSite = policy({ captureActive: true, captureOffSites: ['https://*.example.com/*'] });
    expect(captureStatus({ policy: offSite, pause: null, tab: tab(), now: NOW })).toMatchObject({
      state: 'off',
      reason: { code: 'site-off' },
    });
    expect(
      captureStatus({
        policy: offSite,
        pause: null,
        tab: tab({ url: 'https://other.org/' }),
        now: NOW,
      }).state,
    ).toBe('active');
    expect(
      captureStatus({ policy: policy({ captureActive: false }), pause: null, tab: tab(), now: NOW })
        .reason.code,
    ).toBe('program-off');
    expect(
      captureStatus({
        policy: offSite,
        pause: null,
        tab: tab({ recorders: ['FullStory'] }),
        now: NOW,
      }),
    ).toMatchObject({ state: 'active', reason: { code: 'recorders-despite-off' } });
  });
});

describe('badgeView', () => {
  const view = (managed: unknown, pause: typeof running | null, now = NOW) =>
    badgeView(
      captureStatus({ policy: policy(managed), pause, tab: tab(), now }),
      now,
      translateEnglish,
    );

  it('shows REC on red when capture is active, with the state in words', () => {
    expect(view({ captureActive: true }, null)).toEqual({
      text: 'REC',
      background: '#B3261E',
      foreground: '#FFFFFF',
      icon: 'active',
      title: 'Tally: recording is ACTIVE on this tab',
    });
  });

  it('shows the minutes left on amber while paused, counting down', () => {
    expect(view({ captureActive: true }, running)).toMatchObject({
      text: '25m',
      background: '#F9AB00',
      icon: 'paused',
      title: 'Tally: recording PAUSED, 25 min left',
    });
    expect(view({ captureActive: true }, running, running.endsAt - 30_000).text).toBe('1m');
  });

  it('shows EX when exempt, and nothing when off or unknown, always with a title', () => {
    expect(view({ exemption: { status: 'approved' } }, null)).toMatchObject({
      text: 'EX',
      icon: 'exempt',
    });
    expect(view({ captureActive: false }, null)).toMatchObject({
      text: '',
      icon: 'off',
      title: 'Tally: recording is OFF on this tab',
    });
    expect(view({}, null)).toMatchObject({ text: '', icon: 'unknown' });
  });

  it('gives every state its own icon and title, so none is told by colour alone', () => {
    const views = [
      view({ captureActive: true }, null),
      view({ captureActive: true }, running),
      view({ exemption: { status: 'approved' } }, null),
      view({ captureActive: false }, null),
      view({}, null),
    ];
    expect(new Set(views.map((v) => v.icon)).size).toBe(5);
    expect(new Set(views.map((v) => v.title.replace(/\d+/g, ''))).size).toBe(5);
  });
});

describe('with a capture agent named by the policy', () => {
  const withAgent = policy({
    captureActive: true,
    agent: { nativeHost: 'org.tally.reference_agent' },
  });
  const link = (over: Partial<AgentLinkState> = {}): AgentLinkState => ({
    ...readLinkState(undefined, 'native', 'org.tally.reference_agent'),
    ...over,
  });
  const said = (capturing: boolean) =>
    link({
      connection: 'connected',
      status: { capturing, program: 'Desk Recorder', modes: ['keystrokes'], at: NOW },
    });

  it('the agent’s word outranks the policy’s static flag', () => {
    const off = captureStatus({
      policy: withAgent,
      pause: null,
      tab: tab(),
      now: NOW,
      agent: said(false),
    });
    expect(off).toMatchObject({ state: 'off', reason: { code: 'agent-off' } });
    expect(off.agent).toEqual({
      connection: 'connected',
      problem: null,
      program: 'Desk Recorder',
      modes: ['keystrokes'],
      capturing: false,
    });
    const silentPolicy = policy({ agent: { nativeHost: 'org.tally.reference_agent' } });
    expect(
      captureStatus({ policy: silentPolicy, pause: null, tab: tab(), now: NOW, agent: said(true) }),
    ).toMatchObject({ state: 'active', reason: { code: 'agent-capturing' } });
    // A recorder on the page is still news, whatever the desktop agent says.
    expect(
      captureStatus({
        policy: withAgent,
        pause: null,
        tab: tab({ recorders: ['Hotjar'] }),
        now: NOW,
        agent: said(false),
      }),
    ).toMatchObject({ state: 'active', reason: { code: 'recorders-despite-off' } });
  });

  it('an agent that does not answer is "unknown" with a reason, never "off"; "?" on the badge', () => {
    for (const [connection, code] of [
      ['not-responding', 'agent-not-responding'],
      ['incompatible', 'agent-incompatible'],
    ] as const) {
      const status = captureStatus({
        policy: withAgent,
        pause: null,
        tab: tab(),
        now: NOW,
        agent: link({ connection }),
      });
      expect(status).toMatchObject({ state: 'unknown', reason: { code } });
      const view = badgeView(status, NOW, translateEnglish);
      expect(view.text).toBe('?');
      expect(view.title).toBe('Tally: the capture program is NOT RESPONDING');
    }
    // While it connects, the policy's flag stands (no flicker at every start).
    expect(
      captureStatus({ policy: withAgent, pause: null, tab: tab(), now: NOW, agent: link() }),
    ).toMatchObject({ state: 'active', reason: { code: 'program-active' } });
  });

  it('a pause counts as confirmed only once this agent acknowledged this very pause', () => {
    const sync = { id: 'msg-1', kind: 'pause' as const, until: running.endsAt, ackedAt: null };
    const unconfirmed = captureStatus({
      policy: withAgent,
      pause: running,
      tab: tab(),
      now: NOW,
      agent: { ...said(true), sync },
    });
    expect(unconfirmed.pauseConfirmed).toBe(false);
    expect(badgeView(unconfirmed, NOW, translateEnglish).title).toContain('not yet confirmed');
    const confirmed = { ...said(true), sync: { ...sync, ackedAt: NOW } };
    expect(
      captureStatus({ policy: withAgent, pause: running, tab: tab(), now: NOW, agent: confirmed })
        .pauseConfirmed,
    ).toBe(true);
    // Acknowledged on a connection that has since dropped: not confirmed any more.
    expect(
      captureStatus({
        policy: withAgent,
        pause: running,
        tab: tab(),
        now: NOW,
        agent: { ...confirmed, connection: 'not-responding' },
      }).pauseConfirmed,
    ).toBe(false);
    // Without an agent there is nothing to confirm.
    expect(
      captureStatus({ policy: policy({}), pause: running, tab: tab(), now: NOW }).pauseConfirmed,
    ).toBeUndefined();
  });
});
