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
  // One call lists the attributes present; most of the dozen we care about are absent,
  // and each getAttribute from an isolated world is a binding round-trip.
  const present = el.getAttributeNames();
  const attr = (name: string): string =>
    present.includes(name) ? (el.getAttribute(name) ?? '') : '';
  if (kind === 'ignored') return { ...IGNORED, type: attr('type').toLowerCase() };
  const maxLength = Number.parseInt(attr('maxlength'), 10);
  const { name: label } = accessibleName(el, labels, attr);
  const placeholder = attr('placeholder') || attr('aria-placeholder');
  // Surroundings are read only if the classifier asks: most labelled fields never need them.
  let nearby: string | undefined;
  let section: string | undefined;
  return {
    kind,
    type: el.localName === 'input' ? (attr('type') || 'text').toLowerCase() : '',
    name: attr('name'),
    id: attr('id'),
    autocomplete: attr('autocomplete'),
    inputMode: attr('inputmode'),
    maxLength: Number.isFinite(maxLength) ? maxLength : -1,
    pattern: attr('pattern'),
    placeholder: placeholder.trim().slice(0, 120),
    label,
    description: accessibleDescription(el, attr),
    get nearby() {
      return (nearby ??= context.nearbyText(el));
    },
    get section() {
      return (section ??= context.sectionText(el));
    },
  };
}

const IGNORED: FieldDescriptor = {
  kind: 'ignored',
  type: '',
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
