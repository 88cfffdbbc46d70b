import { browser } from '../native-browser';
import type { Translate } from './translate';

/** Translate through the browser's i18n API: for the background and Tally's own pages. */
export const browserTranslate: Translate = (key, substitutions) =>
  browser.i18n.getMessage(key, substitutions ? [...substitutions] : undefined);
