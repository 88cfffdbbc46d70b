import { CATEGORIES, everyCategory } from '../detection/categories';
import { normalizeRecorderIds } from '../recorders/recorder-signatures';
import type { Counts, FlaggedField, FrameFindings } from './frame-findings.schema';

/**
 * Helpers over a frame's findings, free of zod so the content script can use
 * them; the types come from the schemas (type-only imports vanish at build).
 */
export type { Counts, FlaggedField, FrameFindings };

export const MAX_REPORTED_FIELDS = 100;

export function emptyCounts(): Counts {
  return everyCategory(0);
}

export const EMPTY_FINDINGS: FrameFindings = {
  counts: emptyCounts(),
  fields: [],
  page: { confidential: false, reasons: [] },
  recorders: [],
};

/** One tab's findings: every frame's, added up. */
export function mergeFindings(frames: readonly FrameFindings[]): FrameFindings {
  const counts = emptyCounts();
  const fields: FlaggedField[] = [];
  const pageReasons: string[] = [];
  let confidential = false;
  for (const frame of frames) {
    for (const category of CATEGORIES) counts[category] += frame.counts[category];
    for (const field of frame.fields) {
      if (fields.length < MAX_REPORTED_FIELDS) fields.push(field);
    }
    confidential ||= frame.page.confidential;
    for (const r of frame.page.reasons) {
      if (pageReasons.length < 6 && !pageReasons.includes(r)) pageReasons.push(r);
    }
  }
  const recorders = normalizeRecorderIds(frames.flatMap((frame) => frame.recorders));
  return { counts, fields, page: { confidential, reasons: pageReasons }, recorders };
}

export function totalFlagged(counts: Counts): number {
  return CATEGORIES.reduce((n, c) => n + counts[c], 0);
}
