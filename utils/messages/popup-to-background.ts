import * as z from 'zod/mini';
import { FrameFindingsSchema } from '../findings/frame-findings.schema';

/** Messages only Tally's own pages may send. */
export const PopupToBackgroundSchema = z.discriminatedUnion('type', [
  z.object({
    type: z.literal('popup/get-tab-findings'),
    tabId: z.number().check(z.int(), z.gte(0)),
  }),
]);
export type PopupToBackground = z.infer<typeof PopupToBackgroundSchema>;

export const TabFindingsResponseSchema = z.object({
  ok: z.literal(true),
  findings: FrameFindingsSchema,
  frames: z.number().check(z.int(), z.gte(0)),
});
export type TabFindingsResponse = z.infer<typeof TabFindingsResponseSchema>;

export const ErrorResponseSchema = z.object({ ok: z.literal(false), error: z.string() });
export type ErrorResponse = z.infer<typeof ErrorResponseSchema>;
