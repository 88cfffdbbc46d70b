import * as z from 'zod/mini';
import { CATEGORIES } from '../detection/categories';
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
  // A flagged field got or lost the focus (trusted events only): categories and a box, no value.
  z.object({
    type: z.literal('content/sensitive-focus'),
    active: z.boolean(),
    categories: z.array(z.enum(CATEGORIES)).check(z.maxLength(CATEGORIES.length)),
    // In CSS pixels of the top frame's viewport; null where this frame cannot tell (cross-origin).
    rect: z.nullable(z.object({ x: coordinate, y: coordinate, width: extent, height: extent })),
    viewport: z.object({ width: extent, height: extent }),
  }),
]);
export type ContentToBackground = z.infer<typeof ContentToBackgroundSchema>;
export type SensitiveFocus = Extract<ContentToBackground, { type: 'content/sensitive-focus' }>;
