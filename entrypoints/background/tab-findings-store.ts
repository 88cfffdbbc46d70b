import * as z from 'zod/mini';
import { EMPTY_FINDINGS, mergeFindings, type FrameFindings } from '@/utils/findings/frame-findings';
import { FrameFindingsSchema } from '@/utils/findings/frame-findings.schema';
import { sameItems } from '@/utils/same-items';
import {
  normalizeRecorderIds,
  RECORDER_IDS,
  type RecorderId,
} from '@/utils/recorders/recorder-signatures';

/** The subset of a storage area the store needs (browser.storage.session, or a fake in tests). */
export interface StorageArea {
  get(key: string): Promise<Record<string, unknown>>;
  set(items: Record<string, unknown>): Promise<void>;
  remove(keys: string | string[]): Promise<void>;
}

const TabRecordSchema = z.record(z.string(), FrameFindingsSchema);
type TabRecord = z.infer<typeof TabRecordSchema>;

// Recorders the background saw itself, each with the time it saw it (for a request, webRequest's
// timeStamp), so a navigation can tell the new page's early requests from the old page's.
const ObservedRecordersSchema = z.array(z.object({ id: z.enum(RECORDER_IDS), at: z.number() }));
type ObservedRecorders = z.infer<typeof ObservedRecordersSchema>;

const keyOf = (tabId: number): string => `findings:${tabId}`;
// Recorders seen sending from this tab (webRequest), kept apart from what frames report.
const observedKeyOf = (tabId: number): string => `net-recorders:${tabId}`;

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

  private async readObserved(tabId: number): Promise<ObservedRecorders> {
    const stored = (await this.area.get(observedKeyOf(tabId)))[observedKeyOf(tabId)];
    const parsed = ObservedRecordersSchema.safeParse(stored ?? []);
    return parsed.success ? parsed.data : [];
  }

  private recordersOf(record: TabRecord, observed: ObservedRecorders): RecorderId[] {
    const fromFrames = Object.values(record).flatMap((frame) => frame.recorders);
    return normalizeRecorderIds([...fromFrames, ...observed.map((seen) => seen.id)]);
  }

  /** Stores one frame's findings; answers whether the tab's list of recorders changed. */
  putFrame(tabId: number, frameId: number, findings: FrameFindings): Promise<boolean> {
    return this.enqueue(tabId, async () => {
      const [record, observed] = await Promise.all([this.read(tabId), this.readObserved(tabId)]);
      const before = this.recordersOf(record, observed);
      record[String(frameId)] = findings;
      await this.area.set({ [keyOf(tabId)]: record });
      return !sameItems(before, this.recordersOf(record, observed));
    });
  }

  /**
   * The background saw a recorder in the tab itself (a request to its ingest host, or its globals
   * read when the tab was adopted); answers whether that is news.
   */
  putObservedRecorder(tabId: number, id: RecorderId, at: number): Promise<boolean> {
    return this.enqueue(tabId, async () => {
      const seen = await this.readObserved(tabId);
      if (seen.some((s) => s.id === id)) return false;
      const record = await this.read(tabId);
      const after = [...seen, { id, at }];
      await this.area.set({ [observedKeyOf(tabId)]: after });
      return !sameItems(this.recordersOf(record, seen), this.recordersOf(record, after));
    });
  }

  /** The tab closed: everything about it goes. */
  forgetTab(tabId: number): Promise<void> {
    return this.enqueue(tabId, () => this.area.remove([keyOf(tabId), observedKeyOf(tabId)]));
  }

  /**
   * The tab started showing a new page. Its frames report afresh. Requests made since `since`
   * stay: the browser may deliver the new page's first requests before it says the tab navigated.
   */
  newPage(tabId: number, since: number): Promise<void> {
    return this.enqueue(tabId, async () => {
      const kept = (await this.readObserved(tabId)).filter((seen) => seen.at >= since);
      await this.area.remove(keyOf(tabId));
      if (kept.length > 0) await this.area.set({ [observedKeyOf(tabId)]: kept });
      else await this.area.remove(observedKeyOf(tabId));
    });
  }

  async tabFindings(tabId: number): Promise<{ findings: FrameFindings; frames: number }> {
    return this.enqueue(tabId, async () => {
      const [record, observed] = await Promise.all([this.read(tabId), this.readObserved(tabId)]);
      const frames = Object.values(record);
      const findings = frames.length ? mergeFindings(frames) : EMPTY_FINDINGS;
      return {
        findings: { ...findings, recorders: this.recordersOf(record, observed) },
        frames: frames.length,
      };
    });
  }
}
