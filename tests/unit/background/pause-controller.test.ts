import { describe, expect, it } from 'vitest';
import {
  PAUSE_ALARMS,
  PauseController,
  type PauseNotifier,
} from '@/entrypoints/background/pause-controller';
import { SerialQueue } from '@/utils/async/serial-queue';
import { readAudit } from '@/utils/audit/audit-store';
import { memoryStorage } from '../../support/memory-storage';

const MINUTE = 60_000;
const T0 = Date.UTC(2026, 10, 23, 10);

/** The browser around one worker lifetime: storage persists across workers, alarms and clock are shared. */
function browserWorld(managedPolicy: Record<string, unknown> = {}) {
  const local = memoryStorage();
  const managed = memoryStorage(managedPolicy);
  const alarms = new Map<string, number>();
  const notices: string[] = [];
  const clock = { now: T0 };
  const notifier: PauseNotifier = {
    endingSoon: async (endsAt, again) => void notices.push(`ending ${endsAt} again=${again}`),
    ended: async () => void notices.push('ended'),
    clear: async () => void notices.push('clear'),
  };
  let repaints = 0;
  /** A fresh worker: new objects, same storage (what Chrome does when it restarts a stopped worker). */
  const worker = () =>
    new PauseController({
      local,
      managed,
      alarms: {
        create: (name, { when }) => void alarms.set(name, when),
        clear: async (name) => alarms.delete(name),
      },
      notifier,
      queue: new SerialQueue(),
      now: () => clock.now,
      onChange: () => void repaints++,
    });
  return { local, managed, alarms, notices, clock, worker, repaints: () => repaints };
}

