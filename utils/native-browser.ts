/**
 * The browser's own extension API (Chromium's `chrome`, Firefox's `browser`) for code that runs in
 * content scripts. The rest of Tally goes through webextension-polyfill (`wxt/browser`); the content
 * script does not, because every frame of every page loads it and the polyfill alone was 9.6 KB of
 * it (issue 5's budget is 40 KB). What the content script calls behaves the same natively:
 * runtime.id; runtime.sendMessage, promise-based in Chromium 121+ (Tally's minimum) and Firefox, and
 * the background always answers, so Chromium's "port closed before a response" case does not arise;
 * runtime.onMessage with listeners that answer nothing; and i18n.
 */
export { browser } from '@wxt-dev/browser';
