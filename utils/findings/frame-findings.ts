import * as z from 'zod/mini';
import { CATEGORIES, CategorySchema, type Category } from '../detection/categories';

/**
 * What one frame reports about itself: categories, confidences and reasons.
 * Never a value: reasons quote labels and page markings, which the page
 * wrote, not what the person typed.
 */
export const MAX_REPORTED_FIELDS = 100;
const Reason = z.string().check(z.maxLength(200));

export const FlaggedFieldSchema = z.object({
  category: CategorySchema,
  confidence: z.number().check(z.gte(0), z.lte(1)),
  reasons: z.array(Reason).check(z.maxLength(6)),
  /** Recognised only from its value: a recorder may have seen the first characters. */
  byValue: z.boolean(),
});
export type FlaggedField = z.infer<typeof FlaggedFieldSchema>;

export const CountsSchema = z.object({
  'national-id': z.number().check(z.int(), z.gte(0)),
  health: z.number().check(z.int(), z.gte(0)),
  financial: z.number().check(z.int(), z.gte(0)),
  credential: z.number().check(z.int(), z.gte(0)),
  confidential: z.number().check(z.int(), z.gte(0)),
});
export type Counts = z.infer<typeof CountsSchema>;

export const FrameFindingsSchema = z.object({
  counts: CountsSchema,
  fields: z.array(FlaggedFieldSchema).check(z.maxLength(MAX_REPORTED_FIELDS)),
  page: z.object({
    confidential: z.boolean(),
    reasons: z.array(Reason).check(z.maxLength(6)),
  }),
});
export type FrameFindings = z.infer<typeof FrameFindingsSchema>;

export function emptyCounts(): Counts {
  return { 'national-id': 0, health: 0, financial: 0, credential: 0, confidential: 0 };
}

export const EMPTY_FINDINGS: FrameFindings = {
  counts: emptyCounts(),
  fields: [],
  page: { confidential: false, reasons: [] },
};

/** One tab's findings: every frame's, added up. */
export function mergeFindings(frames: readonly FrameFindings[]): FrameFindings {
  const counts = emptyCounts();
  const fields: FlaggedField[] = [];
  const pageReasons: string[] = [];
  let confidential = false;
  for (const frame of frames) {
    for (const category of CATEGORIES) counts[category] += frame.counts[category];
    for (const field of frame.fields) if (fields.length < MAX_REPORTED_FIELDS) fields.push(field);
    confidential ||= frame.page.confidential;
    for (const r of frame.page.reasons) {
      if (pageReasons.length < 6 && !pageReasons.includes(r)) pageReasons.push(r);
    }
  }
  return { counts, fields, page: { confidential, reasons: pageReasons } };
}

export function totalFlagged(counts: Counts): number {
  return CATEGORIES.reduce((n, c: Category) => n + counts[c], 0);
}
