import { CATEGORIES, type Category } from '@/utils/detection/categories';
import type { MessageKey, Translate } from '@/utils/i18n/translate';
import type { UiLanguage } from '@/utils/i18n/ui-language';
import { bannerWanted, type PageState } from '@/utils/page-state/page-state';
import { BANNER_CSS } from './banner-style';

export interface BannerActions {
  /** Starts the real pause in the background; answers whether it started. */
  pause(minutes: number): Promise<boolean>;
  dismiss(): void;
  /** Shows or hides the shielded values; answers the new state. */
  toggleReveal(): boolean;
  readonly revealed: boolean;
  readonly shieldActive: boolean;
}

const CATEGORY_KEY: Record<Category, MessageKey> = {
  'national-id': 'categoryNationalId',
  health: 'categoryHealth',
  financial: 'categoryFinancial',
  credential: 'categoryCredential',
  confidential: 'categoryConfidential',
};

// A page that keeps removing the banner gets it back this many times, then wins.
const MAX_REINSERTIONS = 20;
// The longest a held button delays a re-draw.
const PRESS_HOLD_MS = 1000;

/**
 * The on-page warning, in a closed shadow root so page styles and scripts
 * cannot reach inside. Fixed to a corner (it never moves the page's content),
 * labelled as a region with a polite status line, so a screen reader hears it
 * once when it appears and never steals focus. Its buttons act only on trusted
 * clicks: a page's synthetic click is ignored.
 */
export class Banner {
  private host: HTMLElement | null = null;
  private root: ShadowRoot | null = null;
  private state: PageState | null = null;
  private whyOpen = false;
  private refused = false;
  private reinsertions = 0;
  // Whether the banner is meant to be on the page (false once Tally itself took it down).
  private shown = false;
  private keeper: MutationObserver | null = null;
  // A button held down: a re-draw now would replace it under the pointer, and the click the
  // person is making would land on nothing (the page's state changes while they click).
  private pressed = false;
  private pressTimer: ReturnType<typeof setTimeout> | null = null;
  private paintWaiting = false;

  constructor(
    private readonly doc: Document,
    private readonly t: Translate,
    private readonly actions: BannerActions,
    private readonly language: UiLanguage = { lang: 'en', dir: 'ltr' },
  ) {}

  /** The closed root while the banner is shown (for tests, from Tally's own world only). */
  get shadowRoot(): ShadowRoot | null {
    return this.host?.isConnected ? this.root : null;
  }

  render(state: PageState): void {
    this.state = state;
    if (!bannerWanted(state)) {
      this.remove();
      return;
    }
    const root = this.mount();
    if (!root) return;
    if (this.pressed) this.paintWaiting = true;
    else this.paint(root, state);
  }

  /** Off the page for good: this guard is stepping down. */
  takeDown(): void {
    this.state = null;
    this.remove();
  }

  /** Re-draws with the current state (the reveal toggle changed). */
  refresh(): void {
    if (this.state) this.render(this.state);
  }

  private mount(): ShadowRoot | null {
    if (this.root && this.host?.isConnected) return this.root;
    const parent = this.doc.documentElement;
    if (!parent) return null;
    if (this.host && this.shown) {
      // Shown, and someone took it out: putting it back on the next redraw counts too.
      if (this.reinsertions >= MAX_REINSERTIONS) return null;
      this.reinsertions++;
    }
    if (!this.host) {
      const host = this.doc.createElement('div');
      // The page's stylesheets cannot reach into the closed root; the host itself is pinned by
      // :host rules inside it, which outrank even the page's !important ones.
      this.root = host.attachShadow({ mode: 'closed' });
      this.host = host;
      this.watchPresses(this.root);
    }
    parent.appendChild(this.host);
    this.shown = true;
    this.keep(parent);
    return this.root;
  }

  /**
   * Holds re-draws while a button is pressed, until it is released (and its click delivered), or
   * for at most PRESS_HOLD_MS should the page swallow the release.
   */
  private watchPresses(root: ShadowRoot): void {
    const view = this.doc.defaultView;
    const release = (): void => {
      if (!this.pressed) return;
      this.pressed = false;
      if (this.pressTimer !== null) clearTimeout(this.pressTimer);
      this.pressTimer = null;
      // After the click this release belongs to has been dispatched.
      if (this.paintWaiting) {
        setTimeout(() => {
          this.paintWaiting = false;
          this.refresh();
        }, 0);
      }
    };
    root.addEventListener(
      'pointerdown',
      () => {
        this.pressed = true;
        if (this.pressTimer !== null) clearTimeout(this.pressTimer);
        this.pressTimer = setTimeout(release, PRESS_HOLD_MS);
      },
      true,
    );
    for (const type of ['pointerup', 'pointercancel']) {
      root.addEventListener(type, release, true);
      view?.addEventListener(type, release, true);
    }
  }

