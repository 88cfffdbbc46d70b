import * as z from 'zod/mini';

/**
 * Why the background refuses a message. Each refusal is answered, dropped (never acted on) and
 * counted: a steady count is a sign that something (a compromised renderer, another extension, a
 * stale content script after an update) is talking to Tally that should not be.
 */
export const REFUSALS = [
  'foreign sender',
  'not from a tab',
  'unknown message',
  'not allowed from this sender',
] as const;
export type Refusal = (typeof REFUSALS)[number];

/** Refused messages by reason, for this browser session (storage.session). */
export const RefusalCountsSchema = z.partialRecord(z.enum(REFUSALS), z.number());
export type RefusalCounts = z.infer<typeof RefusalCountsSchema>;

export function isRefusal(response: unknown): response is { ok: false; error: Refusal } {
  if (typeof response !== 'object' || response === null) return false;
  const { ok, error } = response as { ok?: unknown; error?: unknown };
  return ok === false && (REFUSALS as readonly unknown[]).includes(error);
}

/** The counts with one more refusal; stored counts that fail their schema start again from zero. */
export function withRefusal(stored: unknown, reason: Refusal): RefusalCounts {
  const parsed = RefusalCountsSchema.safeParse(stored);
  const counts: RefusalCounts = parsed.success ? { ...parsed.data } : {};
  counts[reason] = (counts[reason] ?? 0) + 1;
  return counts;
}
