/**
 * Reading what a person sees in a piece of the DOM, cheaply and boundedly.
 * Form controls inside contribute nothing: their values belong to the person
 * typing, and a label must never carry a value into a reason.
 */
import {
  attributeOf,
  childElementCountOf,
  firstChildOf,
  hasAttributeOf,
  lastChildOf,
  localNameOf,
  nextSiblingOf,
  nodeTypeOf,
  parentNodeOf,
  previousSiblingOf,
  querySelectorOf,
  rootNodeOf,
  textContentOf,
} from './dom-access';
import { CONTROL_TAGS, isAriaMenu } from './field-elements';
import { floatingLabelControl, soleControlIn } from './floating-label';
import { strayLabelsControl } from './stray-label';

// Reads go through dom-access.ts: walks pass <form> elements, whose own properties a page can
// redirect to its controls (DOM clobbering).
const SKIPPED_TAGS = new Set([
  'script',
  'style',
  'template',
  'noscript',
  'input',
  'textarea',
  'select',
  'option',
  'button',
]);

/** The tags of a heading, which starts a section. */
export const HEADING_TAGS: ReadonlySet<string> = new Set(['h1', 'h2', 'h3', 'h4', 'h5', 'h6']);

const BREAKING_TAGS = new Set(['br', 'p', 'div', 'li', 'input', 'textarea', 'select', 'button']);

function collapse(text: string): string {
  return /\s\s|^\s|\s$|[\t\n\r]/.test(text) ? text.replace(/\s+/g, ' ').trim() : text;
}

const WORD_CHAR = /[\p{L}\p{N}]/u;

/** Whether a text holds a letter or a digit: an icon's glyph ("❓", "🔑") or a lone mark does not. */
export function hasWordCharacter(text: string): boolean {
  return WORD_CHAR.test(text);
}

/**
 * The first `max` characters of a text, without a word cut in two: the end of "adjudicated" is
 * not the word "d", nor the end of "spin" a PIN.
 */
export function headOf(text: string, max: number): string {
  if (text.length <= max) return text;
  const head = text.slice(0, max);
  if (!WORD_CHAR.test(text.charAt(max)) || !WORD_CHAR.test(text.charAt(max - 1))) return head;
  const space = head.lastIndexOf(' ');
  return space > 0 ? head.slice(0, space) : head;
}

/** The last `max` characters of a text, without a word cut in two. */
export function tailOf(text: string, max: number): string {
  if (text.length <= max) return text;
  const from = text.length - max;
  const tail = text.slice(from);
  if (!WORD_CHAR.test(text.charAt(from - 1)) || !WORD_CHAR.test(text.charAt(from))) return tail;
  const space = tail.indexOf(' ');
  return space >= 0 ? tail.slice(space + 1) : tail;
}

/** Scripts, styles and the like, and editable regions: their text is never a name. */
function holdsNoName(el: Element): boolean {
  return SKIPPED_TAGS.has(localNameOf(el)) || hasAttributeOf(el, 'contenteditable');
}

function isSkipped(el: Element): boolean {
  return (
    holdsNoName(el) || hasAttributeOf(el, 'hidden') || attributeOf(el, 'aria-hidden') === 'true'
  );
}

/** The nodes a `<slot>` shows in place of its fallback content, or null when it has none. */
function slottedNodes(el: Element): readonly Node[] | null {
  if (localNameOf(el) !== 'slot') return null;
  const assignedNodes = (el as HTMLSlotElement).assignedNodes;
  if (typeof assignedNodes !== 'function') return null;
  const nodes = assignedNodes.call(el, { flatten: true });
  return nodes.length > 0 ? nodes : null;
}

/**
 * Text of a node in document order, at most `max` characters, skipping hidden parts and controls.
 * `referenced`: the node was named by id (aria-labelledby), where accname step 2A reads it even
 * when it is hidden itself (REDCap hides each question's label from screen readers that way and
 * names the box by it); hidden parts inside it are still skipped.
 */
