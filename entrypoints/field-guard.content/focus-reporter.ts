import type { Category } from '@/utils/detection/categories';
import type { SensitiveFocus } from '@/utils/messages/content-to-background';

/**
 * The field's box in the top frame's viewport: this frame's offset is added up through same-origin
 * parents; behind a cross-origin one nothing can tell it (null: the agent still hears that a
 * sensitive field has the focus, with its category).
 */
function boxInTopViewport(el: Element): {
  rect: SensitiveFocus['rect'];
  viewport: SensitiveFocus['viewport'];
} {
  const own = el.getBoundingClientRect();
  let x = own.left;
  let y = own.top;
  let view: Window | null = el.ownerDocument.defaultView;
  try {
    while (view && view !== view.top) {
      const frame = view.frameElement;
      if (!frame) throw new Error('cross-origin parent');
      const box = frame.getBoundingClientRect();
      x += box.left + frame.clientLeft;
      y += box.top + frame.clientTop;
      view = frame.ownerDocument.defaultView;
    }
  } catch {
    const self = el.ownerDocument.defaultView;
    return {
      rect: null,
      viewport: { width: self?.innerWidth ?? 0, height: self?.innerHeight ?? 0 },
    };
  }
  return {
    rect: { x, y, width: own.width, height: own.height },
    viewport: { width: view?.innerWidth ?? 0, height: view?.innerHeight ?? 0 },
  };
}

/**
 * Tells the background when a field Tally flagged gets or loses the focus, so the capture agent
 * can black out its box on screenshots. Only the user's own focus counts (trusted events); only
 * the category and the box go out, never the value.
 */
export function startFocusReporter(
  doc: Document,
  categoryOf: (el: Element) => Category | null,
  send: (message: SensitiveFocus) => void,
  signal: AbortSignal,
): void {
  let focused: Element | null = null;
  const options = { capture: true, passive: true, signal };
  doc.addEventListener(
    'focusin',
    (event) => {
      if (!event.isTrusted) return;
      const target = event.composedPath()[0];
      const category = target instanceof Element ? categoryOf(target) : null;
      if (!category || !(target instanceof Element)) return;
      focused = target;
      send({
        type: 'content/sensitive-focus',
        active: true,
        categories: [category],
        ...boxInTopViewport(target),
      });
    },
    options,
  );
  doc.addEventListener(
    'focusout',
    (event) => {
      if (!event.isTrusted || focused === null || event.composedPath()[0] !== focused) return;
      focused = null;
      const view = doc.defaultView;
      send({
        type: 'content/sensitive-focus',
        active: false,
        categories: [],
        rect: null,
        viewport: { width: view?.innerWidth ?? 0, height: view?.innerHeight ?? 0 },
      });
    },
    options,
  );
}
