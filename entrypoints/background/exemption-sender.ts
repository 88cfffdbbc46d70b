import { outcomeOfStatus, type SendOutcome } from '@/utils/exemption/exemption-request';

export interface SendRequest {
  readonly endpoint: string;
  readonly body: string;
  readonly timeoutSeconds: number;
  readonly fetch: typeof globalThis.fetch;
}

/**
 * POSTs the request from the background, so closing the popup does not cancel
 * it. The organisation's session cookies go along (`credentials: 'include'`):
 * the endpoint learns who is asking from its own sign-in, not from Tally.
 */
export async function sendExemptionRequest({
  endpoint,
  body,
  timeoutSeconds,
  fetch,
}: SendRequest): Promise<SendOutcome> {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), timeoutSeconds * 1000);
  try {
    const response = await fetch(endpoint, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body,
      credentials: 'include',
      signal: controller.signal,
      cache: 'no-store',
      redirect: 'error',
    });
    return outcomeOfStatus(response.status);
  } catch {
    return controller.signal.aborted
      ? { kind: 'timeout', seconds: timeoutSeconds }
      : { kind: 'offline' };
  } finally {
    clearTimeout(timer);
  }
}
