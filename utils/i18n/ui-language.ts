import { browser } from '../native-browser';

/** The language Tally's own text is shown in, and which way it reads. */
export interface UiLanguage {
  readonly lang: string;
  readonly dir: 'ltr' | 'rtl';
}

/**
 * From the browser's UI locale (the one that picked Tally's messages), not from the page: an
 * English warning on a Hebrew page reads left to right, and a screen reader should voice it in English.
 */
export function uiLanguage(): UiLanguage {
  const locale = browser.i18n.getMessage('@@ui_locale') || browser.i18n.getUILanguage();
  return {
    lang: locale.replace(/_/g, '-') || 'en',
    dir: browser.i18n.getMessage('@@bidi_dir') === 'rtl' ? 'rtl' : 'ltr',
  };
}
