import * as z from 'zod/mini';
import { CATEGORIES } from '../detection/categories';
import { CountsSchema } from '../findings/frame-findings.schema';
import { RECORDER_SIGNATURES } from '../recorders/recorder-signatures';

/** PageState (page-state.ts) as checked where the background sends it and in tests. */
export const PageStateSchema = z.object({
  capture: z.enum(['active', 'paused', 'exempt', 'off', 'unknown']),
  until: z.nullable(z.number()),
  recorders: z
    .array(z.enum(RECORDER_SIGNATURES.map((s) => s.name) as [string, ...string[]]))
    .check(z.maxLength(RECORDER_SIGNATURES.length)),
  redaction: z.object(
    Object.fromEntries(CATEGORIES.map((c) => [c, z.boolean()])) as Record<
      (typeof CATEGORIES)[number],
      z.ZodMiniBoolean
    >,
  ),
  shield: z.object({ fields: z.boolean(), documents: z.boolean() }),
  counts: CountsSchema,
  confidential: z.boolean(),
  reasons: z.array(z.string().check(z.maxLength(200))).check(z.maxLength(8)),
  lateCatch: z.boolean(),
  pauseMinutes: z.nullable(z.number().check(z.gt(0), z.lte(30))),
  bannerDismissed: z.boolean(),
  reportSensitive: z.boolean(),
});
