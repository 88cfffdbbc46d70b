import { describe, expect, it } from 'vitest';
import { ExemptionService } from '@/entrypoints/background/exemption-service';
import { sendExemptionRequest } from '@/entrypoints/background/exemption-sender';
import { SerialQueue } from '@/utils/async/serial-queue';
import { readAudit } from '@/utils/audit/audit-store';
import { mailDraftUrl, outcomeOfStatus, requestBody } from '@/utils/exemption/exemption-request';
import { memoryStorage } from '../../support/memory-storage';

const NOW = Date.UTC(2026, 10, 23, 10);
const draft = { category: 'battery' as const, note: '  I work on a train most days.  ' };

describe('exemption request', () => {
  it('sends the category, the note and the program, and nothing else', () => {
    expect(JSON.parse(requestBody(draft, 'Capture', NOW))).toEqual({
      type: 'tally.exemption-request',
      version: 1,
      category: 'battery',
      note: 'I work on a train most days.',
      program: 'Capture',
      requestedAt: '2026-11-23T10:00:00.000Z',
    });
  });

  it('tells success, refusal and server failure apart', () => {
    expect(outcomeOfStatus(201)).toEqual({ kind: 'sent', status: 201 });
    expect(outcomeOfStatus(403)).toEqual({ kind: 'refused', status: 403 });
    expect(outcomeOfStatus(503)).toEqual({ kind: 'server-error', status: 503 });
  });

  it('builds a mail draft with the text escaped', () => {
    const url = mailDraftUrl(
      'hr+ex@example.com',
      { category: 'other', note: 'a&b=c\nd' },
      {
        subject: 'Exemption request: X',
        categoryLabel: 'Reason: other',
        intro: 'Hello',
      },
    );
    expect(
      url.startsWith('mailto:hr%2Bex@example.com?subject=Exemption%20request%3A%20X&body='),
    ).toBe(true);
    expect(decodeURIComponent(url.split('body=')[1] ?? '')).toBe(
      'Hello\n\nReason: other\n\na&b=c\nd',
    );
  });

  it('times out, and tells an unreachable server from a slow one', async () => {
    const never: typeof fetch = (_input, init) =>
      new Promise((_, reject) =>
        init?.signal?.addEventListener('abort', () => reject(new Error('aborted'))),
      );
    const request = { endpoint: 'https://x.example/', body: '{}', timeoutSeconds: 0.05 };
    expect(await sendExemptionRequest({ ...request, fetch: never })).toEqual({
      kind: 'timeout',
      seconds: 0.05,
    });
    const down: typeof fetch = () => Promise.reject(new TypeError('Failed to fetch'));
    expect(await sendExemptionRequest({ ...request, fetch: down })).toEqual({ kind: 'offline' });
  });
});

describe('ExemptionService', () => {
  const service = (status: number, managed: Record<string, unknown>) => {
    const local = memoryStorage();
    const session = memoryStorage({ exemptionDraft: draft });
    const sent: string[] = [];
    const fetch: typeof globalThis.fetch = async (_input, init) => {
      sent.push(String(init?.body));
      return new Response(null, { status });
    };
    const exemptions = new ExemptionService({
      local,
      session,
      managed: memoryStorage(managed),
      queue: new SerialQueue(),
      fetch,
      now: () => NOW,
    });
    return { exemptions, local, session, sent };
  };
  const endpoint = { exemptionRequests: { endpoint: 'https://hr.example.com/ex' } };

  it('on success: clears the draft, records the request without the note', async () => {
    const { exemptions, local, session, sent } = service(200, endpoint);
    expect(await exemptions.request(draft, 'endpoint')).toEqual({
      ok: true,
      outcome: { kind: 'sent', status: 200 },
    });
    expect(sent).toHaveLength(1);
    expect(session.data.has('exemptionDraft')).toBe(false);
    expect(local.data.get('lastExemptionRequest')).toEqual({
      at: NOW,
      category: 'battery',
      channel: 'endpoint',
      outcome: 'sent',
    });
    expect(JSON.stringify([...local.data.values()])).not.toContain('train');
    expect((await readAudit(local)).at(-1)).toMatchObject({
      kind: 'exemption-requested',
      outcome: 'sent',
    });
  });

  it('on failure: keeps the draft and logs the failure', async () => {
    const { exemptions, local, session } = service(500, endpoint);
    expect(await exemptions.request(draft, 'endpoint')).toEqual({
      ok: true,
      outcome: { kind: 'server-error', status: 500 },
    });
    expect(session.data.get('exemptionDraft')).toEqual(draft);
    expect(local.data.has('lastExemptionRequest')).toBe(false);
    expect((await readAudit(local)).at(-1)).toMatchObject({
      outcome: 'failed',
      detail: 'server-error',
    });
  });

  it('refuses a channel the policy does not offer', async () => {
    expect(await service(200, {}).exemptions.request(draft, 'endpoint')).toMatchObject({
      ok: false,
    });
    expect(await service(200, endpoint).exemptions.request(draft, 'email')).toMatchObject({
      ok: false,
    });
  });
});
