import { defineContentScript } from 'wxt/utils/define-content-script';
import { EVERY_FRAME_AT_START } from '@/utils/content-script-scope';
import {
  PROBE_ACK_EVENT,
  PROBE_HELLO_EVENT,
  PROBE_READY_EVENT,
  RECORDERS_SEEN_EVENT,
} from '@/utils/recorders/recorders-event';
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
    // Taken now, before page scripts run and can replace them (Function.prototype.call included).
    const apply = Reflect.apply;
    const dispatch = EventTarget.prototype.dispatchEvent;
    const addListener = EventTarget.prototype.addEventListener;
    const CustomEventCtor = globalThis.CustomEvent;
    const FocusEventCtor = globalThis.FocusEvent;
    const setTimer = view.setTimeout.bind(view);
    const ScriptElement = globalThis.HTMLScriptElement;
    const reported = new Set<string>();
    // The private channel to Tally's isolated world (utils/recorders/recorders-event.ts).
    const channel = doc.createElement('tally-probe');
    const hello = (): void => {
      apply(dispatch, doc, [new FocusEventCtor(PROBE_HELLO_EVENT, { relatedTarget: channel })]);
    };
    // The isolated world may start before or after this script: greet now, and when it asks,
    // until it has acknowledged (after that, a ready event can only be the page's).
    const removeListener = EventTarget.prototype.removeEventListener;
    apply(addListener, doc, [PROBE_READY_EVENT, hello]);
    apply(addListener, channel, [
      PROBE_ACK_EVENT,
      () => apply(removeListener, doc, [PROBE_READY_EVENT, hello]),
      { once: true },
    ]);
    hello();

    const look = (): void => {
      let grew = false;
      for (const id of recordersInGlobals(view)) {
        if (!reported.has(id)) {
          reported.add(id);
          grew = true;
        }
      }
      if (grew) {
        apply(dispatch, channel, [
          new CustomEventCtor(RECORDERS_SEEN_EVENT, { detail: [...reported].join(',') }),
        ]);
      }
    };

    apply(addListener, doc, ['DOMContentLoaded', look, { once: true }]);
    apply(addListener, view, [
      'load',
      () => {
        look();
        for (const ms of LATE_LOOKS_MS) setTimer(look, ms);
      },
      { once: true },
    ]);
    // A recorder's loader defines its globals when its script has run.
    apply(addListener, doc, [
      'load',
      (event: Event) => {
        if (event.target instanceof ScriptElement) look();
      },
      { capture: true },
    ]);
  },
});
