import { defineContentScript } from 'wxt/utils/define-content-script';
import { EVERY_FRAME_AT_START } from '@/utils/content-script-scope';
import { SHADOW_ATTACHED_EVENT } from '@/utils/dom/shadow-event';

/**
 * Runs in the page's own world, before page scripts, and only announces that
 * an element got a shadow root: a custom element creates its root with no DOM
 * mutation the isolated world could observe. It reports nothing about the
 * page; the event carries at most the host element itself.
 */
export default defineContentScript({
  ...EVERY_FRAME_AT_START,
  world: 'MAIN',
  main() {
    const proto = Element.prototype;
    const original = proto.attachShadow;
    // Taken now: a page that later replaces Function.prototype.call cannot intercept the hook.
    const apply = Reflect.apply;
    const dispatch = EventTarget.prototype.dispatchEvent;
    const Event = globalThis.Event;
    const FocusEvent = globalThis.FocusEvent;
    const doc = document;
    proto.attachShadow = function attachShadow(this: Element, init: ShadowRootInit): ShadowRoot {
      const root = apply(original, this, [init]);
      if (this.isConnected) {
        // Composed, so a root attached inside another shadow tree (nested components) reaches
        // the document; the isolated world reads the host from composedPath()[0].
        apply(dispatch, this, [new Event(SHADOW_ATTACHED_EVENT, { composed: true })]);
      } else {
        // A detached host (a custom element the parser is constructing, or one made with
        // createElement): the event cannot travel through it, so it goes to the document and
        // carries the host as relatedTarget, which a detached node keeps unretargeted.
        apply(dispatch, doc, [new FocusEvent(SHADOW_ATTACHED_EVENT, { relatedTarget: this })]);
      }
      return root;
    };
  },
});
