import * as z from 'zod/mini';
import { FrameFindingsSchema } from '../findings/frame-findings.schema';

/** Messages a content script may send. Anything else from a content script is dropped. */
export const ContentToBackgroundSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('content/frame-findings'), findings: FrameFindingsSchema }),
  // From the banner's own buttons (trusted clicks in Tally's closed shadow root only).
  z.object({
    type: z.literal('content/pause'),
    minutes: z.number().check(z.gt(0), z.lte(30)),
  }),
  z.object({ type: z.literal('content/dismiss-banner') }),
]);
export type ContentToBackground = z.infer<typeof ContentToBackgroundSchema>;
