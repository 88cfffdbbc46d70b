import { describe, expect, it } from 'vitest';
import { SensitiveScreen } from '@/entrypoints/background/sensitive-screen';
import type { SensitiveMessage } from '@/utils/agent/protocol';

function screenWorld() {
  const sent: SensitiveMessage[] = [];
  let shown = new Set([1]);
  const screen = new SensitiveScreen({
    geometry: async (tabId) =>
      tabId === 99 ? null : { zoom: 1, window: { left: 100, top: 50, width: 816, height: 712 } },
    shownTabs: async () => shown,
    send: (message) => void sent.push(message),
  });
  return { screen, sent, show: (ids: number[]) => void (shown = new Set(ids)) };
}

const fields = (categories: Array<'national-id' | 'health'>, x = 10) => ({
  type: 'content/sensitive-fields' as const,
  categories,
  rects: categories.length ? [{ x, y: 20, width: 200, height: 24 }] : [],
  viewport: { width: 800, height: 600 },
});

describe('SensitiveScreen', () => {
  it('sends the screen’s boxes when they change, and only then', async () => {
    const w = screenWorld();
    await w.screen.report(1, 0, fields(['national-id']));
    await w.screen.report(1, 0, fields(['national-id']));
    // 8 px side borders, 104 px of toolbar above the 800×600 viewport.
    expect(w.sent).toEqual([
      {
        type: 'sensitive',
        active: true,
        categories: ['national-id'],
        rects: [{ x: 118, y: 174, width: 200, height: 24 }],
      },
    ]);
    await w.screen.report(1, 3, fields(['health'], 400));
    expect(w.sent.at(-1)?.categories).toEqual(['national-id', 'health']);
    expect(w.sent.at(-1)?.rects).toHaveLength(2);
    await w.screen.report(1, 0, fields([]));
    await w.screen.report(1, 3, fields([]));
    expect(w.sent.at(-1)).toEqual({ type: 'sensitive', active: false, categories: [], rects: [] });
    expect(w.sent).toHaveLength(4);
  });

  it('tells a freshly connected agent what is on screen, and nothing when nothing is', async () => {
    const w = screenWorld();
    w.screen.resend();
    expect(w.sent).toEqual([]);
    await w.screen.report(1, 0, fields(['health']));
    w.screen.resend();
    expect(w.sent).toHaveLength(2);
    expect(w.sent[1]).toEqual(w.sent[0]);
  });

  it('another tab coming forward, or the tab closing, clears the screen', async () => {
    const w = screenWorld();
    await w.screen.report(1, 0, fields(['health']));
    w.show([2]);
    await w.screen.refresh();
    expect(w.sent.at(-1)?.active).toBe(false);
    w.show([1]);
    await w.screen.refresh();
    expect(w.sent.at(-1)?.active).toBe(true);
    await w.screen.forgetTab(1);
    expect(w.sent.at(-1)?.active).toBe(false);
    // A report from a tab that is already gone changes nothing.
    await w.screen.report(99, 0, fields(['health']));
    expect(w.sent).toHaveLength(4);
  });
});
