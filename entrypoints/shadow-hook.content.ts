import { defineContentScript } from 'wxt/utils/define-content-script';
import { EVERY_FRAME_AT_START } from '@/utils/content-script-scope';
import { SHADOW_ATTACHED_EVENT } from '@/utils/dom/shadow-event';

/**
 * Runs in the page's own world, before page scripts, and only announces that
 * an element got a shadow root: a custom element upgraded after load creates
 * its root with no DOM mutation the isolated world could observe. It reports
 * nothing about the page, and the event carries no data.
 */
export default defineContentScript({
  ...EVERY_FRAME_AT_START,
  world: 'MAIN',
  main() {
    const proto = Element.prototype;
    const original = proto.attachShadow;
    const dispatch = EventTarget.prototype.dispatchEvent;
    const Event = globalThis.Event;
    proto.attachShadow = function attachShadow(this: Element, init: ShadowRootInit): ShadowRoot {
      const root = original.call(this, init);
      // Connected hosts only: a detached host is found when it is inserted. Composed, so a
      // root attached inside another shadow tree (nested components) reaches the document.
      if (this.isConnected) {
        dispatch.call(this, new Event(SHADOW_ATTACHED_EVENT, { composed: true }));
      }
      return root;
    };
  },
});
