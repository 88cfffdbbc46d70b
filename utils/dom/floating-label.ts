import {
  containsOf,
  hasAttributeOf,
  localNameOf,
  nextElementSiblingOf,
  nodeTypeOf,
  parentElementOf,
  previousElementSiblingOf,
  previousSiblingOf,
  querySelectorAllOf,
  querySelectorOf,
  textContentOf,
} from './dom-access';

/**
 * Floating labels drawn after their box and tied to it by nothing but place: Syncfusion's
 * `e-float-input` holds the input, a line, then `<label class="e-float-text">` with no `for`.
 * Such a label names the one control its wrapper holds before it. Read so that the box takes its
 * own label and the next box does not take it for the text before it (an SSN's label had named
 * the city box after it).
 */
const CONTROLS = 'input:not([type=hidden]), select, textarea';

// How far above a box its floating label may sit: the box's wrapper, or the wrapper's parent.
const MAX_LEVELS = 2;

/** The control a label without `for` floats over: the one control of its parent, before it. */
export function floatingLabelControl(label: Element): Element | null {
  if (localNameOf(label) !== 'label' || hasAttributeOf(label, 'for')) return null;
  if (querySelectorOf(label, CONTROLS) !== null) return null;
  const parent = parentElementOf(label);
  if (!parent) return null;
  const controls = querySelectorAllOf(parent, CONTROLS);
  if (controls.length !== 1) return null;
  const control = controls[0] as Element;
  for (let s = previousElementSiblingOf(label); s; s = previousElementSiblingOf(s)) {
    if (containsOf(s, control)) return writtenBefore(s) ? null : control;
  }
  return null;
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
    for (let s = nextElementSiblingOf(child); s; s = nextElementSiblingOf(s)) {
      if (localNameOf(s) === 'label') return floatingLabelControl(s) === field ? s : null;
    }
    const parent = parentElementOf(child);
    if (!parent) return null;
    child = parent;
  }
  return null;
}
