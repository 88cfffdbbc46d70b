import type { ControlKind } from '../detection/field-descriptor';
import {
  attributeOf,
  closestOf,
  hasAttributeOf,
  localNameOf,
  parentElementOf,
  querySelectorOf,
} from './dom-access';

/** Everything a person can type into or choose in. */
export const FIELD_SELECTOR =
  'input, textarea, select, [contenteditable], [role="combobox"], [role="listbox"]';
/** Widgets that stand in for a menu (see isAriaMenu). */
export const ARIA_MENU_SELECTOR = '[role="combobox"], [role="listbox"]';
/** The form controls' own tags (an editing host is any element). */
export const CONTROL_TAGS: ReadonlySet<string> = new Set(['input', 'select', 'textarea']);
/** The form controls that show something to fill in: a hidden input holds nothing shown. */
export const BOX_SELECTOR = 'input:not([type=hidden]), select, textarea';

/** A form control that is not a hidden input (BOX_SELECTOR, asked of one element). */
export function isBox(el: Element): boolean {
  return CONTROL_TAGS.has(localNameOf(el)) && attributeOf(el, 'type') !== 'hidden';
}

const IGNORED_INPUT_TYPES = new Set([
  'hidden',
  'submit',
  'button',
  'reset',
  'image',
  'file',
  'color',
]);

/** The root of an editing host: contenteditable itself, not inside another editable. */
export function isEditingHost(el: Element): boolean {
  const value = attributeOf(el, 'contenteditable');
  if (value === null || value.toLowerCase() === 'false') return false;
  const parent = parentElementOf(el);
  const editable = parent ? closestOf(parent, '[contenteditable]') : null;
  const parentValue = editable ? attributeOf(editable, 'contenteditable') : undefined;
  return parentValue === undefined || parentValue === null || parentValue.toLowerCase() === 'false';
}

/**
 * A widget that stands in for a menu without a form control of its own: an element whose ARIA
 * role is combobox or listbox (Angular Material's mat-select, MUI's Select, an always-open list of
 * options). Its choice is shown as text, which recorders capture as any text. One that holds a box
 * (an autocomplete's input) leaves the naming to that box.
 */
export function isAriaMenu(el: Element): boolean {
  const role = attributeOf(el, 'role');
  if (role !== 'combobox' && role !== 'listbox') return false;
  if (CONTROL_TAGS.has(localNameOf(el))) return false;
  return querySelectorOf(el, 'input, select, textarea') === null;
}

// Any element may be asked (a <form> included): reads go through dom-access.ts (DOM clobbering).
export function isFieldElement(el: Element): boolean {
  const tag = localNameOf(el);
  if (tag === 'input' || tag === 'textarea' || tag === 'select') return true;
  if (hasAttributeOf(el, 'contenteditable') && isEditingHost(el)) return true;
  return hasAttributeOf(el, 'role') && isAriaMenu(el);
}

/** `typeAttribute`: the type attribute if the caller already read it (null when absent). */
export function controlKind(el: Element, typeAttribute?: string | null): ControlKind {
  switch (el.localName) {
    case 'textarea':
      return 'textarea';
    case 'select':
      return 'select';
    case 'input': {
      const raw = typeAttribute === undefined ? el.getAttribute('type') : typeAttribute;
      const type = (raw ?? 'text').toLowerCase();
      if (IGNORED_INPUT_TYPES.has(type)) return 'ignored';
      // A slider is a choice along a scale ("Stress level", "Pain, 0 to 10"): recorders keep its value.
      if (type === 'checkbox' || type === 'radio' || type === 'range') return 'choice';
      if (type === 'password') return 'password';
      if (type === 'number') return 'number';
      return 'text';
    }
    default:
      if (isEditingHost(el)) return 'editable';
      return isAriaMenu(el) ? 'select' : 'ignored';
  }
}

