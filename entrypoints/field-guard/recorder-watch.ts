import {
  PROBE_ACK_EVENT,
  PROBE_HELLO_EVENT,
  PROBE_READY_EVENT,
  RECORDERS_SEEN_EVENT,
} from '@/utils/recorders/recorders-event';
import {
  normalizeRecorderIds,
  recordersForUrl,
  recordersInStorage,
  type RecorderId,
} from '@/utils/recorders/recorder-signatures';

const STORAGE_LOOK_EVERY_MS = 5000;

/**
 * Which recorders run in this frame, from what Tally's isolated world can see:
 * the URLs of scripts and requests the page made (resource timing: scripts,
 * fetch, XHR and beacons), storage keys a running replay leaves, and the ids
 * the MAIN-world probe reports from globals. Only recorder ids come out.
 */
export function watchRecorders(
  doc: Document,
  signal: AbortSignal,
  onChange: () => void,
  idle: (task: () => void) => void,
  { probeChannel }: { probeChannel: boolean },
): { ids: () => RecorderId[] } {
  const view = doc.defaultView;
  const found = new Set<RecorderId>();
  const add = (ids: Iterable<unknown>): void => {
    let grew = false;
    for (const id of normalizeRecorderIds(ids)) {
      if (!found.has(id)) {
        found.add(id);
        grew = true;
      }
    }
    if (grew) onChange();
  };

  // The probe's private channel: the first hello's element, handed over before page scripts run
  // (recorders-event.ts). Only at document_start: a guard injected later (adoption) could be
  // greeted by the page itself, so it goes without.
  let channel: EventTarget | null = null;
  const onHello = (event: Event): void => {
    const target = (event as FocusEvent).relatedTarget;
    if (channel || !target || (target as Node).isConnected !== false) return;
    channel = target;
    doc.removeEventListener(PROBE_HELLO_EVENT, onHello);
    channel.dispatchEvent(new Event(PROBE_ACK_EVENT));
    channel.addEventListener(
      RECORDERS_SEEN_EVENT,
      (seen) => {
        const detail = (seen as CustomEvent<unknown>).detail;
        if (typeof detail === 'string' && detail.length < 1000) add(detail.split(','));
      },
      { signal },
    );
  };
  if (probeChannel) {
    doc.addEventListener(PROBE_HELLO_EVENT, onHello, { signal });
    doc.dispatchEvent(new Event(PROBE_READY_EVENT));
  }

  if (view && typeof view.PerformanceObserver === 'function') {
    try {
      const observer = new view.PerformanceObserver((list) => {
        for (const entry of list.getEntries()) add(recordersForUrl(entry.name));
        // A replay writes its session key after it starts, and then it sends: look again,
        // at most every few seconds (no timer: only when the page makes requests anyway).
        lookInStorageNowAndThen();
      });
      // buffered: the scripts and requests made before Tally's observer existed count too.
      observer.observe({ type: 'resource', buffered: true });
      signal.addEventListener('abort', () => observer.disconnect(), { once: true });
    } catch {
      // No resource timing here (an opaque frame): globals and storage still tell.
    }
  }

  function lookInStorage(): void {
    add(
      // Only whether the key exists; its value is the page's. A sandboxed frame throws here,
      // which recordersInStorage treats as "not present".
      recordersInStorage((key) => {
        if (!view) return false;
        return view.sessionStorage.getItem(key) !== null || view.localStorage.getItem(key) !== null;
      }),
    );
  }
  // The first storage read of a page opens its storage area (≈4 ms measured on a typical form):
  // done in idle time, never inside the page's load event or a resource callback.
  let lookQueued = false;
  function lookInStorageWhenIdle(): void {
    if (lookQueued) return;
    lookQueued = true;
    idle(() => {
      lookQueued = false;
      lookInStorage();
    });
  }
  let lastStorageLook = -Infinity;
  function lookInStorageNowAndThen(): void {
    const now = Date.now();
    if (now - lastStorageLook < STORAGE_LOOK_EVERY_MS) return;
    lastStorageLook = now;
    lookInStorageWhenIdle();
  }
  if (doc.readyState === 'complete') lookInStorageWhenIdle();
  else view?.addEventListener('load', lookInStorageWhenIdle, { once: true, signal });

  return { ids: () => normalizeRecorderIds(found) };
}
