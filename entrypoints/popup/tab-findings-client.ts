import { browser } from 'wxt/browser';
import {
  ErrorResponseSchema,
  TabFindingsResponseSchema,
  type PopupToBackground,
  type TabFindingsResponse,
} from '@/utils/messages/popup-to-background';

export type LoadResult = { ok: true; data: TabFindingsResponse } | { ok: false; error: string };

/** Asks the background what was found on the active tab, and checks the answer's shape. */
export async function loadActiveTabFindings(): Promise<LoadResult> {
  const tabId = tabIdFromUrl() ?? (await activeTabId());
  if (tabId === undefined) return { ok: false, error: 'There is no page in this window.' };
  const request: PopupToBackground = { type: 'popup/get-tab-findings', tabId };
  const answer: unknown = await browser.runtime.sendMessage(request);
  const parsed = TabFindingsResponseSchema.safeParse(answer);
  if (parsed.success) return { ok: true, data: parsed.data };
  const failure = ErrorResponseSchema.safeParse(answer);
  return {
    ok: false,
    error: failure.success ? failure.data.error : 'Tally’s background did not answer.',
  };
}

async function activeTabId(): Promise<number | undefined> {
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
  return tab?.id;
}

/** popup.html?tab=<id>: the popup opened in a tab of its own (tests, "open in tab") shows that tab. */
function tabIdFromUrl(): number | undefined {
  const raw = new URLSearchParams(location.search).get('tab');
  if (raw === null || !/^\d+$/.test(raw)) return undefined;
  return Number(raw);
}