  /** Put back if a page removes it (bounded, so a page that insists is not fought forever). */
  private keep(parent: Element): void {
    if (this.keeper) return;
    const Observer = this.doc.defaultView?.MutationObserver ?? MutationObserver;
    this.keeper = new Observer(() => {
      if (!this.host || this.host.isConnected || !this.state || !bannerWanted(this.state)) return;
      if (this.reinsertions++ < MAX_REINSERTIONS) parent.appendChild(this.host);
    });
    this.keeper.observe(parent, { childList: true });
  }

  private remove(): void {
    this.shown = false;
    this.keeper?.disconnect();
    this.keeper = null;
    this.host?.remove();
  }

  private paint(root: ShadowRoot, state: PageState): void {
    const { t } = this;
    const doc = this.doc;
    const el = <K extends keyof HTMLElementTagNameMap>(
      tag: K,
      attrs: Record<string, string> = {},
      text?: string,
    ): HTMLElementTagNameMap[K] => {
      const node = doc.createElement(tag);
      for (const [name, value] of Object.entries(attrs)) node.setAttribute(name, value);
      if (text !== undefined) node.textContent = text;
      return node;
    };
    const onTrustedClick = (button: HTMLElement, act: () => void): void => {
      button.addEventListener('click', (event) => {
        if (event.isTrusted) act();
      });
    };

    const style = el('style');
    style.textContent = BANNER_CSS;
    // The text reads in Tally's language; the corner it sits in follows the page's direction
    // (the host inherits it, and `all: initial` leaves direction alone).
    const box = el('section', {
      role: 'region',
      'aria-label': t('bannerLabel'),
      lang: this.language.lang,
      dir: this.language.dir,
      'data-testid': 'tally-banner',
    });
    box.append(el('p', { class: 'headline', role: 'status' }, t('bannerHeadline')));

    const found: string[] = [];
    for (const category of CATEGORIES) {
      const n = state.counts[category];
      if (n > 0) found.push(`${t(CATEGORY_KEY[category])} (${n})`);
    }
    if (state.confidential) found.push(t('bannerConfidentialPage'));
    box.append(el('p', { 'data-part': 'found' }, t('bannerFound', [found.join(', ')])));
    box.append(
      el(
        'p',
        { 'data-part': 'recorders' },
        state.recorders.length > 0
          ? t('bannerRecorders', [state.recorders.join(', ')])
          : t('bannerRecordersProgram'),
      ),
    );
    box.append(
      el(
        'p',
        { 'data-part': 'did' },
        this.actions.shieldActive ? t('bannerDidShield') : t('bannerDidMark'),
      ),
    );
    if (state.lateCatch) {
      box.append(el('p', { class: 'warning', 'data-part': 'late-catch' }, t('bannerLateCatch')));
    }
    if (this.refused) {
      box.append(el('p', { class: 'warning', 'data-part': 'refused' }, t('bannerPauseRefused')));
    }

    const buttons = el('div', { class: 'buttons' });
    if (state.pauseMinutes !== null) {
      const minutes = state.pauseMinutes;
      const pause = el(
        'button',
        { type: 'button', class: 'primary', 'data-action': 'pause' },
        t('bannerPause', [String(minutes)]),
      );
      onTrustedClick(pause, () => {
        pause.setAttribute('disabled', '');
        void this.actions.pause(minutes).then((ok) => {
          this.refused = !ok;
          this.refresh();
        });
      });
      buttons.append(pause);
    }
    const why = el(
      'button',
      {
        type: 'button',
        'data-action': 'why',
        'aria-expanded': String(this.whyOpen),
        'aria-controls': 'tally-why',
      },
      t('bannerWhy'),
    );
    onTrustedClick(why, () => {
      this.whyOpen = !this.whyOpen;
      this.refresh();
    });
    buttons.append(why);
    if (this.actions.shieldActive) {
      const reveal = el(
        'button',
        { type: 'button', 'data-action': 'reveal' },
        this.actions.revealed ? t('bannerConceal') : t('bannerReveal'),
      );
      onTrustedClick(reveal, () => {
        this.actions.toggleReveal();
        this.refresh();
      });
      buttons.append(reveal);
    }
    const dismiss = el(
      'button',
      { type: 'button', class: 'dismiss', 'data-action': 'dismiss' },
      t('bannerDismiss'),
    );
    onTrustedClick(dismiss, () => this.actions.dismiss());
    buttons.append(dismiss);
    box.append(buttons);

    const list = el('ul', { id: 'tally-why' });
    if (!this.whyOpen) list.setAttribute('hidden', '');
    for (const reason of state.reasons) list.append(el('li', {}, reason));
    box.append(list);

    // Keep focus where it was across a re-draw (a keyboard user pressing "Why?").
    const focused = root.activeElement?.getAttribute('data-action') ?? null;
    root.replaceChildren(style, box);
    if (focused !== null) {
      box.querySelector<HTMLElement>(`button[data-action="${focused}"]`)?.focus();
    }
  }
}
