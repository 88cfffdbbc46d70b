import {
  firstElementChildOf,
  lastElementChildOf,
  nextElementSiblingOf,
  parentElementOf,
  previousElementSiblingOf,
} from './dom-access';

// Elements walked in each direction before giving up. Boxes typed as one value (a 3-2-4 SSN) sit
// within a few elements of each other: a wrapper, a label, a "-" between them.
const MAX_STEPS = 16;

/** The element after `el` in document order, inside `root`. */
function following(el: Element, root: Element): Element | null {
  const child = firstElementChildOf(el);
  if (child) return child;
  for (let at: Element | null = el; at && at !== root; at = parentElementOf(at)) {
    const next = nextElementSiblingOf(at);
    if (next) return next;
  }
  return null;
}

/** The element before `el` in document order, inside `root` (never `root` itself). */
function preceding(el: Element, root: Element): Element | null {
  if (el === root) return null;
  let at = previousElementSiblingOf(el);
  if (!at) {
    const parent = parentElementOf(el);
    return parent === root ? null : parent;
  }
  for (let last = lastElementChildOf(at); last; last = lastElementChildOf(at)) at = last;
  return at;
}

/** The nearest field before (or after) `el` in document order inside `container`, if close. */
function nearestField(
  el: Element,
  container: Element,
  isField: (node: Element) => boolean,
  forward: boolean,
): Element | null {
  let at: Element | null = el;
  for (let i = 0; i < MAX_STEPS; i++) {
    at = forward ? following(at, container) : preceding(at, container);
    if (!at || isField(at)) return at;
  }
  return null;
}

/**
 * The fields around `el`, `el` among them, whose widths in document order are `widths` (all
 * different, such as an SSN's 3, 2 and 4), or null. Walks from `el` to its neighbours and stops
 * at the first that does not fit, instead of listing every field of the container: a timesheet of
 * 5,000 four-character boxes listed its whole form once per box, which took 13 to 33 s to load
 * (Chromium 156). `widthOf` is undefined for an element that is not a field. The walk uses the
 * prototypes' accessors (dom-access.ts), since `container` is usually a form.
 */
export function runAround(
  el: Element,
  container: Element,
  widthOf: (node: Element) => number | undefined,
  widths: readonly number[],
): Element[] | null {
  const own = widthOf(el);
  const at = own === undefined ? -1 : widths.indexOf(own);
  if (at < 0) return null;
  const isField = (node: Element) => widthOf(node) !== undefined;
  const run = [el];
  let edge: Element | null = el;
  for (let k = at - 1; k >= 0; k--) {
    edge = nearestField(edge, container, isField, false);
    if (!edge || widthOf(edge) !== widths[k]) return null;
    run.unshift(edge);
  }
  edge = el;
  for (let k = at + 1; k < widths.length; k++) {
    edge = nearestField(edge, container, isField, true);
    if (!edge || widthOf(edge) !== widths[k]) return null;
    run.push(edge);
  }
  return run;
}

// How many boxes back a run of one-character boxes is followed: a code of eight characters.
const MAX_RUN = 8;

/**
 * The first box of the run of boxes before `el` that `sameKind` accepts (a code typed a character
 * to a box), or `el` itself. `isField` says what counts as a field on the way.
 */
export function firstOfRun(
  el: Element,
  container: Element,
  isField: (node: Element) => boolean,
  sameKind: (node: Element) => boolean,
): Element {
  let first = el;
  for (let i = 0; i < MAX_RUN; i++) {
    const before = nearestField(first, container, isField, false);
    if (!before || !sameKind(before)) break;
    first = before;
  }
  return first;
}
