import type { Browser } from 'wxt/browser';
import {
  recorderHostPatterns,
  recordersForUrl,
  RECORDER_SIGNATURES,
  type RecorderId,
} from '@/utils/recorders/recorder-signatures';

type RequestDetails = Pick<
  Browser.webRequest.OnBeforeRequestDetails,
  'tabId' | 'url' | 'timeStamp'
>;

/** Which recorder a request to one of their hosts belongs to: its URL, else the host it went to. */
export function recorderOfRequest(url: string): RecorderId | undefined {
  const [byUrl] = recordersForUrl(url);
  if (byUrl) return byUrl;
  let host: string;
  try {
    host = new URL(url).hostname;
  } catch {
    return undefined;
  }
  return RECORDER_SIGNATURES.find((s) => s.hosts.some((h) => host === h || host.endsWith(`.${h}`)))
    ?.id;
}

/**
 * Watches, without blocking or reading anything but the URL, requests to the
 * hosts that receive recordings, and notes the recorder on the tab that sent
 * them. The filter keeps every other request from waking the worker. Workers'
 * and websockets' traffic shows here too, which the page's own resource timing
 * does not.
 */
export function watchRecorderRequests(
  webRequest: Pick<typeof Browser.webRequest, 'onBeforeRequest'> | undefined,
  onRecorder: (tabId: number, id: RecorderId, at: number) => void,
): void {
  if (!webRequest) return;
  webRequest.onBeforeRequest.addListener(
    (details: RequestDetails) => {
      if (details.tabId < 0) return undefined;
      const id = recorderOfRequest(details.url);
      if (id) onRecorder(details.tabId, id, details.timeStamp);
      return undefined;
    },
    { urls: recorderHostPatterns() },
  );
}
