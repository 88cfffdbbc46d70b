import type { EffectivePolicy } from '../policy/effective-policy';
import { MINUTE, minutesLeftUntil } from '../status/time-left';
import type { PastPause, PauseState, RunningPause } from './pause-state';

/**
 * The pause window's rules, as pure functions of the stored state, the policy
 * and the time. The background calls `settle` whenever it wakes (start-up,
 * alarm, message), so every rule holds even when the worker was dead at the
 * moment something was due.
 */

export { MINUTE };
/** The choices the popup offers, before the policy's limits. */
export const STANDARD_DURATIONS = [5, 15, 30] as const;
/** History older than this cannot affect today's budget or a cooldown. */
const HISTORY_KEPT_MS = 48 * 60 * MINUTE;
const HISTORY_MAX_ENTRIES = 200;

export type PausePolicy = EffectivePolicy['pause'];

/** Local midnight at or before `now`: the daily budget resets then. */
export function startOfLocalDay(now: number): number {
  const day = new Date(now);
  day.setHours(0, 0, 0, 0);
  return day.getTime();
}

export interface SettleResult {
  readonly state: PauseState;
  /** Set when this call ended the running pause (it was due). */
  readonly ended: PastPause | undefined;
}

/** Minutes of pause used since local midnight, counting the running pause up to now. */
export function usedTodayMs(state: PauseState, now: number): number {
  const dayStart = startOfLocalDay(now);
  // Entries dated after `now` (the clock went back) still count: a clock change must not refill the budget.
  const overlap = (from: number, to: number) => Math.max(0, to - Math.max(from, dayStart));
  let used = 0;
  for (const past of state.history) used += overlap(past.startedAt, past.endedAt);
  if (state.current) {
    used += overlap(state.current.startedAt, Math.max(now, state.current.startedAt));
  }
  return used;
}

/** What the policy's daily budget still allows, or undefined when there is no budget. */
export function budgetLeftMs(
  state: PauseState,
  policy: PausePolicy,
  now: number,
): number | undefined {
  if (policy.dailyBudgetMinutes === undefined) return undefined;
  return Math.max(0, policy.dailyBudgetMinutes * MINUTE - usedTodayMs(state, now));
}

/**
 * The latest a running pause may end given the rules now: its own length from
 * its start, the policy's maximum (which may have been lowered since), the
 * daily budget, and never more than its own length from now (the clock may
 * have gone back).
 */
function latestEnd(
  pause: RunningPause,
  policy: PausePolicy,
  state: PauseState,
  now: number,
): number {
  const startedAt = Math.min(pause.startedAt, now);
  let end = Math.min(
    pause.endsAt,
    startedAt + pause.minutes * MINUTE,
    startedAt + policy.maxMinutes * MINUTE,
    now + pause.minutes * MINUTE,
  );
  // When the budget is already overrun (it was lowered), the pause ended the moment it ran out.
  if (policy.dailyBudgetMinutes !== undefined) {
    end = Math.min(end, now + policy.dailyBudgetMinutes * MINUTE - usedTodayMs(state, now));
  }
  return end;
}

function pruneHistory(history: readonly PastPause[], now: number): PastPause[] {
  return history.filter((past) => past.endedAt > now - HISTORY_KEPT_MS).slice(-HISTORY_MAX_ENTRIES);
}

/** Brings the state up to `now`: ends a pause that is due, applies lowered limits, drops old history. */
export function settle(state: PauseState, policy: PausePolicy, now: number): SettleResult {
  const history = pruneHistory(state.history, now);
  const pause = state.current;
  if (pause === null) return { state: { current: null, history }, ended: undefined };
  const endsAt = latestEnd(pause, policy, state, now);
  if (endsAt <= now) {
    const ended = { startedAt: Math.min(pause.startedAt, endsAt), endedAt: endsAt };
    return { state: { current: null, history: [...history, ended] }, ended };
  }
  const startedAt = Math.min(pause.startedAt, now);
  const current =
    endsAt === pause.endsAt && startedAt === pause.startedAt
      ? pause
      : { ...pause, startedAt, endsAt };
  return { state: { current, history }, ended: undefined };
}

export type PauseRefusal =
  | { readonly reason: 'cooldown'; readonly until: number }
  | { readonly reason: 'budget-exhausted' }
  | { readonly reason: 'over-budget'; readonly minutesLeft: number }
  | { readonly reason: 'too-long'; readonly maxMinutes: number }
  | { readonly reason: 'pause-again-not-allowed' }
  | { readonly reason: 'invalid-duration' };

export interface PauseOptions {
  /** Durations the user may choose now, in minutes, shortest first; empty when refused. */
  readonly durations: readonly number[];
  readonly refusal: PauseRefusal | undefined;
  readonly budgetLeftMs: number | undefined;
}

