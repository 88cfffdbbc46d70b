import { describe, expect, it } from 'vitest';
import { RefusalCounter } from '@/entrypoints/background/refusal-counter';
import { isRefusal, withRefusal } from '@/utils/messages/refusals';
import { SESSION_KEYS } from '@/utils/state/storage-keys';

describe('refused messages', () => {
  it('tells a refusal from other failures and from success', () => {
    expect(isRefusal({ ok: false, error: 'unknown message' })).toBe(true);
    expect(isRefusal({ ok: false, error: 'foreign sender' })).toBe(true);
    expect(isRefusal({ ok: false, error: 'not available' })).toBe(false);
    expect(isRefusal({ ok: true })).toBe(false);
    expect(isRefusal(null)).toBe(false);
    expect(isRefusal('unknown message')).toBe(false);
  });

  it('counts by reason, and restarts from zero when the stored counts are damaged', () => {
    let counts = withRefusal(undefined, 'unknown message');
    counts = withRefusal(counts, 'unknown message');
    counts = withRefusal(counts, 'not from a tab');
    expect(counts).toEqual({ 'unknown message': 2, 'not from a tab': 1 });
    expect(withRefusal({ 'unknown message': 'many' }, 'foreign sender')).toEqual({
      'foreign sender': 1,
    });
    expect(withRefusal({ hacked: 5 }, 'foreign sender')).toEqual({ 'foreign sender': 1 });
  });

  it('loses no count to a burst of refusals', async () => {
    const data = new Map<string, unknown>();
    const area = {
      get: async (key?: string | string[] | null) =>
        typeof key === 'string' && data.has(key) ? { [key]: structuredClone(data.get(key)) } : {},
      set: async (items: Record<string, unknown>) => {
        await new Promise((resolve) => setTimeout(resolve, 0));
        for (const [k, v] of Object.entries(items)) data.set(k, structuredClone(v));
      },
      remove: async () => undefined,
    };
    const counter = new RefusalCounter(area);
    await Promise.all(Array.from({ length: 25 }, () => counter.count('unknown message')));
    expect(data.get(SESSION_KEYS.refusedMessages)).toEqual({ 'unknown message': 25 });
  });
});
