import { describe, expect, it } from 'vitest';
import * as fc from 'fast-check';
import { parsePolicy } from '@/utils/policy/policy-parser';
import { isCaptureOffSite, resolvePolicy } from '@/utils/policy/effective-policy';

const FULL = {
  programName: 'Agent Training Capture',
  notice: {
    whatIsCaptured: 'Keystrokes, clicks and screen contents',
    why: 'To train agents',
    retention: '90 days',
    whoCanSee: 'The ML platform team',
    moreInfoUrl: 'https://intranet.example.com/capture',
  },
  captureActive: true,
  exemption: { status: 'approved', category: 'battery', expiresAt: '2026-12-31T17:00:00Z' },
  pause: { maxMinutes: 20, dailyBudgetMinutes: 60, cooldownMinutes: 10, allowPauseAgain: false },
  exemptionRequests: { endpoint: 'https://hr.example.com/exemptions', timeoutSeconds: 10 },
  captureOffSites: ['https://*.bank.example/*', '*://health.example.org/*'],
  redaction: { health: false },
  agent: {
    nativeHost: 'com.example.capture_agent',
    controlUrl: 'https://capture.example.com/tally',
  },
};

describe('parsePolicy', () => {
  it('accepts a complete, valid policy with no problems', () => {
    const { policy, problems } = parsePolicy(FULL);
    expect(problems).toEqual([]);
    expect(policy).toEqual(FULL);
  });

  it('keeps the valid parts and names every wrong one in words', () => {
    const { policy, problems } = parsePolicy({
      programName: '',
      captureActive: 'yes',
      exemption: { status: 'granted', category: 'battery', expiresAt: 'next tuesday' },
      pause: { maxMinutes: 0, dailyBudgetMinutes: 45, cooldownMinutes: -1 },
      exemptionRequests: { endpoint: 'http://hr.example.com/x', email: 'not-an-address' },
      captureOffSites: ['https://ok.example/*', 'bank.example', 7],
      notice: 'read the wiki',
      colour: 'red',
    });
    expect(policy).toEqual({
      exemption: { category: 'battery' },
      pause: { dailyBudgetMinutes: 45 },
      exemptionRequests: {},
      captureOffSites: ['https://ok.example/*'],
    });
    const byPath = Object.fromEntries(problems.map((p) => [p.path, p.message]));
    expect(byPath).toEqual({
      programName: 'must not be empty',
      captureActive: 'should be true or false, not the text "yes"',
      'exemption.status': 'must be one of: none, requested, approved, denied',
      'exemption.expiresAt': 'must be a date such as 2026-12-31 or 2026-12-31T17:00:00Z',
      'pause.maxMinutes': 'must be at least 0.25 minutes',
      'pause.cooldownMinutes': 'must be at least 0 minutes',
      'exemptionRequests.endpoint': 'must be an https:// address (http:// only for localhost)',
      'exemptionRequests.email': 'must be an email address such as privacy@example.com',
      'captureOffSites[1]': 'must be a match pattern such as https://*.example.com/*',
      'captureOffSites[2]': 'should be text, not number 7',
      notice: 'should be a group of settings, not the text "read the wiki"',
      colour: 'is not a setting Tally knows; it was ignored',
    });
  });

  it('treats a policy that is not an object as entirely wrong, without throwing', () => {
    for (const raw of ['policy', 42, [], true]) {
      const { policy, problems } = parsePolicy(raw);
      expect(policy).toEqual({});
      expect(problems).toHaveLength(1);
      expect(problems[0]?.path).toBe('(the whole policy)');
    }
    expect(parsePolicy(null)).toEqual({ policy: {}, problems: [] });
  });

  it('accepts plain http only for this machine', () => {
    for (const endpoint of ['http://localhost:8080/x', 'http://127.0.0.1/x', 'http://[::1]:9/x']) {
      expect(parsePolicy({ exemptionRequests: { endpoint } }).problems).toEqual([]);
    }
    for (const endpoint of [
      'http://10.0.0.1/x',
      'ftp://a.example/',
      'https://u:p@a.example/',
      'x',
    ]) {
      expect(parsePolicy({ exemptionRequests: { endpoint } }).problems).toHaveLength(1);
    }
  });

  it('takes a native host name as browsers accept it, and names a wrong one', () => {
    expect(parsePolicy({ agent: { nativeHost: 'org.tally.reference_agent' } }).problems).toEqual(
      [],
    );
    for (const nativeHost of ['Com.Example.Agent', 'a b', '.lead', 'trail.', 'x/y', '']) {
      const { policy, problems } = parsePolicy({ agent: { nativeHost } });
      expect(problems.map((p) => p.message)).toEqual([
        'must be a native messaging host name such as com.example.capture_agent',
      ]);
      expect(policy.agent?.nativeHost).toBeUndefined();
    }
    expect(resolvePolicy({ managed: {}, demoEnabled: false }).agent).toEqual({
      nativeHost: undefined,
      controlUrl: undefined,
    });
  });

  it('never throws and never keeps a value its schema rejects, whatever the input', () => {
    fc.assert(
      fc.property(
        fc.anything({ withNullPrototype: true, withBigInt: true, withDate: true }),
        (raw) => {
          const { policy } = parsePolicy(raw);
          expect(typeof policy).toBe('object');
        },
      ),
    );
    fc.assert(
      fc.property(
        fc.record({ pause: fc.record({ maxMinutes: fc.oneof(fc.double(), fc.string()) }) }),
        (raw) => {
          const kept = parsePolicy(raw).policy.pause?.maxMinutes;
          if (kept !== undefined) {
            expect(kept).toBeGreaterThanOrEqual(0.25);
            expect(kept).toBeLessThanOrEqual(1440);
          }
        },
      ),
    );
  });
});

