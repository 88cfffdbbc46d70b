import * as z from 'zod/mini';
import type { BackgroundToContent } from '@/utils/messages/background-to-content';
import { pageStateFor, type PageState } from '@/utils/page-state/page-state';
import { pauseOptions, settle } from '@/utils/pause/pause-window';
import { recorderName } from '@/utils/recorders/recorder-signatures';
import type { Snapshot } from '@/utils/state/snapshot';
import { SESSION_KEYS, type StorageArea } from '@/utils/state/storage-keys';
import { captureStatus } from '@/utils/status/capture-status';
import type { TabFindingsStore } from './tab-findings-store';

const DismissedSchema = z.array(z.string().check(z.maxLength(300))).check(z.maxLength(1000));

export interface PublisherDeps {
  readonly snapshot: () => Promise<Snapshot>;
  readonly now: () => number;
  readonly findings: TabFindingsStore;
  readonly session: StorageArea;
  readonly tabs: {
    get(tabId: number): Promise<{ url?: string | undefined }>;
    query(filter: Record<string, never>): Promise<Array<{ id?: number | undefined }>>;
    sendMessage(tabId: number, message: BackgroundToContent): Promise<unknown>;
  };
}

/** The origin a banner dismissal is remembered under (the tab's page, as the browser reports it). */
export function siteOf(url: string | undefined): string | undefined {
  if (!url) return undefined;
  try {
    const origin = new URL(url).origin;
    return origin === 'null' ? undefined : origin;
  } catch {
    return undefined;
  }
}

/**
 * Tells each tab's content scripts what they need to act on the page (the
 * capture state, redaction and shield settings, the tab's findings) whenever
 * any of it changes. Tabs without Tally's content script simply do not answer.
 */
export class PageStatePublisher {
  constructor(private readonly deps: PublisherDeps) {}

  async stateFor(tabId: number, url: string | undefined): Promise<PageState> {
    const [snapshot, { findings }, dismissed] = await Promise.all([
      this.deps.snapshot(),
      this.deps.findings.tabFindings(tabId),
      this.dismissedSites(),
    ]);
    const now = this.deps.now();
    const settled = settle(snapshot.pause, snapshot.policy.pause, now).state;
    const status = captureStatus({
      policy: snapshot.policy,
      pause: settled.current,
      tab: { url, recorders: findings.recorders.map(recorderName) },
      now,
      agent: snapshot.agent,
    });
    const site = siteOf(url);
    return pageStateFor({
      status,
      policy: snapshot.policy,
      findings,
      pauseDurations: pauseOptions(settled, snapshot.policy.pause, now).durations,
      bannerDismissed: site !== undefined && dismissed.includes(site),
    });
  }

  async publish(tabId: number): Promise<void> {
    try {
      const tab = await this.deps.tabs.get(tabId);
      const state = await this.stateFor(tabId, tab.url);
      await this.deps.tabs.sendMessage(tabId, { type: 'background/page-state', state });
    } catch {
      // The tab closed, or has no content script (a browser page, the store): nothing to tell.
    }
  }

  async publishAll(): Promise<void> {
    const tabs = await this.deps.tabs.query({});
    await Promise.all(tabs.map((tab) => (tab.id === undefined ? undefined : this.publish(tab.id))));
  }

  async dismissBanner(url: string | undefined): Promise<void> {
    const site = siteOf(url);
    if (site === undefined) return;
    const dismissed = await this.dismissedSites();
    if (dismissed.includes(site)) return;
    await this.deps.session.set({
      [SESSION_KEYS.bannerDismissed]: [...dismissed, site].slice(-1000),
    });
  }

  private async dismissedSites(): Promise<string[]> {
    const key = SESSION_KEYS.bannerDismissed;
    const parsed = DismissedSchema.safeParse((await this.deps.session.get(key))[key] ?? []);
    return parsed.success ? parsed.data : [];
  }
}
