import {
  attributeOf,
  childElementCountOf,
  closestOf,
  firstElementChildOf,
  hasAttributeOf,
  lastElementChildOf,
  localNameOf,
  nextElementSiblingOf,
  parentElementOf,
  previousElementSiblingOf,
  querySelectorAllOf,
  querySelectorOf,
  rootNodeOf,
  textContentOf,
} from './dom-access';
import { entryNamed } from '../detection/date-parts';
import { namesAKey } from '../detection/key-value';
import { collapseWhitespace, isExampleValue, isQuestion, nearestPart } from '../detection/text';
import { accessibleName } from './accessible-name';
import { CONTROL_TAGS, controlKind, isBox, readFieldValue } from './field-elements';
import { firstOfRun } from './fields-around';
import { floatingLabelOf } from './floating-label';
import type { LabelIndex } from './label-index';
import { HEADING_TAGS, hasWordCharacter, headOf, textBefore, visibleText } from './text-content';

/**
 * What surrounds a field: the text right before it and the section it sits
 * in (fieldset legend, labelled group, table column header, nearest heading).
 * Section lookups are cached per ancestor, so a form of 5,000 fields under a
 * handful of headings costs a handful of walks.
 */
const MAX_DEPTH = 14;

// Containers that pages style as a section's title: `<div class="card-header">`,
// `<div class="panel-heading">`, a Bootstrap 2 widget's `<ul class="breadcrumb">`.
// Not a page's own header ("usa-header", "site-header"): a banner, not a section's name.
const TITLE_TAGS = new Set(['div', 'span', 'p', 'li', 'ul']);
const TITLE_CLASS =
  /(?:^|[\s_-])(?:heading|title|caption|breadcrumb|(?:card|panel|section|form|box|widget|group|block)[-_]head(?:er)?)(?:$|[\s_-])/i;
const BOLD_TAGS = new Set(['b', 'strong']);
// A bold block longer than this is a notice, not a section's name.
const MAX_BOLD_TITLE = 60;

// A title's container holds its text, and at most an icon or a button beside it: a form row's
// several children are not read for a class (one binding call fewer per row walked past).
const MAX_TITLE_CHILDREN = 2;

/** `children`: the element's child element count, which the caller has read already. */
function isHeading(el: Element, children: number): boolean {
  const tag = localNameOf(el);
  if (HEADING_TAGS.has(tag)) return true;
  // Only generic containers are given role="heading" or a title's class in practice; skip the
  // attribute reads otherwise.
  if (!TITLE_TAGS.has(tag)) return false;
  if (attributeOf(el, 'role') === 'heading') return true;
  if (children > MAX_TITLE_CHILDREN) return false;
  const classes = attributeOf(el, 'class');
  return (
    classes !== null &&
    TITLE_CLASS.test(classes) &&
    querySelectorOf(el, 'input, select, textarea') === null
  );
}

/** A block that holds nothing but a short bold text: `<p><strong>Medical history</strong></p>`. */
function isBoldTitle(block: Element, bold: Element): boolean {
  if (!BOLD_TAGS.has(localNameOf(bold)) || localNameOf(block) === 'label') return false;
  const text = (textContentOf(bold) ?? '').trim();
  return (
    text !== '' && text.length <= MAX_BOLD_TITLE && (textContentOf(block) ?? '').trim() === text
  );
}

/**
 * A heading that is this element or that it only wraps, through a few wrappers
 * (<li class="form-line"><div class="form-header-group"><h2>…</h2></div></li>, as form
 * builders write section headings), or a block holding only a short bold text. A previous
 * sibling that merely *starts* with a heading is another section, not ours.
 */
function headingAt(el: Element): Element | null {
  let node: Element | null = el;
  for (let depth = 0; node && depth < 4; depth++) {
    const children = childElementCountOf(node);
    if (isHeading(node, children)) return node;
    if (depth > 0 && isBoldTitle(el, node)) return node;
    node = children === 1 ? firstElementChildOf(node) : null;
  }
  return null;
}

