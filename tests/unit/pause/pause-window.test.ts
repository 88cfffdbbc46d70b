import { describe, expect, it } from 'vitest';
import * as fc from 'fast-check';
import { NO_PAUSE, type PauseState } from '@/utils/pause/pause-state';
import {
  MINUTE,
  minutesLeft,
  pauseOptions,
  resumeNow,
  settle,
  startOfLocalDay,
  startPause,
  usedTodayMs,
  wakeUps,
  type PausePolicy,
} from '@/utils/pause/pause-window';

const DEFAULT: PausePolicy = {
  maxMinutes: 30,
  dailyBudgetMinutes: undefined,
  cooldownMinutes: 0,
  allowPauseAgain: true,
};
// Mid-morning, so a 30-minute pause never crosses midnight unless a test means it to.
const T0 = startOfLocalDay(Date.UTC(2026, 10, 23, 12)) + 10 * 60 * MINUTE;

function running(minutes: number, policy = DEFAULT) {
  const pause = started(minutes, policy).current;
  if (pause === null) throw new Error('not running');
  return pause;
}

function started(minutes: number, policy = DEFAULT, state: PauseState = NO_PAUSE, now = T0) {
  const result = startPause(state, policy, minutes, now);
  if (!result.ok) throw new Error(`refused: ${result.refusal.reason}`);
  return result.state;
}

describe('startPause', () => {
  it('starts a pause whose end is stored as an absolute time', () => {
    const state = started(15);
    expect(state.current).toEqual({ startedAt: T0, endsAt: T0 + 15 * MINUTE, minutes: 15 });
  });

  it('refuses more than the policy maximum, and offers only what fits', () => {
    const policy = { ...DEFAULT, maxMinutes: 20 };
    expect(pauseOptions(NO_PAUSE, policy, T0).durations).toEqual([5, 15, 20]);
    const refused = startPause(NO_PAUSE, policy, 30, T0);
    expect(refused).toMatchObject({ ok: false, refusal: { reason: 'too-long', maxMinutes: 20 } });
    expect(pauseOptions(NO_PAUSE, { ...DEFAULT, maxMinutes: 0.5 }, T0).durations).toEqual([0.5]);
    expect(pauseOptions(NO_PAUSE, { ...DEFAULT, maxMinutes: 600 }, T0).durations).toEqual([
      5, 15, 30,
    ]);
  });

  it('refuses nonsense durations', () => {
    for (const minutes of [0, -5, Number.NaN, Infinity]) {
      expect(startPause(NO_PAUSE, DEFAULT, minutes, T0)).toMatchObject({
        ok: false,
        refusal: { reason: 'invalid-duration' },
      });
    }
  });

  it('started twice: the second replaces the first, and the first’s minutes stay used', () => {
    const policy = { ...DEFAULT, dailyBudgetMinutes: 35 };
    const first = started(30, policy);
    const second = startPause(first, policy, 15, T0 + 10 * MINUTE);
    expect(second.ok).toBe(true);
    expect(second.state.current).toEqual({
      startedAt: T0 + 10 * MINUTE,
      endsAt: T0 + 25 * MINUTE,
      minutes: 15,
    });
    expect(second.state.history).toEqual([{ startedAt: T0, endedAt: T0 + 10 * MINUTE }]);
    // 10 of 35 minutes used: a replacement may run 25 more, not 30.
    expect(pauseOptions(second.state, policy, T0 + 10 * MINUTE).durations).toEqual([5, 15, 25]);
    const third = startPause(second.state, policy, 30, T0 + 10 * MINUTE);
    expect(third).toMatchObject({ ok: false, refusal: { reason: 'over-budget', minutesLeft: 25 } });
  });

  it('does not allow pausing again while paused when the policy says so', () => {
    const policy = { ...DEFAULT, allowPauseAgain: false };
    const state = started(5, policy);
    expect(startPause(state, policy, 5, T0 + MINUTE)).toMatchObject({
      ok: false,
      refusal: { reason: 'pause-again-not-allowed' },
    });
  });
});

