import { browser } from 'wxt/browser';
import { toScreenRect, type WindowGeometry } from '@/utils/agent/screen-rect';
import { sensitiveMessage, type FrameSensitive } from '@/utils/agent/sensitive-union';
import type { SensitiveMessage } from '@/utils/agent/protocol';
import type { SensitiveFields } from '@/utils/messages/content-to-background';

export interface SensitiveScreenDeps {
  /** The tab's window (screen pixels) and zoom; null when the tab is gone. */
  readonly geometry: (tabId: number) => Promise<{ window: WindowGeometry; zoom: number } | null>;
  /** The tabs on screen now: the active tab of each window. */
  readonly shownTabs: () => Promise<Set<number>>;
  readonly send: (message: SensitiveMessage) => void;
}

/** A tab's window in screen pixels and its zoom, from the browser (null: the tab is gone). */
export async function tabGeometry(
  tabId: number,
): Promise<{ window: WindowGeometry; zoom: number } | null> {
  const tab = await browser.tabs.get(tabId).catch(() => undefined);
  if (!tab) return null;
  const [window, zoom] = await Promise.all([
    browser.windows.get(tab.windowId),
    browser.tabs.getZoom(tabId),
  ]);
  return {
    zoom,
    window: {
      left: window.left ?? 0,
      top: window.top ?? 0,
      width: window.width ?? 0,
      height: window.height ?? 0,
    },
  };
}

/** The tab in front in each window. */
export async function shownTabs(): Promise<Set<number>> {
  const tabs = await browser.tabs.query({ active: true });
  return new Set(tabs.map((tab) => tab.id).filter((id) => id !== undefined));
}

/**
 * Which flagged fields are on the screen, across frames and tabs, for the capture agent: frames
 * report their own fields (content/sensitive-fields), this keeps the latest report of each and
 * sends the agent one `sensitive` message whenever the whole picture changes (a field scrolled
 * into view, another tab brought forward). Memory only: boxes on a screen are news only now.
 */
export class SensitiveScreen {
  private readonly frames = new Map<string, FrameSensitive>();
  private lastSent: SensitiveMessage = sensitiveMessage([], new Set());
  // lastSent serialised once, to compare each recomputed message against.
  private lastSentKey = JSON.stringify(this.lastSent);

  constructor(private readonly deps: SensitiveScreenDeps) {}

  async report(tabId: number, frameId: number, fields: SensitiveFields): Promise<void> {
    const key = `${tabId}:${frameId}`;
    if (fields.categories.length === 0) this.frames.delete(key);
    else {
      const geometry = await this.deps.geometry(tabId);
      if (!geometry) return;
      this.frames.set(key, {
        tabId,
        categories: fields.categories,
        rects: fields.rects.map((rect) =>
          toScreenRect(rect, fields.viewport, geometry.zoom, geometry.window),
        ),
      });
    }
    await this.refresh();
  }

  /** The tab closed or shows another page: its fields are gone from the screen. */
  async forgetTab(tabId: number): Promise<void> {
    for (const [key, frame] of this.frames) if (frame.tabId === tabId) this.frames.delete(key);
    await this.refresh();
  }

  /** Tells a freshly (re)connected agent what is on screen now, if anything. */
  resend(): void {
    if (this.lastSent.active) this.deps.send(this.lastSent);
  }

  /** Recomputes (another tab came forward) and tells the agent if anything changed. */
  async refresh(): Promise<void> {
    const message = sensitiveMessage(
      this.frames.values(),
      this.frames.size > 0 ? await this.deps.shownTabs() : new Set(),
    );
    const key = JSON.stringify(message);
    if (key === this.lastSentKey) return;
    this.lastSent = message;
    this.lastSentKey = key;
    this.deps.send(message);
  }
}
