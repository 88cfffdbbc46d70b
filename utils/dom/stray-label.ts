import {
  attributeOf,
  containsOf,
  localNameOf,
  nextElementSiblingOf,
  parentElementOf,
  previousElementSiblingOf,
  querySelectorOf,
} from './dom-access';
import { BOX_SELECTOR, CONTROL_TAGS } from './field-elements';

/**
 * The control a label sits right before when its `for` points somewhere else, or null. Copied
 * markup often keeps a `for` it was copied with: "Social Security Number" says for="calendar"
 * (the date of birth box above it) and stands right before an input of its own. A person reads it
 * as that input's name, not as a second name of the date box. A label whose control is beside it
 * (floating labels: the input, then its label) or inside it is not stray.
 */
export function strayLabelsControl(label: Element, control: Element): Element | null {
  const after = nextElementSiblingOf(label);
  if (!after || after === control || localNameOf(after) === 'label') return null;
  // The box itself, or the box its wrapper holds ("<div class=input-wrapper><input>").
  const next = CONTROL_TAGS.has(localNameOf(after)) ? after : querySelectorOf(after, BOX_SELECTOR);
  if (!next || next === control || attributeOf(next, 'type') === 'hidden') return null;
  if (containsOf(after, control)) return null;
  if (previousElementSiblingOf(label) === control || parentElementOf(control) === label) {
    return null;
  }
  // The control right after the label has a name of its own: the label is just misplaced.
  const own = (next as HTMLInputElement).labels;
  return own && own.length > 0 ? null : next;
}