describe('settle', () => {
  it('keeps a pause that is not due', () => {
    const state = started(5);
    expect(settle(state, DEFAULT, T0 + 4 * MINUTE)).toEqual({ state, ended: undefined });
  });

  it('ends a pause at its end time when the worker was dead at that moment', () => {
    const state = started(5);
    const { state: after, ended } = settle(state, DEFAULT, T0 + 3 * 60 * MINUTE);
    expect(after.current).toBeNull();
    // Recorded as ending on time, not when the worker woke up.
    expect(ended).toEqual({ startedAt: T0, endedAt: T0 + 5 * MINUTE });
  });

  it('ends a pause exactly at its end, not a millisecond later', () => {
    const state = started(5);
    expect(settle(state, DEFAULT, T0 + 5 * MINUTE - 1).ended).toBeUndefined();
    expect(settle(state, DEFAULT, T0 + 5 * MINUTE).ended).toEqual({
      startedAt: T0,
      endedAt: T0 + 5 * MINUTE,
    });
  });

  it('resume at exactly the end records one pause, not two', () => {
    const state = started(5);
    const settled = settle(state, DEFAULT, T0 + 5 * MINUTE).state;
    const resumed = resumeNow(settled, T0 + 5 * MINUTE);
    expect(resumed.ended).toBeUndefined();
    expect(resumed.state.history).toHaveLength(1);
  });

  it('the clock jumping forward past the end ends the pause', () => {
    const state = started(30);
    expect(settle(state, DEFAULT, T0 + 24 * 60 * MINUTE).state.current).toBeNull();
  });

  it('the clock jumping backwards never makes a pause longer than chosen', () => {
    const state = started(15);
    const back = T0 - 2 * 60 * MINUTE;
    const { state: after } = settle(state, DEFAULT, back);
    expect(after.current).toEqual({ startedAt: back, endsAt: back + 15 * MINUTE, minutes: 15 });
    // And it still ends once those 15 minutes have passed on the new clock.
    expect(settle(after, DEFAULT, back + 15 * MINUTE).state.current).toBeNull();
  });

  it('a maximum lowered during a pause shortens it; below the time already paused, it ends it', () => {
    const state = started(30);
    const lowered = { ...DEFAULT, maxMinutes: 20 };
    expect(settle(state, lowered, T0 + 5 * MINUTE).state.current?.endsAt).toBe(T0 + 20 * MINUTE);
    const { state: after, ended } = settle(state, { ...DEFAULT, maxMinutes: 5 }, T0 + 10 * MINUTE);
    expect(after.current).toBeNull();
    expect(ended).toEqual({ startedAt: T0, endedAt: T0 + 5 * MINUTE });
  });

  it('drops history too old to matter', () => {
    const old: PauseState = { current: null, history: [{ startedAt: 0, endedAt: 5 * MINUTE }] };
    expect(settle(old, DEFAULT, T0).state.history).toEqual([]);
  });
});

describe('daily budget and cooldown', () => {
  it('refuses when the day’s budget is used up, with a clear reason', () => {
    const policy = { ...DEFAULT, dailyBudgetMinutes: 20 };
    let state = started(15, policy);
    state = settle(state, policy, T0 + 15 * MINUTE).state;
    const options = pauseOptions(state, policy, T0 + 16 * MINUTE);
    expect(options.durations).toEqual([5]);
    expect(options.budgetLeftMs).toBe(5 * MINUTE);
    state = started(5, policy, state, T0 + 16 * MINUTE);
    state = settle(state, policy, T0 + 21 * MINUTE).state;
    expect(pauseOptions(state, policy, T0 + 22 * MINUTE)).toEqual({
      durations: [],
      refusal: { reason: 'budget-exhausted' },
      budgetLeftMs: 0,
    });
  });

  it('a running pause stops when the budget runs out, even if it was chosen longer', () => {
    const policy = { ...DEFAULT, dailyBudgetMinutes: 30 };
    const state = started(30, policy);
    // The administrator lowers the budget to 10 minutes during the pause.
    const lowered = { ...policy, dailyBudgetMinutes: 10 };
    expect(settle(state, lowered, T0 + 12 * MINUTE).ended).toEqual({
      startedAt: T0,
      endedAt: T0 + 10 * MINUTE,
    });
  });

  it('the budget resets at local midnight', () => {
    const policy = { ...DEFAULT, dailyBudgetMinutes: 10 };
    const lateEvening = startOfLocalDay(T0) + 24 * 60 * MINUTE - 5 * MINUTE;
    let state = started(10, policy, NO_PAUSE, lateEvening);
    state = settle(state, policy, lateEvening + 10 * MINUTE).state;
    // 5 minutes fell before midnight, 5 after: 5 left today.
    expect(usedTodayMs(state, lateEvening + 10 * MINUTE)).toBe(5 * MINUTE);
    expect(pauseOptions(state, policy, lateEvening + 10 * MINUTE).durations).toEqual([5]);
  });

  it('a clock moved back does not refill the budget', () => {
    const policy = { ...DEFAULT, dailyBudgetMinutes: 10 };
    let state = started(10, policy);
    state = settle(state, policy, T0 + 10 * MINUTE).state;
    expect(pauseOptions(state, policy, T0 - 30 * MINUTE).refusal).toEqual({
      reason: 'budget-exhausted',
    });
  });

  it('enforces a cooldown after a pause, and says until when', () => {
    const policy = { ...DEFAULT, cooldownMinutes: 60 };
    let state = started(5, policy);
    state = resumeNow(state, T0 + 2 * MINUTE).state;
    expect(pauseOptions(state, policy, T0 + 30 * MINUTE).refusal).toEqual({
      reason: 'cooldown',
      until: T0 + 62 * MINUTE,
    });
    expect(pauseOptions(state, policy, T0 + 62 * MINUTE).refusal).toBeUndefined();
    // A cooldown also means no pausing again while paused.
    const running = started(5, policy, state, T0 + 62 * MINUTE);
    expect(pauseOptions(running, policy, T0 + 63 * MINUTE).refusal).toEqual({
      reason: 'pause-again-not-allowed',
    });
  });

  it('a clock moved back does not stretch a cooldown', () => {
    const policy = { ...DEFAULT, cooldownMinutes: 10 };
    const state = resumeNow(started(5, policy), T0 + MINUTE).state;
    const back = T0 - 60 * MINUTE;
    expect(pauseOptions(state, policy, back).refusal).toEqual({
      reason: 'cooldown',
      until: back + 10 * MINUTE,
    });
  });
});

