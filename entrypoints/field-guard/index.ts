import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { startFieldGuard } from './field-guard';

/**
 * The field guard, in every frame at document_start (the manifest entry and its stylesheet,
 * public/field-guard.css, are added in wxt.config.ts). It is built as an unlisted script rather
 * than with defineContentScript because WXT's content-script wrapper brings a
 * ContentScriptContext that Tally does not use (the guard handles its own hand-over on update),
 * and with it webextension-polyfill: 12.6 KB of a script every frame of every page loads.
 */
export default defineUnlistedScript(() => {
  startFieldGuard();
});
