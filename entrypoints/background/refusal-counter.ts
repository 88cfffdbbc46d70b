import { SerialQueue } from '@/utils/async/serial-queue';
import { withRefusal, type Refusal } from '@/utils/messages/refusals';
import { SESSION_KEYS, type StorageArea } from '@/utils/state/storage-keys';

/**
 * Counts refused messages by reason in session storage (gone with the browser session). One
 * queue, so a burst of junk messages cannot lose counts to interleaved read-modify-writes.
 */
export class RefusalCounter {
  private readonly queue = new SerialQueue();

  constructor(private readonly area: StorageArea) {}

  count(reason: Refusal): Promise<void> {
    return this.queue.run(async () => {
      const key = SESSION_KEYS.refusedMessages;
      const stored = (await this.area.get(key))[key];
      await this.area.set({ [key]: withRefusal(stored, reason) });
    });
  }
}
