import { describe, expect, it } from 'vitest';
import { toScreenRect } from '@/utils/agent/screen-rect';

describe('a field’s box on the screen', () => {
  it('adds the window’s position, its side border and the toolbar above the viewport', () => {
    // A 1280×900 window at (100, 50) whose viewport is 1264×780 CSS px at 100%: 8 px borders,
    // 112 px of toolbar.
    expect(
      toScreenRect({ x: 20, y: 30, width: 200, height: 24 }, { width: 1264, height: 780 }, 1, {
        left: 100,
        top: 50,
        width: 1280,
        height: 900,
      }),
    ).toEqual({ x: 128, y: 192, width: 200, height: 24 });
  });

  it('scales by the tab’s zoom, and never places the viewport outside the window', () => {
    expect(
      toScreenRect({ x: 10, y: 10, width: 100, height: 20 }, { width: 640, height: 400 }, 2, {
        left: 0,
        top: 0,
        width: 1280,
        height: 900,
      }),
    ).toEqual({ x: 20, y: 120, width: 200, height: 40 });
    // A headless window the size of its viewport: no borders, no toolbar.
    expect(
      toScreenRect({ x: 5, y: 6, width: 7, height: 8 }, { width: 800, height: 600 }, 1, {
        left: 0,
        top: 0,
        width: 800,
        height: 600,
      }),
    ).toEqual({ x: 5, y: 6, width: 7, height: 8 });
  });
});
