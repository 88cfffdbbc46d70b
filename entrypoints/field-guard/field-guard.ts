import { browser } from '@/utils/native-browser';
import { localNameOf, shadowRootOf } from '@/utils/dom/dom-access';
import { FieldScanner } from '@/utils/dom/field-scanner';
import { SHADOW_ATTACHED_EVENT } from '@/utils/dom/shadow-event';
import { ScreenShield } from '@/utils/dom/screen-shield';
import { ADOPTED_FLAG, GUARD_RUNNING_FLAG, GUARD_STARTED_EVENT } from '@/utils/lifecycle/adoption';
import { startReporter } from './findings-reporter';
import { startPageState } from './page-state-client';
import { watchRecorders } from './recorder-watch';

// The elements attachShadow accepts besides custom elements (DOM standard, "valid shadow host name").
const SHADOW_HOST_TAGS = new Set([
  'article',
  'aside',
  'blockquote',
  'body',
  'div',
  'footer',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'header',
  'main',
  'nav',
  'p',
  'section',
  'span',
]);

function canHostShadowRoot(el: Element): boolean {
  const name = localNameOf(el);
  return name.includes('-') || SHADOW_HOST_TAGS.has(name);
}

/**
 * Closed shadow roots too (web components such as Salesforce's render their inputs in them):
 * Chrome gives extensions chrome.dom.openOrClosedShadowRoot (88+), Firefox gives content scripts
 * element.openOrClosedShadowRoot(). Either may be missing; then only open roots are seen.
 */
function openOrClosedShadowRoot(host: Element): ShadowRoot | null {
  // An open root needs no extension API call (each one costs a binding round trip: ≈40 ms over 4 s
  // of a busy single-page app before this check), and only some elements can host a root at all.
  // Read through dom-access: the host may be a <form> whose controls clobber its properties.
  const open = shadowRootOf(host);
  if (open) return open;
  if (!canHostShadowRoot(host)) return null;
  try {
    const chromeDom = globalThis.chrome?.dom;
    if (chromeDom?.openOrClosedShadowRoot && host instanceof HTMLElement) {
      const root: unknown = chromeDom.openOrClosedShadowRoot(host);
      return root instanceof ShadowRoot ? root : null;
    }
    const firefox = (host as Element & { openOrClosedShadowRoot?: () => ShadowRoot | null })
      .openOrClosedShadowRoot;
    if (typeof firefox === 'function') return firefox.call(host);
  } catch {
    // A host the API refuses: fall back to what any script can see.
  }
  return shadowRootOf(host);
}

/**
 * Wires the scanner to the page's lifecycle and to the background. Its
 * lifetime is our own, not WXT's ContentScriptContext: that context can be
 * invalidated by any page that dispatches a forged "script started" event, and
 * a page must never be able to switch Tally off.
 */
