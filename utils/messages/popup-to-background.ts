import * as z from 'zod/mini';
import { FrameFindingsSchema } from '../findings/frame-findings.schema';
import { ExemptionDraftSchema, SendOutcomeSchema } from '../exemption/exemption-request';

/**
 * Messages only Tally's own pages (popup, options) may send. They read state
 * straight from storage; these are the requests that change it, which only
 * the background performs, one at a time.
 */
export const PopupToBackgroundSchema = z.discriminatedUnion('type', [
  z.object({
    type: z.literal('popup/get-tab-findings'),
    tabId: z.number().check(z.int(), z.gte(0)),
  }),
  z.object({
    type: z.literal('popup/pause'),
    minutes: z.number().check(z.gt(0), z.lte(1440)),
  }),
  z.object({ type: z.literal('popup/resume') }),
  z.object({
    type: z.literal('popup/request-exemption'),
    draft: ExemptionDraftSchema,
    channel: z.enum(['endpoint', 'email']),
  }),
  z.object({
    type: z.literal('options/set-settings'),
    settings: z.object({
      demoProgram: z.optional(z.boolean()),
      warnBeforePauseEnds: z.optional(z.boolean()),
    }),
  }),
  z.object({ type: z.literal('options/clear-audit') }),
]);
export type PopupToBackground = z.infer<typeof PopupToBackgroundSchema>;

export const TabFindingsResponseSchema = z.object({
  ok: z.literal(true),
  findings: FrameFindingsSchema,
  frames: z.number().check(z.int(), z.gte(0)),
});
export type TabFindingsResponse = z.infer<typeof TabFindingsResponseSchema>;

export const PauseRefusalSchema = z.discriminatedUnion('reason', [
  z.object({ reason: z.literal('cooldown'), until: z.number() }),
  z.object({ reason: z.literal('budget-exhausted') }),
  z.object({ reason: z.literal('over-budget'), minutesLeft: z.number() }),
  z.object({ reason: z.literal('too-long'), maxMinutes: z.number() }),
  z.object({ reason: z.literal('pause-again-not-allowed') }),
  z.object({ reason: z.literal('invalid-duration') }),
]);

export const DoneResponseSchema = z.object({ ok: z.literal(true) });
export const RefusedResponseSchema = z.object({
  ok: z.literal(false),
  refusal: PauseRefusalSchema,
});
export const ExemptionResponseSchema = z.object({
  ok: z.literal(true),
  outcome: SendOutcomeSchema,
});
export type ExemptionResponse = z.infer<typeof ExemptionResponseSchema>;

export const ErrorResponseSchema = z.object({ ok: z.literal(false), error: z.string() });
export type ErrorResponse = z.infer<typeof ErrorResponseSchema>;

// Most specific first: zod objects drop unknown keys, so {ok: true} would swallow an outcome.
export const MutationResponseSchema = z.union([
  ExemptionResponseSchema,
  RefusedResponseSchema,
  ErrorResponseSchema,
  DoneResponseSchema,
]);
export type MutationResponse = z.infer<typeof MutationResponseSchema>;
