import * as z from 'zod/mini';
import { EMPTY_FINDINGS, mergeFindings, type FrameFindings } from '@/utils/findings/frame-findings';
import { FrameFindingsSchema } from '@/utils/findings/frame-findings.schema';

/** The subset of a storage area the store needs (browser.storage.session, or a fake in tests). */
export interface StorageArea {
  get(key: string): Promise<Record<string, unknown>>;
  set(items: Record<string, unknown>): Promise<void>;
  remove(key: string): Promise<void>;
}

const TabRecordSchema = z.record(z.string(), FrameFindingsSchema);
type TabRecord = z.infer<typeof TabRecordSchema>;

const keyOf = (tabId: number): string => `findings:${tabId}`;

/**
 * Each tab's findings by frame, in session storage: it survives the worker
 * being stopped, and is gone when the browser closes. Writes to one tab are
 * chained, so frames reporting at the same moment cannot overwrite each other.
 */
export class TabFindingsStore {
  private readonly queues = new Map<number, Promise<unknown>>();

  constructor(private readonly area: StorageArea) {}

  private async read(tabId: number): Promise<TabRecord> {
    const stored = (await this.area.get(keyOf(tabId)))[keyOf(tabId)];
    const parsed = TabRecordSchema.safeParse(stored ?? {});
    return parsed.success ? parsed.data : {};
  }

  private enqueue<T>(tabId: number, task: () => Promise<T>): Promise<T> {
    const previous = this.queues.get(tabId) ?? Promise.resolve();
    const next = previous.then(task, task);
    this.queues.set(tabId, next);
    void next.finally(() => {
      if (this.queues.get(tabId) === next) this.queues.delete(tabId);
    });
    return next;
  }

  putFrame(tabId: number, frameId: number, findings: FrameFindings): Promise<void> {
    return this.enqueue(tabId, async () => {
      const record = await this.read(tabId);
      record[String(frameId)] = findings;
      await this.area.set({ [keyOf(tabId)]: record });
    });
  }

  forgetTab(tabId: number): Promise<void> {
    return this.enqueue(tabId, () => this.area.remove(keyOf(tabId)));
  }

  async tabFindings(tabId: number): Promise<{ findings: FrameFindings; frames: number }> {
    const record = await this.enqueue(tabId, () => this.read(tabId));
    const frames = Object.values(record);
    return {
      findings: frames.length ? mergeFindings(frames) : EMPTY_FINDINGS,
      frames: frames.length,
    };
  }
}