// A question set as a text block above its answers ("How often have you felt down …?") heads
// them as a legend would, and so does a table cell before the cells of its Yes and No (a sports
// physical's "1. Has a doctor ever restricted your participation …?"). Text-only blocks: a wrapper
// around fields is never read.
const QUESTION_TAGS = new Set(['p', 'div', 'span', 'td', 'th']);

/** The element that may hold a question: a text block, or the one cell of a table row. */
function questionBlock(el: Element): Element | null {
  const tag = localNameOf(el);
  if (QUESTION_TAGS.has(tag)) return el;
  // A table row holding nothing but a question heads the answer row below it, as in many
  // government forms ("3. Were you too sick … this week?" above a Yes/No row).
  if (tag !== 'tr' || childElementCountOf(el) !== 1) return null;
  const cell = firstElementChildOf(el);
  return cell && (localNameOf(cell) === 'td' || localNameOf(cell) === 'th') ? cell : null;
}

function questionAt(el: Element): string {
  // A label tied to no control, set above a group of choices, names the group as a legend does
  // ("Alergias" over checkboxes for "Ninguna", "Penicilina", "Otro").
  if (localNameOf(el) === 'label') return orphanLabelText(el);
  const block = questionBlock(el);
  if (!block || childElementCountOf(block) !== 0) return '';
  const text = visibleText(block, 241);
  if (text.length <= 240 && isQuestion(text)) return text;
  // A text block drawn as a label ("Geçirdiği Hastalıklar:") beside a group of controls names
  // the group, as a bare label does.
  return block === el && text.length <= 80 && text.endsWith(':') && headsAGroup(el) ? text : '';
}

/** Whether the element right after `el` holds two controls or more (a group it can head). */
function headsAGroup(el: Element): boolean {
  const next = nextElementSiblingOf(el);
  if (!next || CONTROL_TAGS.has(localNameOf(next))) return false;
  return querySelectorAllOf(next, 'input, select, textarea').length >= 2;
}

function orphanLabelText(label: Element): string {
  if (hasAttributeOf(label, 'for') || childElementCountOf(label) > 2) return '';
  if (querySelectorOf(label, 'input, select, textarea') !== null) return '';
  // Over a group of controls; a label over one box is that box's name, not a legend.
  if (!headsAGroup(label)) return '';
  const text = visibleText(label, 81);
  return text.length <= 80 ? text : '';
}

/** What precedes an element among its siblings: the nearest question after the nearest heading. */
interface Preceding {
  readonly question: string;
  readonly heading: string;
}

const NOTHING_BEFORE: Preceding = { question: '', heading: '' };

/** The last control a person uses in `el` (or `el` itself); hidden inputs and buttons are not. */
function lastControlIn(el: Element): Element | null {
  if (CONTROL_TAGS.has(localNameOf(el))) return controlKind(el) === 'ignored' ? null : el;
  if (childElementCountOf(el) === 0) return null;
  const found = querySelectorAllOf(el, 'input, select, textarea');
  for (let i = found.length - 1; i >= 0; i--) {
    const control = found[i] as Element;
    if (controlKind(control) !== 'ignored') return control;
  }
  return null;
}

// An entry typed in parts: a date in three boxes at most.
const MAX_ENTRY_PARTS = 3;

// A line break or a label between two boxes does not put them in different groups:
// `<label>Card number</label> <input> <br> <label>Expires</label> <input>`.
const PASSED_OVER = new Set(['br', 'label']);

/**
 * The control a person fills in right before `field` in the same row or group (the field and up
 * to three levels above it, two siblings back at each, line breaks and labels not counted): an
 * "ID type" menu, a key/value row's key box. Three levels up because UI kits wrap a box twice
 * inside its form row (SAP UI5: row > control > content wrapper > input).
 */
