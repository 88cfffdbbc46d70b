import { describe, expect, it } from 'vitest';
import {
  AGENT_RETRY_ALARM,
  AgentLink,
  type AgentPort,
  type AgentTarget,
} from '@/entrypoints/background/agent-link';
import { pauseConfirmed, type AgentLinkState } from '@/utils/agent/agent-link-state';
import type { RunningPause } from '@/utils/pause/pause-state';
import { memoryStorage } from '../../support/memory-storage';

const T0 = Date.UTC(2026, 10, 23, 10);
const HOST: AgentTarget = { transport: 'native', target: 'org.tally.reference_agent' };
const SERVICE: AgentTarget = { transport: 'https', target: 'https://capture.example.com/tally' };

/** A fake agent on the other end of one connection. */
class FakePort implements AgentPort {
  readonly sent: unknown[] = [];
  disconnected = false;
  private readonly messageListeners: Array<(m: unknown) => void> = [];
  private readonly disconnectListeners: Array<(reason: string | undefined) => void> = [];
  onMessage = { addListener: (l: (m: unknown) => void) => void this.messageListeners.push(l) };
  onDisconnect = {
    addListener: (l: (reason: string | undefined) => void) => void this.disconnectListeners.push(l),
  };
  postMessage(message: unknown): void {
    if (this.disconnected) throw new Error('Attempting to use a disconnected port object');
    this.sent.push(message);
  }
  disconnect(): void {
    this.disconnected = true;
  }
  /** The agent speaks. */
  say(message: unknown): void {
    for (const l of this.messageListeners) l(message);
  }
  /** The agent exits (or was never there), with the browser's reason. */
  die(reason?: string): void {
    this.disconnected = true;
    for (const l of this.disconnectListeners) l(reason);
  }
}

function world() {
  const session = memoryStorage();
  const clock = { now: T0 };
  const ports: FakePort[] = [];
  const timers = new Map<number, { at: number; task: () => void }>();
  const alarms = new Map<string, number>();
  let nextTimer = 1;
  let ids = 0;
  let pause: RunningPause | null = null;
  let changes = 0;
  let arrivals = 0;
  /** A worker: a new AgentLink over the same storage, clock and agents (Chrome restarting it). */
  const worker = () =>
    new AgentLink({
      session,
      open: (agent) => {
        if (agent.target !== HOST.target && agent.target !== SERVICE.target) {
          throw new Error('Invalid native messaging host name specified.');
        }
        const port = new FakePort();
        ports.push(port);
        return port;
      },
      currentPause: async () => (pause && pause.endsAt > clock.now ? pause : null),
      now: () => clock.now,
      newId: () => `msg-000000${++ids}`,
      random: () => 0,
      timers: {
        set: (task, ms) => {
          const id = nextTimer++;
          timers.set(id, { at: clock.now + ms, task });
          return id;
        },
        clear: (id) => void timers.delete(id as number),
      },
      alarms: {
        create: (name, { when }) => void alarms.set(name, when),
        clear: async (name) => alarms.delete(name),
      },
      version: '0.1.0',
      onChange: () => void changes++,
      onAgentArrived: () => void arrivals++,
    });
  const settle = () => new Promise((resolve) => setTimeout(resolve, 5));
  return {
    link: worker(),
    worker,
    ports,
    alarms,
    clock,
    settle,
    port: (): FakePort => {
      const port = ports.at(-1);
      if (!port) throw new Error('no connection yet');
      return port;
    },
    state: () => session.data.get('agentLink') as AgentLinkState | undefined,
    setPause: (p: RunningPause | null) => void (pause = p),
    changes: () => changes,
    arrivals: () => arrivals,
    /** Moves the clock on and runs the timers that fall due, in order. */
    async advance(ms: number) {
      const until = clock.now + ms;
      for (;;) {
        const due = [...timers.entries()]
          .filter(([, t]) => t.at <= until)
          .sort((a, b) => a[1].at - b[1].at)[0];
        if (!due) break;
        timers.delete(due[0]);
        clock.now = due[1].at;
        due[1].task();
        await settle();
      }
      clock.now = until;
    },
  };
}

const running = (endsAt: number): RunningPause => ({ startedAt: T0, endsAt, minutes: 15 });

