/**
 * How Tally takes over tabs that were open before it was installed, updated or reloaded.
 *
 * Chromium injects manifest content scripts only into pages loaded afterwards. A page open
 * during an update keeps the old field guard running as an orphan: it still marks fields but
 * can no longer report to the background or hear its pause state, so the badge, popup and
 * banner of that tab would go stale. The background therefore injects the guard into every
 * open tab at install and update ("adoption"), and the new guard announces itself with
 * GUARD_STARTED_EVENT on the document before it starts. An orphan that hears it steps down
 * (observer, banner, indicator) if its own extension context is gone; a live guard ignores it,
 * so a page dispatching the event changes nothing.
 */
export const GUARD_STARTED_EVENT = 'tally:guard-started';

/**
 * Set in Tally's isolated world by the background just before it injects the guard into an open
 * tab. An adopted guard starts after page scripts, so a page could answer the recorder probe's
 * greeting itself: it skips the probe channel, and the background reads the page's recorder
 * globals once, by scripting.executeScript, instead.
 */
export const ADOPTED_FLAG = '__tallyAdopted';

/** Set in Tally's isolated world while a guard of this version runs in the frame. */
export const GUARD_RUNNING_FLAG = '__tallyGuardRunning';

/** Pages the background can script at all (not the browser's own pages or the Web Store). */
export function isAdoptableUrl(url: string | undefined): boolean {
  return url !== undefined && /^(https?|file):/i.test(url);
}
