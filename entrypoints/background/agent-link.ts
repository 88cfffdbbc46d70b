import { SerialQueue } from '@/utils/async/serial-queue';
import {
  nextSync,
  readLinkState,
  reconnectDelay,
  RESEND_EVERY_MS,
  STATUS_DEADLINE_MS,
  syncPending,
  type AgentLinkState,
  type AgentProblem,
  type PauseSync,
} from '@/utils/agent/agent-link-state';
import {
  PROTOCOL_VERSION,
  readAgentMessage,
  type SensitiveMessage,
  type TallyToAgent,
} from '@/utils/agent/protocol';
import type { RunningPause } from '@/utils/pause/pause-state';
import { SESSION_KEYS, type StorageArea } from '@/utils/state/storage-keys';
import type { AlarmsApi } from './pause-controller';

/**
 * A connection to the agent, whatever carries it (agent-transports.ts): a native messaging port,
 * or an HTTPS endpoint posing as one. `onDisconnect` says why, in the browser's words or HTTP's.
 */
export interface AgentPort {
  postMessage(message: TallyToAgent): void;
  disconnect(): void;
  onMessage: { addListener(listener: (message: unknown) => void): void };
  onDisconnect: { addListener(listener: (reason: string | undefined) => void): void };
}

/** Which agent the policy names, and how to reach it. */
export type AgentTarget =
  | { readonly transport: 'native'; readonly target: string }
  | { readonly transport: 'https'; readonly target: string };

export interface AgentLinkDeps {
  readonly session: StorageArea;
  readonly open: (target: AgentTarget) => AgentPort;
  /** The running pause after settling against the clock, or null. */
  readonly currentPause: () => Promise<RunningPause | null>;
  readonly now: () => number;
  readonly newId: () => string;
  readonly random: () => number;
  readonly timers: { set(task: () => void, ms: number): unknown; clear(handle: unknown): void };
  readonly alarms: AlarmsApi;
  /** Tally's version, for the hello. */
  readonly version: string;
  /** Called after anything the toolbar or popup shows about the agent changed. */
  readonly onChange: () => void;
  /** A native agent has just (re)connected and spoken. */
  readonly onAgentArrived?: () => void;
}

export const AGENT_RETRY_ALARM = 'agent-retry';
/** How long an HTTPS service's last answer stands before a new worker asks again. */
const HTTPS_STATUS_FRESH_MS = 5 * 60_000;
// Chromium fires alarms no sooner than 30 s after they are set: the timer retries sooner while the
// worker lives, the alarm wakes a worker that was stopped meanwhile.
const ALARM_MIN_MS = 30_000;

/**
 * Tally's side of the connection to the capture program's agent (docs/agent-protocol.md), over
 * native messaging or HTTPS (agent-transports.ts). The truth is in storage.session (utils/agent/agent-link-state.ts);
 * this class keeps the port, the timers and the order of events. Every connection says hello and,
 * if a pause is running, sends it again: a restarted agent (or worker) starts from nothing. An open
 * native port keeps the worker alive (Chrome 105+), so the connection lasts; when the agent goes
 * away Tally retries with backoff, by timer and by alarm.
 */
export class AgentLink {
  private agent: AgentTarget | undefined;
  private configured = false;
  private port: AgentPort | null = null;
  // Callbacks of an older connection must not touch the current one.
  private generation = 0;
  private readonly queue = new SerialQueue();
  private statusTimer: unknown;
  private resendTimer: unknown;
  private retryTimer: unknown;

  constructor(private readonly deps: AgentLinkDeps) {}

  /**
   * The agent the policy names (undefined: none). Called at every start and policy change, often
   * twice at once: the same host keeps its connection, whether open, opening or waiting to retry.
   */
  async configure(agent: AgentTarget | undefined): Promise<void> {
    const same = agent?.transport === this.agent?.transport && agent?.target === this.agent?.target;
    if (this.configured && same) {
      if (agent !== undefined) await this.syncPause();
      return;
    }
    this.configured = true;
    this.close();
    this.agent = agent;
    if (agent === undefined) {
      await this.queue.run(async () => {
        await this.deps.session.remove(SESSION_KEYS.agentLink);
        await this.deps.alarms.clear(AGENT_RETRY_ALARM);
      });
      this.deps.onChange();
      return;
    }
    return this.connect();
  }

