import { browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import { handleMessage } from './message-router';
import { TabFindingsStore } from './tab-findings-store';

export default defineBackground({
  type: 'module',
  // Every listener is registered synchronously: a worker woken by an event
  // only delivers it to listeners that exist before the first await.
  main() {
    const store = new TabFindingsStore(browser.storage.session);
    browser.runtime.onMessage.addListener((message, sender, sendResponse) => {
      handleMessage(message, sender, store).then(sendResponse, () =>
        sendResponse({ ok: false, error: 'internal error' }),
      );
      return true;
    });
    browser.tabs.onRemoved.addListener((tabId) => void store.forgetTab(tabId));
    browser.tabs.onUpdated.addListener((tabId, change) => {
      // A new document reports afresh; the old page's findings no longer apply.
      if (change.status === 'loading' && change.url !== undefined) void store.forgetTab(tabId);
    });
  },
});
