import type { MarkerSet } from '../recorders/privacy-markers';

/**
 * What Tally changed on one element, so that it can undo exactly that and nothing more. The
 * common case (a field that carried none of the tokens) allocates nothing beyond this object: a
 * null map or set stands for "all of them, and the page had none" (on the 5,000-field benchmark
 * page, per-element maps and sets were ≈ 2.5 MB of Tally's heap).
 */
interface Applied {
  /** Attributes Tally set, with the page's own value before; null: every marker, none the page's. */
  attributes: Map<string, string | null> | null;
  /** Classes Tally added (ones the page already had stay the page's); null: every marker class. */
  classes: Set<string> | null;
  /** Unmasking attributes and classes Tally removed, to put back when it stops protecting. */
  strippedAttributes: Map<string, string> | null;
  strippedClasses: Set<string> | null;
  /** The element had no class attribute until Tally wrote one: unmarking removes it again. */
  classAttributeAdded: boolean;
  reassertions: number;
}

/** A page that keeps removing markers gets them back this many times per element, then wins. */
const MAX_REASSERTIONS = 20;

/**
 * Puts recorder privacy markers on elements and takes them off again,
 * idempotently: it writes only what is missing (so re-applying after a
 * framework re-render cannot loop), strips the page's unmasking tokens while
 * an element is protected, and on removal restores the element exactly as the
 * page had it.
 */
export class MarkerWriter {
  private readonly applied = new WeakMap<Element, Applied>();

  constructor(
    private readonly markers: MarkerSet,
    private readonly unmask: MarkerSet,
  ) {}

  isMarked(el: Element): boolean {
    return this.applied.has(el);
  }

  /** Marks an element (or completes its markers). Returns whether anything was written. */
  mark(el: Element): boolean {
    // One call lists the attributes present (a binding round trip each from an isolated world).
    const present = el.getAttributeNames();
    let state = this.applied.get(el);
    if (!state) {
      const classList = present.includes('class') ? el.classList : null;
      state = {
        attributes: this.markers.attributes.some(([name]) => present.includes(name))
          ? new Map()
          : null,
        classes:
          classList !== null && this.markers.classes.some((name) => classList.contains(name))
            ? new Set()
            : null,
        strippedAttributes: null,
        strippedClasses: null,
        classAttributeAdded: classList === null,
        reassertions: 0,
      };
      this.applied.set(el, state);
    }
    return this.write(el, state, present);
  }

  /**
   * Someone changed a marked element (a re-render replaced its classes, a
   * page script removed a marker or added an unmasking token): complete it again.
   */
  reassert(el: Element): void {
    const state = this.applied.get(el);
    if (!state || state.reassertions >= MAX_REASSERTIONS) return;
    if (this.write(el, state, el.getAttributeNames())) state.reassertions++;
  }

  /** Takes off what Tally put on and puts back what it removed. */
  unmark(el: Element): void {
    const state = this.applied.get(el);
    if (!state) return;
    this.applied.delete(el);
    if (state.attributes === null) {
      for (const [name] of this.markers.attributes) el.removeAttribute(name);
    } else {
      for (const [name, previous] of state.attributes) {
        if (previous === null) el.removeAttribute(name);
        else el.setAttribute(name, previous);
      }
    }
    const added = state.classes ?? this.markers.classes;
    if (state.classes === null || state.classes.size > 0) el.classList.remove(...added);
    if (state.classAttributeAdded && el.getAttribute('class') === '') el.removeAttribute('class');
    for (const [name, value] of state.strippedAttributes ?? []) el.setAttribute(name, value);
    if (state.strippedClasses && state.strippedClasses.size > 0) {
      el.classList.add(...state.strippedClasses);
    }
  }

  /** `present`: the element's attribute names, read once by the caller. */
  private write(el: Element, state: Applied, present: readonly string[]): boolean {
    let wrote = false;
    // On a freshly parsed field none of the markers is there and nothing else needs reading.
    for (const [name, value] of this.markers.attributes) {
      const current = present.includes(name) ? el.getAttribute(name) : null;
      if (current === value) continue;
      if (state.attributes && !state.attributes.has(name)) state.attributes.set(name, current);
      el.setAttribute(name, value);
      wrote = true;
    }
    // Most fields have no class attribute: then the token list is not even created.
    const classList = present.includes('class') ? el.classList : null;
    const hasClasses = classList !== null && classList.length > 0;
    const missing: string[] = [];
    for (const name of this.markers.classes) {
      if (hasClasses && classList.contains(name)) continue;
      // Whatever Tally adds is Tally's to remove; a class the page already had stays the page's.
      state.classes?.add(name);
      missing.push(name);
    }
    if (missing.length > 0) {
      // An element with no class at all (most fields) takes every marker class in one write:
      // a third of what the token list's add() costs for the same classes.
      if (!hasClasses) el.setAttribute('class', missing.join(' '));
      else classList.add(...missing);
      wrote = true;
    }
    for (const [name] of this.unmask.attributes) {
      if (!present.includes(name)) continue;
      state.strippedAttributes ??= new Map();
      if (!state.strippedAttributes.has(name)) {
        state.strippedAttributes.set(name, el.getAttribute(name) ?? '');
      }
      el.removeAttribute(name);
      wrote = true;
    }
    if (hasClasses) {
      for (const name of this.unmask.classes) {
        if (!classList.contains(name)) continue;
        (state.strippedClasses ??= new Set()).add(name);
        classList.remove(name);
        wrote = true;
      }
    }
    return wrote;
  }
}
