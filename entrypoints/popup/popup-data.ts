import { browser } from 'wxt/browser';
import type { SendingState } from '@/components/exemption-card';
import {
  ExemptionDraftSchema,
  ExemptionSendingSchema,
  type ExemptionDraft,
} from '@/utils/exemption/exemption-request';
import { browserTranslate } from '@/utils/i18n/browser-translate';
import {
  ErrorResponseSchema,
  MutationResponseSchema,
  type MutationResponse,
  type PopupToBackground,
} from '@/utils/messages/popup-to-background';
import { readSnapshot, type Snapshot } from '@/utils/state/snapshot';
import { SESSION_KEYS } from '@/utils/state/storage-keys';
import { loadTabFindings, type LoadResult } from './tab-findings-client';

/** Everything the popup shows, read straight from storage (the background only performs changes). */
export interface PopupData {
  readonly snapshot: Snapshot;
  readonly tab: { readonly id: number | undefined; readonly url: string | undefined };
  readonly findings: LoadResult;
  readonly draft: ExemptionDraft;
  readonly sending: SendingState;
}

const EMPTY_DRAFT: ExemptionDraft = { category: 'sensitive-information', note: '' };

/** A request still "sending" after this long belonged to a worker that was stopped mid-request. */
const STALE_SENDING_MS = 150_000;

export const translate = browserTranslate;

export const uiLanguage = (): string => browser.i18n.getUILanguage();

async function currentTab(): Promise<PopupData['tab']> {
  // popup.html?tab=<id>: the popup opened in a tab of its own (tests, "open in tab") shows that tab.
  const raw = new URLSearchParams(location.search).get('tab');
  if (raw !== null && /^\d+$/.test(raw)) {
    const tab = await browser.tabs.get(Number(raw)).catch(() => undefined);
    return { id: Number(raw), url: tab?.url };
  }
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
  return { id: tab?.id, url: tab?.url };
}

/** Tally's durable state as the popup and settings page see it, read from storage. */
export function readPageSnapshot(): Promise<Snapshot> {
  // Absent where the browser has no managed storage (Firefox on Android).
  const managed = browser.storage.managed as typeof browser.storage.managed | undefined;
  return readSnapshot({
    local: browser.storage.local,
    managed,
    session: browser.storage.session,
  });
}

export async function loadPopupData(): Promise<PopupData> {
  const [snapshot, tab, session] = await Promise.all([
    readPageSnapshot(),
    currentTab(),
    browser.storage.session.get([SESSION_KEYS.exemptionDraft, SESSION_KEYS.exemptionSending]),
  ]);
  const draft = ExemptionDraftSchema.safeParse(session[SESSION_KEYS.exemptionDraft]);
  const sending = ExemptionSendingSchema.safeParse(session[SESSION_KEYS.exemptionSending]);
  let sendingState: SendingState = { state: 'idle' };
  if (sending.success) {
    const fresh = Date.now() - sending.data.at < STALE_SENDING_MS;
    if (sending.data.state === 'done') {
      sendingState = { state: 'done', outcome: sending.data.outcome };
    } else if (fresh) sendingState = { state: 'sending' };
  }
  return {
    snapshot,
    tab,
    findings:
      tab.id === undefined
        ? { ok: false, error: translate('noPageInWindow') }
        : await loadTabFindings(tab.id),
    draft: draft.success ? draft.data : EMPTY_DRAFT,
    sending: sendingState,
  };
}

/** Calls back when anything the popup shows may have changed. */
export function subscribe(onChange: () => void): () => void {
  const listener = (): void => onChange();
  browser.storage.onChanged.addListener(listener);
  return () => browser.storage.onChanged.removeListener(listener);
}

/** Sends a request to the background and checks the answer's shape. */
export async function sendToBackground(request: PopupToBackground): Promise<MutationResponse> {
  let answer: unknown;
  try {
    answer = await browser.runtime.sendMessage(request);
  } catch {
    // The worker was stopped or restarted while it handled the request (the browser closes the
    // channel): say so, rather than wait for an answer that cannot come.
    return { ok: false, error: translate('requestInterrupted') };
  }
  const parsed = MutationResponseSchema.safeParse(answer);
  if (parsed.success) return parsed.data;
  const failure = ErrorResponseSchema.safeParse(answer);
  return { ok: false, error: failure.success ? failure.data.error : 'no answer' };
}

export const popupActions = {
  pause: (minutes: number) => sendToBackground({ type: 'popup/pause', minutes }),
  resume: () => sendToBackground({ type: 'popup/resume' }),
  requestExemption: (draft: ExemptionDraft, channel: 'endpoint' | 'email') =>
    sendToBackground({ type: 'popup/request-exemption', draft, channel }),
  saveDraft: (draft: ExemptionDraft) =>
    browser.storage.session.set({ [SESSION_KEYS.exemptionDraft]: draft }),
  openOptions: () => browser.runtime.openOptionsPage(),
};
export type PopupActions = typeof popupActions;
