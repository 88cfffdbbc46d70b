import { describe, expect, it } from 'vitest';
import { PauseController } from '@/entrypoints/background/pause-controller';
import { notePolicy } from '@/entrypoints/background/policy-watch';
import { SerialQueue } from '@/utils/async/serial-queue';
import { readAudit } from '@/utils/audit/audit-store';
import { resolvePolicy } from '@/utils/policy/effective-policy';
import type { StorageArea } from '@/utils/state/storage-keys';
import { memoryStorage } from '../../support/memory-storage';

/**
 * A worker's view of storage that stops after `writes` writes, as Chrome stops a service worker
 * mid-task: the write in flight and everything after it never happen.
 */
function stoppingAfter(storage: StorageArea, writes: number): StorageArea {
  let left = writes;
  const stopped = () => Promise.reject(new Error('worker stopped'));
  return {
    get: (keys) => (left < 0 ? stopped() : storage.get(keys)),
    set: (items) => (left-- <= 0 ? ((left = -1), stopped()) : storage.set(items)),
    remove: (keys) => (left < 0 ? stopped() : storage.remove(keys)),
  };
}

const policy = resolvePolicy({
  managed: { programName: 'Agent Training Capture', captureActive: true, pause: { maxMinutes: 2 } },
  demoEnabled: false,
});

describe('a change and its audit entry are stored together', () => {
  it('logs a policy change exactly once, wherever the worker was stopped', async () => {
    for (let writes = 0; writes <= 2; writes++) {
      const local = memoryStorage();
      await notePolicy(stoppingAfter(local, writes), new SerialQueue(), policy, 1).catch(() => {});
      // The next worker reads the policy again and notes it.
      await notePolicy(local, new SerialQueue(), policy, 2);
      const logged = (await readAudit(local)).filter((e) => e.kind === 'policy-changed');
      expect(logged, `stopped after ${writes} writes`).toHaveLength(1);
    }
  });

  it('logs a policy that settles within seconds once, and a later change apart', async () => {
    const local = memoryStorage();
    const queue = new SerialQueue();
    const none = resolvePolicy({ managed: undefined, demoEnabled: false });
    // At start-up the browser answers before it has read the policy, then with it.
    await notePolicy(local, queue, none, 1_000);
    await notePolicy(local, queue, policy, 1_020);
    let logged = (await readAudit(local)).filter((e) => e.kind === 'policy-changed');
    expect(logged.map((e) => e.kind === 'policy-changed' && e.source)).toEqual(['managed']);
    // A change a minute later is an entry of its own.
    await notePolicy(local, queue, none, 61_020);
    logged = (await readAudit(local)).filter((e) => e.kind === 'policy-changed');
    expect(logged.map((e) => e.kind === 'policy-changed' && e.source)).toEqual(['managed', 'none']);
  });

  it('never stores a started pause without its entry', async () => {
    for (let writes = 0; writes <= 2; writes++) {
      const local = memoryStorage();
      const worker = new PauseController({
        local: stoppingAfter(local, writes),
        managed: memoryStorage(),
        alarms: { create: () => {}, clear: async () => true },
        notifier: { endingSoon: async () => {}, ended: async () => {}, clear: async () => {} },
        queue: new SerialQueue(),
        now: () => 1_000,
        onChange: () => {},
      });
      await worker.start(15, 'popup').catch(() => {});
      const paused = local.data.get('pause') as { current: unknown } | undefined;
      const started = (await readAudit(local)).filter((e) => e.kind === 'pause-started');
      expect(started, `stopped after ${writes} writes`).toHaveLength(paused?.current ? 1 : 0);
    }
  });
});
