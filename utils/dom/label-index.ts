import { attributeOf, closestOf, parentElementOf } from './dom-access';

const NO_LABELS: readonly Element[] = [];

/**
 * label[for] lookups without `control.labels`: in Blink every `labels` list
 * walks its whole tree scope, which is quadratic on a 5,000-field page. The
 * index is fed labels as they arrive (the content script sees every inserted
 * node anyway) and checks each candidate is still attached and still points
 * at the control, so removals and retargeting need no bookkeeping.
 */
export class LabelIndex {
  // Usually one label per id: stored bare, an array only when a second one arrives.
  private readonly byFor = new Map<string, Element | Element[]>();

  add(label: Element): void {
    const target = label.getAttribute('for');
    if (!target) return;
    const known = this.byFor.get(target);
    if (known === undefined) this.byFor.set(target, label);
    else if (Array.isArray(known)) {
      if (!known.includes(label)) known.push(label);
    } else if (known !== label) this.byFor.set(target, [known, label]);
  }

  addAllWithin(root: ParentNode): void {
    for (const label of root.querySelectorAll('label[for]')) this.add(label);
  }

  /** Labels of a control, explicit ones first, then the label that wraps it. */
  labelsOf(control: Element, id: string = control.id): readonly Element[] {
    const candidates = id ? this.byFor.get(id) : undefined;
    // label.control resolves for= the way the browser does: same tree, first element with that
    // id, labelable. A detached or retargeted label no longer points here. One label is the
    // common case, and the list is read once: no array is grown for it.
    if (candidates !== undefined && !Array.isArray(candidates)) {
      if ((candidates as HTMLLabelElement).control === control) return [candidates];
    } else if (candidates) {
      const found = candidates.filter((label) => (label as HTMLLabelElement).control === control);
      if (found.length > 0) return found; // an explicit label names it; a wrapping one too is rare
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