export function startFieldGuard(): void {
  const doc = document;
  const view = window;
  const world = globalThis as Record<string, unknown>;
  // Adoption (utils/lifecycle/adoption.ts) raced the manifest's own injection: one guard a frame.
  if (world[GUARD_RUNNING_FLAG] === true) return;
  world[GUARD_RUNNING_FLAG] = true;
  const adopted = world[ADOPTED_FLAG] === true;
  // An orphan of the previous version, if any, steps down before this guard draws anything.
  doc.dispatchEvent(new Event(GUARD_STARTED_EVENT));
  const teardown = new AbortController();
  const { signal } = teardown;

  const idle = (task: () => void): void => {
    if (signal.aborted) return;
    const run = (): void => {
      if (!signal.aborted) task();
    };
    if (typeof view.requestIdleCallback === 'function') {
      view.requestIdleCallback(run, { timeout: 1500 });
    } else view.setTimeout(run, 50);
  };

  const reporter = startReporter(
    () => ({ ...scanner.findings(), recorders: recorders.ids() }),
    signal,
    (message) => browser.runtime.sendMessage(message),
  );
  const shield = new ScreenShield(doc);
  // The page state starts just after the scanner (fields flagged before then are read from it).
  const late: { page?: ReturnType<typeof startPageState> } = {};
  const scanner = new FieldScanner(doc, {
    onChange: reporter.schedule,
    scheduleIdle: idle,
    scheduleIdleAfter: (ms, task) => {
      view.setTimeout(() => idle(task), ms);
    },
    shadowRootOf: openOrClosedShadowRoot,
    onFlag: (el, category) => {
      shield.onFlag(el, category);
      late.page?.onFlag(el, category);
    },
    onDocumentChange: () => shield.setDocumentRegion(scanner.documentRegion()),
  });
  scanner.start();
  const page = startPageState({ doc, scanner, shield, signal });
  late.page = page;
  const recorders = watchRecorders(doc, signal, () => reporter.schedule(), idle, {
    probeChannel: !adopted,
  });

  // Every typed character is checked here and goes nowhere else. A keystroke reads the text
  // around the caret; a paste, a drop or the change on blur reads the whole value.
  const onInput = (event: Event): void => {
    const target = event.composedPath()[0];
    const inputType = (event as InputEvent).inputType ?? '';
    if (target instanceof Element) {
      scanner.onValueChange(target, inputType.startsWith('insertFrom'));
    }
  };
  const onChange = (event: Event): void => {
    const target = event.composedPath()[0];
    if (target instanceof Element) scanner.onValueChange(target, true);
  };
  // A field inside a shadow root nothing announced is read when it first gets focus.
  const onFocus = (event: FocusEvent): void => {
    if (event.target instanceof Element) scanner.onFocus(event.target, event.composedPath());
  };
  doc.addEventListener('focusin', onFocus, { capture: true, signal });
  doc.addEventListener('input', onInput, { capture: true, signal });
  doc.addEventListener('change', onChange, { capture: true, signal });
  doc.addEventListener(
    SHADOW_ATTACHED_EVENT,
    (event) => {
      // A detached host arrives as the relatedTarget of an event on the document; a connected
      // one as the event's own (composed) target.
      const detached =
        event.target === doc && event instanceof FocusEvent ? event.relatedTarget : null;
      if (detached instanceof Element) {
        scanner.onDetachedShadowHost(detached);
        return;
      }
      const host = event.composedPath()[0];
      if (host instanceof Element) scanner.onShadowAttached(host);
    },
    { capture: true, signal },
  );

  const onParsed = (): void => {
    // After the parser's last mutation batch, which Chrome delivers after DOMContentLoaded.
    view.setTimeout(() => {
      if (signal.aborted) return;
      scanner.finishParsing();
      reporter.schedule();
    }, 0);
  };
  if (doc.readyState === 'loading') {
    // Registered before any page script, so this runs before a recorder's own listener does.
    doc.addEventListener(
      'readystatechange',
      () => {
        if (doc.readyState === 'interactive') scanner.classifyEditableHosts();
      },
      { signal },
    );
    doc.addEventListener('DOMContentLoaded', onParsed, { once: true, signal });
  } else idle(onParsed);

  // Exposed to the isolated world only (pages cannot read it): the benchmark reads it over CDP.
  Object.assign(globalThis, {
    __tallyStats: scanner.stats,
    // The banner's closed shadow root, for end-to-end tests reading it over CDP.
    __tallyBanner: () => page.bannerRoot(),
    // The field indicator's closed root while it is shown, likewise.
    __tallyIndicator: () => page.indicatorRoot(),
    // The benchmark's "initial scan": a fresh scanner classifying the loaded page from nothing.
    __tallyColdScan: () => {
      const fresh = new FieldScanner(doc, {
        onChange: () => undefined,
        scheduleIdle: () => undefined,
      });
      const ms = fresh.scanLoadedDocument();
      fresh.stop();
      return ms;
    },
  });

  const stop = (): void => {
    if (browser.runtime?.id) return; // still a live extension: ignore
    scanner.stop();
    shield.stop();
    page.stop();
    teardown.abort();
  };
  // The extension was reloaded or removed: Chrome fires nothing, so check when the page is next
  // used, or when the new version's guard arrives in this page.
  doc.addEventListener('visibilitychange', stop, { signal });
  doc.addEventListener(GUARD_STARTED_EVENT, stop, { signal });
}
