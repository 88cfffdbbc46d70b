/**
 * The pause as durable data: absolute wall-clock times in epoch ms, kept in
 * storage.local so a pause survives the worker being stopped and the browser
 * restarting. Alarms only wake the worker; this record is the truth.
 * Plain types here; the zod schema that checks what comes back from storage
 * is in pause-state.schema.ts.
 */
export interface RunningPause {
  readonly startedAt: number;
  readonly endsAt: number;
  /** The length chosen, in minutes: a pause never runs longer than this, whatever the clock does. */
  readonly minutes: number;
}

/** A pause that is over, kept for the daily budget and the cooldown (never sent anywhere). */
export interface PastPause {
  readonly startedAt: number;
  readonly endedAt: number;
}

export interface PauseState {
  readonly current: RunningPause | null;
  readonly history: readonly PastPause[];
}

export const NO_PAUSE: PauseState = { current: null, history: [] };