export function visibleText(node: Node, max = 200, referenced = false): string {
  // Most labels and headings hold only text: no walk needed.
  if (nodeTypeOf(node) === 1 && childElementCountOf(node as Element) === 0) {
    const el = node as Element;
    if (
      !referenced &&
      (hasAttributeOf(el, 'hidden') || attributeOf(el, 'aria-hidden') === 'true')
    ) {
      return '';
    }
    if (SKIPPED_TAGS.has(localNameOf(el))) return '';
    return headOf(collapse(textContentOf(el) ?? ''), max);
  }
  const parts: string[] = [];
  let length = 0;
  const visit = (n: Node, depth: number): void => {
    if (length >= max || depth > 32) return;
    const type = nodeTypeOf(n);
    if (type === 3) {
      const data = (n as Text).data;
      parts.push(data);
      length += data.length;
      return;
    }
    if (type !== 1 && type !== 11) return;
    if (type === 1) {
      const el = n as Element;
      // A node named by id is read even when hidden itself (see above); its hidden parts are not.
      if (depth === 0 && referenced ? holdsNoName(el) : isSkipped(el)) return;
    }
    // A web component's label slotted from its host's light DOM (FAST/Fluent's text fields):
    // what the slot shows is what it was assigned, or its own fallback content.
    const assigned = type === 1 ? slottedNodes(n as Element) : null;
    if (assigned) {
      for (const a of assigned) visit(a, depth + 1);
      return;
    }
    for (let c = firstChildOf(n); c && length < max; c = nextSiblingOf(c)) {
      if (nodeTypeOf(c) === 1) {
        const tag = localNameOf(c as Element);
        // A control between two texts separates them as a block does: "A [box] Anxiety" is
        // two words, not "AAnxiety" (answer keys in front of choices).
        if (BREAKING_TAGS.has(tag)) parts.push(' ');
      }
      visit(c, depth + 1);
    }
  };
  visit(node, 0);
  return headOf(collapse(parts.join('')), max);
}

/**
 * Adds a text node's text to a walk's parts; returns how many visible characters it holds, none
 * for a short run of symbols (an emoji icon beside a box is not its name: the label above is).
 */
function takeText(node: Text, parts: string[]): number {
  const data = node.data;
  parts.push(data);
  const visible = data.trim().length;
  return visible > 3 || hasWordCharacter(data) ? visible : 0;
}

/** The control a label's `for` names, in the label's own tree, if it is there. */
function controlNamedBy(label: Element): Element | null {
  const target = attributeOf(label, 'for');
  if (!target) return null;
  const root = rootNodeOf(label) as Partial<Document>;
  return (typeof root.getElementById === 'function' ? root.getElementById(target) : null) ?? null;
}

/**
 * The control a label names: the one its `for` points at, or else the first `selector` it wraps.
 */
function controlOfLabel(label: Element, selector: string): Element | null {
  if (!hasAttributeOf(label, 'for')) return querySelectorOf(label, selector);
  const named = controlNamedBy(label);
  if (!named || CONTROL_TAGS.has(localNameOf(named)) || hasAttributeOf(named, 'contenteditable')) {
    return named;
  }
  // A `for` naming a box's wrapper (Kendo's <span id="ssn" class="k-textbox"><input>) names the
  // one box it holds, as a person reads it; a wrapper of several names none of them.
  return soleControlIn(named);
}

/**
 * A label tied to another control names that control, not the field after it: with floating
 * labels (input, then its label) the text before "Share (%)" is the previous field's label, and
 * after "<label><input type=checkbox> Hand controls</label>" the next option ("Toll pass") is not
 * about hand controls.
 */
function labelsAnotherControl(label: Element, field: Node, partsOfIt?: Element): boolean {
  // A page that repeats one id on every box names each by the label before it (label-index.ts).
  const target = attributeOf(label, 'for');
  if (target && nodeTypeOf(field) === 1 && attributeOf(field as Element, 'id') === target) {
    return false;
  }
  // A floating label drawn after its own box, with no `for` (Syncfusion's e-float-input).
  const control = controlOfLabel(label, 'input, select, textarea') ?? floatingLabelControl(label);
  // The label of an entry's first part names the later parts too.
  if (control === null || control === field || control === partsOfIt) return false;
  return !(target && strayLabelsControl(label, control) === field);
}

