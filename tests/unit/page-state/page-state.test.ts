import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { EMPTY_FINDINGS, type FrameFindings } from '@/utils/findings/frame-findings';
import { BackgroundToContentSchema } from '@/utils/messages/background-to-content';
import {
  bannerWanted,
  INITIAL_PAGE_STATE,
  pageStateFor,
  type PageStateInputs,
} from '@/utils/page-state/page-state';
import { readPageState } from '@/utils/page-state/page-state-guard';
import { PageStateSchema } from '@/utils/page-state/page-state.schema';
import { resolvePolicy } from '@/utils/policy/effective-policy';
import { RECORDER_SIGNATURES } from '@/utils/recorders/recorder-signatures';
import type { CaptureStatus } from '@/utils/status/capture-status';

const NAMES = new Set(RECORDER_SIGNATURES.map((s) => s.name));
const NOW = Date.UTC(2026, 10, 23, 12);

const active = (recorders: string[] = ['rrweb']): CaptureStatus => ({
  state: 'active',
  reason: { code: 'recorders-seen' },
  until: undefined,
  recorders,
  agent: undefined,
  pauseConfirmed: undefined,
});
const paused: CaptureStatus = {
  state: 'paused',
  reason: { code: 'paused' },
  until: NOW + 60_000,
  recorders: ['rrweb'],
  agent: undefined,
  pauseConfirmed: undefined,
};

const withFields = (byValue: boolean): FrameFindings => ({
  ...EMPTY_FINDINGS,
  counts: { ...EMPTY_FINDINGS.counts, 'national-id': 1, health: 1 },
  fields: [
    { category: 'national-id', confidence: 0.9, reasons: ['label says "SSN"'], byValue },
    {
      category: 'health',
      confidence: 0.9,
      reasons: ['label says "SSN"', 'diagnosis'],
      byValue: false,
    },
  ],
});

const inputs = (over: Partial<PageStateInputs> = {}): PageStateInputs => ({
  status: active(),
  policy: resolvePolicy({ managed: undefined, demoEnabled: false }),
  findings: withFields(false),
  pauseDurations: [5, 15, 30],
  bannerDismissed: false,
  ...over,
});

describe('pageStateFor', () => {
  it('shields and warns only while capture is active', () => {
    const on = pageStateFor(inputs());
    expect(on.shield).toEqual({ fields: true, documents: false });
    expect(bannerWanted(on)).toBe(true);
    const off = pageStateFor(inputs({ status: paused }));
    expect(off.shield).toEqual({ fields: false, documents: false });
    expect(off.until).toBe(NOW + 60_000);
    expect(bannerWanted(off)).toBe(false);
  });

  it('follows the policy: redaction categories, field shield, document shield', () => {
    const policy = resolvePolicy({
      managed: {
        redaction: { health: false },
        shield: { fields: false, confidentialDocuments: true },
      },
      demoEnabled: false,
    });
    const state = pageStateFor(inputs({ policy }));
    expect(state.redaction.health).toBe(false);
    expect(state.redaction['national-id']).toBe(true);
    expect(state.shield).toEqual({ fields: false, documents: true });
  });

  it('warns of a late catch only when a field was found by value while a recorder runs', () => {
    expect(pageStateFor(inputs({ findings: withFields(true) })).lateCatch).toBe(true);
    expect(pageStateFor(inputs({ findings: withFields(false) })).lateCatch).toBe(false);
    // Capture declared by policy, no recorder seen on the page: nothing was seen typing.
    expect(pageStateFor(inputs({ status: active([]), findings: withFields(true) })).lateCatch).toBe(
      false,
    );
  });

  it('offers the longest pause allowed, up to 30 minutes, or none', () => {
    expect(pageStateFor(inputs()).pauseMinutes).toBe(30);
    expect(pageStateFor(inputs({ pauseDurations: [5, 12.5] })).pauseMinutes).toBe(12.5);
    expect(pageStateFor(inputs({ pauseDurations: [] })).pauseMinutes).toBeNull();
  });

  it('lists each reason once, page reasons first', () => {
    const findings = {
      ...withFields(false),
      page: { confidential: true, reasons: ['marked "Confidential"'] },
    };
    expect(pageStateFor(inputs({ findings })).reasons).toEqual([
      'marked "Confidential"',
      'label says "SSN"',
      'diagnosis',
    ]);
  });

  it('stays quiet on a page with nothing sensitive, or once dismissed', () => {
    expect(bannerWanted(pageStateFor(inputs({ findings: EMPTY_FINDINGS })))).toBe(false);
    expect(bannerWanted(pageStateFor(inputs({ bannerDismissed: true })))).toBe(false);
    expect(bannerWanted(INITIAL_PAGE_STATE)).toBe(false);
  });
});

describe('the content script’s guard and the schema', () => {
  const states = fc
    .record({
      state: fc.constantFrom('active', 'paused', 'exempt', 'off', 'unknown'),
      recorders: fc.subarray([...NAMES]),
      counts: fc.tuple(fc.nat(50), fc.nat(50), fc.nat(50), fc.nat(50), fc.nat(50)),
      durations: fc.subarray([5, 15, 30, 0.25, 12.5]),
      dismissed: fc.boolean(),
      byValue: fc.boolean(),
    })
    .map(({ state, recorders, counts, durations, dismissed, byValue }) =>
      pageStateFor(
        inputs({
          status: { ...active(recorders), state } as CaptureStatus,
          findings: {
            ...withFields(byValue),
            counts: {
              'national-id': counts[0],
              health: counts[1],
              financial: counts[2],
              credential: counts[3],
              confidential: counts[4],
            },
          },
          pauseDurations: durations,
          bannerDismissed: dismissed,
        }),
      ),
    );

  it('accept every state the background builds', () => {
    fc.assert(
      fc.property(states, (state) => {
        expect(PageStateSchema.safeParse(state).success).toBe(true);
        expect(readPageState(state, NAMES)).toBe(state);
        expect(
          BackgroundToContentSchema.safeParse({ type: 'background/page-state', state }).success,
        ).toBe(true);
      }),
    );
  });

  it('agree on every damaged state: what the schema refuses, the guard refuses', () => {
    const keys = Object.keys(INITIAL_PAGE_STATE);
    fc.assert(
      fc.property(states, fc.constantFrom(...keys), fc.jsonValue(), (state, key, junk) => {
        const damaged = { ...state, [key]: junk };
        const schema = PageStateSchema.safeParse(damaged).success;
        expect(readPageState(damaged, NAMES) !== null).toBe(schema);
      }),
      { numRuns: 500 },
    );
  });

  it('refuses what is not a state at all, and recorder names it does not know', () => {
    for (const junk of [
      null,
      'x',
      [],
      7,
      { ...INITIAL_PAGE_STATE, recorders: ['<img onerror>'] },
    ]) {
      expect(readPageState(junk, NAMES)).toBeNull();
    }
  });
});