function cooldownUntil(state: PauseState, policy: PausePolicy, now: number): number | undefined {
  if (policy.cooldownMinutes <= 0) return undefined;
  const lastEnd = state.history.reduce((latest, past) => Math.max(latest, past.endedAt), -Infinity);
  if (lastEnd === -Infinity) return undefined;
  // A clock that went back must not stretch a cooldown beyond its length.
  const until = Math.min(lastEnd, now) + policy.cooldownMinutes * MINUTE;
  return until > now ? until : undefined;
}

/** Which pauses the user may start now (from a settled state), or why none. */
export function pauseOptions(state: PauseState, policy: PausePolicy, now: number): PauseOptions {
  const budget = budgetLeftMs(state, policy, now);
  if (state.current !== null) {
    // Pausing again replaces the running pause; a cooldown means there must be a gap.
    if (!policy.allowPauseAgain || policy.cooldownMinutes > 0) {
      return {
        durations: [],
        refusal: { reason: 'pause-again-not-allowed' },
        budgetLeftMs: budget,
      };
    }
  } else {
    const until = cooldownUntil(state, policy, now);
    if (until !== undefined) {
      return { durations: [], refusal: { reason: 'cooldown', until }, budgetLeftMs: budget };
    }
  }
  // The running pause's elapsed part stays used when a new pause replaces it.
  const budgetMinutes = budget === undefined ? Infinity : budget / MINUTE;
  const limit = Math.min(policy.maxMinutes, budgetMinutes);
  if (limit < 0.25) {
    return { durations: [], refusal: { reason: 'budget-exhausted' }, budgetLeftMs: budget };
  }
  const durations: number[] = STANDARD_DURATIONS.filter((minutes) => minutes <= limit);
  // What is left (the policy's maximum or the budget) is offered too, so a short limit never means no pause.
  const longest = Math.min(Math.floor(limit * 4) / 4, Math.max(...STANDARD_DURATIONS));
  if (!durations.includes(longest) && longest > (durations.at(-1) ?? 0)) durations.push(longest);
  return { durations, refusal: undefined, budgetLeftMs: budget };
}

export type StartResult =
  | { readonly ok: true; readonly state: PauseState; readonly replaced: PastPause | undefined }
  | { readonly ok: false; readonly state: PauseState; readonly refusal: PauseRefusal };

/** Starts a pause of `minutes` now, or says why not. Starting while paused replaces the running pause. */
export function startPause(
  state: PauseState,
  policy: PausePolicy,
  minutes: number,
  now: number,
): StartResult {
  const settled = settle(state, policy, now).state;
  if (!Number.isFinite(minutes) || minutes <= 0) {
    return { ok: false, state: settled, refusal: { reason: 'invalid-duration' } };
  }
  const options = pauseOptions(settled, policy, now);
  if (options.refusal) return { ok: false, state: settled, refusal: options.refusal };
  const longest = options.durations.at(-1) ?? 0;
  if (minutes > longest + 1e-9) {
    return minutes > policy.maxMinutes
      ? {
          ok: false,
          state: settled,
          refusal: { reason: 'too-long', maxMinutes: policy.maxMinutes },
        }
      : { ok: false, state: settled, refusal: { reason: 'over-budget', minutesLeft: longest } };
  }
  let history = [...settled.history];
  let replaced: PastPause | undefined;
  if (settled.current) {
    replaced = { startedAt: settled.current.startedAt, endedAt: now };
    history = [...history, replaced];
  }
  const current = { startedAt: now, endsAt: now + minutes * MINUTE, minutes };
  return { ok: true, state: { current, history }, replaced };
}

/** Ends the running pause now (the user resumed early). */
export function resumeNow(
  state: PauseState,
  now: number,
): { state: PauseState; ended: PastPause | undefined } {
  if (state.current === null) return { state, ended: undefined };
  const ended = { startedAt: Math.min(state.current.startedAt, now), endedAt: now };
  return { state: { current: null, history: [...state.history, ended] }, ended };
}

/** Whole minutes left as the badge shows them: "29m" means at most 29 minutes remain. */
export function minutesLeft(pause: RunningPause, now: number): number {
  return minutesLeftUntil(pause.endsAt, now);
}

export interface WakeUps {
  /** When the pause ends. */
  readonly endAt: number;
  /** When to warn that it is about to end; undefined when that moment has passed. */
  readonly warnAt: number | undefined;
  /** When the minutes shown on the badge next change; undefined when the next change is the end. */
  readonly tickAt: number | undefined;
}

/**
 * The alarms a running pause needs. The warning comes a minute before the end,
 * or halfway through a pause shorter than two minutes.
 */
export function wakeUps(pause: RunningPause, now: number): WakeUps {
  const length = pause.endsAt - pause.startedAt;
  const warnAt = pause.endsAt - Math.min(MINUTE, length / 2);
  const shown = minutesLeft(pause, now);
  const tickAt = pause.endsAt - (shown - 1) * MINUTE;
  return {
    endAt: pause.endsAt,
    warnAt: warnAt > now ? warnAt : undefined,
    tickAt: shown > 1 && tickAt > now ? tickAt : undefined,
  };
}