function controlBefore(field: Element): Element | null {
  let node: Element | null = field;
  for (let depth = 0; node && depth < 4; depth++) {
    let sibling = previousElementSiblingOf(node);
    for (let n = 0; sibling && n < 2; sibling = previousElementSiblingOf(sibling)) {
      // A heading starts another part of the form (see previousInForm).
      if (HEADING_TAGS.has(localNameOf(sibling))) return null;
      const control = lastControlIn(sibling);
      if (control) return control;
      if (!PASSED_OVER.has(localNameOf(sibling))) n++;
    }
    node = parentElementOf(node);
  }
  return null;
}

/** A box's name, or its placeholder: a checkout's row of boxes named only by placeholders. */
function boxName(control: Element, labels: LabelIndex): string {
  const name = accessibleName(control, labels).name;
  if (name) return name;
  // An example ("e.g. 1234 5678 9123 0000") names nothing: the text before the box does.
  const placeholder = attributeOf(control, 'placeholder')?.trim() ?? '';
  return isExampleValue(placeholder) ? '' : placeholder;
}

// How many elements back the walk for the box before may go: far enough for a checkout's
// wrappers, not so far that a grid of thousands of boxes walks back over all of them each.
const MAX_ELEMENTS_BACK = 200;

/**
 * The control before `field` in its form, however deep the markup wraps each box (a checkout's
 * grid: "CVV number", then "MM" and "YY" seven levels further down). Walks back in document
 * order, not across the form's start.
 */
function previousInForm(field: Element): Element | null {
  // Outside any <form> (a single-page app's card component, as Home Depot's checkout draws it),
  // the walk is bounded by the body and its step limit alone.
  const form = closestOf(field, 'form') ?? closestOf(field, 'body');
  if (!form) return null;
  let el: Element | null = field;
  for (let steps = 0; el && steps < MAX_ELEMENTS_BACK; steps++) {
    const previous: Element | null = previousElementSiblingOf(el);
    if (!previous) {
      el = parentElementOf(el);
      if (el === form) return null;
      continue;
    }
    // A heading starts another part of the form: a membership's "expires" after a card's CVC is
    // not the card's expiry.
    if (HEADING_TAGS.has(localNameOf(previous))) return null;
    el = previous;
    for (let last = lastElementChildOf(el); last; last = lastElementChildOf(el)) el = last;
    if (HEADING_TAGS.has(localNameOf(el))) return null;
    if (CONTROL_TAGS.has(localNameOf(el)) && controlKind(el) !== 'ignored') return el;
    // A menu's last option: the menu itself is the control.
    const menu = localNameOf(el) === 'option' ? closestOf(el, 'select') : null;
    if (menu) return menu;
  }
  return null;
}

/** The box a person fills in before `field`: in its row or group, else back through its form. */
function boxBefore(field: Element): Element | null {
  return controlBefore(field) ?? previousInForm(field);
}

// What is read of a key: a variable's name is short.
const MAX_KEY_LENGTH = 100;
// Key box -> the value box it names, for as long as both live: typing a key re-judges its value.
const valueBoxes = new WeakMap<Element, Element>();

/** The value box whose key is typed into `key`, once that box has been judged. */
export function valueBoxOf(key: Element): Element | undefined {
  return valueBoxes.get(key);
}

/** A menu's choices as one short text: what the classifier reads, never what was chosen. */
export function optionsText(select: Element): string {
  const parts: string[] = [];
  // A menu widget's options are elements with the option role (a listbox's items).
  const options = querySelectorAllOf(select, 'option, [role="option"]');
  for (let i = 0; i < options.length && i < 12; i++) {
    // (visibleText skips options: a label's text never includes its menu's.)
    const text = collapseWhitespace(textContentOf(options[i] as Element) ?? '');
    if (text) parts.push(headOf(text, 40));
  }
  return headOf(parts.join(' · '), 240);
}

