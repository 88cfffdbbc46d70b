import { CATEGORIES, type Category } from '../detection/categories';
import type { ScreenRect, SensitiveMessage } from './protocol';
import { MAX_SENSITIVE_RECTS } from './screen-rect';

/** What one frame of one tab reported, its boxes already in screen pixels. */
export interface FrameSensitive {
  readonly tabId: number;
  readonly categories: readonly Category[];
  readonly rects: readonly ScreenRect[];
}

/**
 * The one `sensitive` message for the whole screen: every frame of the tabs that are shown (the
 * active tab of each window), categories in Tally's order, at most 50 boxes.
 */
export function sensitiveMessage(
  frames: Iterable<FrameSensitive>,
  shownTabs: ReadonlySet<number>,
): SensitiveMessage {
  const categories = new Set<Category>();
  const rects: ScreenRect[] = [];
  for (const frame of frames) {
    if (!shownTabs.has(frame.tabId)) continue;
    for (const category of frame.categories) categories.add(category);
    for (const rect of frame.rects) if (rects.length < MAX_SENSITIVE_RECTS) rects.push(rect);
  }
  return {
    type: 'sensitive',
    active: categories.size > 0,
    categories: CATEGORIES.filter((c) => categories.has(c)),
    rects,
  };
}
