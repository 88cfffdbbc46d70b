import { defineContentScript } from 'wxt/utils/define-content-script';
import { EVERY_FRAME_AT_START } from '@/utils/content-script-scope';
import { RECORDERS_SEEN_EVENT } from '@/utils/recorders/recorders-event';
import { recordersInGlobals } from '@/utils/recorders/recorder-signatures';

// After the load event, recorders' async loaders still run: look twice more, then stop.
const LATE_LOOKS_MS = [3000, 15_000];

/**
 * Runs in the page's own world (recorders' globals are invisible from Tally's
 * isolated one) and reports which known recorders' globals exist, by id only.
 * It reads no value a page stored; it looks when the document is parsed and
 * loaded, when a script finishes loading, and twice after load, so an idle
 * page costs no timers.
 */
export default defineContentScript({
  ...EVERY_FRAME_AT_START,
  world: 'MAIN',
  main() {
    const view = window;
    const doc = document;
    // Taken now, before page scripts run and can replace them.
    const dispatch = EventTarget.prototype.dispatchEvent;
    const addListener = EventTarget.prototype.addEventListener;
    const CustomEventCtor = globalThis.CustomEvent;
    const setTimer = view.setTimeout.bind(view);
    const ScriptElement = globalThis.HTMLScriptElement;
    const reported = new Set<string>();

    const look = (): void => {
      let grew = false;
      for (const id of recordersInGlobals(view)) {
        if (!reported.has(id)) {
          reported.add(id);
          grew = true;
        }
      }
      if (grew) {
        dispatch.call(
          doc,
          new CustomEventCtor(RECORDERS_SEEN_EVENT, { detail: [...reported].join(',') }),
        );
      }
    };

    addListener.call(doc, 'DOMContentLoaded', look, { once: true });
    addListener.call(
      view,
      'load',
      () => {
        look();
        for (const ms of LATE_LOOKS_MS) setTimer(look, ms);
      },
      { once: true },
    );
    // A recorder's loader defines its globals when its script has run.
    addListener.call(
      doc,
      'load',
      (event: Event) => {
        if (event.target instanceof ScriptElement) look();
      },
      { capture: true },
    );
  },
});
