import * as z from 'zod/mini';
import type { RunningPause } from '../pause/pause-state';

/**
 * What Tally knows about the capture agent, kept in storage.session so the popup can read it and a
 * restarted worker picks up where the last one stopped. Pure rules over it below; the background's
 * agent-link.ts does the talking.
 */
export const AGENT_CONNECTIONS = [
  'connecting',
  'connected',
  'not-responding',
  'incompatible',
] as const;
export type AgentConnection = (typeof AGENT_CONNECTIONS)[number];

export const AGENT_PROBLEMS = ['missing', 'exited', 'silent', 'protocol', 'unreachable'] as const;
export type AgentProblem = (typeof AGENT_PROBLEMS)[number];

const PauseSyncSchema = z.object({
  id: z.string(),
  kind: z.enum(['pause', 'resume']),
  /** The pause's end (pause), or null (resume). */
  until: z.nullable(z.number()),
  /** When the agent acknowledged this message on the current connection; null: not yet. */
  ackedAt: z.nullable(z.number()),
});
export type PauseSync = z.infer<typeof PauseSyncSchema>;

export const AgentLinkStateSchema = z.object({
  transport: z.enum(['native', 'https']),
  /** The native host name or the control URL, from the policy: which agent this state is about. */
  target: z.string(),
  connection: z.enum(AGENT_CONNECTIONS),
  problem: z.nullable(z.enum(AGENT_PROBLEMS)),
  /** The agent's last status on the current connection; null before it has spoken. */
  status: z.nullable(
    z.object({
      capturing: z.boolean(),
      program: z.string(),
      modes: z.array(z.string()),
      at: z.number(),
    }),
  ),
  sync: z.nullable(PauseSyncSchema),
  /** Connection attempts that failed in a row (the reconnect backoff grows with it). */
  failures: z.number(),
});
export type AgentLinkState = z.infer<typeof AgentLinkStateSchema>;

/** Which agent the policy names and how to reach it; a local agent wins over a service. */
export function agentTargetOf(agent: {
  readonly nativeHost: string | undefined;
  readonly controlUrl: string | undefined;
}): { transport: AgentLinkState['transport']; target: string } | undefined {
  if (agent.nativeHost !== undefined) return { transport: 'native', target: agent.nativeHost };
  if (agent.controlUrl !== undefined) return { transport: 'https', target: agent.controlUrl };
  return undefined;
}

/** Reads a stored state; anything unreadable or about another agent starts afresh. */
export function readLinkState(
  raw: unknown,
  transport: AgentLinkState['transport'],
  target: string,
): AgentLinkState {
  const parsed = AgentLinkStateSchema.safeParse(raw);
  if (parsed.success && parsed.data.transport === transport && parsed.data.target === target) {
    return parsed.data;
  }
  return {
    transport,
    target,
    connection: 'connecting',
    problem: null,
    status: null,
    sync: null,
    failures: 0,
  };
}

/**
 * What the agent should have been told about the pause. A running pause the agent has not been
 * told of (or with another end) becomes a new `pause`; the end of a pause it was told of becomes a
 * `resume` (harmless after a natural end: the agent already resumed at `until`). Otherwise the
 * current message stands, acknowledged or not.
 */
export function nextSync(
  pause: RunningPause | null,
  sync: PauseSync | null,
  now: number,
  newId: () => string,
): PauseSync | null {
  if (pause !== null && pause.endsAt > now) {
    if (sync?.kind === 'pause' && sync.until === pause.endsAt) return sync;
    return { id: newId(), kind: 'pause', until: pause.endsAt, ackedAt: null };
  }
  if (sync?.kind === 'pause') return { id: newId(), kind: 'resume', until: null, ackedAt: null };
  return sync;
}

/** Whether the message still needs sending: not acknowledged, and (for a pause) not yet over. */
export function syncPending(sync: PauseSync | null, now: number): sync is PauseSync {
  if (sync === null || sync.ackedAt !== null) return false;
  return sync.kind === 'resume' || (sync.until ?? 0) > now;
}

/** Whether a running pause counts as confirmed by the agent. */
export function pauseConfirmed(state: AgentLinkState, pause: RunningPause | null): boolean {
  const sync = state.sync;
  return (
    pause !== null &&
    state.connection === 'connected' &&
    sync?.kind === 'pause' &&
    sync.until === pause.endsAt &&
    sync.ackedAt !== null
  );
}

const RECONNECT_BASE_MS = 1000;
const RECONNECT_MAX_MS = 60_000;

/** How long to wait before the next connection attempt: 1 s doubling to a minute, with jitter. */
export function reconnectDelay(failures: number, random: () => number): number {
  const ceiling = Math.min(RECONNECT_MAX_MS, RECONNECT_BASE_MS * 2 ** Math.max(0, failures - 1));
  // Up to a quarter less, so many browsers restarted with one agent do not retry in lockstep.
  return Math.round(ceiling * (1 - 0.25 * random()));
}

/** Resend an unacknowledged pause or resume this often while connected. */
export const RESEND_EVERY_MS = 5000;
/** A connected agent that has not sent its status this long after hello is not responding. */
export const STATUS_DEADLINE_MS = 5000;
