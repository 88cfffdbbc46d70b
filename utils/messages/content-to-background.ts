import * as z from 'zod/mini';
import { FrameFindingsSchema } from '../findings/frame-findings.schema';

/** Messages a content script may send. Anything else from a content script is dropped. */
export const ContentToBackgroundSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('content/frame-findings'), findings: FrameFindingsSchema }),
]);
export type ContentToBackground = z.infer<typeof ContentToBackgroundSchema>;
