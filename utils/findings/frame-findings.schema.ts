import * as z from 'zod/mini';
import { CATEGORIES } from '../detection/categories';
import { RECORDER_IDS } from '../recorders/recorder-signatures';
import { MAX_REPORTED_FIELDS } from './frame-findings';

/**
 * What one frame reports about itself, as checked where it arrives (the
 * background). Never a value: reasons quote labels and page markings, which
 * the page wrote, not what the person typed.
 */
export const CategorySchema = z.enum(CATEGORIES);

const Reason = z.string().check(z.maxLength(200));
const Count = z.number().check(z.int(), z.gte(0));

export const FlaggedFieldSchema = z.object({
  category: CategorySchema,
  confidence: z.number().check(z.gte(0), z.lte(1)),
  reasons: z.array(Reason).check(z.maxLength(6)),
  /** Recognised only from its value: a recorder may have seen the first characters. */
  byValue: z.boolean(),
});
export type FlaggedField = z.infer<typeof FlaggedFieldSchema>;

export const CountsSchema = z.object({
  'national-id': Count,
  health: Count,
  financial: Count,
  credential: Count,
  confidential: Count,
});
export type Counts = z.infer<typeof CountsSchema>;

export const FrameFindingsSchema = z.object({
  counts: CountsSchema,
  fields: z.array(FlaggedFieldSchema).check(z.maxLength(MAX_REPORTED_FIELDS)),
  page: z.object({
    confidential: z.boolean(),
    reasons: z.array(Reason).check(z.maxLength(6)),
  }),
  /** Recorders seen running in the frame, by id (never anything else about them). */
  recorders: z.array(z.enum(RECORDER_IDS)).check(z.maxLength(RECORDER_IDS.length)),
});
export type FrameFindings = z.infer<typeof FrameFindingsSchema>;
