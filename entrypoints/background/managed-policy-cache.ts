import type { StorageArea } from '@/utils/state/storage-keys';

/**
 * storage.managed, read once per worker lifetime and again only when the
 * browser reports a change. The first read after a browser start waits for
 * Chromium's policy loading (≈3 s measured here); every later badge repaint
 * would otherwise queue behind a fresh read.
 */
export class ManagedPolicyCache implements Pick<StorageArea, 'get'> {
  private pending: Promise<Record<string, unknown>> | undefined;

  constructor(private readonly managed: Pick<StorageArea, 'get'>) {}

  get(): Promise<Record<string, unknown>> {
    if (!this.pending) {
      const read = this.managed.get(null);
      this.pending = read;
      // A failed read is not kept: the next call tries again.
      read.catch(() => {
        if (this.pending === read) this.pending = undefined;
      });
    }
    return this.pending;
  }

  invalidate(): void {
    this.pending = undefined;
  }
}
