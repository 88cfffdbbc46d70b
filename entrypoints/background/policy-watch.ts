import type { SerialQueue } from '@/utils/async/serial-queue';
import type { EffectivePolicy } from '@/utils/policy/effective-policy';
import { LOCAL_KEYS, type StorageArea } from '@/utils/state/storage-keys';
import { withAuditEntry } from '@/utils/audit/audit-store';

/** A short fingerprint of the policy in force: enough to notice a change, nothing more. */
function fingerprint(policy: EffectivePolicy): string {
  const { problems, ...rest } = policy;
  return JSON.stringify({ rest, problems: problems.length });
}

// A policy that changes again this soon after its last logged change was still settling: at
// start-up Chromium may answer before it has read the policy (no policy, then the managed one
// 20 ms later), and that is one change to the person reading the log, not two.
const POLICY_SETTLE_MS = 5_000;

/**
 * Logs a policy change in the employee's audit trail, including one that
 * happened while the browser was closed (the last fingerprint is kept).
 */
export async function notePolicy(
  local: StorageArea,
  queue: SerialQueue,
  policy: EffectivePolicy,
  now: number,
): Promise<boolean> {
  return queue.run(async () => {
    const seen = (await local.get(LOCAL_KEYS.policySeen))[LOCAL_KEYS.policySeen];
    const current = fingerprint(policy);
    if (seen === current) return false;
    // One write: a worker stopped between the fingerprint and the entry would never log it.
    await local.set({
      [LOCAL_KEYS.policySeen]: current,
      ...(await withAuditEntry(
        local,
        {
          kind: 'policy-changed',
          at: now,
          source: policy.source,
          problems: policy.problems.length,
        },
        (last) =>
          last.kind === 'policy-changed' && now >= last.at && now - last.at < POLICY_SETTLE_MS,
      )),
    });
    return true;
  });
}