/** The name a radio button or checkbox shares with the other answers to its question, or ''. */
function choiceNameOf(node: Node): string {
  if (nodeTypeOf(node) !== 1 || localNameOf(node as Element) !== 'input') return '';
  const type = attributeOf(node as Element, 'type');
  return type === 'radio' || type === 'checkbox'
    ? (attributeOf(node as Element, 'name') ?? '')
    : '';
}

/** Whether a label is another answer's to the question named `name` (by `for` or wrapping it). */
function labelsAnotherAnswer(label: Element, name: string): boolean {
  const control = controlOfLabel(label, 'input');
  return control !== null && choiceNameOf(control) === name;
}

// "Expiration date: [MM] / [YY]", "Date of birth: [MM] - [DD] - [YYYY]": a box after only a
// separator is the next part of one entry, and the text before the first part names it too. So is
// a box right after another in the same parent with only spaces between ("Social Security Number
// [DD] [MM] [YYYY] - [XXXX]"); boxes in wrappers of their own with nothing between them are
// fields of their own ("Card number", then "New PIN", each in its own div).
const SEPARATORS_ONLY = /^\s*[/\-–—.][\s/\-–—.]*$/;
const SPACES_ONLY = /^\s*$/;
const MAX_PARTS_PASSED = 3;
const PART_TYPES = new Set([null, '', 'text', 'tel', 'number', 'password']);

/** A box that can hold one part of an entry typed in several boxes: a text box or a menu. */
function isEntryPart(el: Element, type: string | null): boolean {
  const tag = localNameOf(el);
  return tag === 'select' || (tag === 'input' && PART_TYPES.has(type?.toLowerCase() ?? null));
}

function onlySeparators(parts: readonly string[], besideStart: boolean): boolean {
  const text = parts.join('');
  return SEPARATORS_ONLY.test(text) || (besideStart && SPACES_ONLY.test(text));
}

/**
 * The last `max` characters of text before `start`, walking backwards through
 * preceding siblings (and into them from the end). Stops at another form
 * control or at another control's label, so one field's label is not read as
 * the next field's. The other answers to a radio button's or checkbox's question,
 * and their labels, are passed over: "Are you a health professional? ○ Yes ○ No"
 * is the text before "No" as well as before "Yes". A box after another with only a separator
 * between them ("Expires: [MM] / [YY]") reads the text before the first.
 */
