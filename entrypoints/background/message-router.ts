import { browser, type Browser } from 'wxt/browser';
import { ContentToBackgroundSchema } from '@/utils/messages/content-to-background';
import {
  PopupToBackgroundSchema,
  type ErrorResponse,
  type TabFindingsResponse,
} from '@/utils/messages/popup-to-background';
import type { TabFindingsStore } from './tab-findings-store';

type Response = TabFindingsResponse | ErrorResponse | { ok: true };

/** Tally's own pages (popup, options) are served from the extension's origin; content scripts never are. */
function isExtensionPage(sender: Browser.runtime.MessageSender): boolean {
  // The worker's own origin is chrome-extension://<id> (moz-extension://<uuid> in Firefox).
  const base = `${globalThis.location.origin}/`;
  return typeof sender.url === 'string' && sender.url.startsWith(base);
}

/**
 * The one place messages come in. Content scripts are untrusted (a page's
 * renderer may be compromised): they can only report their own frame's
 * findings, shape-checked. Queries about tabs come only from Tally's pages.
 */
export async function handleMessage(
  message: unknown,
  sender: Browser.runtime.MessageSender,
  store: TabFindingsStore,
): Promise<Response> {
  if (sender.id !== browser.runtime.id) return { ok: false, error: 'foreign sender' };

  const fromContent = ContentToBackgroundSchema.safeParse(message);
  if (fromContent.success) {
    const tabId = sender.tab?.id;
    if (tabId === undefined || tabId < 0) return { ok: false, error: 'not from a tab' };
    await store.putFrame(tabId, sender.frameId ?? 0, fromContent.data.findings);
    return { ok: true };
  }

  const fromPopup = PopupToBackgroundSchema.safeParse(message);
  if (fromPopup.success) {
    if (!isExtensionPage(sender)) return { ok: false, error: 'not allowed from this sender' };
    const { findings, frames } = await store.tabFindings(fromPopup.data.tabId);
    return { ok: true, findings, frames };
  }
  return { ok: false, error: 'unknown message' };
}
