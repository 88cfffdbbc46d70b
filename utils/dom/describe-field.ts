import type { FieldDescriptor } from '../detection/field-descriptor';
import { accessibleDescription, accessibleName } from './accessible-name';
import type { ContextReader } from './field-context';
import { controlKind } from './field-elements';
import type { LabelIndex } from './label-index';

/** Turns a form control into the plain record the classifier reads. No value is read here. */
export function describeField(
  el: Element,
  labels: LabelIndex,
  context: ContextReader,
): FieldDescriptor {
  const kind = controlKind(el);
  const attr = (name: string): string => el.getAttribute(name) ?? '';
  if (kind === 'ignored') {
    return {
      kind,
      type: attr('type').toLowerCase(),
      name: '',
      id: '',
      autocomplete: '',
      inputMode: '',
      maxLength: -1,
      pattern: '',
      placeholder: '',
      label: '',
      description: '',
      nearby: '',
      section: '',
    };
  }
  const maxLength = Number.parseInt(attr('maxlength'), 10);
  const { name: label } = accessibleName(el, labels);
  return {
    kind,
    type: el.localName === 'input' ? (attr('type') || 'text').toLowerCase() : '',
    name: attr('name'),
    id: el.id,
    autocomplete: attr('autocomplete'),
    inputMode: attr('inputmode'),
    maxLength: Number.isFinite(maxLength) ? maxLength : -1,
    pattern: attr('pattern'),
    placeholder: (attr('placeholder') || attr('aria-placeholder')).trim().slice(0, 120),
    label,
    description: accessibleDescription(el),
    nearby: context.nearbyText(el),
    section: context.sectionText(el),
  };
}
