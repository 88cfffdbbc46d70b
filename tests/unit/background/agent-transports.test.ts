import { describe, expect, it } from 'vitest';
import { httpsPort, type Fetch } from '@/entrypoints/background/agent-transports';

const URL_ = 'https://capture.example.com/tally';
const settle = () => new Promise((resolve) => setTimeout(resolve, 5));

function server(answer: (body: unknown) => Response | Promise<Response>) {
  const requests: Array<{ url: string; key: string | null; body: unknown; credentials?: string }> =
    [];
  const fetch: Fetch = async (url, init) => {
    const headers = new Headers(init.headers);
    const body: unknown = JSON.parse(String(init.body));
    requests.push({
      url,
      key: headers.get('Idempotency-Key'),
      body,
      credentials: init.credentials,
    });
    return answer(body);
  };
  return { fetch, requests };
}

describe('the HTTPS control endpoint as a port', () => {
  it('POSTs each message with its id as the idempotency key, and hands on every message back', async () => {
    const { fetch, requests } = server(
      () =>
        new Response(
          JSON.stringify([
            { type: 'ack', id: 'pause-0001' },
            { type: 'status', capturing: true, program: 'Svc', modes: [] },
          ]),
        ),
    );
    const port = httpsPort(URL_, fetch, () => 'random-key');
    const heard: unknown[] = [];
    port.onMessage.addListener((m) => heard.push(m));
    port.postMessage({ type: 'pause', id: 'pause-0001', until: 5 });
    port.postMessage({ type: 'hello', protocol: 1, client: 'tally', version: '1' });
    await settle();
    expect(requests).toEqual([
      {
        url: URL_,
        key: 'pause-0001',
        body: { type: 'pause', id: 'pause-0001', until: 5 },
        credentials: 'omit',
      },
      {
        url: URL_,
        key: 'random-key',
        body: { type: 'hello', protocol: 1, client: 'tally', version: '1' },
        credentials: 'omit',
      },
    ]);
    expect(heard).toHaveLength(4);
    expect(heard[0]).toEqual({ type: 'ack', id: 'pause-0001' });
  });

  it('a failed request closes the port once, saying why; later sends throw', async () => {
    for (const [answer, reason] of [
      [() => new Response('busy', { status: 503 }), 'unreachable: HTTP 503'],
      [() => Promise.reject(new TypeError('Failed to fetch')), 'unreachable: TypeError'],
      [() => new Response('<html>'), 'unreachable: SyntaxError'],
    ] as const) {
      const port = httpsPort(URL_, server(answer).fetch, () => 'k');
      const reasons: Array<string | undefined> = [];
      port.onDisconnect.addListener((r) => reasons.push(r));
      port.postMessage({ type: 'resume', id: 'resume-0001' });
      port.postMessage({ type: 'resume', id: 'resume-0001' });
      await settle();
      expect(reasons).toEqual([reason]);
      expect(() => port.postMessage({ type: 'resume', id: 'resume-0001' })).toThrow();
    }
  });

  it('an empty 2xx body is no message, not a failure', async () => {
    const port = httpsPort(URL_, server(() => new Response('', { status: 202 })).fetch, () => 'k');
    const events: unknown[] = [];
    port.onMessage.addListener((m) => events.push(m));
    port.onDisconnect.addListener((r) => events.push(r));
    port.postMessage({ type: 'resume', id: 'resume-0001' });
    await settle();
    expect(events).toEqual([]);
  });
});
