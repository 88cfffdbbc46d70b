import * as z from 'zod/mini';
import { EMPTY_FINDINGS, mergeFindings, type FrameFindings } from '@/utils/findings/frame-findings';
import { FrameFindingsSchema } from '@/utils/findings/frame-findings.schema';
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

// Each with the time its request was made (webRequest's timeStamp), so a navigation can tell the
// new page's early requests from the old page's.
const NetworkRecordersSchema = z.array(z.object({ id: z.enum(RECORDER_IDS), at: z.number() }));
type NetworkRecorders = z.infer<typeof NetworkRecordersSchema>;

const keyOf = (tabId: number): string => `findings:${tabId}`;
// Recorders seen sending from this tab (webRequest), kept apart from what frames report.
const networkKeyOf = (tabId: number): string => `net-recorders:${tabId}`;

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

  private async readNetwork(tabId: number): Promise<NetworkRecorders> {
    const stored = (await this.area.get(networkKeyOf(tabId)))[networkKeyOf(tabId)];
    const parsed = NetworkRecordersSchema.safeParse(stored ?? []);
    return parsed.success ? parsed.data : [];
  }

  private recordersOf(record: TabRecord, network: NetworkRecorders): RecorderId[] {
    const fromFrames = Object.values(record).flatMap((frame) => frame.recorders);
    return normalizeRecorderIds([...fromFrames, ...network.map((seen) => seen.id)]);
  }

  /** Stores one frame's findings; answers whether the tab's list of recorders changed. */
  putFrame(tabId: number, frameId: number, findings: FrameFindings): Promise<boolean> {
    return this.enqueue(tabId, async () => {
      const [record, network] = await Promise.all([this.read(tabId), this.readNetwork(tabId)]);
      const before = this.recordersOf(record, network);
      record[String(frameId)] = findings;
      await this.area.set({ [keyOf(tabId)]: record });
      return !sameIds(before, this.recordersOf(record, network));
    });
  }

  /** A request from the tab went to a recorder's ingest host; answers whether that is news. */
  putNetworkRecorder(tabId: number, id: RecorderId, at: number): Promise<boolean> {
    return this.enqueue(tabId, async () => {
      const seen = await this.readNetwork(tabId);
      if (seen.some((s) => s.id === id)) return false;
      const record = await this.read(tabId);
      const after = [...seen, { id, at }];
      await this.area.set({ [networkKeyOf(tabId)]: after });
      return !sameIds(this.recordersOf(record, seen), this.recordersOf(record, after));
    });
  }

  /** The tab closed: everything about it goes. */
  forgetTab(tabId: number): Promise<void> {
    return this.enqueue(tabId, () => this.area.remove([keyOf(tabId), networkKeyOf(tabId)]));
  }

  /**
   * The tab started showing a new page. Its frames report afresh. Requests made since `since`
   * stay: the browser may deliver the new page's first requests before it says the tab navigated.
   */
  newPage(tabId: number, since: number): Promise<void> {
    return this.enqueue(tabId, async () => {
      const kept = (await this.readNetwork(tabId)).filter((seen) => seen.at >= since);
      await this.area.remove(keyOf(tabId));
      if (kept.length > 0) await this.area.set({ [networkKeyOf(tabId)]: kept });
      else await this.area.remove(networkKeyOf(tabId));
    });
  }

  async tabFindings(tabId: number): Promise<{ findings: FrameFindings; frames: number }> {
    return this.enqueue(tabId, async () => {
      const [record, network] = await Promise.all([this.read(tabId), this.readNetwork(tabId)]);
      const frames = Object.values(record);
      const findings = frames.length ? mergeFindings(frames) : EMPTY_FINDINGS;
      return {
        findings: { ...findings, recorders: this.recordersOf(record, network) },
        frames: frames.length,
      };
    });
  }
}

function sameIds(a: readonly RecorderId[], b: readonly RecorderId[]): boolean {
  return a.length === b.length && a.every((id, i) => id === b[i]);
}