// A whole-value read (classification, paste, drop, change on blur; never a keystroke) scans up to
// this much: about 40 ms for 2 MB in the value scan. Longer values are read at both ends, where
// pasted records and signatures usually put identifiers.
const MAX_VALUE_CHARS = 2_000_000;
const END_CHARS = MAX_VALUE_CHARS / 2;

function bounded(text: string): string {
  return text.length > MAX_VALUE_CHARS
    ? `${text.slice(0, END_CHARS)}\n${text.slice(-END_CHARS)}`
    : text;
}

/**
 * The field's current text, read only to classify it here; never stored or
 * sent. A keystroke never reads it whole (see readValueAroundCaret); a whole
 * read of a huge value is bounded (above).
 */
export function readFieldValue(el: Element): string | undefined {
  if (el.localName === 'input' || el.localName === 'textarea') {
    return bounded((el as HTMLInputElement | HTMLTextAreaElement).value);
  }
  if (el.localName === 'select') return pickedChoice(el as HTMLSelectElement);
  // A widget's choice is page text shown in it, not typed: nothing to scan.
  if (isAriaMenu(el)) return undefined;
  return bounded(el.textContent ?? '');
}

/**
 * The text of the choices picked in a menu, where they differ from what the page chose: a page's
 * own default ("Personal leave", "Select…") is not the person's answer. (An option's `selected`
 * attribute is its default, as `defaultSelected` reads it.)
 */
function pickedChoice(select: HTMLSelectElement): string | undefined {
  // Most menus, when a page loads: nothing picked past the first choice. One read, no walk.
  const index = select.selectedIndex;
  if (!select.multiple) {
    const option = index > 0 ? select.options[index] : undefined;
    return option && !hasAttributeOf(option, 'selected')
      ? option.text.slice(0, MAX_CHOICE_CHARS)
      : undefined;
  }
  // Only the picked ones, and only as many as are read (a hostile menu may have 100,000).
  let picked = '';
  const chosen = select.selectedOptions;
  for (let i = 0; i < chosen.length && picked.length < MAX_CHOICE_CHARS; i++) {
    const option = chosen[i] as HTMLOptionElement;
    if (hasAttributeOf(option, 'selected')) continue;
    picked = picked === '' ? option.text : `${picked} · ${option.text}`;
  }
  return picked === '' ? undefined : picked.slice(0, MAX_CHOICE_CHARS);
}

const MAX_CHOICE_CHARS = 400;

/** Characters before and after the caret that a keystroke's check reads. */
const WINDOW_BEFORE = 240;
const WINDOW_AFTER = 60;

/**
 * The text around the caret, for the check that runs on every keystroke:
 * what can newly match (an SSN, a card, "password: …") is next to where the
 * person is typing, and context words reach at most 80 characters back. The
 * whole value is read on paste and on change (blur), so nothing is missed,
 * and a keystroke costs the same in a 10-character box and a 1 MB textarea.
 * Returns undefined when the whole value is short enough to read anyway.
 */
export function readValueAroundCaret(el: Element): string | undefined {
  if (el.localName !== 'input' && el.localName !== 'textarea') {
    // Editable hosts: the text node being edited (a paragraph), if the selection is inside.
    const anchor = el.ownerDocument.getSelection?.()?.anchorNode;
    if (!anchor || !el.contains(anchor)) return undefined;
    const text = anchor.nodeType === 3 ? (anchor as Text).data : (anchor.textContent ?? '');
    return text.length > WINDOW_BEFORE + WINDOW_AFTER
      ? text.slice(-(WINDOW_BEFORE + WINDOW_AFTER))
      : text;
  }
  const field = el as HTMLInputElement | HTMLTextAreaElement;
  const value = field.value;
  if (value.length <= WINDOW_BEFORE + WINDOW_AFTER) return undefined;
  let caret: number | null = null;
  try {
    caret = field.selectionStart; // throws on input types without a selection (email, number)
  } catch {
    caret = null;
  }
  const end = caret ?? value.length;
  return value.slice(Math.max(0, end - WINDOW_BEFORE), end + WINDOW_AFTER);
}
