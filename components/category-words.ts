import type { Category } from '@/utils/detection/categories';
import type { MessageKey } from '@/utils/i18n/translate';

/** Message names for the sensitive-data categories, as the popup and settings page title them. */
export const CATEGORY_KEY: Record<Category, MessageKey> = {
  'national-id': 'categoryNationalId',
  health: 'categoryHealth',
  financial: 'categoryFinancial',
  credential: 'categoryCredential',
  confidential: 'categoryConfidential',
};
