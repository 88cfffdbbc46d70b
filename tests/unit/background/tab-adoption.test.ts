import { describe, expect, it } from 'vitest';
import {
  adoptOpenTabs,
  guardCssOf,
  type AdoptionScripting,
} from '@/entrypoints/background/tab-adoption';
import type { RecorderId } from '@/utils/recorders/recorder-signatures';

/**
 * Tabs with frames: each frame has a guard already (true) or not, and its page globals.
 * A tab in `refuses` throws like a page the browser does not let extensions script.
 */
function fakeScripting(
  tabs: Record<number, Array<{ guarded: boolean; globals?: object }>>,
  refuses: ReadonlySet<number> = new Set(),
): { scripting: AdoptionScripting; calls: string[] } {
  const calls: string[] = [];
  const refuse = (tabId: number) => {
    if (refuses.has(tabId)) throw new Error('Cannot access contents of the page');
  };
  return {
    calls,
    scripting: {
      markUnguarded: async ({ tabId }) => {
        calls.push(`mark:${tabId}`);
        refuse(tabId);
        return (tabs[tabId] ?? []).map((frame, frameId) => ({ frameId, result: !frame.guarded }));
      },
      insertCSS: async ({ target }) => void calls.push(`css:${target.tabId}:${target.frameIds}`),
      injectGuard: async (target) => void calls.push(`guard:${target.tabId}:${target.frameIds}`),
      readGlobals: async (target, paths) => {
        calls.push(`globals:${target.tabId}:${target.frameIds}`);
        return target.frameIds.flatMap((frameId) => {
          const page = tabs[target.tabId]?.[frameId]?.globals ?? {};
          // A hostile frame answers junk besides.
          return [
            { result: paths.filter((path) => (path.split('.')[0] ?? '') in page) },
            { result: 'not a list' },
          ];
        });
      },
    },
  };
}

describe('adopting the tabs open at install or update', () => {
  it('injects the shield style and the guard into the frames that lack one, then reads globals', async () => {
    const { scripting, calls } = fakeScripting({
      2: [{ guarded: false, globals: { _hjSettings: {} } }, { guarded: false }],
      3: [{ guarded: false }],
    });
    const recorders: Array<[number, RecorderId[]]> = [];
    const adopted = await adoptOpenTabs({
      tabs: {
        query: async () => [
          { id: 1, url: 'chrome://settings/' },
          { id: 2, url: 'https://intranet.example/form' },
          { url: 'https://no-id.example/' },
          { id: 3, url: 'file:///home/me/form.html' },
          { id: 4, url: 'chrome-extension://abc/popup.html' },
        ],
      },
      scripting,
      guardCss: ['field-guard.css'],
      onRecorders: (tabId, ids) => recorders.push([tabId, ids]),
    });
    expect(adopted).toBe(2);
    expect(calls).toEqual([
      'mark:2',
      'css:2:0,1',
      'guard:2:0,1',
      'globals:2:0,1',
      'mark:3',
      'css:3:0',
      'guard:3:0',
      'globals:3:0',
    ]);
    expect(recorders).toEqual([[2, ['hotjar']]]);
  });

  it('leaves frames where this version’s guard already runs alone (pages loaded since)', async () => {
    const { scripting, calls } = fakeScripting({
      5: [{ guarded: true }, { guarded: false }],
      6: [{ guarded: true }],
    });
    const adopted = await adoptOpenTabs({
      tabs: {
        query: async () => [
          { id: 5, url: 'https://a.example/' },
          { id: 6, url: 'https://b.example/' },
        ],
      },
      scripting,
      guardCss: ['field-guard.css'],
      onRecorders: () => undefined,
    });
    expect(adopted).toBe(1);
    expect(calls).toEqual(['mark:5', 'css:5:1', 'guard:5:1', 'globals:5:1', 'mark:6']);
  });

  it('skips a tab that refuses scripting and goes on with the rest', async () => {
    const { scripting, calls } = fakeScripting({ 8: [{ guarded: false }] }, new Set([7]));
    const adopted = await adoptOpenTabs({
      tabs: {
        query: async () => [
          { id: 7, url: 'https://chromewebstore.google.com/' },
          { id: 8, url: 'http://localhost/' },
        ],
      },
      scripting,
      guardCss: [],
      onRecorders: () => undefined,
    });
    expect(adopted).toBe(1);
    expect(calls).toEqual(['mark:7', 'mark:8', 'guard:8:0', 'globals:8:0']);
  });

  it('finds the guard’s stylesheet in the manifest', () => {
    expect(
      guardCssOf({
        content_scripts: [
          { js: ['content-scripts/recorder-probe.js'] },
          { js: ['field-guard.js'], css: ['field-guard.css'] },
        ],
      }),
    ).toEqual(['field-guard.css']);
    expect(guardCssOf({})).toEqual([]);
  });
});
