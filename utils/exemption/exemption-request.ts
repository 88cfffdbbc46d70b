import * as z from 'zod/mini';
import { EXEMPTION_CATEGORIES, type ExemptionCategory } from '../policy/policy-schema';

export const NOTE_MAX_LENGTH = 2000;

/** What the user fills in. Kept as a draft in session storage until it is sent. */
export const ExemptionDraftSchema = z.object({
  category: z.enum(EXEMPTION_CATEGORIES),
  note: z.string().check(z.maxLength(NOTE_MAX_LENGTH)),
});
export type ExemptionDraft = z.infer<typeof ExemptionDraftSchema>;

/** How a request to the organisation's endpoint turned out, worded by the popup. */
export type SendOutcome =
  | { readonly kind: 'sent'; readonly status: number }
  | { readonly kind: 'refused'; readonly status: number }
  | { readonly kind: 'server-error'; readonly status: number }
  | { readonly kind: 'timeout'; readonly seconds: number }
  | { readonly kind: 'offline' };

export const SendOutcomeSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('sent'), status: z.number() }),
  z.object({ kind: z.literal('refused'), status: z.number() }),
  z.object({ kind: z.literal('server-error'), status: z.number() }),
  z.object({ kind: z.literal('timeout'), seconds: z.number() }),
  z.object({ kind: z.literal('offline') }),
]);

/** Whether a request is being sent, and how the last one went (storage.session, exemptionSending). */
export const ExemptionSendingSchema = z.union([
  z.object({ state: z.literal('sending'), at: z.number() }),
  z.object({ state: z.literal('done'), at: z.number(), outcome: SendOutcomeSchema }),
]);
export type ExemptionSending = z.infer<typeof ExemptionSendingSchema>;

/** The JSON body POSTed to the endpoint: the request and nothing else about the user or their pages. */
export function requestBody(
  draft: ExemptionDraft,
  program: string | undefined,
  now: number,
): string {
  return JSON.stringify({
    type: 'tally.exemption-request',
    version: 1,
    category: draft.category,
    note: draft.note.trim(),
    program: program ?? null,
    requestedAt: new Date(now).toISOString(),
  });
}

export function outcomeOfStatus(status: number): SendOutcome {
  if (status >= 200 && status < 300) return { kind: 'sent', status };
  if (status >= 500) return { kind: 'server-error', status };
  return { kind: 'refused', status };
}

export interface MailDraftText {
  readonly subject: string;
  readonly categoryLabel: string;
  readonly intro: string;
}

/** A mailto: link that opens a draft in the user's mail program; they send it themselves. */
export function mailDraftUrl(to: string, draft: ExemptionDraft, text: MailDraftText): string {
  const body = [text.intro, '', `${text.categoryLabel}`, '', draft.note.trim()].join('\n').trim();
  const query = `subject=${encodeURIComponent(text.subject)}&body=${encodeURIComponent(body)}`;
  return `mailto:${encodeURIComponent(to).replace('%40', '@')}?${query}`;
}

export function isExemptionCategory(value: string): value is ExemptionCategory {
  return (EXEMPTION_CATEGORIES as readonly string[]).includes(value);
}
