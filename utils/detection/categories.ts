import * as z from 'zod/mini';

/** The kinds of sensitive data Tally looks for, in the order the UI lists them. */
export const CATEGORIES = [
  'national-id',
  'health',
  'financial',
  'credential',
  'confidential',
] as const;

export const CategorySchema = z.enum(CATEGORIES);
export type Category = z.infer<typeof CategorySchema>;

/** Human wording for a category, used in reasons and summaries. */
export const CATEGORY_NOUN: Record<Category, string> = {
  'national-id': 'national ID',
  health: 'health data',
  financial: 'financial number',
  credential: 'credential',
  confidential: 'confidential document',
};
