import { attributeOf, closestOf, parentElementOf, rootNodeOf } from './dom-access';

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
      // In one tree every label with the same `for` names the same control (the first labelable
      // element with that id), so its first attached label answers for all of them: a cart whose
      // rows all repeat id="qty" asks one label per row, not every label per row.
      const first = candidates.find((label) => label.isConnected) as HTMLLabelElement | undefined;
      if (first?.control === control) {
        return candidates.filter((label) => (label as HTMLLabelElement).control === control);
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
