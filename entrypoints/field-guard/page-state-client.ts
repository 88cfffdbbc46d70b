import { browser } from '@/utils/native-browser';
import type { Category } from '@/utils/detection/categories';
import type { FieldScanner } from '@/utils/dom/field-scanner';
import type { ScreenShield } from '@/utils/dom/screen-shield';
import { uiLanguage } from '@/utils/i18n/ui-language';
import { browserTranslate } from '@/utils/i18n/browser-translate';
import type { ContentToBackground } from '@/utils/messages/content-to-background';
import { INITIAL_PAGE_STATE, type PageState } from '@/utils/page-state/page-state';
import { readPageState } from '@/utils/page-state/page-state-guard';
import { RECORDER_SIGNATURES } from '@/utils/recorders/recorder-signatures';
import { Banner } from './banner';
import { startFieldIndicator } from './field-indicator';
import { startSensitiveReporter } from './sensitive-reporter';

const RECORDER_NAMES: ReadonlySet<string> = new Set(RECORDER_SIGNATURES.map((s) => s.name));

/**
 * Applies what the background says about this tab: which categories get
 * recorder markers, whether the screen shield is on, and (in the top frame)
 * the banner. Until the background speaks, every category is marked and the
 * shield and banner stay off. Only messages from Tally's own background are
 * read, and only in the shape page-state-guard accepts.
 */
export function startPageState({
  doc,
  scanner,
  shield,
  signal,
}: {
  doc: Document;
  scanner: FieldScanner;
  shield: ScreenShield;
  signal: AbortSignal;
}): {
  stop: () => void;
  bannerRoot: () => ShadowRoot | null;
  indicatorRoot: () => ShadowRoot | null;
  onFlag: (el: Element, category: Category | null) => void;
} {
  let state: PageState = INITIAL_PAGE_STATE;
  const send = (message: ContentToBackground): Promise<unknown> =>
    browser.runtime.sendMessage(message);
  const topFrame = doc.defaultView !== null && doc.defaultView === doc.defaultView.top;
  const banner = topFrame
    ? new Banner(
        doc,
        browserTranslate,
        {
          pause: async (minutes) => {
            const answer: unknown = await send({ type: 'content/pause', minutes }).catch(
              () => undefined,
            );
            return (
              typeof answer === 'object' && answer !== null && 'ok' in answer && answer.ok === true
            );
          },
          dismiss: () => void send({ type: 'content/dismiss-banner' }).catch(() => undefined),
          toggleReveal: () => {
            shield.setRevealAll(!shield.revealed);
            return shield.revealed;
          },
          get revealed() {
            return shield.revealed;
          },
          get shieldActive() {
            return shield.active;
          },
        },
        uiLanguage(),
      )
    : null;

  const indicator = startFieldIndicator(
    doc,
    browserTranslate,
    {
      get active() {
        return state.capture === 'active';
      },
      flagged: (el) => scanner.categoryOf(el) !== null,
      shielded: (el) => shield.shields(el),
      marked: (el) => {
        const category = scanner.categoryOf(el);
        return category !== null && state.redaction[category];
      },
      reasonsOf: (el) => scanner.reasonsOf(el),
    },
    signal,
  );

  // Only while the policy names a capture agent (otherwise it would wake the worker for nothing).
  const sensitive = startSensitiveReporter(
    doc,
    { categoryOf: (el) => scanner.categoryOf(el), flagged: () => scanner.flaggedFields() },
    (message) => void send(message).catch(() => undefined),
    signal,
  );

  const apply = (next: PageState): void => {
    state = next;
    scanner.setRedaction(next.redaction);
    shield.configure({
      fields: next.shield.fields,
      documents: next.shield.documents,
      categories: next.redaction,
    });
    shield.setDocumentRegion(scanner.documentRegion());
    banner?.render(next);
    sensitive.setEnabled(next.reportSensitive);
  };

  const onMessage = (message: unknown, sender: { id?: string; tab?: unknown }): undefined => {
    // From Tally's background only: other frames' content scripts carry a tab.
    if (sender.id !== browser.runtime.id || sender.tab !== undefined) return undefined;
    if (typeof message !== 'object' || message === null) return undefined;
    const { type, state: raw } = message as { type?: unknown; state?: unknown };
    if (type !== 'background/page-state') return undefined;
    const next = readPageState(raw, RECORDER_NAMES);
    if (next) apply(next);
    return undefined;
  };
  browser.runtime.onMessage.addListener(onMessage);
  return {
    stop: () => {
      browser.runtime.onMessage.removeListener(onMessage);
      banner?.takeDown();
    },
    bannerRoot: () => banner?.shadowRoot ?? null,
    indicatorRoot: indicator.shownRoot,
    onFlag: (el: Element, category: Category | null) => sensitive.onFlag(el, category),
  };
}
