import type { ControlKind } from '../detection/field-descriptor';

/** Everything a person can type into or choose in, plus labels (indexed as they arrive). */
export const FIELD_SELECTOR = 'input, textarea, select, [contenteditable]';
export const FIELD_OR_LABEL_SELECTOR = `${FIELD_SELECTOR}, label`;

const IGNORED_INPUT_TYPES = new Set([
  'hidden',
  'submit',
  'button',
  'reset',
  'image',
  'file',
  'range',
  'color',
]);

/** The root of an editing host: contenteditable itself, not inside another editable. */
export function isEditingHost(el: Element): boolean {
  const value = el.getAttribute('contenteditable');
  if (value === null || value.toLowerCase() === 'false') return false;
  const parent = el.parentElement;
  const parentValue = parent?.closest('[contenteditable]')?.getAttribute('contenteditable');
  return parentValue === undefined || parentValue === null || parentValue.toLowerCase() === 'false';
}

export function isFieldElement(el: Element): boolean {
  const tag = el.localName;
  if (tag === 'input' || tag === 'textarea' || tag === 'select') return true;
  return el.hasAttribute('contenteditable') && isEditingHost(el);
}

export function controlKind(el: Element): ControlKind {
  switch (el.localName) {
    case 'textarea':
      return 'textarea';
    case 'select':
      return 'select';
    case 'input': {
      const type = (el.getAttribute('type') ?? 'text').toLowerCase();
      if (IGNORED_INPUT_TYPES.has(type)) return 'ignored';
      if (type === 'checkbox' || type === 'radio') return 'choice';
      if (type === 'password') return 'password';
      if (type === 'number') return 'number';
      return 'text';
    }
    default:
      return isEditingHost(el) ? 'editable' : 'ignored';
  }
}

const MAX_VALUE_CHARS = 200_000;

/**
 * The field's current text, read only to classify it here; never stored or
 * sent. Very long values are cut, because a person's 1 MB paste must not
 * stall the page on every keystroke.
 */
export function readFieldValue(el: Element): string | undefined {
  if (el.localName === 'input' || el.localName === 'textarea') {
    const value = (el as HTMLInputElement | HTMLTextAreaElement).value;
    return value.length > MAX_VALUE_CHARS ? value.slice(0, MAX_VALUE_CHARS) : value;
  }
  if (el.localName === 'select') return undefined;
  const text = el.textContent ?? '';
  return text.length > MAX_VALUE_CHARS ? text.slice(0, MAX_VALUE_CHARS) : text;
}
