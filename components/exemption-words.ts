import type { MessageKey } from '@/utils/i18n/translate';
import type { ExemptionCategory, ExemptionStatus } from '@/utils/policy/policy-schema';

/** Message names for exemption categories (message names cannot hold hyphens). */
export const EXEMPTION_CATEGORY_KEY: Record<ExemptionCategory, MessageKey> = {
  'limited-bandwidth': 'exemptionCategoryBandwidth',
  'sensitive-information': 'exemptionCategorySensitive',
  battery: 'exemptionCategoryBattery',
  other: 'exemptionCategoryOther',
};

export const EXEMPTION_STATUS_KEY: Record<ExemptionStatus, MessageKey> = {
  none: 'exemptionStatusNone',
  requested: 'exemptionStatusRequested',
  approved: 'exemptionStatusApproved',
  denied: 'exemptionStatusDenied',
};
