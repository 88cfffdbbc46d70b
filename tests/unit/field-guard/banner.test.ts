// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import { Banner } from '@/entrypoints/field-guard/banner';
import { emptyCounts } from '@/utils/findings/frame-findings';
import { INITIAL_PAGE_STATE, type PageState } from '@/utils/page-state/page-state';

const stateWith = (nationalIds: number): PageState => ({
  ...INITIAL_PAGE_STATE,
  capture: 'active',
  recorders: ['rrweb'],
  counts: { ...emptyCounts(), 'national-id': nationalIds },
  reasons: ['label says "SSN"'],
});

describe('Banner', () => {
  afterEach(() => {
    document.documentElement.querySelectorAll(':scope > div').forEach((d) => d.remove());
  });

  it('holds a re-draw while a button is pressed, so the click lands, and draws after release', async () => {
    let dismissed = 0;
    const banner = new Banner(document, (key, ...args) => `${key} ${args.join(' ')}`.trim(), {
      pause: async () => true,
      dismiss: () => void dismissed++,
      toggleReveal: () => false,
      revealed: false,
      shieldActive: true,
    });
    banner.render(stateWith(1));
    const root = banner.shadowRoot as ShadowRoot;
    const button = root.querySelector('button[data-action="dismiss"]') as HTMLElement;
    const drawn = () =>
      [...root.children]
        .filter((child) => child.localName !== 'style')
        .map((child) => child.textContent)
        .join(' ');
    expect(drawn()).toContain('1');

    button.dispatchEvent(new PointerEvent('pointerdown', { bubbles: true, composed: true }));
    // The page's state changes while the button is held: the button under the pointer stays.
    banner.render(stateWith(2));
    expect(root.querySelector('button[data-action="dismiss"]')).toBe(button);
    expect(drawn()).not.toContain('2');

    button.dispatchEvent(new PointerEvent('pointerup', { bubbles: true, composed: true }));
    await new Promise((resolve) => setTimeout(resolve, 5));
    expect(root.querySelector('button[data-action="dismiss"]')).not.toBe(button);
    expect(drawn()).toContain('2');

    // Without a press, a change is drawn at once.
    banner.render(stateWith(3));
    expect(drawn()).toContain('3');
    expect(dismissed).toBe(0);
  });
});
