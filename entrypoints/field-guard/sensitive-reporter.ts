import { MAX_SENSITIVE_RECTS, type ViewportRect } from '@/utils/agent/screen-rect';
import { CATEGORIES, type Category } from '@/utils/detection/categories';
import type { SensitiveFields } from '@/utils/messages/content-to-background';

// Scrolling moves every box: report once the page has settled, not on every frame.
const SCROLL_SETTLE_MS = 150;

/**
 * A field's box in the top frame's viewport: this frame's offset is added up through same-origin
 * parents; behind a cross-origin one nothing can tell it (null).
 */
function boxInTopViewport(el: Element): ViewportRect | null {
  const own = el.getBoundingClientRect();
  let x = own.left;
  let y = own.top;
  let view: Window | null = el.ownerDocument.defaultView;
  try {
    while (view && view !== view.top) {
      const frame = view.frameElement;
      if (!frame) return null;
      const box = frame.getBoundingClientRect();
      x += box.left + frame.clientLeft;
      y += box.top + frame.clientTop;
      view = frame.ownerDocument.defaultView;
    }
  } catch {
    return null;
  }
  return { x, y, width: own.width, height: own.height };
}

function topViewport(doc: Document): SensitiveFields['viewport'] {
  let view: Window | null = doc.defaultView;
  try {
    // The top frame's size, where this frame may read it.
    if (view?.top && view.top.innerWidth >= 0) view = view.top;
  } catch {
    // Cross-origin parent: this frame's own size is the best guess.
  }
  return { width: view?.innerWidth ?? 0, height: view?.innerHeight ?? 0 };
}

export interface SensitiveReporter {
  /** The scanner flagged or unflagged a field. */
  onFlag(el: Element, category: Category | null): void;
  /** On while the policy names a capture agent (the page state says so); off otherwise. */
  setEnabled(enabled: boolean): void;
}

/**
 * Tells the background which of this frame's flagged fields are on screen or have the user's
 * focus, with their categories and boxes, so the capture agent can black them out of screenshots.
 * Never a value. Visibility comes from an IntersectionObserver on flagged fields only; scrolling
 * is reported once it settles; a page's synthetic focus events are ignored. Off (no observer,
 * no message) unless the policy names an agent: otherwise it would wake the worker for nothing.
 */
export function startSensitiveReporter(
  doc: Document,
  fields: {
    categoryOf(el: Element): Category | null;
    flagged(): Element[];
  },
  send: (message: SensitiveFields) => void,
  signal: AbortSignal,
): SensitiveReporter {
  const view = doc.defaultView;
  let enabled = false;
  let observer: IntersectionObserver | null = null;
  const onScreen = new Set<Element>();
  let focused: Element | null = null;
  let lastSent = '';
  let timer: ReturnType<typeof setTimeout> | undefined;

  /** Sends what is on screen now, if it differs from what was last sent. */
  const sendIfChanged = (): void => {
    const shown = [...onScreen];
    if (focused && !onScreen.has(focused)) shown.push(focused);
    const categories = new Set<Category>();
    const rects: ViewportRect[] = [];
    for (const el of shown) {
      const category = fields.categoryOf(el);
      if (!category || !el.isConnected) continue;
      categories.add(category);
      const box = rects.length < MAX_SENSITIVE_RECTS ? boxInTopViewport(el) : null;
      if (box && box.width > 0 && box.height > 0) rects.push(box);
    }
    const message: SensitiveFields = {
      type: 'content/sensitive-fields',
      categories: CATEGORIES.filter((c) => categories.has(c)),
      rects,
      viewport: topViewport(doc),
    };
    const key = JSON.stringify([message.categories, message.rects]);
    if (key === lastSent) return;
    lastSent = key;
    send(message);
  };
  const report = (): void => {
    timer = undefined;
    if (enabled && !signal.aborted) sendIfChanged();
  };
  const schedule = (ms: number): void => {
    if (!enabled) return;
    if (timer !== undefined) clearTimeout(timer);
    timer = setTimeout(report, ms);
  };

  const observe = (el: Element): void => observer?.observe(el);
  const setEnabled = (on: boolean): void => {
    if (on === enabled || (on && signal.aborted)) return;
    enabled = on;
    if (on) {
      observer = new IntersectionObserver((entries) => {
        for (const entry of entries) {
          if (entry.isIntersecting) onScreen.add(entry.target);
          else onScreen.delete(entry.target);
        }
        schedule(0);
      });
      for (const el of fields.flagged()) observe(el);
      return;
    }
    observer?.disconnect();
    observer = null;
    onScreen.clear();
    focused = null;
    if (timer !== undefined) clearTimeout(timer);
    // The agent heard of fields here: it hears that they are gone (nothing is on screen now).
    if (lastSent !== '' && !signal.aborted) sendIfChanged();
    lastSent = '';
  };

  const options = { capture: true, passive: true, signal };
  doc.addEventListener(
    'focusin',
    (event) => {
      if (!enabled || !event.isTrusted) return;
      const target = event.composedPath()[0];
      if (!(target instanceof Element) || !fields.categoryOf(target)) return;
      focused = target;
      schedule(0);
    },
    options,
  );
  doc.addEventListener(
    'focusout',
    (event) => {
      if (!event.isTrusted || focused === null || event.composedPath()[0] !== focused) return;
      focused = null;
      schedule(0);
    },
    options,
  );
  const onMove = (): void => {
    if (enabled && (onScreen.size > 0 || focused)) schedule(SCROLL_SETTLE_MS);
  };
  doc.addEventListener('scroll', onMove, options);
  view?.addEventListener('resize', onMove, { passive: true, signal });
  signal.addEventListener('abort', () => setEnabled(false), { once: true });

  return {
    onFlag(el, category) {
      if (!observer) return;
      if (category) {
        observe(el);
        // A field on screen that changed category: the agent hears the new one.
        if (onScreen.has(el) || focused === el) schedule(0);
      } else {
        observer.unobserve(el);
        onScreen.delete(el);
        if (focused === el) focused = null;
        schedule(0);
      }
    },
    setEnabled,
  };
}
