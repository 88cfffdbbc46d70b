import type { Category } from '../detection/categories';
import { controlKind } from './field-elements';

/**
 * The attribute the shield's stylesheet (public/field-guard.css) keys on.
 * `mask`: single-line text drawn as dots while not focused; `blur`: multi-line, rich text and
 * choices blurred while not focused; `document`: a confidential document's region, blurred until
 * revealed; `revealed`: the user asked to see it.
 */
export const SHIELD_ATTRIBUTE = 'data-tally-shield';
export type ShieldMode = 'mask' | 'blur' | 'document' | 'revealed';

export interface ShieldSettings {
  /** Shield flagged fields (capture is active and the policy allows it). */
  readonly fields: boolean;
  /** Shield a confidential document's region (capture is active and the policy asks for it). */
  readonly documents: boolean;
  /** Categories whose fields are protected (the policy's redaction settings). */
  readonly categories: Readonly<Record<Category, boolean>>;
}

/** A page that keeps removing the shield gets it back this many times per element, then wins. */
const MAX_REASSERTIONS = 20;

export function shieldModeFor(el: Element): Exclude<ShieldMode, 'document' | 'revealed'> {
  // Dots keep the field's look and size for one line of text; anything else is blurred.
  const kind = controlKind(el);
  return kind === 'text' || kind === 'number' || kind === 'password' ? 'mask' : 'blur';
}

/**
 * Hides flagged fields' contents on screen while capture is active, through
 * one attribute per field and a stylesheet: the field's value, its size and
 * the page's layout are never touched, and typing is never blocked (a focused
 * field is shown). Turned off during a pause or exemption, and when the
 * background has not yet said that capture is active.
 */
export class ScreenShield {
  // Flagged fields and their categories; disconnected ones are dropped on each update.
  private readonly fields = new Map<Element, Category>();
  private readonly reassertions = new WeakMap<Element, number>();
  // Elements that carry (or carried) the attribute because of Tally.
  private readonly written = new WeakSet<Element>();
  private settings: ShieldSettings | null = null;
  private revealAll = false;
  private region: Element | null = null;
  private observer: MutationObserver | null = null;

  constructor(private readonly doc: Document) {}

  /** The scanner's flag changed for `el` (null: no longer flagged). */
  onFlag(el: Element, category: Category | null): void {
    if (category) this.fields.set(el, category);
    else this.fields.delete(el);
    this.apply(el);
  }

  configure(settings: ShieldSettings): void {
    this.settings = settings;
    this.refresh();
  }

  /** The confidential document's region (or null when the page is not one). */
  setDocumentRegion(region: Element | null): void {
    if (this.region && this.region !== region) this.write(this.region, null);
    this.region = region;
    this.refresh();
  }

  /** Shows or hides every shielded value on this page (the banner's button; keyboard-reachable). */
  setRevealAll(reveal: boolean): void {
    this.revealAll = reveal;
    this.refresh();
  }

  get revealed(): boolean {
    return this.revealAll;
  }

  /** Whether anything is shielded right now (the banner offers "show" only then). */
  get active(): boolean {
    return Boolean(this.settings && (this.settings.fields || this.settings.documents));
  }

  /** Whether Tally itself shields `el` now (what the page wrote on it does not count). */
  shields(el: Element): boolean {
    const mode = this.modeOf(el);
    return mode !== null && mode !== 'revealed';
  }

  private refresh(): void {
    for (const el of [...this.fields.keys()]) {
      if (el.isConnected) this.apply(el);
      else this.fields.delete(el);
    }
    if (this.region) {
      this.write(this.region, this.region.isConnected ? this.regionMode() : null);
    }
  }

  private modeOf(el: Element): ShieldMode | null {
    const category = this.fields.get(el);
    const settings = this.settings;
    if (!category || !settings?.fields || !settings.categories[category]) return null;
    return this.revealAll ? 'revealed' : shieldModeFor(el);
  }

  private apply(el: Element): void {
    this.write(el, this.modeOf(el));
  }

  private write(el: Element, mode: ShieldMode | null): void {
    // Most flags arrive while the page parses, before the background has spoken: nothing to
    // write then, and nothing to read either.
    if (mode === null && !this.written.has(el)) return;
    const have = el.getAttribute(SHIELD_ATTRIBUTE);
    if (mode === null) {
      if (have !== null) el.removeAttribute(SHIELD_ATTRIBUTE);
      this.written.delete(el);
      return;
    }
    this.written.add(el);
    if (have === mode) return;
    el.setAttribute(SHIELD_ATTRIBUTE, mode);
    this.watch(el);
  }

  /** A page script or re-render that strips the shield gets it back (bounded, so no fight loops). */
  private watch(el: Element): void {
    if (!this.observer) {
      const Observer = this.doc.defaultView?.MutationObserver ?? MutationObserver;
      this.observer = new Observer((records) => {
        for (const { target } of records) {
          const el = target as Element;
          const count = this.reassertions.get(el) ?? 0;
          if (count >= MAX_REASSERTIONS) continue;
          const want = el === this.region ? this.regionMode() : this.modeOf(el);
          if (want !== null && el.getAttribute(SHIELD_ATTRIBUTE) !== want) {
            this.reassertions.set(el, count + 1);
            el.setAttribute(SHIELD_ATTRIBUTE, want);
          }
        }
      });
    }
    this.observer.observe(el, { attributes: true, attributeFilter: [SHIELD_ATTRIBUTE] });
  }

  private regionMode(): ShieldMode | null {
    if (!this.settings?.documents || !this.region) return null;
    return this.revealAll ? 'revealed' : 'document';
  }

  stop(): void {
    this.observer?.disconnect();
    this.observer = null;
  }
}
