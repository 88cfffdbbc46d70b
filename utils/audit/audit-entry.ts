import * as z from 'zod/mini';
import { EXEMPTION_CATEGORIES } from '../policy/policy-schema';

/**
 * The employee's own record of what happened: kept only in this browser
 * (storage.local), never sent, exportable and clearable from the options page.
 * It holds no page content and none of what the user wrote in a request.
 */
export const AuditEntrySchema = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('pause-started'),
    at: z.number(),
    minutes: z.number(),
    via: z.enum(['popup', 'shortcut', 'notification', 'banner']),
  }),
  z.object({ kind: z.literal('pause-ended'), at: z.number(), endedAt: z.number() }),
  z.object({ kind: z.literal('pause-resumed'), at: z.number() }),
  z.object({
    kind: z.literal('exemption-requested'),
    at: z.number(),
    category: z.enum(EXEMPTION_CATEGORIES),
    channel: z.enum(['endpoint', 'email']),
    outcome: z.enum(['sent', 'draft-opened', 'failed']),
    detail: z.optional(z.string().check(z.maxLength(200))),
  }),
  z.object({
    kind: z.literal('policy-changed'),
    at: z.number(),
    source: z.enum(['managed', 'demo', 'none']),
    problems: z.number(),
  }),
  z.object({ kind: z.literal('demo-switched'), at: z.number(), on: z.boolean() }),
]);
export type AuditEntry = z.infer<typeof AuditEntrySchema>;

export const AUDIT_LIMIT = 1000;
export const AuditLogSchema = z.array(AuditEntrySchema).check(z.maxLength(AUDIT_LIMIT));
