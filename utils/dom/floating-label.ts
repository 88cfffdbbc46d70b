import {
  elementsByTagNameOf,
  hasAttributeOf,
  localNameOf,
  nextElementSiblingOf,
  nodeTypeOf,
  parentElementOf,
  previousElementSiblingOf,
  previousSiblingOf,
  querySelectorOf,
  textContentOf,
} from './dom-access';
import { BOX_SELECTOR, CONTROL_TAGS, isBox } from './field-elements';

/**
 * Floating labels drawn after their box and tied to it by nothing but place: Syncfusion's
 * `e-float-input` holds the input, a line, then `<label class="e-float-text">` with no `for`.
 * Such a label names the one control its wrapper holds before it. Read so that the box takes its
 * own label and the next box does not take it for the text before it (an SSN's label had named
 * the city box after it).
 */

// How far above a box its floating label may sit: the box's wrapper, or the wrapper's parent.
const MAX_LEVELS = 2;
// How many elements after a box its floating label may come (a line, an icon, then the label).
const MAX_SIBLINGS = 3;
// How many elements a box's wrapper holds at most (Kendo's span: the input and two icons).
const MAX_WRAPPER_ELEMENTS = 12;

/**
 * The control a label without `for` floats over: the one control of its parent, before it. Read
 * from the label's own neighbours, a few elements each way, so that a flat form (thousands of
 * `<label>` and `<input>` side by side in one `<form>`) costs a step or two per label.
 */
export function floatingLabelControl(label: Element): Element | null {
  if (localNameOf(label) !== 'label' || hasAttributeOf(label, 'for')) return null;
  if (querySelectorOf(label, BOX_SELECTOR) !== null) return null;
  // The box (or its wrapper) before the label, with nothing written before it.
  let holder = previousElementSiblingOf(label);
  for (let n = 0; holder && !holdsAControl(holder); n++) {
    if (n >= MAX_SIBLINGS) return null;
    holder = previousElementSiblingOf(holder);
  }
  if (!holder) return null;
  // Nothing else to fill in beside them: no control before the holder or after the label.
  let before = previousElementSiblingOf(holder);
  for (let n = 0; before; before = previousElementSiblingOf(before), n++) {
    if (n >= MAX_SIBLINGS || holdsAControl(before)) return null;
  }
  let after = nextElementSiblingOf(label);
  for (let n = 0; after; after = nextElementSiblingOf(after), n++) {
    if (n >= MAX_SIBLINGS || holdsAControl(after)) return null;
  }
  const control = isBox(holder) ? holder : soleControlIn(holder);
  return control && !writtenBefore(holder) ? control : null;
}

function holdsAControl(el: Element): boolean {
  return isBox(el) || querySelectorOf(el, BOX_SELECTOR) !== null;
}

/**
 * The one control `el` holds, or null when it holds none or several, or when `el` is larger than a
 * box's wrapper. Reads live lists only as far as they must, never a large container whole.
 */
export function soleControlIn(el: Element): Element | null {
  // A box's wrapper is small; a container is not asked (a copied `for` naming a whole form).
  if (elementsByTagNameOf(el, '*')[MAX_WRAPPER_ELEMENTS]) return null;
  let found: Element | null = null;
  for (const tag of CONTROL_TAGS) {
    const list = elementsByTagNameOf(el, tag);
    const first = list[0];
    if (!first) continue;
    if (found || list[1]) return null;
    found = first;
  }
  return found && isBox(found) ? found : null;
}

/**
 * Whether anything is written before `el` among its siblings: then a label after the box is a
 * unit or a note ("Weight [box] kg"), and the text before names the box.
 */
function writtenBefore(el: Element): boolean {
  for (let n = previousSiblingOf(el); n; n = previousSiblingOf(n)) {
    const text = nodeTypeOf(n) === 1 ? textContentOf(n as Element) : n.nodeValue;
    if (text && text.trim() !== '') return true;
  }
  return false;
}

/** The floating label drawn after `field`, or null. */
export function floatingLabelOf(field: Element): Element | null {
  let child: Element = field;
  for (let level = 0; level < MAX_LEVELS; level++) {
    let s = nextElementSiblingOf(child);
    for (let n = 0; s && n < MAX_SIBLINGS; s = nextElementSiblingOf(s), n++) {
      if (localNameOf(s) === 'label') return floatingLabelControl(s) === field ? s : null;
    }
    const parent = parentElementOf(child);
    if (!parent) return null;
    child = parent;
  }
  return null;
}