function groupName(el: Element): string {
  const tag = localNameOf(el);
  if (tag === 'fieldset') {
    const first = firstElementChildOf(el);
    const legend =
      first && localNameOf(first) === 'legend' ? first : querySelectorOf(el, ':scope > legend');
    return legend ? visibleText(legend, 120) : '';
  }
  // A table's caption names its rows: "10. Health" above "If yes, give details".
  if (tag === 'table') {
    const caption = querySelectorOf(el, ':scope > caption');
    if (caption) return visibleText(caption, 120);
  }
  const role = attributeOf(el, 'role');
  if (
    role === 'group' ||
    role === 'region' ||
    role === 'radiogroup' ||
    tag === 'section' ||
    tag === 'form'
  ) {
    const label = attributeOf(el, 'aria-label');
    if (label) return headOf(label.trim(), 120);
    const labelledBy = attributeOf(el, 'aria-labelledby');
    if (labelledBy) {
      const doc = rootNodeOf(el) as Document | ShadowRoot;
      const target =
        'getElementById' in doc ? doc.getElementById(labelledBy.split(/\s+/)[0] ?? '') : null;
      if (target) return visibleText(target, 120);
    }
  }
  return '';
}

/** A box that takes one character: one box of a code typed a character to a box. */
function isOneCharacterBox(el: Element): boolean {
  return localNameOf(el) === 'input' && attributeOf(el, 'maxlength') === '1';
}

/** A radio button or checkbox: its row above asks a question (the section), not names a box. */
function isAChoice(field: Element): boolean {
  const type = attributeOf(field, 'type');
  return type === 'radio' || type === 'checkbox';
}

/**
 * The text of the cell right above `cell`, when it holds no control: older forms set each label
 * in a row of its own above its box ("Passport", then the box on the next row).
 */
function cellAbove(cell: Element): string {
  const row = parentElementOf(cell);
  const above = row ? previousElementSiblingOf(row) : null;
  if (!above || localNameOf(above) !== 'tr') return '';
  const over = sameColumnIn(above, cell);
  if (!over || querySelectorOf(over, 'input, select, textarea') !== null) return '';
  return visibleText(over, 80);
}

/**
 * The text of the first cell of `cell`'s row when it names the row ("SSN" before an employee's box
 * and a spouse's): asked when the cell's column has no name.
 */
function rowHeader(cell: Element): string {
  const row = parentElementOf(cell);
  const first = row ? firstElementChildOf(row) : null;
  if (!first || first === cell || querySelectorOf(first, 'input, select, textarea') !== null) {
    return '';
  }
  return visibleText(first, 80);
}

/** The cell of `row` in the same column as `cell` (counted by position, as simple tables are). */
function sameColumnIn(row: Element, cell: Element): Element | undefined {
  let index = 0;
  for (let at = previousElementSiblingOf(cell); at; at = previousElementSiblingOf(at)) index++;
  return row.children[index];
}

/**
 * The key typed in `box` for the value box `field`; remembered even while the key is empty, so
 * typing one re-judges the value box.
 */
function keyIn(box: Element, field: Element): string {
  valueBoxes.set(box, field);
  return (readFieldValue(box) ?? '').slice(0, MAX_KEY_LENGTH);
}

export class ContextReader {
  // For an element: the nearest heading (and question after it) among its previous siblings.
  private readonly headingBefore = new WeakMap<Element, Preceding>();
  // For an element: the section text that applies to everything inside it.
  private readonly sectionCache = new WeakMap<Element, string>();
  // For a table: its header row, or null; read once per table, not once per cell (a timesheet
  // of 1,000 rows asked it 6,000 times).
  private readonly headerRows = new WeakMap<Element, Element | null>();

