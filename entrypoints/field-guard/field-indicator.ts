import type { Translate } from '@/utils/i18n/translate';
import { INDICATOR_CSS } from './banner-style';

/**
 * What the indicator shows comes from Tally's own records, never from attributes on the page: a
 * page can write data-tally-sensitive or data-tally-shield on any element it likes.
 */
export interface IndicatorSource {
  /** Whether capture is active here (the indicator explains only then). */
  readonly active: boolean;
  /** Whether Tally flagged the field. */
  flagged(el: Element): boolean;
  /** Whether Tally shields the field on screen now. */
  shielded(el: Element): boolean;
  /** Whether the field's category is marked for recorders (policy redaction). */
  marked(el: Element): boolean;
  reasonsOf(el: Element): readonly string[];
}

/**
 * A small note by the flagged field the user is hovering or focused on, saying
 * why Tally hides or marks it. One element per frame, moved to the field of the
 * moment, in a closed shadow root; it takes no pointer events and no focus, so
 * it never gets between the user and the page.
 */
export function startFieldIndicator(
  doc: Document,
  t: Translate,
  source: IndicatorSource,
  signal: AbortSignal,
): { shownRoot: () => ShadowRoot | null } {
  let host: HTMLElement | null = null;
  let root: ShadowRoot | null = null;
  let box: HTMLElement | null = null;
  let current: Element | null = null;

  const ensure = (): HTMLElement | null => {
    if (!host) {
      host = doc.createElement('div');
      root = host.attachShadow({ mode: 'closed' });
      const style = doc.createElement('style');
      style.textContent = INDICATOR_CSS;
      box = doc.createElement('div');
      box.setAttribute('role', 'tooltip');
      root.append(style, box);
    }
    if (!host.isConnected) doc.documentElement?.appendChild(host);
    return box;
  };

  const hide = (): void => {
    current = null;
    host?.remove();
  };

  const show = (field: Element): void => {
    if (!source.active) return;
    const shielded = source.shielded(field);
    if (!shielded && !source.marked(field)) return;
    const reason = source.reasonsOf(field)[0] ?? '';
    const target = ensure();
    if (!target || !host) return;
    current = field;
    target.textContent = t(shielded ? 'indicatorShielded' : 'indicatorMarked', [reason]);
    const rect = field.getBoundingClientRect();
    const view = doc.defaultView;
    const below = rect.bottom + 40 < (view?.innerHeight ?? Infinity);
    // Fixed, beside the field: the page's layout is untouched.
    host.style.setProperty('left', `${Math.max(4, rect.left)}px`, 'important');
    host.style.setProperty(
      'top',
      below ? `${rect.bottom + 4}px` : `${Math.max(4, rect.top - 36)}px`,
      'important',
    );
  };

  const fieldOf = (event: Event): Element | null => {
    const target = event.composedPath()[0];
    return target instanceof Element && source.flagged(target) ? target : null;
  };
  const options = { capture: true, passive: true, signal };
  doc.addEventListener(
    'focusin',
    (event) => {
      const field = fieldOf(event);
      if (field) show(field);
      else if (current) hide();
    },
    options,
  );
  doc.addEventListener(
    'focusout',
    (event) => {
      if (fieldOf(event) === current) hide();
    },
    options,
  );
  doc.addEventListener(
    'mouseover',
    (event) => {
      const field = fieldOf(event);
      if (field && field !== current) show(field);
    },
    options,
  );
  doc.addEventListener(
    'mouseout',
    (event) => {
      const field = fieldOf(event);
      if (field && field === current && doc.activeElement !== field) hide();
    },
    options,
  );
  // The note is placed once; when the page scrolls it would point at the wrong place.
  doc.addEventListener('scroll', () => current && hide(), options);
  // The closed root while the note is shown (for tests, from Tally's own world only).
  return { shownRoot: () => (host?.isConnected ? root : null) };
}