export function textBefore(start: Node, max = 80, boundary?: Node): string {
  const parts: string[] = [];
  let length = 0;
  let stopped = false;
  const question = choiceNameOf(start);
  // Whether `start` can be a later part of an entry: read only once a separator is met.
  let startIsPart: boolean | undefined;
  const isPart = (): boolean =>
    (startIsPart ??=
      nodeTypeOf(start) === 1 &&
      isEntryPart(start as Element, attributeOf(start as Element, 'type')));
  let partsPassed = 0;
  // Whether the walk is still among the siblings of `start` or of a part passed, not above them.
  let besideStart = true;
  let firstPart: Element | undefined;
  const visitBackwards = (n: Node, depth: number): void => {
    if (stopped || length >= max || depth > 16) return;
    const nodeType = nodeTypeOf(n);
    if (nodeType === 3) {
      length += takeText(n as Text, parts);
      return;
    }
    if (nodeType !== 1) return;
    const el = n as Element;
    const tag = localNameOf(el);
    if (
      tag === 'input' ||
      tag === 'textarea' ||
      tag === 'select' ||
      hasAttributeOf(el, 'contenteditable') ||
      // A menu widget is a control too: the choice it shows is never read as another's name.
      (hasAttributeOf(el, 'role') && isAriaMenu(el))
    ) {
      if (question !== '' && choiceNameOf(el) === question) {
        // Another answer to the same question: the text read since is that answer's name ("○ Yes
        // ○ No" with bare text, in an old table's cell), not the question, which is before both.
        parts.length = 0;
        length = 0;
        return;
      }
      const type = attributeOf(el, 'type');
      if (type === 'hidden') return;
      if (
        partsPassed < MAX_PARTS_PASSED &&
        onlySeparators(parts, besideStart && depth === 0) &&
        isEntryPart(el, type) &&
        isPart()
      ) {
        parts.length = 0;
        length = 0;
        partsPassed++;
        firstPart = el;
        return;
      }
      stopped = true;
      return;
    }
    if (tag === 'label') {
      if (question !== '' && labelsAnotherAnswer(el, question)) return;
      if (labelsAnotherControl(el, start, firstPart)) {
        stopped = true;
        return;
      }
    }
    if (isSkipped(el)) return;
    for (let c = lastChildOf(el); c && !stopped && length < max; c = previousSiblingOf(c)) {
      visitBackwards(c, depth + 1);
    }
    parts.push(' ');
    // A heading starts another section: its text is the nearest before the field, and what
    // comes before it belongs to the fields above ("Numbness", then "Contact preferences").
    if (HEADING_TAGS.has(tag)) stopped = true;
  };
  let node: Node | null = start;
  let climbs = 0;
  // Up to five levels above the box: UI kits set their label beside a content block that wraps
  // the box three or four times (Element Plus: content > el-input > el-input__wrapper > input;
  // Naive UI: n-form-item-blank > n-input > n-input-wrapper > n-input__input > input).
  while (node && !stopped && length < max && climbs < 5) {
    for (let s = previousSiblingOf(node); s && !stopped && length < max; s = previousSiblingOf(s)) {
      visitBackwards(s, 0);
    }
    if (length > 0) break;
    besideStart = false;
    node = parentNodeOf(node);
    if (!node || node === boundary || nodeTypeOf(node) !== 1) break;
    const tag = localNameOf(node as Element);
    if (tag === 'form' || tag === 'fieldset' || tag === 'body' || tag === 'table' || tag === 'tr') {
      break;
    }
    climbs++;
  }
  const text = parts.reverse().join('').replace(/\s+/g, ' ').trim();
  return tailOf(text, max);
}

// What ends the text after a choice: the next control, a line break, a heading, a new block.
const AFTER_ENDS = new Set([...BREAKING_TAGS, ...HEADING_TAGS, 'tr', 'table', 'ul', 'ol']);

/**
 * The text right after an unlabelled checkbox or radio button, which is how pages without
 * labels name it: "[x] Cancer   [x] Diabetes", "○ Yes ○ No". Up to the next control, line break
 * or block, or another control's label; from the box's parent's next siblings if the box is
 * wrapped alone (`<span><input></span><span>Cancer</span>`).
 */
export function textAfter(start: Node, max = 80): string {
  const parts: string[] = [];
  let length = 0;
  let ended = false;
  const visit = (n: Node, depth: number): void => {
    if (ended || length >= max || depth > 8) return;
    const nodeType = nodeTypeOf(n);
    if (nodeType === 3) {
      length += takeText(n as Text, parts);
      return;
    }
    if (nodeType !== 1) return;
    const el = n as Element;
    const tag = localNameOf(el);
    if (AFTER_ENDS.has(tag) || hasAttributeOf(el, 'contenteditable')) {
      ended = true;
      return;
    }
    if (tag === 'label' && labelsAnotherControl(el, start)) {
      ended = true;
      return;
    }
    if (isSkipped(el)) return;
    for (let c = firstChildOf(el); c && !ended && length < max; c = nextSiblingOf(c)) {
      visit(c, depth + 1);
    }
  };
  let node: Node | null = start;
  for (let climbs = 0; node && climbs < 2; climbs++) {
    for (let s = nextSiblingOf(node); s && !ended && length < max; s = nextSiblingOf(s)) {
      visit(s, 0);
    }
    if (length > 0 || ended) break;
    // Only out of a wrapper that holds nothing but the box.
    const parent: Node | null = parentNodeOf(node);
    if (!parent || nodeTypeOf(parent) !== 1 || childElementCountOf(parent as Element) !== 1) break;
    if (
      AFTER_ENDS.has(localNameOf(parent as Element)) &&
      localNameOf(parent as Element) !== 'div'
    ) {
      break;
    }
    node = parent;
  }
  return headOf(collapse(parts.join('')), max);
}