  /** Text just before the field; for a table cell, the cell to its left or its column header. */
  nearbyText(field: Element): string {
    // A floating label drawn after the box in its wrapper names it (Syncfusion's e-float-input).
    // A choice's label after it is its answer, read as such (textAfter); the text before it is
    // the question.
    const floating = isAChoice(field) ? null : floatingLabelOf(field);
    if (floating) {
      const text = visibleText(floating, 80);
      if (text) return text;
    }
    const parent = parentElementOf(field);
    const cell = parent ? closestOf(parent, 'td, th') : null;
    if (cell && cell.contains(field)) {
      // A colon set before the box (": [box]") says nothing: the cell to the left names it.
      const before = textBefore(field, 80, cell);
      if (hasWordCharacter(before)) return before;
      const previous = previousElementSiblingOf(cell);
      if (previous) {
        const text = visibleText(previous, 80);
        if (text) return text;
      }
      return (
        this.columnHeader(cell) || rowHeader(cell) || (isAChoice(field) ? '' : cellAbove(cell))
      );
    }
    // Room for a label and the hint set under it ("Driver's license number (delivery drivers
    // only)", then a sentence): the walk still stops at the box before.
    const before = textBefore(field, 120);
    if (before !== '' || !isOneCharacterBox(field)) return before;
    // A code typed a character to a box, each box in a wrapper of its own: the text before the
    // first box names them all ("Enter the code", then six boxes).
    const container =
      closestOf(field, 'form, fieldset, [role="group"]') ?? parentElementOf(field) ?? field;
    const first = firstOfRun(field, container, isBox, isOneCharacterBox);
    return first === field ? '' : textBefore(first, 80);
  }

  private columnHeader(cell: Element): string {
    const row = parentElementOf(cell);
    const table = row ? closestOf(row, 'table') : null;
    if (!row || !table) return '';
    let headerRow = this.headerRows.get(table);
    if (headerRow === undefined) {
      // A header row: the table's head, or a first row of header cells. A first row of ordinary
      // cells is a row like the others ("1. Were you able to work?"), not the column's name.
      const first = querySelectorOf(table, 'tr');
      headerRow =
        querySelectorOf(table, 'thead tr') ??
        (first && querySelectorOf(first, ':scope > td') === null ? first : null);
      this.headerRows.set(table, headerRow);
    }
    if (!headerRow || headerRow === row) return '';
    const header = sameColumnIn(headerRow, cell);
    return header ? visibleText(header, 80) : '';
  }

  /**
   * The options of the menu just before the field, if the control before it is a menu ("ID
   * type" before "ID number").
   */
  menuBefore(field: Element): string {
    const control = controlBefore(field);
    return control && localNameOf(control) === 'select' ? optionsText(control) : '';
  }

  /**
   * The question a follow-up ("If yes, give details") follows up, or the box an "Expires" box
   * belongs with: the name (or placeholder) of the control before it or, for a Yes or No among
   * answers, the question before that answer.
   */
  questionBefore(field: Element, labels: LabelIndex): string {
    let control = boxBefore(field);
    if (!control) return '';
    const type = attributeOf(control, 'type');
    if (type !== 'radio' && type !== 'checkbox') {
      let name = boxName(control, labels);
      // Two boxes under one name are parts of one entry ("Fecha de Expiración" for the month,
      // again for the year; "MM" and "YY"): what comes before the entry is before its first part.
      const own = name ? entryNamed(boxName(field, labels)) : '';
      for (let parts = 1; own && entryNamed(name) === own && parts < MAX_ENTRY_PARTS; parts++) {
        const first: Element | null = boxBefore(control);
        if (!first) break;
        const earlier = boxName(first, labels);
        control = first;
        name = earlier;
        if (entryNamed(earlier) !== own) break;
      }
      if (name) return name;
    }
    return this.nearbyText(control) || nearestPart(this.sectionText(control));
  }

