import { describe, expect, it } from 'vitest';
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
