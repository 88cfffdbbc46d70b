import type { AuditEntry } from '@/utils/audit/audit-entry';
import type { SerialQueue } from '@/utils/async/serial-queue';
import type { PauseState } from '@/utils/pause/pause-state';
import {
  pauseOptions,
  resumeNow,
  settle,
  startPause,
  wakeUps,
  type PauseRefusal,
} from '@/utils/pause/pause-window';
import { readSnapshot, type Snapshot, type SnapshotSources } from '@/utils/state/snapshot';
import { LOCAL_KEYS, type StorageArea } from '@/utils/state/storage-keys';
import { withAuditEntry } from '@/utils/audit/audit-store';

export const PAUSE_ALARMS = { end: 'pause-end', warn: 'pause-warn', tick: 'pause-tick' } as const;

export interface AlarmsApi {
  create(name: string, info: { when: number }): Promise<void> | void;
  clear(name: string): Promise<boolean>;
}

export interface PauseNotifier {
  /** The pause ends soon; `canPauseAgain` offers a button where the policy allows it. */
  endingSoon(endsAt: number, canPauseAgain: boolean): Promise<void>;
  ended(): Promise<void>;
  clear(): Promise<void>;
}

export interface PauseControllerDeps {
  readonly local: StorageArea;
  readonly managed: SnapshotSources['managed'];
  readonly alarms: AlarmsApi;
  readonly notifier: PauseNotifier;
  readonly queue: SerialQueue;
  readonly now: () => number;
  /** Called after anything that can change what the toolbar shows. */
  readonly onChange: () => void;
}

export type Via = Extract<AuditEntry, { kind: 'pause-started' }>['via'];
export type PauseResult = { ok: true } | { ok: false; refusal: PauseRefusal };

/** A pause that ended more than this long ago (the browser was closed) is not worth a notification. */
const LATE_END_NOTICE_MS = 2 * 60_000;

/**
 * The pause window in the background: the rules are in utils/pause, the
 * truth is the stored state, and alarms are only wake-ups. Every entry point
 * settles the stored state against the clock first, so a pause ends on time
 * even when the worker was not running at that moment.
 */
export class PauseController {
  constructor(private readonly deps: PauseControllerDeps) {}

  private snapshot(): Promise<Snapshot> {
    return readSnapshot({ local: this.deps.local, managed: this.deps.managed });
  }

  /**
   * The pause state and, when one is given, the log entry for its change, in one write: a worker
   * stopped between two writes would leave the change without its entry (see withAuditEntry).
   */
  private async save(state: PauseState, entry?: AuditEntry): Promise<void> {
    await this.deps.local.set({
      [LOCAL_KEYS.pause]: state,
      ...(entry ? await withAuditEntry(this.deps.local, entry) : {}),
    });
  }

  /** Settles, persists and re-arms. Runs at every start-up, alarm and policy change. */
  reconcile(): Promise<void> {
    return this.deps.queue.run(async () => {
      const { policy, pause } = await this.snapshot();
      const now = this.deps.now();
      const { state, ended } = settle(pause, policy.pause, now);
      // An ended pause always changes the state (settle moves it to the history).
      if (state !== pause) {
        await this.save(
          state,
          ended ? { kind: 'pause-ended', at: now, endedAt: ended.endedAt } : undefined,
        );
      }
      if (ended) {
        if (now - ended.endedAt < LATE_END_NOTICE_MS) await this.deps.notifier.ended();
        else await this.deps.notifier.clear();
      }
      await this.arm(state);
      this.deps.onChange();
    });
  }

  start(minutes: number, via: Via): Promise<PauseResult> {
    return this.deps.queue.run(async () => {
      const { policy, pause } = await this.snapshot();
      const now = this.deps.now();
      const result = startPause(pause, policy.pause, minutes, now);
      if (!result.ok) {
        if (result.state !== pause) await this.save(result.state);
        return { ok: false, refusal: result.refusal };
      }
      await this.save(result.state, { kind: 'pause-started', at: now, minutes, via });
      await this.deps.notifier.clear();
      await this.arm(result.state);
      this.deps.onChange();
      return { ok: true };
    });
  }

  /** The stored state, the same settled to now, and the pauses the user may start from it. */
  private async optionsNow() {
    const { policy, pause } = await this.snapshot();
    const now = this.deps.now();
    const settled = settle(pause, policy.pause, now).state;
    return { stored: pause, settled, options: pauseOptions(settled, policy.pause, now) };
  }

  /** Starts a pause of the longest length the user may choose now (the keyboard shortcut). */
  async startLongest(via: Via): Promise<PauseResult> {
    const { options } = await this.optionsNow();
    if (options.refusal) return { ok: false, refusal: options.refusal };
    return this.start(options.durations.at(-1) ?? 0, via);
  }

  resume(): Promise<void> {
    return this.deps.queue.run(async () => {
      const { policy, pause } = await this.snapshot();
      const now = this.deps.now();
      const settled = settle(pause, policy.pause, now).state;
      const { state, ended } = resumeNow(settled, now);
      await this.save(state, ended ? { kind: 'pause-resumed', at: now } : undefined);
      await this.deps.notifier.clear();
      await this.arm(state);
      this.deps.onChange();
    });
  }

  /** Pauses if running, resumes if paused (the keyboard shortcut). */
  async toggle(): Promise<PauseResult> {
    const { settled } = await this.optionsNow();
    if (settled.current) {
      await this.resume();
      return { ok: true };
    }
    return this.startLongest('shortcut');
  }

  async onAlarm(name: string): Promise<void> {
    await this.reconcile();
    if (name !== PAUSE_ALARMS.warn) return;
    const { policy, pause, settings } = await this.snapshot();
    const now = this.deps.now();
    const current = pause.current;
    if (!current || !settings.warnBeforePauseEnds || current.endsAt <= now) return;
    // Only when this is still the pause the alarm was set for: its warning time has come.
    if (wakeUps(current, now).warnAt !== undefined) return;
    const canPauseAgain = pauseOptions(pause, policy.pause, now).durations.length > 0;
    await this.deps.notifier.endingSoon(current.endsAt, canPauseAgain);
  }

  /** Pauses again from the notification, for as long as the pause that is ending (or what is allowed). */
  async pauseAgain(): Promise<PauseResult> {
    const { stored, options } = await this.optionsNow();
    if (options.refusal) return { ok: false, refusal: options.refusal };
    // The pause the notification was about, even if it ended a moment ago.
    const wanted = stored.current?.minutes ?? 0;
    const fitting = options.durations.filter((minutes) => minutes <= wanted);
    return this.start(fitting.at(-1) ?? options.durations[0] ?? 0, 'notification');
  }

  private async arm(state: PauseState): Promise<void> {
    const { alarms } = this.deps;
    await Promise.all(Object.values(PAUSE_ALARMS).map((name) => alarms.clear(name)));
    if (!state.current) return;
    const plan = wakeUps(state.current, this.deps.now());
    await alarms.create(PAUSE_ALARMS.end, { when: plan.endAt });
    if (plan.warnAt !== undefined) await alarms.create(PAUSE_ALARMS.warn, { when: plan.warnAt });
    if (plan.tickAt !== undefined) await alarms.create(PAUSE_ALARMS.tick, { when: plan.tickAt });
  }
}
