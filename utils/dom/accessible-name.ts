import { attributeOf } from './dom-access';
import type { LabelIndex } from './label-index';
import { headOf, visibleText } from './text-content';

/**
 * A field's accessible name following the W3C accname steps that matter for
 * form controls: aria-labelledby, aria-label, native <label> (for= and
 * wrapping), then title. The placeholder is kept apart (the classifier uses it
 * as a fallback and as a format hint). One deliberate departure: text of
 * controls embedded in a label is left out, because it is the user's input.
 */
export interface AccessibleName {
  readonly name: string;
  readonly source: 'aria-labelledby' | 'aria-label' | 'label' | 'title' | 'none';
}

const MAX_NAME = 200;

function root(el: Element): Document | ShadowRoot | null {
  const r = el.getRootNode();
  return 'getElementById' in r ? (r as Document | ShadowRoot) : null;
}

function textOfIds(el: Element, ids: string): string {
  const scope = root(el);
  if (!scope) return '';
  const parts: string[] = [];
  for (const id of ids.split(/\s+/)) {
    if (!id) continue;
    const target = scope.getElementById(id);
    if (!target || target === el) continue;
    // A referenced element's own aria-label is its name (accname step 2C).
    // Any element, a <form> too: read through dom-access.ts (DOM clobbering).
    const own = attributeOf(target, 'aria-label')?.trim();
    parts.push(own || visibleText(target, MAX_NAME, true));
  }
  return headOf(parts.join(' ').trim(), MAX_NAME);
}

/** Reads an attribute ('' when absent); callers may pass a cheaper reader that knows which exist. */
export type AttributeReader = (name: string) => string;

// How far up through nested components a nameless control looks for its host's name.
const MAX_HOST_LEVELS = 3;

export function accessibleName(
  el: Element,
  labels: LabelIndex,
  attr: AttributeReader = (name) => el.getAttribute(name) ?? '',
): AccessibleName {
  const own = nameOf(el, labels, attr);
  if (own.source !== 'none') return own;
  // A form-associated custom element is the page's control: the page labels the host (<label
  // for="ssn-field"> beside <masked-input id="ssn-field">), and the native input inside its
  // shadow root names nothing itself.
  let inner: Element = el;
  for (let level = 0; level < MAX_HOST_LEVELS; level++) {
    const scope = root(inner);
    const host = scope && 'host' in scope ? scope.host : null;
    if (!host) break;
    const hostName = nameOf(host, labels, (name) => attributeOf(host, name) ?? '');
    if (hostName.source !== 'none') return hostName;
    inner = host;
  }
  return own;
}

function nameOf(el: Element, labels: LabelIndex, attr: AttributeReader): AccessibleName {
  const labelledBy = attr('aria-labelledby');
  if (labelledBy) {
    const name = textOfIds(el, labelledBy);
    if (name) return { name, source: 'aria-labelledby' };
  }
  const ariaLabel = attr('aria-label').trim();
  if (ariaLabel) return { name: headOf(ariaLabel, MAX_NAME), source: 'aria-label' };

  let labelText = '';
  for (const label of labels.labelsOf(el, attr('id'))) {
    const text = visibleText(label, MAX_NAME);
    if (text) labelText = labelText === '' ? text : `${labelText} ${text}`;
  }
  if (labelText !== '') return { name: headOf(labelText, MAX_NAME), source: 'label' };

  const title = attr('title').trim();
  if (title) return { name: headOf(title, MAX_NAME), source: 'title' };
  return { name: '', source: 'none' };
}

/** aria-describedby text: hints such as "9 digits, no dashes". */
export function accessibleDescription(
  el: Element,
  attr: AttributeReader = (name) => el.getAttribute(name) ?? '',
): string {
  const describedBy = attr('aria-describedby');
  return describedBy ? textOfIds(el, describedBy) : '';
}
