import { describe, expect, it } from 'vitest';
import {
  adoptOpenTabs,
  guardCssOf,
  type AdoptionScripting,
} from '@/entrypoints/background/tab-adoption';
import type { RecorderId } from '@/utils/recorders/recorder-signatures';

function fakeScripting(
  pageGlobals: Record<number, object>,
  refuses: ReadonlySet<number> = new Set(),
): { scripting: AdoptionScripting; calls: string[] } {
  const calls: string[] = [];
  const step = (name: string, tabId: number): Promise<void> => {
    calls.push(`${name}:${tabId}`);
    return refuses.has(tabId)
      ? Promise.reject(new Error('Cannot access contents'))
      : Promise.resolve();
  };
  return {
    calls,
    scripting: {
      insertCSS: ({ target }) => step('css', target.tabId),
      setAdoptedFlag: (target) => step('flag', target.tabId),
      injectGuard: (target) => step('guard', target.tabId),
      readGlobals: async (target, paths) => {
        calls.push(`globals:${target.tabId}`);
        const page = pageGlobals[target.tabId] ?? {};
        // Two frames: the page and an empty one; a hostile frame answers junk.
        return [
          { result: paths.filter((path) => (path.split('.')[0] ?? '') in page) },
          { result: 'not a list' },
          {},
        ];
      },
    },
  };
}

describe('adopting the tabs open at install or update', () => {
  it('injects the shield style, the adopted flag and then the guard into every web page', async () => {
    const { scripting, calls } = fakeScripting({ 2: { _hjSettings: {} } });
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
      guardCss: ['content-scripts/field-guard.css'],
      onRecorders: (tabId, ids) => recorders.push([tabId, ids]),
    });
    expect(adopted).toBe(2);
    expect(calls).toEqual([
      'css:2',
      'flag:2',
      'guard:2',
      'globals:2',
      'css:3',
      'flag:3',
      'guard:3',
      'globals:3',
    ]);
    expect(recorders).toEqual([[2, ['hotjar']]]);
  });

  it('skips a tab that refuses scripting and goes on with the rest', async () => {
    const { scripting, calls } = fakeScripting({}, new Set([5]));
    const adopted = await adoptOpenTabs({
      tabs: {
        query: async () => [
          { id: 5, url: 'https://chromewebstore.google.com/' },
          { id: 6, url: 'http://localhost/' },
        ],
      },
      scripting,
      guardCss: [],
      onRecorders: () => undefined,
    });
    expect(adopted).toBe(1);
    expect(calls).toEqual(['flag:5', 'flag:6', 'guard:6', 'globals:6']);
  });

  it('finds the guard’s stylesheet in the manifest', () => {
    expect(
      guardCssOf({
        content_scripts: [
          { js: ['content-scripts/recorder-probe.js'] },
          { js: ['content-scripts/field-guard.js'], css: ['content-scripts/field-guard.css'] },
        ],
      }),
    ).toEqual(['content-scripts/field-guard.css']);
    expect(guardCssOf({})).toEqual([]);
  });
});
