import { browser } from 'wxt/browser';
import type { TallyToAgent } from '@/utils/agent/protocol';
import type { AgentPort, AgentTarget } from './agent-link';

/** The port for the agent the policy names, through the browser's own APIs. */
export function openAgentPort(agent: AgentTarget): AgentPort {
  return agent.transport === 'native'
    ? nativePort(
        browser.runtime.connectNative(agent.target),
        () => browser.runtime.lastError?.message,
      )
    : httpsPort(
        agent.target,
        (url, init) => fetch(url, init),
        () => crypto.randomUUID(),
      );
}

/** The browser's native messaging port (runtime.connectNative), as narrow as the link needs it. */
export interface BrowserPort {
  postMessage(message: unknown): void;
  disconnect(): void;
  onMessage: { addListener(listener: (message: unknown) => void): void };
  onDisconnect: { addListener(listener: () => void): void };
}

/** A native messaging connection; the disconnect reason is the browser's runtime.lastError. */
export function nativePort(port: BrowserPort, lastError: () => string | undefined): AgentPort {
  return {
    postMessage: (message) => port.postMessage(message),
    disconnect: () => port.disconnect(),
    onMessage: { addListener: (listener) => port.onMessage.addListener(listener) },
    onDisconnect: {
      // lastError is only readable inside the browser's own callback.
      addListener: (listener) => port.onDisconnect.addListener(() => listener(lastError())),
    },
  };
}

export type Fetch = (url: string, init: RequestInit) => Promise<Response>;

/** A request the service has not answered in this long counts as unreachable. */
export const HTTPS_TIMEOUT_MS = 10_000;

/**
 * The HTTPS control endpoint behind the same interface as a native port: each message is POSTed
 * as JSON, with its id (pause, resume) as the `Idempotency-Key`, so a retried request is the same
 * request to the service. The response body is one agent message or a list of them. A request
 * that fails (network, timeout, a non-2xx status, a body that is not JSON) "disconnects" the port
 * with a reason saying so; the link then retries with backoff, re-sending the pause under its id.
 */
export function httpsPort(url: string, fetch: Fetch, newKey: () => string): AgentPort {
  const messageListeners: Array<(message: unknown) => void> = [];
  const disconnectListeners: Array<(reason: string | undefined) => void> = [];
  let closed = false;
  const fail = (reason: string): void => {
    if (closed) return;
    closed = true;
    for (const listener of disconnectListeners) listener(`unreachable: ${reason}`);
  };
  const send = async (message: TallyToAgent): Promise<void> => {
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(), HTTPS_TIMEOUT_MS);
    try {
      const response = await fetch(url, {
        method: 'POST',
        headers: {
          'Content-Type': 'application/json',
          'Idempotency-Key': 'id' in message ? message.id : newKey(),
        },
        body: JSON.stringify(message),
        credentials: 'omit',
        cache: 'no-store',
        signal: controller.signal,
      });
      if (!response.ok) return fail(`HTTP ${response.status}`);
      const text = await response.text();
      const body: unknown = text.trim() === '' ? [] : JSON.parse(text);
      if (closed) return;
      for (const item of Array.isArray(body) ? body : [body]) {
        for (const listener of messageListeners) listener(item);
      }
    } catch (error) {
      fail(error instanceof Error ? error.name : 'network error');
    } finally {
      clearTimeout(timer);
    }
  };
  return {
    postMessage: (message) => {
      if (closed) throw new Error('the control endpoint is unreachable');
      void send(message);
    },
    disconnect: () => {
      closed = true;
    },
    onMessage: { addListener: (listener) => void messageListeners.push(listener) },
    onDisconnect: { addListener: (listener) => void disconnectListeners.push(listener) },
  };
}