  /** The retry alarm fired (possibly in a freshly started worker). */
  async onAlarm(): Promise<void> {
    if (this.agent !== undefined && this.port === null) await this.connect();
  }

  /** The pause started, ended or changed its end: tell the agent (now, or when it is back). */
  syncPause(): Promise<void> {
    return this.queue.run(async () => {
      if (this.agent === undefined) return;
      const state = await this.read();
      const next = nextSync(await this.deps.currentPause(), state.sync, this.deps.now(), () =>
        this.deps.newId(),
      );
      if (next !== state.sync) {
        await this.save({ ...state, sync: next });
        this.deps.onChange();
      }
      if (this.port && syncPending(next, this.deps.now())) this.sendSync(next);
    });
  }

  /**
   * A sensitive field got or lost the focus. Sent only to a connected agent and never queued: a
   * box on the screen is news only now.
   */
  reportSensitive(message: SensitiveMessage): void {
    // Not over HTTPS: a box on this screen means nothing to a remote service, and a request per
    // focus would be network traffic about what the user does.
    if (this.port && this.agent?.transport === 'native') this.post(message);
  }

  private connect(): Promise<void> {
    return this.queue.run(async () => {
      const agent = this.agent;
      // Already open: a retry alarm that fired while the worker's start-up was connecting.
      if (agent === undefined || this.port !== null) return;
      this.clearTimers();
      const generation = ++this.generation;
      let state = await this.read();
      let port: AgentPort;
      try {
        port = this.deps.open(agent);
      } catch {
        // An invalid host name throws at once; a missing host disconnects right after.
        await this.failed(state, 'missing');
        return;
      }
      this.port = port;
      port.onMessage.addListener((message) => void this.onMessage(generation, message));
      port.onDisconnect.addListener((reason) => void this.onDisconnect(generation, reason));
      const now = this.deps.now();
      const sync = nextSync(await this.deps.currentPause(), state.sync, now, () =>
        this.deps.newId(),
      );
      // A service keeps what it was told: a worker that merely restarted (as it does every few
      // minutes) neither greets it nor repeats what it acknowledged while its answer is recent.
      if (
        agent.transport === 'https' &&
        state.connection === 'connected' &&
        state.status !== null &&
        now - state.status.at < HTTPS_STATUS_FRESH_MS
      ) {
        if (sync !== state.sync) await this.save({ ...state, sync });
        if (syncPending(sync, now)) this.sendSync(sync);
        return;
      }
      this.post({
        type: 'hello',
        protocol: PROTOCOL_VERSION,
        client: 'tally',
        version: this.deps.version,
      });
      // A new connection knows nothing: the running pause (or an unconfirmed resume) goes again,
      // and counts as confirmed only once this agent acknowledges it.
      const again = sync && sync.kind === 'pause' && syncPending({ ...sync, ackedAt: null }, now);
      const resend = again ? { ...sync, ackedAt: null } : sync;
      state = {
        ...state,
        connection: state.connection === 'connected' ? 'connecting' : state.connection,
        status: null,
        sync: resend,
      };
      await this.save(state);
      if (syncPending(resend, now)) this.sendSync(resend);
      this.statusTimer = this.deps.timers.set(
        () => void this.onSilent(generation),
        STATUS_DEADLINE_MS,
      );
      this.deps.onChange();
    });
  }

  private onMessage(generation: number, raw: unknown): Promise<void> {
    return this.queue.run(async () => {
      if (generation !== this.generation) return;
      const message = readAgentMessage(raw);
      // Newer agents may say more than this Tally knows: ignored, as the protocol promises.
      if (message.kind === 'unknown' || message.kind === 'malformed') return;
      const state = await this.read();
      const now = this.deps.now();
      if (message.kind === 'hello') {
        if (message.protocol === PROTOCOL_VERSION) return;
        this.close();
        await this.failed({ ...state, connection: 'incompatible' }, 'protocol');
        return;
      }
      if (message.kind === 'status') {
        this.deps.timers.clear(this.statusTimer);
        const { capturing, program, modes } = message.status;
        const arrived = state.connection !== 'connected';
        await this.save({
          ...state,
          connection: 'connected',
          problem: null,
          // An agent that answers but keeps failing the pending pause (a service that says hello
          // and refuses the pause) still backs off: the count resets once the pause gets through.
          failures: syncPending(state.sync, now) ? state.failures : 0,
          status: { capturing, program, modes, at: now },
        });
        // A native agent that (re)connected knows nothing of the screen: tell it what is there.
        if (arrived && this.agent?.transport === 'native') this.deps.onAgentArrived?.();
      } else {
        if (state.sync?.id !== message.id || state.sync.ackedAt !== null) return;
        this.deps.timers.clear(this.resendTimer);
        await this.save({ ...state, failures: 0, sync: { ...state.sync, ackedAt: now } });
      }
      this.deps.onChange();
    });
  }

