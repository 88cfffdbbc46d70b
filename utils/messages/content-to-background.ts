import * as z from 'zod/mini';
import { CATEGORIES } from '../detection/categories';
import { MAX_SENSITIVE_RECTS } from '../agent/screen-rect';
import { FrameFindingsSchema } from '../findings/frame-findings.schema';

const coordinate = z.number().check(z.gte(-1e6), z.lte(1e6));
const extent = z.number().check(z.gte(0), z.lte(1e6));

/** Messages a content script may send. Anything else from a content script is dropped. */
export const ContentToBackgroundSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('content/frame-findings'), findings: FrameFindingsSchema }),
  // From the banner's own buttons (trusted clicks in Tally's closed shadow root only).
  z.object({
    type: z.literal('content/pause'),
    minutes: z.number().check(z.gt(0), z.lte(30)),
  }),
  z.object({ type: z.literal('content/dismiss-banner') }),
  // The flagged fields of this frame that are on screen or have the focus (trusted focus only), by
  // category and box: never a value. Sent only while the policy names a capture agent.
  z.object({
    type: z.literal('content/sensitive-fields'),
    categories: z.array(z.enum(CATEGORIES)).check(z.maxLength(CATEGORIES.length)),
    // In CSS pixels of the top frame's viewport; empty where this frame cannot tell (cross-origin).
    rects: z
      .array(z.object({ x: coordinate, y: coordinate, width: extent, height: extent }))
      .check(z.maxLength(MAX_SENSITIVE_RECTS)),
    viewport: z.object({ width: extent, height: extent }),
  }),
]);
export type ContentToBackground = z.infer<typeof ContentToBackgroundSchema>;
export type SensitiveFields = Extract<ContentToBackground, { type: 'content/sensitive-fields' }>;
