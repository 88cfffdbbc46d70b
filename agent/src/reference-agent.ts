import * as z from 'zod/mini';
import { PROTOCOL_VERSION, TallyToAgentSchema } from '../../utils/agent/protocol';

/** What the person running the reference agent set it to report (its control file). */
export const AgentControlSchema = z.object({
  capturing: z._default(z.boolean(), true),
  program: z._default(z.string(), 'Reference capture agent'),
  modes: z._default(z.array(z.string()), ['keystrokes', 'clicks', 'screenshots']),
  /** The protocol version it claims (to try Tally against a future agent). */
  protocol: z._default(z.number(), PROTOCOL_VERSION),
  /** false: it never acknowledges (to see Tally retry and say "not confirmed"). */
  acknowledge: z._default(z.boolean(), true),
});
export type AgentControl = z.infer<typeof AgentControlSchema>;

export const DEFAULT_CONTROL: AgentControl = AgentControlSchema.parse({});

export interface AgentState {
  control: AgentControl;
  /** The end of the pause Tally asked for (epoch ms), or null. */
  pausedUntil: number | null;
}

/** One line of the agent's JSON-lines log: what it was told, and what it did. */
export type LogEntry =
  | { at: number; event: 'received'; message: unknown }
  | { at: number; event: 'rejected'; reason: string }
  | { at: number; event: 'sent'; message: unknown };

/**
 * The reference agent's whole behaviour, without I/O: a message from Tally in, replies and log
 * lines out. It acknowledges every pause and resume by id, answers hello with its protocol and
 * status, and records sensitive-field reports. It is the example for vendors, not a recorder.
 */
export function handleFromTally(
  state: AgentState,
  raw: unknown,
  now: number,
): { state: AgentState; replies: unknown[]; log: LogEntry[] } {
  const parsed = TallyToAgentSchema.safeParse(raw);
  if (!parsed.success) {
    return {
      state,
      replies: [],
      log: [{ at: now, event: 'rejected', reason: parsed.error.issues[0]?.message ?? 'invalid' }],
    };
  }
  const message = parsed.data;
  const log: LogEntry[] = [{ at: now, event: 'received', message }];
  const replies: unknown[] = [];
  let next = state;
  switch (message.type) {
    case 'hello':
      replies.push({ type: 'hello', protocol: state.control.protocol }, statusOf(state.control));
      break;
    case 'pause':
      next = { ...state, pausedUntil: message.until };
      if (state.control.acknowledge) replies.push({ type: 'ack', id: message.id });
      break;
    case 'resume':
      next = { ...state, pausedUntil: null };
      if (state.control.acknowledge) replies.push({ type: 'ack', id: message.id });
      break;
    case 'sensitive':
      break;
  }
  for (const reply of replies) log.push({ at: now, event: 'sent', message: reply });
  return { state: next, replies, log };
}

export function statusOf(control: AgentControl): unknown {
  return {
    type: 'status',
    capturing: control.capturing,
    program: control.program,
    modes: control.modes,
  };
}
