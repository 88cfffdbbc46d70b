/**
 * The kinds of sensitive data Tally looks for, in the order the UI lists them.
 * Plain data: the content script uses it and must not pull in zod (the schema
 * that checks categories at the background's boundary lives in
 * utils/findings/frame-findings.schema.ts).
 */
export const CATEGORIES = [
  'national-id',
  'health',
  'financial',
  'credential',
  'confidential',
] as const;

export type Category = (typeof CATEGORIES)[number];

/** The same setting for every category (all redacted: the default before any policy speaks). */
export function everyCategory<T>(value: T): Record<Category, T> {
  return Object.fromEntries(CATEGORIES.map((c) => [c, value])) as Record<Category, T>;
}

/** Human wording for a category, used in reasons and summaries. */
export const CATEGORY_NOUN: Record<Category, string> = {
  'national-id': 'national ID',
  health: 'health data',
  financial: 'financial number',
  credential: 'credential',
  confidential: 'confidential document',
};
