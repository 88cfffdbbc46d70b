import {
  attributeOf,
  closestOf,
  localNameOf,
  nextElementSiblingOf,
  parentElementOf,
  previousElementSiblingOf,
  rootNodeOf,
} from './dom-access';
import { strayLabelsControl } from './stray-label';

const NO_LABELS: readonly Element[] = [];

type Labels = Element | Element[];

/**
 * label[for] lookups without `control.labels`: in Blink every `labels` list
 * walks its whole tree scope, which is quadratic on a 5,000-field page. The
 * index is fed labels as they arrive (the content script sees every inserted
 * node anyway) and checks each candidate is still attached and still points
 * at the control, so removals and retargeting need no bookkeeping.
 *
 * Labels are kept per tree (document or shadow root), because `for` resolves within one tree and
 * components repeat their ids: 1,000 components whose shadow roots each hold `<label for="input">`
 * made every field check the 1,000 labels of one list (38 ms for 1,000 fields; quadratic).
 */
export class LabelIndex {
  // Usually one label per id: stored bare, an array only when a second one arrives.
  private readonly byTree = new WeakMap<Node, Map<string, Labels>>();

  add(label: Element): void {
    const target = label.getAttribute('for');
    if (!target) return;
    const tree = rootNodeOf(label);
    let byFor = this.byTree.get(tree);
    if (!byFor) this.byTree.set(tree, (byFor = new Map()));
    const known = byFor.get(target);
    if (known === undefined) byFor.set(target, label);
    else if (!Array.isArray(known)) {
      if (known !== label) byFor.set(target, [known, label]);
    } else if (!known.includes(label)) {
      // Labels a page removed go once the list has doubled, so re-rendering keeps it short.
      if (known.length >= 8 && (known.length & (known.length - 1)) === 0) {
        byFor.set(target, [...known.filter((l) => l.isConnected), label]);
      } else known.push(label);
    }
  }

  addAllWithin(root: ParentNode): void {
    for (const label of root.querySelectorAll('label[for]')) this.add(label);
  }

  /** Labels of a control, explicit ones first, then the label that wraps it. */
  labelsOf(control: Element, id: string = control.id): readonly Element[] {
    const candidates = id ? this.byTree.get(rootNodeOf(control))?.get(id) : undefined;
    // label.control resolves for= the way the browser does: same tree, first element with that
    // id, labelable. A detached or retargeted label no longer points here. One label is the
    // common case, and the list is read once: no array is grown for it.
    if (candidates !== undefined && !Array.isArray(candidates)) {
      if ((candidates as HTMLLabelElement).control === control) return [candidates];
    } else if (candidates) {
      // Several labels with one `for`. A control may have two ("Password", "(required)"); or the
      // page repeats one id on every row, as copied markup does (every box id="city", every
      // label for="city"). The browser then gives every label to the first box and none to the
      // others, while a person reads each box's name in the label beside it. So with twins each
      // box, the first too, takes the label right beside it (after a checkbox, as Bootstrap
      // draws them), or else the nearest label before it. (In one tree every label with the same `for` names the same control, so the first
      // attached label answers for all of them.)
      const first = candidates.find((label) => label.isConnected) as HTMLLabelElement | undefined;
      const resolved = first?.control ?? null;
      if (resolved === control && nextTwin(control, id) === null) {
        const own = candidates.filter((label) => (label as HTMLLabelElement).control === control);
        // A label copied with this `for` that stands before another, unnamed box names that box
        // (all of them, when a template's for="example-text-input" was copied onto every row).
        return own.filter((label) => strayLabelsControl(label, control) === null);
      }
      if (resolved !== null && attributeOf(control, 'id') === id) {
        const own = besideIt(control, id) ?? nearestBefore(candidates, control, id);
        if (own) return [own];
      }
    }
    // The parent is often a <form>: read through dom-access.ts (DOM clobbering).
    const parent = parentElementOf(control);
    const wrapping = parent ? closestOf(parent, 'label') : null;
    if (wrapping) {
      const target = attributeOf(wrapping, 'for');
      if (target === null || target === id) return [wrapping];
    }
    return NO_LABELS;
  }
}

// Node.DOCUMENT_POSITION_FOLLOWING: the argument comes after the node it is compared with.
const FOLLOWING = 4;

/**
 * A label for `id` right beside the control: before a box, after a checkbox or radio button (as
 * pages draw them), else on the other side.
 */
function besideIt(control: Element, id: string): Element | null {
  const type = attributeOf(control, 'type');
  const after = nextElementSiblingOf(control);
  const before = previousElementSiblingOf(control);
  const sides = type === 'checkbox' || type === 'radio' ? [after, before] : [before, after];
  for (const sibling of sides) {
    if (sibling && localNameOf(sibling) === 'label' && attributeOf(sibling, 'for') === id) {
      return sibling;
    }
  }
  return null;
}

/** The next element after `control` in its tree with the same id, if the page repeats it. */
function nextTwin(control: Element, id: string): Element | null {
  const root = rootNodeOf(control) as Partial<Document>;
  if (typeof root.querySelectorAll !== 'function') return null;
  const same = root.querySelectorAll(`[id="${id.replace(/["\\]/g, '\\$&')}"]`);
  for (let i = 0; i < same.length; i++) {
    const element = same[i] as Element;
    if (element !== control && control.compareDocumentPosition(element) & FOLLOWING) return element;
  }
  return null;
}

/**
 * The last label still pointing at `id` that comes before `control` in the document, by binary
 * search: labels are added as the page is parsed, in document order (one inserted out of order
 * later is at worst missed). Each step is one position comparison: a cart whose 1,000 rows all
 * repeat id="qty" costs ten per row, not a thousand.
 */
function nearestBefore(labels: readonly Element[], control: Element, id: string): Element | null {
  let low = 0;
  let high = labels.length - 1;
  let found: Element | null = null;
  while (low <= high) {
    const middle = (low + high) >> 1;
    const label = labels[middle] as Element;
    if (label.compareDocumentPosition(control) & FOLLOWING) {
      found = label;
      low = middle + 1;
    } else high = middle - 1;
  }
  return found && found.isConnected && attributeOf(found, 'for') === id ? found : null;
}