describe('PauseController', () => {
  it('persists the pause and arms an end alarm, a warning and a badge tick', async () => {
    const world = browserWorld();
    expect(await world.worker().start(15, 'popup')).toEqual({ ok: true });
    expect(world.local.data.get('pause')).toEqual({
      current: { startedAt: T0, endsAt: T0 + 15 * MINUTE, minutes: 15 },
      history: [],
    });
    expect(Object.fromEntries(world.alarms)).toEqual({
      [PAUSE_ALARMS.end]: T0 + 15 * MINUTE,
      [PAUSE_ALARMS.warn]: T0 + 14 * MINUTE,
      [PAUSE_ALARMS.tick]: T0 + MINUTE,
    });
    expect((await readAudit(world.local)).map((e) => e.kind)).toEqual(['pause-started']);
    expect(world.repaints()).toBeGreaterThan(0);
  });

  it('worker killed mid-pause: a new worker woken by the end alarm ends it on time', async () => {
    const world = browserWorld();
    await world.worker().start(5, 'popup');
    world.clock.now = T0 + 5 * MINUTE + 200;
    await world.worker().onAlarm(PAUSE_ALARMS.end);
    expect(world.local.data.get('pause')).toMatchObject({
      current: null,
      history: [{ startedAt: T0, endedAt: T0 + 5 * MINUTE }],
    });
    expect(world.alarms.size).toBe(0);
    expect(world.notices.at(-1)).toBe('ended');
    expect((await readAudit(world.local)).at(-1)).toEqual({
      kind: 'pause-ended',
      at: T0 + 5 * MINUTE + 200,
      endedAt: T0 + 5 * MINUTE,
    });
  });

  it('browser restarted mid-pause with its alarms lost: start-up re-arms them', async () => {
    const world = browserWorld();
    await world.worker().start(30, 'popup');
    world.alarms.clear();
    world.clock.now = T0 + 10 * MINUTE + 5;
    await world.worker().reconcile();
    expect(world.alarms.get(PAUSE_ALARMS.end)).toBe(T0 + 30 * MINUTE);
    expect(world.alarms.get(PAUSE_ALARMS.tick)).toBe(T0 + 11 * MINUTE);
  });

  it('browser restarted after the pause would have ended: ends it without a stale notification', async () => {
    const world = browserWorld();
    await world.worker().start(5, 'popup');
    world.alarms.clear();
    world.clock.now = T0 + 3 * 60 * MINUTE;
    await world.worker().reconcile();
    expect(world.local.data.get('pause')).toMatchObject({ current: null });
    expect(world.notices).not.toContain('ended');
  });

  it('warns when the warning alarm fires, offering to pause again where allowed', async () => {
    const world = browserWorld();
    await world.worker().start(5, 'popup');
    world.clock.now = T0 + 4 * MINUTE;
    await world.worker().onAlarm(PAUSE_ALARMS.warn);
    expect(world.notices.at(-1)).toBe(`ending ${T0 + 5 * MINUTE} again=true`);

    const strict = browserWorld({ pause: { allowPauseAgain: false } });
    await strict.worker().start(5, 'popup');
    strict.clock.now = T0 + 4 * MINUTE;
    await strict.worker().onAlarm(PAUSE_ALARMS.warn);
    expect(strict.notices.at(-1)).toBe(`ending ${T0 + 5 * MINUTE} again=false`);
  });

  it('does not warn when the user turned warnings off', async () => {
    const world = browserWorld();
    await world.local.set({ settings: { demoProgram: false, warnBeforePauseEnds: false } });
    await world.worker().start(5, 'popup');
    world.clock.now = T0 + 4 * MINUTE;
    await world.worker().onAlarm(PAUSE_ALARMS.warn);
    expect(world.notices.some((n) => n.startsWith('ending'))).toBe(false);
  });

  it('"pause again" from the notification starts a new pause of the same length', async () => {
    const world = browserWorld();
    await world.worker().start(15, 'popup');
    world.clock.now = T0 + 14 * MINUTE;
    expect(await world.worker().pauseAgain()).toEqual({ ok: true });
    expect(world.local.data.get('pause')).toMatchObject({
      current: { startedAt: T0 + 14 * MINUTE, endsAt: T0 + 29 * MINUTE, minutes: 15 },
    });
    expect((await readAudit(world.local)).at(-1)).toMatchObject({
      kind: 'pause-started',
      via: 'notification',
    });
  });

  it('the keyboard shortcut pauses for the longest allowed time, then resumes', async () => {
    const world = browserWorld({ pause: { maxMinutes: 20 } });
    await world.worker().toggle();
    expect(world.local.data.get('pause')).toMatchObject({ current: { minutes: 20 } });
    world.clock.now = T0 + MINUTE;
    await world.worker().toggle();
    expect(world.local.data.get('pause')).toMatchObject({ current: null });
    expect((await readAudit(world.local)).map((e) => e.kind)).toEqual([
      'pause-started',
      'pause-resumed',
    ]);
  });

  it('a maximum lowered by policy during a pause shortens it and moves the end alarm', async () => {
    const world = browserWorld();
    await world.worker().start(30, 'popup');
    await world.managed.set({ pause: { maxMinutes: 10 } });
    world.clock.now = T0 + 2 * MINUTE;
    await world.worker().reconcile();
    expect(world.alarms.get(PAUSE_ALARMS.end)).toBe(T0 + 10 * MINUTE);
  });

  it('refuses over-long pauses and says why, without changing anything', async () => {
    const world = browserWorld({ pause: { maxMinutes: 10 } });
    expect(await world.worker().start(30, 'popup')).toEqual({
      ok: false,
      refusal: { reason: 'too-long', maxMinutes: 10 },
    });
    expect(world.alarms.size).toBe(0);
    expect(await readAudit(world.local)).toEqual([]);
  });

  it('two pauses started at the same instant leave one consistent pause', async () => {
    const world = browserWorld();
    const worker = world.worker();
    await Promise.all([worker.start(5, 'popup'), worker.start(15, 'popup')]);
    const pause = world.local.data.get('pause') as {
      current: { minutes: number };
      history: unknown[];
    };
    expect(pause.current.minutes).toBe(15);
    // The first lasted no time at all, and is recorded as such.
    expect(pause.history).toEqual([{ startedAt: T0, endedAt: T0 }]);
    expect(world.alarms.get(PAUSE_ALARMS.end)).toBe(T0 + 15 * MINUTE);
  });

  it('treats a corrupt stored pause as no pause, rather than failing', async () => {
    const world = browserWorld();
    await world.local.set({ pause: { current: { startedAt: 'yesterday' } } });
    await world.worker().reconcile();
    expect(await world.worker().start(5, 'popup')).toEqual({ ok: true });
  });
});