  /**
   * What is typed into the key box before a key/value row's value box ("STRIPE_SECRET_KEY"), if
   * the control before the field says it is a key ("Key", "Variable name", `data[1].key`).
   */
  keyBefore(field: Element): string {
    const control = controlBefore(field);
    const tag = control ? localNameOf(control) : '';
    if (control && (tag === 'input' || tag === 'textarea')) {
      const own = attributeOf(control, 'aria-label') || attributeOf(control, 'placeholder') || '';
      // A box named by a <label> only reads its name, else its id (GitLab's "ci-variable-key").
      const name = attributeOf(control, 'name') || attributeOf(control, 'id') || '';
      if (namesAKey(own.trim(), name)) return keyIn(control, field);
    }
    return this.keyInRow(field);
  }

  /**
   * A grid of variables (an API client's environment: "Variable · Type · Initial value · Current
   * value"): the key is the box in the row's first cell, its column headed "Variable" or "Key".
   */
  private keyInRow(field: Element): string {
    const parent = parentElementOf(field);
    const cell = parent ? closestOf(parent, 'td') : null;
    const row = cell ? parentElementOf(cell) : null;
    const first = row ? firstElementChildOf(row) : null;
    if (!cell || !first || first === cell) return '';
    const box = querySelectorOf(first, 'input, textarea');
    if (!box || !namesAKey(this.columnHeader(first), '')) return '';
    return keyIn(box, field);
  }

  /** Legends, questions, group names and headings above the field, nearest first. */
  sectionText(field: Element): string {
    const parts = [this.precedingText(field)];
    const parent = parentElementOf(field);
    if (parent) parts.push(this.sectionAbove(parent));
    return headOf([...new Set(parts.filter(Boolean))].join(' · '), 240);
  }

  /** The question and heading before an element, as one section part ("Question? · Heading"). */
  private precedingText(el: Element): string {
    const { question, heading } = this.preceding(el);
    return question && heading ? `${question} · ${heading}` : question || heading;
  }

  /**
   * The nearest heading among an element's previous siblings, and the nearest question after
   * it. Memoised per element, so rows parsed one after another each cost one step, not a walk.
   */
  private preceding(el: Element): Preceding {
    const pending: Element[] = [];
    let before: Preceding = NOTHING_BEFORE;
    for (
      let sibling = previousElementSiblingOf(el);
      sibling;
      sibling = previousElementSiblingOf(sibling)
    ) {
      const memo = this.headingBefore.get(sibling);
      const heading = headingAt(sibling);
      if (heading) {
        before = { question: '', heading: visibleText(heading, 120) };
        break;
      }
      pending.push(sibling);
      if (memo !== undefined) {
        before = memo;
        break;
      }
      if (pending.length > 500) break;
    }
    // From the far end back to the element: what lies strictly before each sibling walked past.
    let question = before.question;
    for (let i = pending.length - 1; i >= 0; i--) {
      const sibling = pending[i] as Element;
      if (!this.headingBefore.has(sibling)) {
        this.headingBefore.set(
          sibling,
          question === before.question ? before : { question, heading: before.heading },
        );
      }
      question = questionAt(sibling) || question;
    }
    return question === before.question ? before : { question, heading: before.heading };
  }

  /** The section text for everything inside `el`: its own group name, then what is above it. */
  private sectionAbove(el: Element): string {
    const chain: Element[] = [];
    let node: Element | null = el;
    let inherited = '';
    for (let depth = 0; node && depth < MAX_DEPTH; depth++) {
      const cached = this.sectionCache.get(node);
      if (cached !== undefined) {
        inherited = cached;
        break;
      }
      chain.push(node);
      node = parentElementOf(node);
    }
    // Fill the cache from the top of the chain down.
    for (let i = chain.length - 1; i >= 0; i--) {
      const current = chain[i] as Element;
      const own = [groupName(current), this.precedingText(current)].filter(Boolean);
      const text = headOf([...own, inherited].filter(Boolean).slice(0, 3).join(' · '), 240);
      this.sectionCache.set(current, text);
      inherited = text;
    }
    return inherited;
  }
}
