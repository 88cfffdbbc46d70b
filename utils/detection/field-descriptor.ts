/**
 * Everything the classifier may know about a form control, as plain data.
 * The content script builds it from the DOM; tests build it by hand. It never
 * holds the control's value: values are passed separately and stay local.
 */
export type ControlKind =
  'text' | 'password' | 'number' | 'textarea' | 'editable' | 'select' | 'choice' | 'ignored';

export interface FieldDescriptor {
  readonly kind: ControlKind;
  /** The input's type attribute, lower-cased ('' for non-inputs). */
  readonly type: string;
  readonly name: string;
  readonly id: string;
  readonly autocomplete: string;
  readonly inputMode: string;
  /** maxlength, or -1 when absent. */
  readonly maxLength: number;
  readonly pattern: string;
  readonly placeholder: string;
  /** Accessible name (W3C accname), without the placeholder fallback. */
  readonly label: string;
  /** aria-describedby text and hint text. */
  readonly description: string;
  /** Text just before the control (a preceding table cell, "SSN:" before the box). */
  readonly nearby: string;
  /** The enclosing fieldset's legend, group label or section heading, nearest first. */
  readonly section: string;
  /**
   * The options of a menu right before the control, which says what a generic "Number" is:
   * "Driver's license · State ID · Passport" before "ID number".
   */
  readonly companion: string;
  /**
   * A menu's own choices as one short text ("Anxiety · Depression · Insomnia"); '' for other
   * controls. Never which one is chosen.
   */
  readonly options: string;
  /**
   * In a key/value editor, what is typed into the key box of the row whose value this box holds
   * ("STRIPE_SECRET_KEY"); '' elsewhere. Read only for a box that says it holds a value, and never
   * put in a reason: it was typed, like a value.
   */
  readonly keyText: string;
  /**
   * For a follow-up ("If yes, give details"): the question of the control before it, its label
   * or, before a Yes or No among answers, the text before that answer. Read only when asked.
   */
  readonly questionBefore: string;
}

export interface PageContext {
  /** The page's title and main headings. */
  readonly heading: string;
  /** The page has been recognised as a confidential document. */
  readonly confidential: boolean;
  /**
   * Other fields on the page ask about health on their own ("Any of these symptoms?"), so a
   * "Temperature" or "Weight" among them is health too.
   */
  readonly healthQuestions: boolean;
  /**
   * Most of the page's questions ask about health on their own (a glucose log, a symptom
   * tracker, a mood check-in), so its note box is about health too. Absent means no.
   */
  readonly mostlyHealth?: boolean;
}

export const EMPTY_PAGE: PageContext = { heading: '', confidential: false, healthQuestions: false };

/** A descriptor with every field empty, for building test and synthetic cases. */
export function blankDescriptor(overrides: Partial<FieldDescriptor> = {}): FieldDescriptor {
  return {
    kind: 'text',
    type: 'text',
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
    companion: '',
    options: '',
    keyText: '',
    questionBefore: '',
    ...overrides,
  };
}
