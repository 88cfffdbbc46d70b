import { browser } from 'wxt/browser';
import {
  ErrorResponseSchema,
  TabFindingsResponseSchema,
  type PopupToBackground,
  type TabFindingsResponse,
} from '@/utils/messages/popup-to-background';

export type LoadResult = { ok: true; data: TabFindingsResponse } | { ok: false; error: string };

/** Asks the background what was found on a tab, and checks the answer's shape. */
export async function loadTabFindings(tabId: number): Promise<LoadResult> {
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
