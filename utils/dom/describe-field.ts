import {
  blankDescriptor,
  type ControlKind,
  type FieldDescriptor,
} from '../detection/field-descriptor';
import { accessibleDescription, accessibleName } from './accessible-name';
import {
  attributeOf,
  firstElementChildOf,
  nextElementSiblingOf,
  previousElementSiblingOf,
  textContentOf,
} from './dom-access';
import { type ContextReader, optionsText } from './field-context';
import { controlKind, isAriaMenu } from './field-elements';
import type { LabelIndex } from './label-index';
import { headOf, textAfter } from './text-content';

/**
 * A descriptor read from the DOM. Its surroundings (nearby text, section) are
 * read only if the classifier asks: most labelled fields never need them.
 * Getters live on the prototype, so a field costs one small object.
 */
class DomFieldDescriptor implements FieldDescriptor {
  private nearbyText: string | undefined;
  private sectionText: string | undefined;
  private companionText: string | undefined;
  private ownOptions: string | undefined;
  private questionText: string | undefined;

  constructor(
    private readonly el: Element,
    private context: ContextReader,
    private readonly labels: LabelIndex,
    readonly kind: ControlKind,
    readonly type: string,
    readonly name: string,
    readonly id: string,
    readonly autocomplete: string,
    readonly inputMode: string,
    readonly maxLength: number,
    readonly pattern: string,
    readonly placeholder: string,
    readonly label: string,
    readonly description: string,
  ) {}

  get nearby(): string {
    return (this.nearbyText ??= this.context.nearbyText(this.el));
  }

  get section(): string {
    return (this.sectionText ??= this.context.sectionText(this.el));
  }

  get companion(): string {
    return (this.companionText ??= this.context.menuBefore(this.el));
  }

  get optionsRead(): boolean {
    return this.ownOptions !== undefined;
  }

  get options(): string {
    return (this.ownOptions ??= this.kind === 'select' ? optionsText(this.el) : '');
  }

  get questionBefore(): string {
    return (this.questionText ??= this.context.questionBefore(this.el, this.labels));
  }

  // Not kept: the key is typed, and the scanner judges the value box again when it changes.
  get keyText(): string {
    return this.context.keyBefore(this.el);
  }

  /** The same field in fresh surroundings (headings or the page changed); own reads are kept. */
  inContext(context: ContextReader): DomFieldDescriptor {
    const copy = Object.create(DomFieldDescriptor.prototype) as DomFieldDescriptor;
    Object.assign(copy, this, {
      context,
      nearbyText: undefined,
      sectionText: undefined,
      companionText: undefined,
      questionText: undefined,
    });
    return copy;
  }
}

// Ids a framework makes up (React's useId: ":r1:", "«r1»", "_r_1_", also inside longer ids such
// as "radix-:r1:") say nothing about the field, yet split into words: ":rg:" reads "rg", the
// Brazilian ID card.
const GENERATED_ID_PART = /:r[0-9a-z]*:|«r[0-9a-z]*»|_r_[0-9a-z]+_/gi;

function meaningfulId(id: string): string {
  return id.includes('r') || id.includes('R') ? id.replace(GENERATED_ID_PART, ' ').trim() : id;
}

/** The field's name: its accessible name or, for an unlabelled choice, the text right after it. */
function nameOf(
  el: Element,
  kind: ControlKind,
  labels: LabelIndex,
  attr: (name: string) => string,
): string {
  const { name } = accessibleName(el, labels, attr);
  if (name !== '') return name;
  if (kind === 'choice') return textAfter(el);
  return kind === 'text' ? menuServed(el, labels, attr) : '';
}

/**
 * MUI's Select keeps its choice in a hidden box right after the menu widget the user sees
 * (`<div role="combobox" aria-labelledby="…">30 days</div><input aria-hidden="true"
 * class="MuiSelect-nativeInput" name="expiration">`): the box is named as that menu is.
 */
function menuServed(el: Element, labels: LabelIndex, attr: (name: string) => string): string {
  if (attr('aria-hidden') !== 'true') return '';
  const before = previousElementSiblingOf(el);
  if (!before || !isAriaMenu(before)) return '';
  return accessibleName(before, labels, (name) => attributeOf(before, name) ?? '').name;
}

/**
 * A rich-text editor's placeholder, which editors keep in a data attribute and draw with CSS:
 * Quill on the editable root (`<div class="ql-editor" data-placeholder="…">`), Tiptap's and
 * ProseMirror's placeholder extensions on the first empty paragraph (`<p data-placeholder="…"
 * class="is-empty">`).
 */
function editorPlaceholder(el: Element, attr: (name: string) => string): string {
  const own = attr('data-placeholder');
  if (own) return own;
  const first = firstElementChildOf(el);
  const inFirst = first ? attributeOf(first, 'data-placeholder') : null;
  if (inFirst) return inFirst;
  // Lexical draws it in a block of its own right after the editor (`.editor-placeholder`).
  const next = nextElementSiblingOf(el);
  const nextClass = next ? attributeOf(next, 'class') : null;
  return next && nextClass && /placeholder/i.test(nextClass)
    ? (textContentOf(next) ?? '').trim()
    : '';
}

/**
 * Turns a form control into the plain record the classifier reads. No value is read here (a
 * key/value row's key, `keyText`, only when the classifier asks).
 */
export function describeField(
  el: Element,
  labels: LabelIndex,
  context: ContextReader,
): FieldDescriptor {
  // One call lists the attributes present; most of the dozen we care about are absent,
  // and each getAttribute from an isolated world is a binding round-trip.
  const present = el.getAttributeNames();
  const attr = (name: string): string =>
    present.includes(name) ? (el.getAttribute(name) ?? '') : '';
  const typeAttribute = present.includes('type') ? el.getAttribute('type') : null;
  const kind = controlKind(el, typeAttribute);
  const type = el.localName === 'input' ? (typeAttribute || 'text').toLowerCase() : '';
  if (kind === 'ignored') return blankDescriptor({ kind, type });
  const maxLength = Number.parseInt(attr('maxlength'), 10);
  const placeholder =
    attr('placeholder') ||
    attr('aria-placeholder') ||
    (kind === 'editable' ? editorPlaceholder(el, attr) : '');
  return new DomFieldDescriptor(
    el,
    context,
    labels,
    kind,
    type,
    attr('name'),
    meaningfulId(attr('id')),
    attr('autocomplete'),
    attr('inputmode'),
    Number.isFinite(maxLength) ? maxLength : -1,
    attr('pattern'),
    headOf(placeholder.trim(), 120),
    nameOf(el, kind, labels, attr),
    accessibleDescription(el, attr),
  );
}

/**
 * Whether the classifier read this menu's choices. While the page parses, a menu may be judged
 * before all its options have arrived: such a menu is judged again once parsing is done.
 */
export function readItsOptions(descriptor: FieldDescriptor): boolean {
  return descriptor instanceof DomFieldDescriptor && descriptor.optionsRead;
}

/** The descriptor in fresh surroundings, without reading the field again (see DomFieldDescriptor). */
export function withContext(descriptor: FieldDescriptor, context: ContextReader): FieldDescriptor {
  return descriptor instanceof DomFieldDescriptor ? descriptor.inContext(context) : descriptor;
}
