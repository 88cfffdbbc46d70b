import { browser } from 'wxt/browser';
import { badgeView } from '@/utils/badge/badge-view';
import type { Translate } from '@/utils/i18n/translate';
import { settle } from '@/utils/pause/pause-window';
import { captureStatus, type StatusInputs } from '@/utils/status/capture-status';
import type { Snapshot } from '@/utils/state/snapshot';
import { iconFor } from './icon-painter';

export interface BadgeRendererDeps {
  readonly snapshot: () => Promise<Snapshot>;
  readonly t: Translate;
  readonly now: () => number;
  /** Names of the recorders seen on a tab. */
  readonly recordersOn: (tabId: number) => Promise<readonly string[]>;
}

/**
 * Paints every tab's toolbar badge, icon and title from its status. Repaints
 * are coalesced: a burst of changes (findings from many frames, a pause
 * starting) costs one pass.
 */
export class BadgeRenderer {
  private pending: Promise<void> | undefined;
  private again = false;

  constructor(private readonly deps: BadgeRendererDeps) {}

  /** Asks for a repaint of every tab; returns when one that started after this call has finished. */
  refresh(): Promise<void> {
    if (this.pending) {
      this.again = true;
      return this.pending;
    }
    this.pending = (async () => {
      do {
        this.again = false;
        await this.paintAll().catch(() => undefined);
      } while (this.again);
      this.pending = undefined;
    })();
    return this.pending;
  }

  /** Repaints one tab: after it navigated (browsers clear a tab's own badge then). */
  async refreshTab(tabId: number, url: string | undefined): Promise<void> {
    await this.paintTab(tabId, url, await this.current()).catch(() => undefined);
  }

  private async current(): Promise<Omit<StatusInputs, 'tab'>> {
    const snapshot = await this.deps.snapshot();
    const now = this.deps.now();
    const pause = settle(snapshot.pause, snapshot.policy.pause, now).state.current;
    return { policy: snapshot.policy, pause, now, agent: snapshot.agent };
  }

  private async paintAll(): Promise<void> {
    const base = await this.current();
    // The default for tabs Tally has not painted yet (new tabs, pages it cannot see).
    await this.paint(undefined, { ...base, tab: { url: undefined, recorders: [] } });
    const tabs = await browser.tabs.query({});
    await Promise.all(
      tabs.map((tab) =>
        tab.id === undefined || tab.id < 0
          ? undefined
          : // The tab may have closed meanwhile.
            this.paintTab(tab.id, tab.url, base).catch(() => undefined),
      ),
    );
  }

  private async paintTab(
    tabId: number,
    url: string | undefined,
    base: Omit<StatusInputs, 'tab'>,
  ): Promise<void> {
    const recorders = await this.deps.recordersOn(tabId);
    await this.paint(tabId, { ...base, tab: { url, recorders } });
  }

  private async paint(tabId: number | undefined, inputs: StatusInputs): Promise<void> {
    const view = badgeView(captureStatus(inputs), inputs.now, this.deps.t);
    const target = tabId === undefined ? {} : { tabId };
    const icon = iconFor(view.icon);
    await Promise.all([
      browser.action.setBadgeText({ ...target, text: view.text }),
      browser.action.setBadgeBackgroundColor({ ...target, color: view.background }),
      browser.action.setBadgeTextColor?.({ ...target, color: view.foreground }),
      browser.action.setTitle({ ...target, title: view.title }),
      icon ? browser.action.setIcon({ ...target, imageData: icon }) : undefined,
    ]);
  }
}
