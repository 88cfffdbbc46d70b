import * as z from 'zod/mini';
import { CATEGORIES } from '../detection/categories';

/**
 * The capture-agent protocol, version 1 (docs/agent-protocol.md). JSON messages with a `type`.
 * Agents may add fields and message types: Tally ignores what it does not know, so a newer
 * agent keeps working with an older Tally. What Tally sends is exactly what is listed here:
 * never a field value, page content, a URL or browsing history.
 */
export const PROTOCOL_VERSION = 1;

/** A message id: what an acknowledgement names, and the idempotency key over HTTPS. */
const MessageId = z.string().check(z.minLength(8), z.maxLength(64), z.regex(/^[\w-]+$/));

/** A rectangle in screen pixels (device-independent), as a screenshot agent would black it out. */
export const ScreenRectSchema = z.object({
  x: z.number(),
  y: z.number(),
  width: z.number().check(z.gte(0)),
  height: z.number().check(z.gte(0)),
});
export type ScreenRect = z.infer<typeof ScreenRectSchema>;

export const TallyHelloSchema = z.object({
  type: z.literal('hello'),
  protocol: z.literal(PROTOCOL_VERSION),
  client: z.literal('tally'),
  version: z.string(),
});
export const PauseMessageSchema = z.object({
  type: z.literal('pause'),
  id: MessageId,
  /** When the pause ends (epoch ms); capture resumes then without another message. */
  until: z.number(),
});
export const ResumeMessageSchema = z.object({ type: z.literal('resume'), id: MessageId });
export const SensitiveMessageSchema = z.object({
  type: z.literal('sensitive'),
  active: z.boolean(),
  categories: z.array(z.enum(CATEGORIES)),
  rects: z.array(ScreenRectSchema).check(z.maxLength(50)),
});

export const TallyToAgentSchema = z.discriminatedUnion('type', [
  TallyHelloSchema,
  PauseMessageSchema,
  ResumeMessageSchema,
  SensitiveMessageSchema,
]);
export type TallyToAgent = z.infer<typeof TallyToAgentSchema>;
export type PauseMessage = z.infer<typeof PauseMessageSchema>;
export type ResumeMessage = z.infer<typeof ResumeMessageSchema>;
export type SensitiveMessage = z.infer<typeof SensitiveMessageSchema>;

const Name = z.string().check(z.trim(), z.minLength(1), z.maxLength(120));

/** What the agent records right now. `modes` are open-ended words such as "keystrokes". */
export const AgentStatusSchema = z.object({
  type: z.literal('status'),
  capturing: z.boolean(),
  program: Name,
  modes: z.array(z.string().check(z.minLength(1), z.maxLength(40))).check(z.maxLength(20)),
});
export type AgentStatus = z.infer<typeof AgentStatusSchema>;

export const AgentAckSchema = z.object({ type: z.literal('ack'), id: MessageId });
export type AgentAck = z.infer<typeof AgentAckSchema>;

/** Optional: an agent that says which protocol it speaks. Anything but 1 is incompatible. */
export const AgentHelloSchema = z.object({ type: z.literal('hello'), protocol: z.number() });

export type AgentMessage =
  | { kind: 'status'; status: AgentStatus }
  | { kind: 'ack'; id: string }
  | { kind: 'hello'; protocol: number }
  /** Not for this version of Tally (a newer agent's extension): ignored, not an error. */
  | { kind: 'unknown' }
  /** A known type in the wrong shape, or not an object at all. */
  | { kind: 'malformed' };

/** Reads one message from an agent; never throws. */
export function readAgentMessage(raw: unknown): AgentMessage {
  if (typeof raw !== 'object' || raw === null || !('type' in raw)) return { kind: 'malformed' };
  switch (raw.type) {
    case 'status': {
      const parsed = AgentStatusSchema.safeParse(raw);
      return parsed.success ? { kind: 'status', status: parsed.data } : { kind: 'malformed' };
    }
    case 'ack': {
      const parsed = AgentAckSchema.safeParse(raw);
      return parsed.success ? { kind: 'ack', id: parsed.data.id } : { kind: 'malformed' };
    }
    case 'hello': {
      const parsed = AgentHelloSchema.safeParse(raw);
      return parsed.success
        ? { kind: 'hello', protocol: parsed.data.protocol }
        : { kind: 'malformed' };
    }
    default:
      return typeof raw.type === 'string' ? { kind: 'unknown' } : { kind: 'malformed' };
  }
}
