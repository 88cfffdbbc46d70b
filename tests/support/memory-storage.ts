import type { StorageArea } from '@/utils/state/storage-keys';

/** An in-memory storage area with browser.storage's contract: structured clones, async calls. */
export function memoryStorage(initial: Record<string, unknown> = {}): StorageArea & {
  data: Map<string, unknown>;
} {
  const data = new Map<string, unknown>(Object.entries(initial));
  const pick = (keys?: string | string[] | null) =>
    keys === undefined || keys === null
      ? [...data.keys()]
      : typeof keys === 'string'
        ? [keys]
        : keys;
  return {
    data,
    get: async (keys) => {
      const out: Record<string, unknown> = {};
      for (const key of pick(keys)) if (data.has(key)) out[key] = structuredClone(data.get(key));
      return out;
    },
    set: async (items) => {
      // Yield first, as a real storage call does, so interleaved writes would show.
      await new Promise((resolve) => setTimeout(resolve, 0));
      for (const [key, value] of Object.entries(items)) data.set(key, structuredClone(value));
    },
    remove: async (keys) => {
      for (const key of typeof keys === 'string' ? [keys] : keys) data.delete(key);
    },
  };
}