describe('resolvePolicy', () => {
  it('fills in defaults for a single user with no policy: 30-minute pauses, redaction on', () => {
    const policy = resolvePolicy({ managed: {}, demoEnabled: false });
    expect(policy.source).toBe('none');
    expect(policy.captureActive).toBeUndefined();
    expect(policy.pause).toEqual({
      maxMinutes: 30,
      dailyBudgetMinutes: undefined,
      cooldownMinutes: 0,
      allowPauseAgain: true,
    });
    expect(Object.values(policy.redaction).every(Boolean)).toBe(true);
    expect(policy.problems).toEqual([]);
  });

  it('uses the demo program only when switched on and no organisation policy exists', () => {
    const demo = resolvePolicy({ managed: undefined, demoEnabled: true });
    expect(demo.source).toBe('demo');
    expect(demo.programName).toMatch(/demo/i);
    expect(demo.captureActive).toBe(true);
    const managed = resolvePolicy({ managed: { captureActive: false }, demoEnabled: true });
    expect(managed.source).toBe('managed');
    expect(managed.captureActive).toBe(false);
  });

  it('keeps redaction on for every category a malformed policy does not turn off by name', () => {
    const policy = resolvePolicy({
      managed: { redaction: { health: 'no', financial: false, credential: null } },
      demoEnabled: false,
    });
    expect(policy.redaction).toEqual({
      'national-id': true,
      health: true,
      financial: false,
      credential: true,
      confidential: true,
    });
    expect(policy.problems.map((p) => p.path)).toEqual([
      'redaction.health',
      'redaction.credential',
    ]);
  });

  it('reports a managed storage read failure and still works', () => {
    const policy = resolvePolicy({ managed: undefined, demoEnabled: false, readError: 'boom' });
    expect(policy.source).toBe('none');
    expect(policy.problems).toEqual([{ path: '(managed storage)', message: 'boom' }]);
  });

  it('parses the exemption expiry into a time', () => {
    const policy = resolvePolicy({ managed: FULL, demoEnabled: false });
    expect(policy.exemption).toEqual({
      status: 'approved',
      category: 'battery',
      expiresAt: Date.UTC(2026, 11, 31, 17),
    });
  });
});

describe('isCaptureOffSite', () => {
  const policy = resolvePolicy({ managed: FULL, demoEnabled: false });
  it.each([
    ['https://www.bank.example/accounts', true],
    ['https://bank.example/', true],
    ['http://health.example.org/record', true],
    ['https://notbank.example/', false],
    ['https://bank.example.evil.com/', false],
    ['https://example.com/?next=https://bank.example/', false],
    // Without a port in the pattern, every port matches; with one, only that port.
    ['https://www.bank.example:8443/accounts', true],
  ])('%s → %s', (url, expected) => {
    expect(isCaptureOffSite(policy, url)).toBe(expected);
  });
  it('honours a port written in the pattern', () => {
    const withPort = resolvePolicy({
      managed: { captureOffSites: ['http://localhost:8080/*'] },
      demoEnabled: false,
    });
    expect(isCaptureOffSite(withPort, 'http://localhost:8080/x')).toBe(true);
    expect(isCaptureOffSite(withPort, 'http://localhost:9090/x')).toBe(false);
  });

  it('matches nothing without patterns or a URL', () => {
    expect(
      isCaptureOffSite(resolvePolicy({ managed: {}, demoEnabled: false }), 'https://a.b/'),
    ).toBe(false);
    expect(isCaptureOffSite(policy, undefined)).toBe(false);
  });
});
