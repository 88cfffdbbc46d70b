import type { SerialQueue } from '@/utils/async/serial-queue';
import {
  ExemptionSendingSchema,
  requestBody,
  type ExemptionDraft,
  type ExemptionSending,
  type SendOutcome,
} from '@/utils/exemption/exemption-request';
import { readSnapshot, type LastRequest, type SnapshotSources } from '@/utils/state/snapshot';
import { LOCAL_KEYS, SESSION_KEYS, type StorageArea } from '@/utils/state/storage-keys';
import { appendAudit, withAuditEntry } from '@/utils/audit/audit-store';
import { sendExemptionRequest } from './exemption-sender';

export interface ExemptionServiceDeps {
  readonly local: StorageArea;
  readonly session: StorageArea;
  readonly managed: SnapshotSources['managed'];
  readonly queue: SerialQueue;
  readonly fetch: typeof globalThis.fetch;
  readonly now: () => number;
}

export type ExemptionResult = { ok: true; outcome: SendOutcome } | { ok: false; error: string };

/**
 * Sends an exemption request where the policy says, and records that it was
 * made (category, channel, outcome, time; never the user's note). The draft
 * is cleared only once the request is sent, so a failure loses nothing.
 */
export class ExemptionService {
  constructor(private readonly deps: ExemptionServiceDeps) {}

  async request(draft: ExemptionDraft, channel: 'endpoint' | 'email'): Promise<ExemptionResult> {
    const { policy } = await readSnapshot({ local: this.deps.local, managed: this.deps.managed });
    const at = this.deps.now();
    if (channel === 'email') {
      if (!policy.exemptionRequests.email) {
        return { ok: false, error: 'no email address in the policy' };
      }
      // The mail program sends it (or not): Tally only knows a draft was opened.
      await this.record(draft, channel, 'draft-opened', at);
      return { ok: true, outcome: { kind: 'sent', status: 0 } };
    }
    const endpoint = policy.exemptionRequests.endpoint;
    if (!endpoint) return { ok: false, error: 'no request address in the policy' };
    const sending: ExemptionSending = { state: 'sending', at };
    await this.deps.session.set({ [SESSION_KEYS.exemptionSending]: sending });
    const outcome = await sendExemptionRequest({
      endpoint,
      body: requestBody(draft, policy.programName, at),
      timeoutSeconds: policy.exemptionRequests.timeoutSeconds,
      fetch: this.deps.fetch,
    });
    const done: ExemptionSending = { state: 'done', at, outcome };
    await this.deps.session.set({ [SESSION_KEYS.exemptionSending]: done });
    if (outcome.kind === 'sent') {
      await this.deps.session.remove(SESSION_KEYS.exemptionDraft);
      await this.record(draft, channel, 'sent', at);
    } else {
      await this.deps.queue.run(() =>
        appendAudit(this.deps.local, {
          kind: 'exemption-requested',
          at,
          category: draft.category,
          channel,
          outcome: 'failed',
          detail: outcome.kind,
        }),
      );
    }
    return { ok: true, outcome };
  }

  /**
   * A worker that starts cannot have a request in flight: one marked as sending was cut off by the
   * worker stopping. Forget the mark, so the popup offers to send again (the draft is kept).
   */
  async forgetInterruptedSend(): Promise<void> {
    const stored = ExemptionSendingSchema.safeParse(
      (await this.deps.session.get(SESSION_KEYS.exemptionSending))[SESSION_KEYS.exemptionSending],
    );
    if (stored.success && stored.data.state === 'sending') {
      await this.deps.session.remove(SESSION_KEYS.exemptionSending);
    }
  }

  private record(
    draft: ExemptionDraft,
    channel: LastRequest['channel'],
    outcome: LastRequest['outcome'],
    at: number,
  ): Promise<void> {
    const last: LastRequest = { at, category: draft.category, channel, outcome };
    return this.deps.queue.run(async () => {
      // The request and its entry in one write (see withAuditEntry).
      await this.deps.local.set({
        [LOCAL_KEYS.lastExemptionRequest]: last,
        ...(await withAuditEntry(this.deps.local, {
          kind: 'exemption-requested',
          at,
          category: draft.category,
          channel,
          outcome,
        })),
      });
    });
  }
}
