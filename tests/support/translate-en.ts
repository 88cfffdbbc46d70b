import english from '../../public/_locales/en/messages.json';
import { formatMessage, type LocaleMessages } from '@/utils/i18n/message-format';
import type { Translate } from '@/utils/i18n/translate';

/** The English messages, formatted as the browser would: a Translate for unit tests. */
export const translateEnglish: Translate = (key, substitutions) =>
  formatMessage((english as LocaleMessages)[key] ?? { message: `??${key}` }, substitutions);