  private onDisconnect(generation: number, error: string | undefined): Promise<void> {
    return this.queue.run(async () => {
      if (generation !== this.generation) return;
      this.port = null;
      this.clearTimers();
      const reason = error ?? '';
      const problem: AgentProblem = /not found|forbidden|not allowed/i.test(reason)
        ? 'missing'
        : /unreachable|HTTP/.test(reason)
          ? 'unreachable'
          : 'exited';
      await this.failed(await this.read(), problem);
    });
  }

  private onSilent(generation: number): Promise<void> {
    return this.queue.run(async () => {
      if (generation !== this.generation) return;
      const state = await this.read();
      if (state.connection === 'connected' || state.connection === 'incompatible') return;
      // The port stays open: a slow agent that speaks later is welcome.
      await this.save({ ...state, connection: 'not-responding', problem: 'silent' });
      this.deps.onChange();
    });
  }

  /** Records a failed connection and schedules the next attempt. */
  private async failed(state: AgentLinkState, problem: AgentProblem): Promise<void> {
    const failures = state.failures + 1;
    await this.save({
      ...state,
      connection: problem === 'protocol' ? 'incompatible' : 'not-responding',
      problem,
      status: null,
      failures,
    });
    const delay = reconnectDelay(failures, this.deps.random);
    this.retryTimer = this.deps.timers.set(() => {
      this.retryTimer = undefined;
      void this.connect();
    }, delay);
    await this.deps.alarms.create(AGENT_RETRY_ALARM, {
      when: this.deps.now() + Math.max(delay, ALARM_MIN_MS),
    });
    this.deps.onChange();
  }

  private sendSync(sync: PauseSync): void {
    this.post(
      sync.kind === 'pause'
        ? { type: 'pause', id: sync.id, until: sync.until ?? this.deps.now() }
        : { type: 'resume', id: sync.id },
    );
    const generation = this.generation;
    this.deps.timers.clear(this.resendTimer);
    // Same id each time: the agent treats a repeat as the same request.
    this.resendTimer = this.deps.timers.set(() => void this.resend(generation), RESEND_EVERY_MS);
  }

  private resend(generation: number): Promise<void> {
    return this.queue.run(async () => {
      if (generation !== this.generation || this.port === null) return;
      const { sync } = await this.read();
      if (syncPending(sync, this.deps.now())) this.sendSync(sync);
    });
  }

  private post(message: TallyToAgent): void {
    try {
      this.port?.postMessage(message);
    } catch {
      // The port closed under us; onDisconnect says why and schedules the retry.
    }
  }

  private close(): void {
    this.generation++;
    this.clearTimers();
    const port = this.port;
    this.port = null;
    try {
      port?.disconnect();
    } catch {
      // Already gone.
    }
  }

  private clearTimers(): void {
    for (const timer of [this.statusTimer, this.resendTimer, this.retryTimer]) {
      if (timer !== undefined) this.deps.timers.clear(timer);
    }
    this.statusTimer = this.resendTimer = this.retryTimer = undefined;
  }

  private async read(): Promise<AgentLinkState> {
    const raw = (await this.deps.session.get(SESSION_KEYS.agentLink))[SESSION_KEYS.agentLink];
    return readLinkState(raw, this.agent?.transport ?? 'native', this.agent?.target ?? '');
  }

  private save(state: AgentLinkState): Promise<void> {
    return this.deps.session.set({ [SESSION_KEYS.agentLink]: state });
  }
}
