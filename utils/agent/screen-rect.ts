import type { ScreenRect } from './protocol';

/** A frame reports at most this many boxes (a screen rarely shows more flagged fields). */
export const MAX_SENSITIVE_RECTS = 50;

/** A box in CSS pixels of the top frame's viewport, as a content script measures it. */
export interface ViewportRect {
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
}

/** The browser window in screen pixels (windows.get), and the tab's zoom (tabs.getZoom). */
export interface WindowGeometry {
  readonly left: number;
  readonly top: number;
  readonly width: number;
  readonly height: number;
}

/**
 * Where a field is on the screen, for an agent that blacks out screenshots. The browser does not
 * say where its viewport sits inside the window, so the toolbar's height is what is left of the
 * window's height once the viewport (at the tab's zoom) and a bottom border as wide as the side
 * borders are taken away. Off by a pixel or two at most; a screenshot agent should pad the box.
 */
export function toScreenRect(
  rect: ViewportRect,
  viewport: { readonly width: number; readonly height: number },
  zoom: number,
  window: WindowGeometry,
): ScreenRect {
  const scale = zoom > 0 ? zoom : 1;
  const side = Math.max(0, (window.width - viewport.width * scale) / 2);
  const top = Math.max(0, window.height - viewport.height * scale - side);
  return {
    x: Math.round(window.left + side + rect.x * scale),
    y: Math.round(window.top + top + rect.y * scale),
    width: Math.round(rect.width * scale),
    height: Math.round(rect.height * scale),
  };
}