describe('AgentLink', () => {
  it('says hello, and counts as connected once the agent reports its status', async () => {
    const w = world();
    await w.link.configure(HOST);
    expect(w.port().sent).toEqual([
      { type: 'hello', protocol: 1, client: 'tally', version: '0.1.0' },
    ]);
    expect(w.state()?.connection).toBe('connecting');
    w.port().say({ type: 'hello', protocol: 1 });
    w.port().say({ type: 'status', capturing: false, program: 'Capture', modes: ['clicks'] });
    await w.settle();
    expect(w.state()).toMatchObject({
      connection: 'connected',
      problem: null,
      status: { capturing: false, program: 'Capture', modes: ['clicks'], at: T0 },
    });
  });

  it('sends a pause with its end, resends it unchanged until acknowledged, then confirms it', async () => {
    const w = world();
    await w.link.configure(HOST);
    w.port().say({ type: 'status', capturing: true, program: 'Capture', modes: [] });
    const pause = running(T0 + 15 * 60_000);
    w.setPause(pause);
    await w.link.syncPause();
    const sent = { type: 'pause', id: 'msg-0000001', until: T0 + 15 * 60_000 };
    expect(w.port().sent.slice(1)).toEqual([sent]);
    await w.advance(12_000);
    expect(w.port().sent.slice(1)).toEqual([sent, sent, sent]);
    expect(pauseConfirmed(w.state() as AgentLinkState, pause)).toBe(false);
    w.port().say({ type: 'ack', id: 'msg-0000001' });
    await w.settle();
    expect(pauseConfirmed(w.state() as AgentLinkState, pause)).toBe(true);
    await w.advance(30_000);
    expect(w.port().sent).toHaveLength(4);

    // Resumed early: a resume, acknowledged in turn.
    w.setPause(null);
    await w.link.syncPause();
    expect(w.port().sent.at(-1)).toEqual({ type: 'resume', id: 'msg-0000002' });
    w.port().say({ type: 'ack', id: 'msg-0000002' });
    await w.settle();
    expect(w.state()?.sync).toMatchObject({ kind: 'resume', ackedAt: T0 + 42_000 });
  });

  it('reconnects with growing delays when the agent is gone, and sends the pause again', async () => {
    const w = world();
    w.setPause(running(T0 + 30 * 60_000));
    await w.link.configure(HOST);
    w.port().say({ type: 'status', capturing: true, program: 'Capture', modes: [] });
    w.port().say({ type: 'ack', id: 'msg-0000001' });
    await w.settle();
    w.port().die('Native host has exited.');
    await w.settle();
    expect(w.state()).toMatchObject({
      connection: 'not-responding',
      problem: 'exited',
      failures: 1,
    });
    expect(w.alarms.get(AGENT_RETRY_ALARM)).toBe(T0 + 30_000);
    expect(w.ports).toHaveLength(1);
    await w.advance(1000);
    expect(w.ports).toHaveLength(2);
    // The second attempt finds no agent either: the wait doubles.
    w.port().die('Specified native messaging host not found.');
    await w.settle();
    expect(w.state()).toMatchObject({ problem: 'missing', failures: 2 });
    await w.advance(1999);
    expect(w.ports).toHaveLength(2);
    await w.advance(1);
    expect(w.ports).toHaveLength(3);
    // The agent is back: hello, then the running pause again with the same id, unconfirmed
    // until this agent acknowledges it.
    expect(w.port().sent).toEqual([
      { type: 'hello', protocol: 1, client: 'tally', version: '0.1.0' },
      { type: 'pause', id: 'msg-0000001', until: T0 + 30 * 60_000 },
    ]);
    expect(w.state()?.sync?.ackedAt).toBeNull();
    w.port().say({ type: 'status', capturing: true, program: 'Capture', modes: [] });
    await w.settle();
    // Answering is not enough to reset the backoff while the pause is still unacknowledged.
    expect(w.state()).toMatchObject({ connection: 'connected', failures: 2 });
    w.port().say({ type: 'ack', id: 'msg-0000001' });
    await w.settle();
    expect(w.state()).toMatchObject({ connection: 'connected', failures: 0 });
  });

  it('says when a native agent arrives (first status of each connection), so the screen is re-sent', async () => {
    const w = world();
    await w.link.configure(HOST);
    const status = { type: 'status', capturing: true, program: 'Capture', modes: [] };
    w.port().say(status);
    w.port().say(status);
    await w.settle();
    expect(w.arrivals()).toBe(1);
    w.port().die('Native host has exited.');
    await w.settle();
    await w.advance(1000);
    w.port().say(status);
    await w.settle();
    expect(w.arrivals()).toBe(2);
    // Not for a service over HTTPS: it is never told of the screen.
    const service = world();
    await service.link.configure(SERVICE);
    service.port().say(status);
    await service.settle();
    expect(service.arrivals()).toBe(0);
  });

  it('calls an agent that never reports its status not responding, and keeps listening', async () => {
    const w = world();
    await w.link.configure(HOST);
    await w.advance(5000);
    expect(w.state()).toMatchObject({ connection: 'not-responding', problem: 'silent' });
    w.port().say({ type: 'status', capturing: true, program: 'Late', modes: [] });
    await w.settle();
    expect(w.state()?.connection).toBe('connected');
  });

  it('treats another protocol version as incompatible, and ignores what it does not know', async () => {
    const w = world();
    await w.link.configure(HOST);
    w.port().say({ type: 'telemetry', cpu: 3 });
    w.port().say({ type: 'status', capturing: 'yes' });
    w.port().say('garbage');
    await w.settle();
    expect(w.state()?.connection).toBe('connecting');
    w.port().say({ type: 'hello', protocol: 2 });
    await w.settle();
    expect(w.state()).toMatchObject({ connection: 'incompatible', problem: 'protocol' });
    expect(w.ports[0]?.disconnected).toBe(true);
  });

  it('opens one connection when told the same host twice at once (start-up and a policy event)', async () => {
    const w = world();
    await Promise.all([w.link.configure(HOST), w.link.configure(HOST)]);
    await w.link.configure(HOST);
    expect(w.ports).toHaveLength(1);
  });

  it('a retry alarm arriving while the start-up connects opens no second connection', async () => {
    const w = world();
    await Promise.all([w.link.configure(HOST), w.link.onAlarm()]);
    await w.link.onAlarm();
    expect(w.ports).toHaveLength(1);
  });

  it('a host name the browser rejects is "missing"; no policy host clears everything', async () => {
    const w = world();
    await w.link.configure({ transport: 'native', target: 'com.other.agent' });
    expect(w.state()).toMatchObject({ connection: 'not-responding', problem: 'missing' });
    await w.link.configure(undefined);
    expect(w.state()).toBeUndefined();
    expect(w.alarms.size).toBe(0);
  });

  it('an acknowledgement of an old message, or from an old connection, changes nothing', async () => {
    const w = world();
    w.setPause(running(T0 + 60_000));
    await w.link.configure(HOST);
    const first = w.port();
    first.die('Native host has exited.');
    await w.settle();
    await w.advance(1000);
    first.say({ type: 'ack', id: 'msg-0000001' });
    w.port().say({ type: 'ack', id: 'msg-9999999' });
    await w.settle();
    expect(w.state()?.sync?.ackedAt).toBeNull();
  });
});

describe('AgentLink over HTTPS', () => {
  it('a restarted worker does not greet a service that answered recently, nor repeat what it acknowledged', async () => {
    const w = world();
    w.setPause(running(T0 + 30 * 60_000));
    await w.link.configure(SERVICE);
    w.port().say({ type: 'status', capturing: true, program: 'Svc', modes: [] });
    w.port().say({ type: 'ack', id: 'msg-0000001' });
    await w.settle();
    expect(w.port().sent.map((m) => (m as { type: string }).type)).toEqual(['hello', 'pause']);

    // The worker restarts two minutes later: nothing is sent, the pause stays confirmed.
    await w.advance(2 * 60_000);
    await w.worker().configure(SERVICE);
    expect(w.port().sent).toEqual([]);
    expect(w.state()).toMatchObject({ connection: 'connected', sync: { ackedAt: T0 } });

    // Ten minutes on, its answer is old: a new worker greets it again and re-sends the pause.
    await w.advance(8 * 60_000);
    await w.worker().configure(SERVICE);
    expect(w.port().sent.map((m) => (m as { type: string }).type)).toEqual(['hello', 'pause']);
  });
});