describe('countdown and wake-ups', () => {
  it('shows whole minutes left, rounded up', () => {
    const pause = running(30);
    expect(minutesLeft(pause, T0)).toBe(30);
    expect(minutesLeft(pause, T0 + 1)).toBe(30);
    expect(minutesLeft(pause, T0 + MINUTE)).toBe(29);
    expect(minutesLeft(pause, T0 + 29 * MINUTE + 1)).toBe(1);
  });

  it('wakes when the shown minutes change, a minute before the end, and at the end', () => {
    const pause = running(5);
    expect(wakeUps(pause, T0)).toEqual({
      endAt: T0 + 5 * MINUTE,
      warnAt: T0 + 4 * MINUTE,
      tickAt: T0 + MINUTE,
    });
    expect(wakeUps(pause, T0 + 4.5 * MINUTE)).toEqual({
      endAt: T0 + 5 * MINUTE,
      warnAt: undefined,
      tickAt: undefined,
    });
    // A 30-second pause warns halfway.
    expect(wakeUps(running(0.5, { ...DEFAULT, maxMinutes: 0.5 }), T0).warnAt).toBe(T0 + 15_000);
  });

  it('the badge never shows a stale minute: each tick lands where the count changes', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 30 }),
        fc.integer({ min: 0, max: 30 * MINUTE }),
        (minutes, offset) => {
          const pause = running(minutes);
          const now = T0 + Math.min(offset, minutes * MINUTE - 1);
          const { tickAt, endAt } = wakeUps(pause, now);
          const next = tickAt ?? endAt;
          expect(next).toBeGreaterThan(now);
          // Until the next wake-up the shown value does not change...
          expect(minutesLeft(pause, next - 1)).toBe(minutesLeft(pause, now));
          // ...and at it, it does.
          expect(minutesLeft(pause, next)).toBe(minutesLeft(pause, now) - 1);
        },
      ),
    );
  });

  it('no sequence of starts, resumes, settles and clock jumps lets a pause outlast its length or the maximum', () => {
    const action = fc.oneof(
      fc.record({
        kind: fc.constant('start' as const),
        minutes: fc.constantFrom(0.5, 5, 15, 30, 45),
      }),
      fc.record({ kind: fc.constant('resume' as const) }),
      fc.record({
        kind: fc.constant('wait' as const),
        ms: fc.integer({ min: -3 * 60 * MINUTE, max: 40 * MINUTE }),
      }),
      fc.record({ kind: fc.constant('max' as const), minutes: fc.constantFrom(1, 10, 30) }),
    );
    fc.assert(
      fc.property(fc.array(action, { maxLength: 30 }), (actions) => {
        let state: PauseState = NO_PAUSE;
        let policy = { ...DEFAULT, dailyBudgetMinutes: 60 };
        let now = T0;
        for (const step of actions) {
          if (step.kind === 'start') state = startPause(state, policy, step.minutes, now).state;
          else if (step.kind === 'resume') state = resumeNow(state, now).state;
          else if (step.kind === 'max') policy = { ...policy, maxMinutes: step.minutes };
          else now += step.ms;
          state = settle(state, policy, now).state;
          const pause = state.current;
          if (pause) {
            expect(pause.endsAt - now).toBeLessThanOrEqual(pause.minutes * MINUTE);
            expect(pause.endsAt - pause.startedAt).toBeLessThanOrEqual(policy.maxMinutes * MINUTE);
            expect(pause.endsAt).toBeGreaterThan(now);
          }
        }
      }),
    );
  });
});
