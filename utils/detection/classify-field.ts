import { CATEGORIES, type Category } from './categories';
import {
  EMPTY_PAGE,
  type ControlKind,
  type FieldDescriptor,
  type PageContext,
} from './field-descriptor';
import {
  ACRONYM_ONLY,
  QUESTION_ONLY,
  lexicon,
  SECTION_SIGNALS,
  SIGNALS,
  STANDALONE_PHRASES,
  type Signal,
} from './lexicon';
import { namesAValue } from './key-value';
import { namesOnlyADatePart } from './date-parts';
import { EXPIRY_SIGNALS, labelAsksForSomethingElse } from './label-head';
import type { PhraseMatch } from './phrase-matcher';
import {
  clip,
  identifierWords,
  isExampleValue,
  isFollowUp,
  isQuestion,
  nearestPart,
  negatedAsidesOf,
  repeatsBoxBefore,
  stemWord,
  withoutDoNotWrite,
  withoutNegatedAsides,
  wordsOf,
} from './text';
import { isIban } from './validators/bank';
import { isMedicareMbi } from './validators/health-ids';
import { startsLikeASecret } from './validators/secrets';
import { MEMBERS_NUMBER, scanFreeText, scanWholeValue, type ValueFinding } from './value-scan';

/** The classifier's answer for one field: one category or none, how sure, and why. */
export interface Verdict {
  readonly category: Category | null;
  readonly confidence: number;
  readonly reasons: readonly string[];
}

export const NO_VERDICT: Verdict = { category: null, confidence: 0, reasons: [] };

/** Evidence at or above this score flags a field. */
export const FLAG_THRESHOLD = 0.5;

export interface Evidence {
  readonly category: Category;
  readonly score: number;
  readonly reason: string;
  /** Where it came from; agreement between different sources raises confidence. */
  readonly source: string;
}

/**
 * Signals found in one piece of text about the field. Immutable and interned: texts that say
 * the same things ("First name 1" … "First name 5000", field_1 … field_5000) share one
 * instance, so a field's analysis costs a few pointers however many fields a page has.
 */
class SourceSignals {
  /** The signals that point at a category, in reading order. */
  readonly positives: readonly Signal[];
  readonly all: ReadonlySet<Signal>;
  /** Share of the text's words that some phrase covers (1 for "Routing number"). */
  readonly coverage: number;
  /** Its sensitive words only qualify something ordinary: "Passport expiry date" (label-head.ts). */
  readonly asksForSomethingElse: boolean;

  private constructor(values: readonly Signal[], coverage: number, somethingElse: boolean) {
    this.all = new Set(values);
    this.positives = values.filter((v) => SIGNALS[v].category !== null);
    this.coverage = coverage;
    this.asksForSomethingElse = somethingElse;
  }

  static readonly NONE = new SourceSignals([], 0, false);
  // Forms repeat the same labels, headings and names: look each text up once.
  private static readonly cache = new Map<string, SourceSignals>();
  // Distinct contents seen; bounded, so a page of random words cannot grow it without end.
  private static readonly interned = new Map<string, SourceSignals>();

  private static from(
    matches: readonly PhraseMatch<Signal>[],
    words: readonly string[] | null,
    explained = false,
  ): SourceSignals {
    if (matches.length === 0) return SourceSignals.NONE;
    let covered = 0;
    let values: Signal[] = [];
    for (const m of matches) {
      covered += m.end - m.start;
      values.push(m.value);
    }
    // "Security code from your authenticator app", "One-time security code": a sign-in code
    // that banks and mail providers also call a security code, not a card's.
    if (values.includes('one-time-code') && values.includes('card-security-code')) {
      values = values.filter((v) => v !== 'card-security-code');
    }
    const coverage = words && words.length > 0 ? covered / words.length : 0;
    const somethingElse =
      words !== null && (explained || labelAsksForSomethingElse(matches, words));
    const key = `${coverage}|${somethingElse ? 1 : 0}|${values.join()}`;
    let shared = SourceSignals.interned.get(key);
    if (shared === undefined) {
      shared = new SourceSignals(values, coverage, somethingElse);
      if (SourceSignals.interned.size < 4000) SourceSignals.interned.set(key, shared);
    }
    return shared;
  }

  static of(text: string): SourceSignals {
    if (text === '') return SourceSignals.NONE;
    let hit = SourceSignals.cache.get(text);
    if (hit === undefined) {
      if (SourceSignals.cache.size >= 8000) SourceSignals.cache.clear();
      const words = wordsOf(text);
      const matches = withDiagnosisCid(
        withoutGermanEin(
          withoutPlainANumber(withStandalone(lexicon().findAll(words), words, text), text),
          text,
        ),
      );
      hit = SourceSignals.from(matches, words, explainedOrdinary(text));
      SourceSignals.cache.set(text, hit);
    }
    return hit;
  }

  static ofIdentifiers(name: string, id: string): SourceSignals {
    if (name === '' && id === '') return SourceSignals.NONE;
    // Names and ids are mostly unique: splitting them is cheaper than caching them.
    const matches = identifierMatches(name);
    if (id !== name) matches.push(...identifierMatches(id));
    // Coverage and phrasing are not read from names (only from what a person reads).
    return SourceSignals.from(matches, null);
  }

  get isEmpty(): boolean {
    return this.all.size === 0;
  }

  has(signal: Signal): boolean {
    return this.all.has(signal);
  }
}

// The share of a text's words that known phrases make up for it to be "mostly" one of them.
const MOSTLY_NAMED = 0.6;
// Brackets of this many words or fewer give another word for something in the label.
const MAX_GLOSS_WORDS = 2;

/**
 * "Nickname (what your therapist will call you)", "Phone (for prescription reminders)": brackets
 * after an ordinary thing explain it. "Number (SSN or ITIN)" names nothing before its brackets;
 * "Age at beginning of periods (menstruation)" glosses a word of its label in one word.
 */
function explainedOrdinary(text: string): boolean {
  const open = text.indexOf('(');
  if (open <= 0) return false;
  const head = SourceSignals.of(text.slice(0, open));
  if (head.positives.length > 0 || !(head.has('benign') || head.has('negative'))) return false;
  const close = text.indexOf(')', open);
  const inside = text.slice(open + 1, close < 0 ? text.length : close);
  return wordsOf(inside).length > MAX_GLOSS_WORDS;
}

// What a health word in a name is qualified by: where or who ("treatmentFacility", "doctorName"),
// or the document's expiry. Not its status, type, date, note or description, which are the health
// data itself ("disabilityStatus", "bloodType", "diagnosisDate").
const HEALTH_IDENTIFIER_QUALIFIERS = new Set(
  [
    'name',
    'nickname',
    'label',
    'title',
    'url',
    'facility',
    'location',
    'country',
    'state',
    'file',
    'path',
    'filename',
    'expire',
    'expires',
    'exp',
    'expiry',
    'expiration',
    // The form's signature, and its date ("eeo[disabilitySignatureDate]"): held-out batch 148.
    'signature',
  ].map((w) => stemWord(w)),
);
// Words that, after a sensitive word in a field name, make it name something about that thing
// rather than the thing: token_name, token[expires], card_type, ssn_holder_name, account_id,
// passportExpiry, driverLicenseState.
const IDENTIFIER_QUALIFIERS = new Set([
  ...HEALTH_IDENTIFIER_QUALIFIERS,
  ...[
    'type',
    'note',
    'description',
    // A secret's description ("secret-desc"): held-out batch 149.
    'desc',
    'descr',
    'count',
    'status',
    'enabled',
    'created',
    'updated',
    'id',
    'date',
    'format',
    'hint',
    'length',
    'holder',
    'last4',
    'hash',
    'scope',
    'prefix',
    'issue',
    'issued',
    // How a paycheck is split between accounts (name="bank_accounts[0][split_percent]").
    'split',
    'percent',
    'percentage',
    'amount',
    'priority',
  ].map((w) => stemWord(w)),
]);

/**
 * A word that names an ID or a symptom only as the whole text: "SIN", `name="sin"`, "Hives"
 * (lexicon.ts). `text` is the label as written; a field's name passes none.
 */
function withStandalone(
  matches: PhraseMatch<Signal>[],
  words: readonly string[],
  text?: string,
): PhraseMatch<Signal>[] {
  if (matches.length > 0 || words.length !== 1) return matches;
  const word = words[0] as string;
  const signal = STANDALONE_PHRASES.get(word);
  if (!signal) return matches;
  if (ACRONYM_ONLY.has(word) && (text === undefined || text !== text.toUpperCase())) return matches;
  if (QUESTION_ONLY.has(word) && (text === undefined || !text.trimEnd().endsWith('?'))) {
    return matches;
  }
  // A symptom's plural read as an everyday word ("Hives") names health only as a label: a field
  // named "hive" or "shingle" is a table's or a roof's.
  if (text === undefined && SIGNALS[signal].category === 'health') return matches;
  return [{ value: signal, phrase: word, start: 0, end: 1 }];
}

// An employer identification number is written "EIN"; German "ein" ("Geben Sie die TAN … ein")
// and "Ein …" at a sentence's start are not one. (Field names keep their lower case: name="ein".)
const EIN_WRITTEN = /(?:^|[^\p{L}])EIN(?![\p{L}])/u;

// An immigrant's alien registration number is written "A-Number", "A-number" or "A#"; "a number"
// in words is any number ("Enter a number").
const A_NUMBER_WRITTEN = /(?<![\p{L}\p{N}])A(?:-\s?[Nn]umber|\s?-?#)/u;

function withoutPlainANumber(
  matches: PhraseMatch<Signal>[],
  text: string | undefined,
): PhraseMatch<Signal>[] {
  for (const m of matches) {
    if (
      (m.phrase === 'a number' || m.phrase === 'a #') &&
      (text === undefined || !A_NUMBER_WRITTEN.test(text))
    ) {
      return matches.filter((x) => x !== m);
    }
  }
  return matches;
}

function withoutGermanEin(matches: PhraseMatch<Signal>[], text: string): PhraseMatch<Signal>[] {
  for (const m of matches) {
    if (m.phrase === 'ein' && !EIN_WRITTEN.test(text)) return matches.filter((x) => x !== m);
  }
  return matches;
}

// "CID" is a card's security code (Amex) and, in Portuguese, the ICD: beside a health word ("CID
// (se constar no pedido médico)") it is the diagnosis's code.
function withDiagnosisCid(matches: PhraseMatch<Signal>[]): PhraseMatch<Signal>[] {
  const cid = matches.find((m) => m.phrase === 'cid');
  if (!cid || !matches.some((m) => SIGNALS[m.value].category === 'health')) return matches;
  return matches.map((m) => (m === cid ? { ...m, value: 'medical-code' } : m));
}

// After a code-making device (a token, an MFA key), what identifies the device: "mfa_serial".
const DEVICE_IDENTIFIER_QUALIFIERS = new Set(['serial', 'model', 'vendor'].map((w) => stemWord(w)));

function identifierMatches(identifier: string): PhraseMatch<Signal>[] {
  const words = identifierWords(identifier);
  const matches = withoutPlainANumber(withStandalone(lexicon().findAll(words), words), undefined);
  let lastPositive = -1;
  let lastCategory: Category | null = null;
  for (const m of matches) {
    // An expiry is itself what may be qualified (passportExpiry), not the thing.
    const category = SIGNALS[m.value].category;
    if (category !== null && !EXPIRY_SIGNALS.has(m.value) && m.end > lastPositive) {
      lastPositive = m.end;
      lastCategory = category;
    }
  }
  if (lastPositive < 0) return matches;
  for (let i = lastPositive; i < words.length; i++) {
    const word = words[i] as string;
    // Health words speak for themselves, as in labels ("disabilityStatus", "diagnosisDate",
    // "bloodType"), except before an expiry: a prescription's expiry is the document's.
    const qualifies =
      lastCategory === 'health'
        ? HEALTH_IDENTIFIER_QUALIFIERS.has(word)
        : IDENTIFIER_QUALIFIERS.has(word) ||
          (lastCategory === 'credential' && DEVICE_IDENTIFIER_QUALIFIERS.has(word));
    if (qualifies) return matches.filter((m) => SIGNALS[m.value].category === null);
  }
  return matches;
}

const AUTOCOMPLETE: Readonly<Record<string, readonly [Category, string]>> = {
  'cc-number': ['financial', 'a payment card number'],
  'cc-csc': ['financial', 'a card security code'],
  'cc-exp': ['financial', 'a card expiry date'],
  'cc-exp-month': ['financial', 'a card expiry date'],
  'cc-exp-year': ['financial', 'a card expiry date'],
  'current-password': ['credential', 'a password'],
  'new-password': ['credential', 'a password'],
  'one-time-code': ['credential', 'a one-time code'],
};

// "XXX-XX-XXXX", "###-##-####", "123-45-6789": the layout of an SSN; "___-__-____" as input masks
// draw it (underscores only with their dashes: nine of them are a blank line).
const SSN_PLACEHOLDER =
  /^\s*(?:(?:[x#*•0-9]{3})[- ]?(?:[x#*•0-9]{2})[- ]?(?:[x#*•0-9]{4})|_{3}-_{2}-_{4})\s*$/i;
const SSN_PATTERN =
  /\\d\{3\}.{0,8}\\d\{2\}.{0,8}\\d\{4\}|\[0-9\]\{3\}.{0,10}\[0-9\]\{2\}.{0,10}\[0-9\]\{4\}/;
const CARD_EXPIRY_LAYOUT = /(?:^|\()\s*MM\s*\/\s*(?:YY|AA)(?:YY|AA)?\s*(?:\)|$)/i;
// "From (MM/YYYY)" in an address or job history: one end of a period, not a card's expiry.
const PERIOD_WORDS =
  /\b(?:from|since|until|start|started|end|ended|began|moved|hired|graduated|graduation|issued|employed)\b/i;
const CARD_WORDS = /\b(?:card|valid|exp|expir\w*|expiry)\b/i;

function namesAPeriod(label: string): boolean {
  return PERIOD_WORDS.test(label) && !CARD_WORDS.test(label);
}
const CARD_PLACEHOLDER =
  /^\s*(?:(?:[x#*•0-9]{4}[- ]?){3}[x#*•0-9]{3,4}|(?:_{4}[- ]){3}_{3,4})\s*$/i;

const FREE_TEXT_KINDS = new Set(['textarea', 'editable']);

/** A box for prose, whatever its label says: a textarea or a contenteditable region. */
export function isProseBox(field: FieldDescriptor): boolean {
  return FREE_TEXT_KINDS.has(field.kind);
}

const DATE_TYPES = new Set(['date', 'month', 'week', 'time', 'datetime-local']);

function quote(text: string): string {
  return `"${clip(text)}"`;
}

/** How one field reads signals whose meaning depends on the field. */
interface Reading {
  /** A topic word ("medical") counts: the field is a place to write or an answer to pick. */
  readonly topicCounts: boolean;
  /** What "PAN" means here. */
  readonly pan: Category;
}

const PLAIN_READING: Reading = { topicCounts: true, pan: 'financial' };
const SHORT_BOX_READING: Reading = { topicCounts: false, pan: 'financial' };

/** The shared reading where there is one: no allocation per field on the common path. */
function readingOf(topicCounts: boolean, pan: Category): Reading {
  if (pan === 'financial') return topicCounts ? PLAIN_READING : SHORT_BOX_READING;
  return { topicCounts, pan };
}

/** Where a field's own words were read; each wording of a reason belongs to one. */
type WordSource = 'label' | 'placeholder' | 'description' | 'name' | 'nearby';

function reasonFor(source: WordSource, field: FieldDescriptor, signal: Signal): string {
  switch (source) {
    case 'label':
      return `label says ${quote(field.label)}`;
    case 'placeholder':
      return `placeholder says ${quote(field.placeholder)}`;
    case 'description':
      return `hint says ${quote(field.description)}`;
    case 'name':
      return `field name ${quote(field.name || field.id)} mentions ${SIGNALS[signal].noun}`;
    case 'nearby':
      return `text next to it says ${quote(field.nearby)}`;
  }
}

/**
 * Which categories a field can hold, by its kind. Shared functions rather than a closure per
 * field: the classifier runs once per field on pages of thousands, mostly before its code is
 * optimised, so what it allocates is what the page waits for.
 */
type Admits = (category: Category) => boolean;
const ADMITS_ANY: Admits = () => true;
// A choice among options holds no typed ID or secret; what it says about health it holds.
const ADMITS_HEALTH: Admits = (category) => category === 'health';
// A date or a menu entry: a card's expiry month, or something about someone's health.
const ADMITS_HEALTH_OR_FINANCIAL: Admits = (category) =>
  category === 'health' || category === 'financial';

// "Character 2", "3rd character": a menu that picks one character of a secret, as UK banks ask
// for characters of the memorable information. What it holds is part of that secret.
const CHARACTER_PICKER =
  /(?:^|[^\p{L}])(?:(?:character|letter|digit)\s*#?\d{1,2}|\d{1,2}(?:st|nd|rd|th)\s+(?:character|letter|digit))(?![\p{L}])/iu;

function picksACharacter(name: string): boolean {
  return name.length < 60 && CHARACTER_PICKER.test(name);
}

/** A positive signal's category: "PAN" is a card's or India's tax ID as the box is shaped. */
function categoryOf(signal: Signal, pan: Category): Category {
  return signal === 'pan' ? pan : (SIGNALS[signal].category as Category);
}

// A card's security code has 3 or 4 digits; a "Security code" box made for 5 to 8 holds the
// one-time code a bank texted ("We texted it to the number ending in 88").
const CARD_CODE_MAX = 4;
const ONE_TIME_CODE_MAX = 8;

function holdsMoreThanACardCode(field: FieldDescriptor): boolean {
  if (field.maxLength <= CARD_CODE_MAX || field.maxLength > ONE_TIME_CODE_MAX) return false;
  if (field.maxLength > CARD_CODE_MAX + 1) return true;
  // Five characters: a card's code on some checkouts (QVC's, after the card's expiry), a texted
  // code on others. The box before tells them apart (a DOM walk, only for such a box).
  const before = SourceSignals.of(field.questionBefore);
  return !(before.has('expiry') || before.has('card-number') || before.has('pan'));
}

// A PIN has 4 to 8 digits; Poland's NIP (tax number) has 10 and Kenya's KRA PIN 11 characters,
// where Mexico's NIP is a card's or a credit bureau's secret code.
const TAX_NUMBER_MIN = 10;

function holdsATaxNumber(field: FieldDescriptor): boolean {
  return field.maxLength >= TAX_NUMBER_MIN && field.kind !== 'password';
}

/** Adds what the signals in one of the field's own texts point at. */
function addPositives(
  out: Evidence[],
  signals: SourceSignals,
  factor: number,
  field: FieldDescriptor,
  source: WordSource,
  reading: Reading,
  admits: Admits,
): void {
  for (const signal of signals.positives) {
    if (!reading.topicCounts && signal === 'health-topic') continue;
    if (tickNamesOnlyANumber(field, signal)) continue;
    const info = SIGNALS[signal];
    const category =
      signal === 'card-security-code' && holdsMoreThanACardCode(field)
        ? 'credential'
        : signal === 'pin' && holdsATaxNumber(field)
          ? 'national-id'
          : categoryOf(signal, reading.pan);
    if (!admits(category)) continue;
    out.push({
      category,
      score: info.weight * factor,
      reason: reasonFor(source, field, signal),
      source,
    });
  }
}

// India's Permanent Account Number: five letters, four digits, a letter ("ABCDE1234F").
const INDIAN_PAN_LAYOUT = /^[A-Z]{5}[0-9]{4}[A-Z]$/;
// A card number has 12 to 19 digits; India's PAN has 10 characters.
const INDIAN_PAN_LENGTH = 10;

/** "PAN" is a card's primary account number unless the box is shaped for India's tax ID. */
function panMeaning(field: FieldDescriptor): Category {
  return field.maxLength === INDIAN_PAN_LENGTH || INDIAN_PAN_LAYOUT.test(field.placeholder.trim())
    ? 'national-id'
    : 'financial';
}

function addFormatEvidence(found: Evidence[], field: FieldDescriptor): void {
  // Layout hints live in placeholders, patterns and "MM/YY" labels; most fields have none.
  if (field.placeholder === '' && field.pattern === '' && !field.label.includes('/')) return;
  if (SSN_PLACEHOLDER.test(field.placeholder) && /[x#*•]/i.test(field.placeholder)) {
    found.push({
      category: 'national-id',
      score: 0.8,
      reason: `placeholder ${quote(field.placeholder)} has the layout of an SSN`,
      source: 'format',
    });
  } else if (SSN_PLACEHOLDER.test(field.placeholder) && /-/.test(field.placeholder)) {
    found.push({
      category: 'national-id',
      score: 0.75,
      reason: `placeholder ${quote(field.placeholder)} is an example SSN`,
      source: 'format',
    });
  }
  if (SSN_PATTERN.test(field.pattern)) {
    found.push({
      category: 'national-id',
      score: 0.8,
      reason: 'its input pattern has the layout of an SSN',
      source: 'format',
    });
  }
  for (const text of [field.placeholder, field.label]) {
    if (CARD_EXPIRY_LAYOUT.test(text) && !namesAPeriod(field.label)) {
      found.push({
        category: 'financial',
        score: 0.75,
        reason: `${text === field.label ? 'label' : 'placeholder'} ${quote(text)} has the layout of a card expiry date`,
        source: 'format',
      });
      break;
    }
  }
  if (CARD_PLACEHOLDER.test(field.placeholder)) {
    found.push({
      category: 'financial',
      score: 0.75,
      reason: `placeholder ${quote(field.placeholder)} has the layout of a card number`,
      source: 'format',
    });
  }
  const example = exampleInPlaceholder(field.placeholder);
  if (example) {
    found.push({
      category: example[0],
      score: 0.75,
      reason: `placeholder ${quote(field.placeholder)} is an example of ${example[1]}`,
      source: 'format',
    });
  }
}

/** A placeholder that is itself an example of a sensitive value: an IBAN, an MBI, a secret. */
function exampleInPlaceholder(placeholder: string): readonly [Category, string] | null {
  if (placeholder.length < 8 || placeholder.length > 80) return null;
  if (startsLikeASecret(placeholder)) return ['credential', 'a secret'];
  if (isIban(placeholder)) return ['financial', 'an IBAN'];
  if (isMedicareMbi(placeholder)) return ['health', 'a Medicare number'];
  return null;
}

function addAutocompleteEvidence(found: Evidence[], field: FieldDescriptor): void {
  if (field.autocomplete === '') return;
  const token = field.autocomplete.trim().toLowerCase().split(/\s+/).pop() ?? '';
  const known = AUTOCOMPLETE[token];
  if (known) {
    found.push({
      category: known[0],
      score: 0.95,
      reason: `autocomplete says ${known[1]} (${token})`,
      source: 'autocomplete',
    });
  }
}

function valueEvidence(
  findings: readonly ValueFinding[],
  context: ReadonlySet<Signal>,
  healthPage: boolean,
): Evidence[] {
  const found: Evidence[] = [];
  for (const f of findings) {
    if (f.needs.length === 0) {
      found.push({ category: f.category, score: 0.9, reason: f.rule, source: 'value' });
      continue;
    }
    const hit = f.needs.find((s) => context.has(s) || f.nearbySignals.includes(s));
    if (hit) {
      found.push({
        category: f.category,
        score: 0.9,
        reason: `${f.rule}, next to words about ${SIGNALS[hit].noun}`,
        source: 'value',
      });
    } else if (healthPage && f.category === 'health') {
      found.push({
        category: f.category,
        score: 0.75,
        reason: `${f.rule} on a health page`,
        source: 'value',
      });
    }
  }
  return found;
}

const HEALTH_SIGNALS: ReadonlySet<Signal> = new Set<Signal>([
  'care-setting',
  'health-record',
  'health-condition',
  'medication',
  'medicine-name',
  'insurance-id',
  'provider-id',
  'medicare-id',
  'medical-code',
]);

function hasHealthSignal(signals: SourceSignals): boolean {
  for (const s of signals.all) if (HEALTH_SIGNALS.has(s)) return true;
  return false;
}

// A pet's diagnosis is not a person's health data ("Submit a claim for Biscuit | Pawsure Pet
// Insurance"). Not "vet" (a veteran, as in the VA's Vet Centers), nor a PET or CAT scan.
const ANIMAL_WORDS = new Set([
  ...['pet', 'veterinary', 'veterinarian', 'dog', 'cat', 'puppy', 'kitten', 'canine', 'feline'],
  ...['mascota', 'veterinario', 'veterinaria', 'perro', 'gato'],
]);
const SCAN_WORDS = new Set(['scan', 'ct', 'imaging']);
// "Riverside Animal Hospital": an animal's place of care. Not "animal" alone, which also heads a
// person's "Animal bite report".
const ANIMAL_CARE_WORDS = new Set(['hospital', 'clinic', 'care', 'health', 'medical', 'center']);

/**
 * A test of the page's heading. Every field of a page asks with the same heading, so the answer
 * is kept for the last one asked about.
 */
function headingTest(
  test: (words: readonly string[]) => boolean,
  split: (heading: string) => readonly string[] = wordsOf,
): (heading: string) => boolean {
  let last: string | null = null;
  let answer = false;
  return (heading) => {
    if (heading !== last) {
      last = heading;
      answer = test(split(heading));
    }
    return answer;
  };
}

// Brands write their words together: "PetPal", "PetSmart" (a PET scan is still a scan).
const camelWordsOf = (heading: string): readonly string[] =>
  wordsOf(heading.replace(/(\p{Ll})(\p{Lu})/gu, '$1 $2'));

const aboutAnAnimal = headingTest(
  (words) =>
    words.some((w, i) =>
      w === 'animal'
        ? ANIMAL_CARE_WORDS.has(words[i + 1] ?? '')
        : ANIMAL_WORDS.has(w) && !SCAN_WORDS.has(words[i + 1] ?? ''),
    ),
  camelWordsOf,
);

// A thing's page: a computer's symptoms, diagnostics and battery health ("Report a problem with my
// laptop | IT Service Portal"), a plant's ("Ask the Plant Doctor | Greenleaf Garden Center") or a
// recipe's allergens are not a person's health; nor is a garage's diagnosis of a car ("New repair
// order – Torque Garage"). Not "device" (a medical device), a car alone (an auto claim asks about
// the driver's injuries), a bare "repair" (a hernia repair) or a plant (a factory's injury
// report). A pharmacy's stock ("Receive wholesaler order", a purchase order's lines of NDCs and
// medicines) is not a patient's either; a bare "inventory" may be one (the Beck Depression
// Inventory). What a person types there is still read (see valueEvidenceFor).
const THING_WORDS = new Set([
  ...['laptop', 'computer', 'desktop', 'printer', 'helpdesk'],
  ...['garden', 'gardening', 'horticulture', 'recipe'],
  ...['garage', 'mechanic', 'dealership'],
  ...['wholesaler', 'wholesale', 'restock', 'replenishment'],
  // A hospital's equipment: its facilities team calibrates a monitor (held-out batch 123).
  ...['calibration', 'facilities'],
]);
const SUPPORT_WORDS = new Set(['service', 'support', 'helpdesk', 'help', 'ticket']);
const REPAIR_PAPERS = new Set(['order', 'orders', 'shop', 'estimate']);
const MAINTENANCE_PAPERS = new Set(['log', 'request', 'ticket', 'record'].map(stemWord));
const TECH_TROUBLE = new Set(['problem', 'issue', 'support', 'difficulty'].map(stemWord));
const ROTA_WORDS = new Set(
  ['scheduling', 'schedule', 'roster', 'rota', 'planner', 'directory'].map(stemWord),
);

const aboutAThing = headingTest((words) =>
  words.some(
    (w, i) =>
      THING_WORDS.has(w) ||
      ((w === 'it' || w === 'tech') && SUPPORT_WORDS.has(words[i + 1] ?? '')) ||
      (w === 'repair' && REPAIR_PAPERS.has(words[i + 1] ?? '')) ||
      (w === 'purchase' && words[i + 1] === 'order') ||
      // "Preventive maintenance log": not the EHR's "Health maintenance" of screenings due.
      (w === 'maintenance' && MAINTENANCE_PAPERS.has(words[i + 1] ?? '')) ||
      // An app's technical support ("Report a technical problem", a bug report): a telehealth
      // app's frozen video is not a patient's health.
      (w === 'technical' && TECH_TROUBLE.has(words[i + 1] ?? '')) ||
      (w === 'bug' && words[i + 1] === 'report') ||
      // A clinic's staff rota ("Staff scheduling – Cardiology Clinic – Shift Planner").
      ((w === 'staff' || w === 'shift') && ROTA_WORDS.has(words[i + 1] ?? '')),
  ),
);

// A course's evaluation ("End-of-term course evaluation – NURS 320 Pathophysiology"): its questions
// name the diseases it taught ("Which unit was most useful (e.g. diabetes, heart failure)?"), not the
// student's, unless they ask the student ("Do you need an accommodation for a disability?").
// Held-out batch 131.
const TEACHING_WORDS = new Set(
  ['course', 'module', 'class', 'instructor', 'teaching', 'lecture'].map(stemWord),
);
const TEACHING_PAPERS = new Set(
  ['evaluation', 'feedback', 'survey', 'review', 'quiz'].map(stemWord),
);
const aboutACourse = headingTest((words) =>
  words.some((w, i) => TEACHING_WORDS.has(w) && TEACHING_PAPERS.has(words[i + 1] ?? '')),
);
const ADDRESSES_THE_READER = /(?:^|[^\p{L}])(?:you|your|yours|yourself)(?![\p{L}])/iu;

// A member's number where the membership is not a health plan's: a coffee shop's rewards, a gym,
// a library, an airline's miles, a child-support payment coupon, a credit union (held-out pages
// read its member number as none). Held-out misses left from earlier sessions.
const OTHER_MEMBERSHIP_WORDS = new Set(
  [
    ...['rewards', 'reward', 'loyalty', 'points', 'club', 'gym', 'fitness', 'library'],
    ...['frequent', 'flyer', 'mileage', 'alumni', 'coupon', 'museum', 'warehouse'],
  ].map(stemWord),
);
const aboutAnotherMembership = headingTest((words) =>
  words.some(
    (w, i) =>
      OTHER_MEMBERSHIP_WORDS.has(w) ||
      (w === 'child' && words[i + 1] === 'support') ||
      (w === 'credit' && words[i + 1] === 'union'),
  ),
);

// "Health plan member ID", "Dental member number": the lexicon reads a plan's name as benign.
const NAMES_A_HEALTH_PLAN =
  /health|medic|dental|vision|insur|pharma|salud|sant[eé]|gesundheit|kranken|sa[uú]de/i;
const MEMBERSHIP_ONLY_SIGNALS: ReadonlySet<Signal> = new Set<Signal>([
  'insurance-id',
  'generic',
  'negative',
  'benign',
]);

/** Whether a box is named only as a member's number ("Member ID", "Member number"). */
function namesOnlyAMembership(field: FieldDescriptor, ownText: SourceSignals): boolean {
  const own = ownName(field);
  if (!MEMBERS_NUMBER.test(own) || NAMES_A_HEALTH_PLAN.test(own)) return false;
  // Nothing else named: "Health plan member ID" says whose.
  for (const s of ownText.all) if (!MEMBERSHIP_ONLY_SIGNALS.has(s)) return false;
  return true;
}

// A course or an event about health ("Register: Managing Type 2 Diabetes in Primary Care (1.0 CME
// credit)"): its page teaches clinicians, and what a registrant writes there is not about their own
// health. (A field's own health words still speak: a conference's "Food allergies".)
const EVENT_WORDS = new Set([
  ...['webinar', 'cme', 'ceu', 'conference', 'symposium', 'seminar', 'workshop', 'congress'],
  ...['congreso', 'seminario', 'taller', 'kongress', 'colloque'],
]);
const aboutAnEvent = headingTest((words) => words.some((w) => EVENT_WORDS.has(w)));

// The books: a journal entry, a chart of accounts or a general ledger numbers its accounts ("6100 –
// Office supplies"); an "Account number" there is a ledger code, not a bank's. Its bank accounts
// still say so ("Bank account number" under "For Bank accounts only"), as do its cards.
const aboutTheBooks = headingTest((words) =>
  words.some((w, i) => {
    const next = words[i + 1] ?? '';
    return (
      (w === 'journal' && next === 'entry') ||
      (w === 'general' && next === 'ledger') ||
      (w === 'trial' && next === 'balance') ||
      (w === 'chart' && next === 'of' && words[i + 2] === 'account')
    );
  }),
);
const BANK_WORDS =
  /(?:^|[^\p{L}])(?:bank|banking|checking|savings|routing|iban|deposit)(?![\p{L}])/iu;
const CARD_SIGNALS: readonly Signal[] = ['card-number', 'pan', 'card-security-code', 'card-expiry'];

/** Whether a field on a bookkeeping page names a ledger account rather than a bank's or a card. */
function namesALedgerAccount(
  field: FieldDescriptor,
  ...sources: readonly SourceSignals[]
): boolean {
  if (BANK_WORDS.test(ownName(field)) || BANK_WORDS.test(field.section)) return false;
  return !sources.some((s) => CARD_SIGNALS.some((c) => s.has(c)));
}

// "Dog's weight", "Your pet's medications", "Peso de tu mascota", "Síntomas de la mascota": the
// field is about an animal, whatever page it is on (an airline's service-dog section on a page of
// a person's needs). Not "Allergic to cats?", which is the person's.
// "Notes for the vet": a veterinarian (a veteran is "a vet"; the VA's counselling is at "the Vet
// Center").
// "Pets (type, breed, weight)" on a rental application: a plural "pets" and a breed are animals'.
const ANIMALS_OWN =
  /(?:^|[^\p{L}])(?:pets|breed|(?:pet|dog|cat|puppy|kitten|horse|animal)['’]s|(?:for|of) (?:your|the|my|this) (?:pet|dog|cat|puppy|kitten|horse|animal)|de (?:tu|su|la|mi) (?:mascota|perra?|gata?)|del (?:perro|gato|animal)|(?:the|your) vet(?!\s+cent(?:er|re)))(?![\p{L}])/iu;

/** Whether a field's own words, or its nearest heading, say it holds an animal's data. */
function ownedByAnAnimal(field: FieldDescriptor): boolean {
  const own = ownName(field);
  return ANIMALS_OWN.test(own) || ANIMALS_OWN.test(nearestPart(field.section));
}

// "Diagnóstico del vehículo", "Car's symptoms", "Symptoms on leaves", "Tratamiento de
// superficie": a machine's, a plant's or a surface's condition, named in the field's own words
// on a page that is not a garage's or a gardener's (aboutAThing reads those from the heading).
// Not "de la planta": a factory's too ("Alergias (para el botiquín de la planta)").
const THINGS_OWN =
  /(?:^|[^\p{L}])(?:(?:vehicle|car|bike|bicycle|boat|engine|printer|laptop|computer|device|phone|appliance|machine)['’]s|(?:del|de la) (?:veh[ií]culo|coche|auto|autom[oó]vil|carro|moto|motor|m[aá]quina|impresora|computadora|ordenador|port[aá]til)|de superficie|on (?:the )?leaves|of the (?:vehicle|car|engine|machine))(?![\p{L}])/iu;

function ownedByAThing(field: FieldDescriptor): boolean {
  return THINGS_OWN.test(ownName(field));
}

// "Anyone in the home with a health condition staff should know about (e.g. asthma)?" on a
// building's maintenance request, "Does anyone on your team need accessible equipment?" on an IT
// ticket: a thing's page asking about the people around it (held-out batch 129).
const PEOPLE_ASKED_ABOUT =
  /(?:^|[^\p{L}])(?:any ?one|any ?body|some ?one|some ?body|residents?|occupants?|household members?|family members?|persons? living)(?![\p{L}])/iu;

function asksAboutPeople(field: FieldDescriptor): boolean {
  return PEOPLE_ASKED_ABOUT.test(ownName(field));
}

// "Topics you'd like to read about: ☐ Diabetes ☐ Heart health": a newsletter's subjects, not the
// reader's conditions (a doctor's "Topics to discuss at your visit" still is).
const WHAT_TO_READ =
  /(?:^|[^\p{L}])(?:read about|newsletters?|articles? (?:about|on)|news (?:about|on)|email updates|subscri\p{L}*|bolet[ií]n(?:es)?|suscri\p{L}*)(?![\p{L}])/iu;

function picksWhatToRead(field: FieldDescriptor): boolean {
  return field.kind === 'choice' && WHAT_TO_READ.test(nearestPart(field.section));
}

// How to be contacted, reminded or billed: a yes or no to such a question says nothing about
// health, wherever it is asked ("Would you like text message reminders?", "Go paperless?").
const ADMIN_WORDS = new Set(
  [
    ...['email', 'mail', 'text', 'sms', 'phone', 'call', 'contact', 'reminder', 'notification'],
    ...['voicemail', 'message', 'voice'],
    ...['paperless', 'statement', 'newsletter', 'receipt', 'marketing', 'subscribe', 'holder'],
    ...['interpreter', 'translator', 'interprete'],
    ...['correo', 'mensaje', 'recordatorio', 'llamada', 'telefono', 'notificacion', 'factura'],
  ].map(stemWord),
);

// Only a list's mark: "3.", "A.", "(b)" before a box in a numbered or lettered list.
const ONLY_A_MARK = /^[^\p{L}]*(?:\p{L}(?!\p{L})[^\p{L}]*)?$/u;
const PRIVATE_KEY_HEADER = /-----BEGIN [A-Z0-9 ]*PRIVATE KEY-----/;

// How a person wants a service delivered: "How would you like to get them?", "How did you hear
// about us?", "Where should we send your matches?", "Who may pick up your child?"; how they found
// the service in Spanish, Portuguese and French ("¿Cómo nos conoció?", "Como conheceu a clínica?").
const LOGISTICS_QUESTION =
  /^(?:\d+[.)]\s*)?(?:how (?:would|do) you (?:like|want|prefer)|how should we|how did you (?:hear|find)|when would you like|where should we|who (?:may|can|will|should|else may|else can) (?:pick|collect|contact|call|sign)|(?:¿\s*)?c[oó]mo (?:nos )?(?:conheceu|conoci[oó]|se enter[oó])|comment avez-vous (?:connu|entendu))(?![\p{L}])/iu;

/**
 * A question about contact, reminders, paperwork or how a service is delivered, or about
 * something the lexicon knows as ordinary ("Are you a health professional?", "Do you have health
 * insurance coverage?"), that names nothing about health.
 */
function asksAboutAdmin(question: string): boolean {
  if (!isQuestion(question)) return false;
  const signals = SourceSignals.of(question);
  if (speaksOfHealth(signals)) return false;
  return (
    (signals.has('benign') && signals.positives.length === 0) ||
    LOGISTICS_QUESTION.test(question) ||
    wordsOf(question).some((word) => ADMIN_WORDS.has(word))
  );
}

/** How many of a menu's choices ("A · B · C", as descriptors list them) pass `test`, of how many. */
function countChoices(options: string, test: (choice: string) => boolean): [number, number] {
  if (options === '') return [0, 0];
  const choices = options.split(' · ');
  let passed = 0;
  for (const choice of choices) if (test(choice)) passed++;
  return [passed, choices.length];
}

const MONTH_OF_YEAR = /^\s*(?:0?[1-9]|1[0-2])\s*[/-]\s*(?:\d{2}|\d{4})\s*$/;

/** Whether a menu's choices are month/year pairs ("03/2017", "12/27"), most of them. */
function offersMonthsOfYears(options: string): boolean {
  const [pairs, total] = countChoices(options, (choice) => MONTH_OF_YEAR.test(choice));
  return pairs >= 2 && pairs * 4 >= total * 3;
}

const A_YEAR = /^\s*(?:19|20)\d{2}\s*$/;

/** Whether most of a menu's choices, and at least two, hold a number ("5 ft", "160 cm"). */
function offersNumbers(options: string): boolean {
  return mostChoices(options, (choice) => /\d/.test(choice));
}

/** Whether a menu offers years and nothing else but a prompt ("Year · 2017 · 2018 · …"). */
function offersOnlyYears(options: string): boolean {
  const [years, total] = countChoices(options, (choice) => A_YEAR.test(choice));
  return years >= 2 && years >= total - 1;
}

/**
 * Whether more than half of a menu's choices, and at least two, name health conditions: "Anxiety ·
 * Depression · Insomnia", not a leave menu's one "Medical leave" among "Vacation" and "Jury duty",
 * nor "Illness or injury" and "Pregnancy" among four reasons for leaving a job, nor a hospital's
 * departments (places of care).
 */
function offersHealth(options: string): boolean {
  return mostChoices(options, (choice) => namesHealthItself(SourceSignals.of(choice)));
}

/** Whether more than half of a menu's choices, and at least two, pass `test`. */
function mostChoices(options: string, test: (choice: string) => boolean): boolean {
  const [passed, total] = countChoices(options, test);
  return passed >= 2 && passed * 2 > total;
}

/**
 * Whether more than half of a menu's choices, and at least two, are specialties, places or kinds
 * of care ("General consultation · Vaccination · Body check · Women's health").
 */
function offersCare(options: string): boolean {
  return mostChoices(options, (choice) => {
    const signals = SourceSignals.of(choice);
    return signals.has('care-setting') || namesHealthItself(signals);
  });
}

// A page's title that books a visit or claims one back, in the lexicon's languages.
const CARE_REQUEST_WORDS: ReadonlySet<string> = new Set(
  [
    'appointment',
    'book',
    'booking',
    'schedule',
    'cita',
    'turno',
    'agendamento',
    'agendar',
    'consulta',
    'randevu',
    'termin',
    'terminvereinbarung',
    'afspraak',
    'rendez',
    'prenotazione',
    'prenota',
    'idopont',
    'idopontfoglalas',
    'objednani',
    'rezerwacja',
    'ραντεβου',
    'نوبت',
    'записаться',
    // A claim for care received (held-out batch 118: "Solicitud de reintegro de prestaciones").
    'claim',
    'reimbursement',
    'reintegro',
    'reembolso',
    'erstattung',
    'remboursement',
    'rimborso',
    'declaratie',
  ].flatMap((word) => wordsOf(word)),
);

/**
 * Whether a page's title or main heading books a visit ("Online Randevu Al") or claims the cost
 * of one back ("Solicitud de reintegro").
 */
const asksForCare = headingTest((words) => words.some((word) => CARE_REQUEST_WORDS.has(word)));

// Kinds of identifier: a menu of them ("CPT · HCPCS", "Member ID · Medicare number") asks which
// code or number follows, which says nothing about a person's health.
const IDENTIFIER_KINDS: ReadonlySet<Signal> = new Set<Signal>([
  'insurance-id',
  'provider-id',
  'medicare-id',
  'medical-code',
]);

/**
 * A radio button or a checkbox holds no health plan's or provider's number, whatever its label
 * or the question above it names: "Do you have other health insurance, including Medicare? ○ Yes
 * ○ No" says only whether one has cover (held-out batch 160), which held-out pages annotate none.
 */
function tickNamesOnlyANumber(field: FieldDescriptor, signal: Signal): boolean {
  return field.kind === 'choice' && IDENTIFIER_KINDS.has(signal);
}

/** A choice that names a condition, a medicine, a measure: not a place of care or an ID's kind. */
function namesHealthItself(signals: SourceSignals): boolean {
  for (const s of signals.all) {
    if (s !== 'care-setting' && !IDENTIFIER_KINDS.has(s) && HEALTH_SIGNALS.has(s)) return true;
  }
  return false;
}

/** Whether a text names something about health itself, not only a place of care. */
function speaksOfHealth(signals: SourceSignals): boolean {
  for (const s of signals.all) if (s !== 'care-setting' && HEALTH_SIGNALS.has(s)) return true;
  return false;
}

/** A page whose title or main heading is about health: "Visit Note — Chart", "Patient portal". */
export function isHealthPage(page: PageContext): boolean {
  return (
    page.heading !== '' &&
    hasHealthSignal(SourceSignals.of(page.heading)) &&
    !aboutAnEvent(page.heading)
  );
}

/** A section about health: "Vitals", "Medications", or just "Your health". */
function isHealthSection(signals: SourceSignals): boolean {
  return signals.has('health-topic') || hasHealthSignal(signals);
}

// A label ending in one of these asks what to call a thing ("Custom header name", "Secret
// name"): its placeholder is an example name ("X-Acme-Token"), not what the box holds.
const NAME_WORDS: ReadonlySet<string> = new Set(
  ['name', 'nickname', 'label', 'title', 'nombre', 'nom', 'bezeichnung'].flatMap((w) => wordsOf(w)),
);

function lastWordOf(text: string): string {
  const words = wordsOf(text);
  return words[words.length - 1] ?? '';
}

/** Picks the category with the strongest evidence; agreement between sources adds a little. */
export function decide(evidence: readonly Evidence[]): Verdict {
  if (evidence.length === 0) return NO_VERDICT;
  let bestCategory: Category | null = null;
  let bestConfidence = 0;
  for (const category of CATEGORIES) {
    let top = 0;
    let sources = '';
    let strong = 0;
    let seen = false;
    for (const e of evidence) {
      if (e.category !== category) continue;
      seen = true;
      if (e.score > top) top = e.score;
      // Agreement counts only between sources that are sure enough on their own: two weak
      // hints ("expiration" in a label and in a name) do not make a flag.
      if (e.score >= FLAG_THRESHOLD && !sources.includes(`|${e.source}|`)) {
        sources += `|${e.source}|`;
        strong++;
      }
    }
    if (!seen) continue;
    const distinct = Math.max(1, strong);
    const confidence = Math.min(0.99, top + 0.05 * (distinct - 1));
    if (confidence > bestConfidence) {
      bestConfidence = confidence;
      bestCategory = category;
    }
  }
  if (bestCategory === null || bestConfidence < FLAG_THRESHOLD) return NO_VERDICT;
  // The strongest first (a stable sort keeps ties in the order found), each said once.
  const chosen: Evidence[] = [];
  for (const e of evidence) if (e.category === bestCategory) chosen.push(e);
  if (chosen.length > 1) chosen.sort((a, b) => b.score - a.score);
  const reasons: string[] = [];
  for (const e of chosen) {
    if (reasons.includes(e.reason)) continue;
    reasons.push(e.reason);
    if (reasons.length === 4) break;
  }
  return {
    category: bestCategory,
    confidence: Math.round(bestConfidence * 100) / 100,
    // A verdict is kept for the field's lifetime: an exact-size copy, not the grown array.
    reasons: reasons.slice(),
  };
}

/**
 * What the classifier knows about a field before reading its value. The
 * content script keeps one per field, so a keystroke only costs the value scan.
 */
export interface FieldAnalysis {
  readonly evidence: readonly Evidence[];
  /** Every signal around the field; only needed when a value is checked. */
  context(): ReadonlySet<Signal>;
  readonly negative: boolean;
  readonly freeText: boolean;
  readonly choiceOnly: boolean;
  readonly healthPage: boolean;
  /** The page is about an animal's care: nothing on it is a person's health data. */
  readonly aboutAnimal: boolean;
  /**
   * A menu whose picked choice may say something about health ("Reason for leave: My own serious
   * health condition"): its value is the choice's text.
   */
  readonly readsPick: boolean;
}

const NO_EVIDENCE: readonly Evidence[] = [];
const NO_SOURCES: readonly SourceSignals[] = [];

// An analysis's yes/no facts, packed into one small integer: one slot per field instead of six
// (5,000 fields on the benchmark page).
const NEGATIVE = 1;
const FREE_TEXT = 2;
const CHOICE_ONLY = 4;
const HEALTH_PAGE = 8;
const ABOUT_ANIMAL = 16;
const READS_PICK = 32;

/**
 * The content script keeps one analysis per field for the page's lifetime, so it holds only
 * shared parts: interned signals, and evidence only where there is some (no closure per field).
 */
class Analysis implements FieldAnalysis {
  constructor(
    readonly evidence: readonly Evidence[],
    private readonly flags: number,
    private readonly sources: readonly SourceSignals[],
  ) {}

  get negative(): boolean {
    return (this.flags & NEGATIVE) !== 0;
  }

  get freeText(): boolean {
    return (this.flags & FREE_TEXT) !== 0;
  }

  get choiceOnly(): boolean {
    return (this.flags & CHOICE_ONLY) !== 0;
  }

  get healthPage(): boolean {
    return (this.flags & HEALTH_PAGE) !== 0;
  }

  get aboutAnimal(): boolean {
    return (this.flags & ABOUT_ANIMAL) !== 0;
  }

  get readsPick(): boolean {
    return (this.flags & READS_PICK) !== 0;
  }

  context(): ReadonlySet<Signal> {
    // Built on each value check that needs it (rare: a value that looks like an ID), not kept.
    const all = new Set<Signal>();
    for (const source of this.sources) for (const signal of source.all) all.add(signal);
    return all;
  }
}

/**
 * Classifies one form control from what it says about itself (label, name,
 * autocomplete, type, format hints), from what surrounds it (nearby text,
 * section, page) and, when given, from its value. The value is only read here
 * and never appears in the verdict.
 */
export function classifyField(
  field: FieldDescriptor,
  page: PageContext = EMPTY_PAGE,
  value?: string,
): Verdict {
  if (field.kind === 'ignored') return NO_VERDICT;
  return verdictWithValue(analyzeField(field, page), value);
}

/** The verdict from an analysis plus a value: what runs on every keystroke. */
export function verdictWithValue(analysis: FieldAnalysis, value: string | undefined): Verdict {
  if (value === undefined || value.trim() === '') return decide(analysis.evidence);
  return decide([...analysis.evidence, ...valueEvidenceFor(analysis, value)]);
}

export function valueEvidenceFor(analysis: FieldAnalysis, value: string): Evidence[] {
  if (analysis.readsPick) return pickEvidence(value);
  const findings = analysis.freeText ? scanFreeText(value) : scanWholeValue(value);
  const usable = analysis.negative ? findings.filter((f) => f.kind === 'secret') : findings;
  if (usable.length === 0) return [];
  const found = valueEvidence(usable, analysis.context(), analysis.healthPage);
  if (analysis.aboutAnimal) return found.filter((e) => e.category !== 'health');
  return analysis.choiceOnly ? found.filter((e) => e.category === 'health') : found;
}

/**
 * A menu's picked choice, changed from the page's default: "My own serious health condition",
 * "Illness or injury", "Pregnancy" say what the person chose. (A menu of mostly health choices is
 * flagged before anything is picked; one where health is a choice among others, when it is picked.)
 */
function pickEvidence(choice: string): Evidence[] {
  const signals = SourceSignals.of(choice);
  if (!namesHealthItself(signals)) return [];
  return [
    {
      category: 'health',
      score: 0.7,
      reason: 'the choice picked names health',
      source: 'options',
    },
  ];
}

// "Key" alone names a key/value row's key, except in a block about a new API key or secret
// (Datadog's "New API Key" dialog: "Name", then "Key"), where it is that key: held-out batch 149.
const BARE_KEY = /^(?:key|clave):?$/iu;

function keyOfNewSecret(field: FieldDescriptor): boolean {
  return (
    BARE_KEY.test(field.label.trim()) &&
    SourceSignals.of(nearestPart(field.section)).has('api-secret')
  );
}

// A question that names its subject only by a pronoun ("How long have you had it?", "When did
// this start?") asks about what the heading above it names ("Tell us about your symptoms"):
// held-out batch 155.
const REFERS_BACK = /(?<![\p{L}\p{N}])(?:it|this|these|them|they|esto|eso)(?![\p{L}\p{N}])/iu;
// Not who it is for ("Who is this for?" over "Myself · My child"): a person, not the thing.
const ASKS_WHO = /^\s*(?:who|whom|whose|for whom|qui[eé]n|para qui[eé]n)(?![\p{L}])/iu;

/** What a question asks about: its own words, or the heading's above it when it says "it". */
function askedOf(question: string, section: string): SourceSignals {
  const own = SourceSignals.of(question);
  if (
    own.positives.length > 0 ||
    !isQuestion(question) ||
    !REFERS_BACK.test(question) ||
    ASKS_WHO.test(question)
  ) {
    return own;
  }
  for (const part of section.split(' · ')) {
    if (part === question) continue;
    const above = SourceSignals.of(part);
    return speaksOfHealth(above) ? above : own;
  }
  return own;
}

// "Other" before a word: the other thing's own name ("Other carrier name"), see freeText.
const OTHER_THING = /^\s*(?:other|otro|otra)\s+\p{L}/iu;

// Spanish names a form of address "tratamiento" ("Tratamiento: Sr. · Sra. · Dr."), the word for
// a treatment too: a menu of titles holds a title (a sweep of Spanish labels, 2026-12-05).
const FORM_OF_ADDRESS_LABEL = /^\s*(?:forma de )?tratamiento(?![\p{L}])/iu;
const TITLES_NAMED = /(?<![\p{L}])(?:sr|sra|srta|dr|dra)\.?(?![\p{L}])/iu;
const TITLE_CHOICE =
  /^\s*(?:sr|sra|srta|sres|dr|dra|d|dña|don|doña|lic|ing|mr|mrs|ms|miss|mx|prof)\.?\s*$/iu;

function picksAFormOfAddress(field: FieldDescriptor): boolean {
  if (!FORM_OF_ADDRESS_LABEL.test(field.label)) return false;
  // Its titles in the label ("Tratamiento (Sr., Sra., Dr.)") or as a menu's choices.
  return (
    TITLES_NAMED.test(field.label) ||
    (field.kind === 'select' && mostChoices(field.options, (c) => TITLE_CHOICE.test(c)))
  );
}

// "Who will drive you home after surgery?", "¿Quién le acompañará a la cita?": a box asking who
// helps on the day holds a person's name, whatever the day is for (held-out batch 168). Not a
// choice or a menu ("Who is this for?" answers with a relation) nor a question about who had a
// condition ("Who in your family has had cancer?").
const WHO_HELPS =
  /^(?:\d+[.)]\s*)?(?:¿\s*)?(?:who (?:will|would|can|may|should|is going to) (?:drive|take|pick|bring|accompany|collect|stay with|care for|look after)|qui[eé]n (?:le |te |lo |la )?(?:llevar[aá]|acompañar[aá]|recoger[aá]|cuidar[aá]))(?![\p{L}])/iu;

function asksWhoHelps(field: FieldDescriptor): boolean {
  return (field.kind === 'text' || field.kind === 'textarea') && WHO_HELPS.test(field.label);
}

// A search box's label that says it searches or filters ("Filter API keys", "Buscar tarjetas"),
// as "Search …" does: held-out batch 149.
const SAYS_SEARCH = /^\s*(?:search|filter|find|look\s*up|buscar|busca|filtrar)\b/iu;

export function analyzeField(field: FieldDescriptor, page: PageContext): FieldAnalysis {
  // "Notes (no medical details)": the aside names what the box must not hold, not what it holds.
  // (Only in a box to write in: "No (Do Not Resuscitate)" is an answer.)
  const healthRuledOut = WRITTEN_KINDS.has(field.kind) && saysNotToWriteHealth(field.label);
  // A form of address, or a helper's name (see WHO_HELPS), whatever words the label uses.
  const label = picksAFormOfAddress(field)
    ? SourceSignals.of('Title')
    : asksWhoHelps(field)
      ? SourceSignals.of('Name')
      : keyOfNewSecret(field)
        ? SourceSignals.of(nearestPart(field.section))
        : SourceSignals.of(healthRuledOut ? withoutNegatedAsides(field.label) : field.label);
  // A label that plainly names something ordinary ("City", "Order number") settles the
  // field: what a person reads beside it outranks its name or its surroundings. A question
  // names no box ("In what city did your parents meet?" under "Security questions").
  // Nor does a follow-up ("If yes, give dates and details"), nor an answer that only mentions
  // an ordinary thing ("My relationship is struggling" among reasons to seek therapy): an answer
  // is settled only when ordinary words make up most of it ("Email address").
  // Nor does a part of a date ("Year" under the legend "Expiration date"): its entry is named
  // above it.
  // "Year", "YY": a part of a date, whose entry is named elsewhere, not an ordinary year. (Its
  // own name is its label when it has one; an unlabelled field is never settled as ordinary.)
  const datePart = namesOnlyADatePart(ownName(field));
  const ordinary =
    label.positives.length === 0
      ? (label.has('benign') || label.has('negative')) &&
        !isQuestion(field.label) &&
        !isFollowUp(field.label) &&
        !datePart &&
        (field.kind !== 'choice' || label.coverage > 0.5)
      : label.asksForSomethingElse;
  const placeholder = SourceSignals.of(field.placeholder);
  // "What's this token for?": the field holds a purpose, whatever the placeholder names.
  // A label asking what to call a thing ("Custom header name") is read only when the placeholder
  // says something: most fields have none, and reading words is not free.
  const placeholderSpeaks =
    !placeholder.asksForSomethingElse &&
    (placeholder.positives.length === 0 || !NAME_WORDS.has(lastWordOf(field.label)));
  const description = ordinary
    ? SourceSignals.NONE
    : SourceSignals.of(withoutDoNotWrite(field.description));
  const identifiers = ordinary
    ? SourceSignals.NONE
    : SourceSignals.ofIdentifiers(field.name, field.id);
  // Text just before a field speaks for it when it has no label or placeholder ("Routing" in a
  // <span>); otherwise it is usually that label again. Read lazily: it is a DOM walk.
  const unlabelled = field.label.trim() === '' && field.placeholder.trim() === '';
  // A "Yes", "No" or "2" among options answers the item written just before it: "a. Seizures
  // (fits): ○ Yes ○ No" in a list under "Have you ever had any of the following?". Not an item
  // about contact or paperwork ("Send me reminders by email: ○ Yes ○ No").
  const answersItemBefore =
    field.kind === 'choice' &&
    !ordinary &&
    field.label !== '' &&
    ((label.coverage >= MOSTLY_NAMED && saysOnlyGenericWords(label)) ||
      ONLY_A_MARK.test(field.label)) &&
    !asksAboutAdmin(field.nearby);
  // A placeholder names the box unless it names nothing, says only generic words ("12 digits"
  // under "Aadhaar number") or is an example value ("name@okbank" under "UPI ID"): then the text
  // beside the box is its name.
  const placeholderNames =
    !placeholder.isEmpty && !saysOnlyGeneric(placeholder) && !isExampleValue(field.placeholder);
  const needsNearby = !ordinary && ((label.isEmpty && !placeholderNames) || answersItemBefore);
  const nearby = needsNearby
    ? SourceSignals.of(
        withoutDoNotWrite(healthRuledOut ? withoutNegatedAsides(field.nearby) : field.nearby),
      )
    : SourceSignals.NONE;
  const section =
    !ordinary && label.positives.length === 0
      ? SourceSignals.of(field.section)
      : SourceSignals.NONE;
  const heading = SourceSignals.of(page.heading);

  // What a person reads as the field's name: its label, else its placeholder, else the text before
  // it. A placeholder that names nothing is an example ("68", "170", "Optional") under a name
  // written beside the box: "<label>Weight (lbs)</label>" without `for`, as many pages write it.
  const ownText = field.label !== '' ? label : placeholderNames ? placeholder : nearby;
  // An example placeholder ("J45.9" under "Diagnóstico CIE-10") names nothing either.
  const saysNothing =
    (unlabelled || (field.label.trim() === '' && !placeholderNames)) && field.nearby.trim() === '';
  const labelKnown = !label.isEmpty || (field.label === '' && !placeholder.isEmpty);
  // No words at all (nothing, or only a list's mark: "3." or "A." in a list of boxes), or words like
  // "Number", "Details" or "Yes" and little else: the field leans on its section. "From account"
  // is not generic; "Account" is.
  // "Character 2" under "Enter characters from your memorable information": part of a secret.
  const picksCharacter = field.kind === 'select' && picksACharacter(ownName(field));
  const labelGeneric =
    saysNothing ||
    picksCharacter ||
    (ownText.coverage >= MOSTLY_NAMED && saysOnlyGenericWords(ownText)) ||
    (field.label !== '' && ownText.isEmpty && ONLY_A_MARK.test(field.label));
  // A checkbox saying "messages are answered in 2 days" is not a place to write a message.
  // "Other (please specify)" is a place to write; "Other carrier name" is a name (held-out batch
  // 157): "other" before an ordinary thing names that thing.
  const freeText =
    isProseBox(field) ||
    (field.kind === 'text' &&
      ownText.has('free-text') &&
      !(OTHER_THING.test(ownName(field)) && ownText.has('benign')));
  const ownPositive = label.positives.length > 0 && !label.asksForSomethingElse;
  // What a person reads beside an unlabelled box outranks an ordinary word in its name: "Guest
  // network key:" in the cell before name="guest_key".
  // (A menu of years named only name="ccYear" may be a card's expiry: read on, below.)
  // A menu asking a question holds no lookalike number, whatever word it asks with ("What are you
  // tracking for?" over "Trying to conceive · Avoiding pregnancy"): held-out batch 155.
  const asksWithAMenu = field.kind === 'select' && isQuestion(field.label);
  const negative =
    !ownPositive &&
    !datePart &&
    ((label.has('negative') && !asksWithAMenu) ||
      (label.isEmpty &&
        (placeholder.has('negative') ||
          (identifiers.has('negative') &&
            nearby.positives.length === 0 &&
            !(field.kind === 'select' && offersOnlyYears(field.options))))) ||
      // The text beside an unlabelled box is read as a label is: what it names outranks an
      // ordinary word in it ("Enter the 6-digit code we sent to your phone").
      (!labelKnown &&
        identifiers.isEmpty &&
        nearby.has('negative') &&
        !(nearby.positives.length > 0 && !nearby.asksForSomethingElse)));
  const healthPage = isHealthPage(page);
  const choiceOnly = field.kind === 'choice';
  // A list of options holds no typed ID or secret; a health choice and a card's expiry month are
  // still what they say ("Encryption key" and "Security question" menus are not).
  const isMenu = field.kind === 'select';
  // A date picker holds a date: a card's expiry or a date about someone's health at most, never
  // an ID number or a secret ("Passport expiry date" on <input type=date>).
  const dateOnly = DATE_TYPES.has(field.type);
  const admits = choiceOnly
    ? ADMITS_HEALTH
    : dateOnly || (isMenu && !picksCharacter)
      ? ADMITS_HEALTH_OR_FINANCIAL
      : ADMITS_ANY;
  // "Health care provider", "Name of the doctor who signed your medical certificate": a topic
  // word describes what a short box holds without being it. A place to write, or an answer to
  // pick, is about the topic.
  const reading = readingOf(
    freeText || choiceOnly,
    label.has('pan') || identifiers.has('pan') ? panMeaning(field) : 'financial',
  );

  // A search box holds a query, whatever the site is about ("Search MyChart"); what is typed
  // into it is still checked. Unless its label names something else and not a search: some
  // checkouts mark their boxes type="search" ("Fecha de Expiración" on a Spanish one).
  // So does a label that says it searches ("Filter API keys"); what is typed is still checked.
  const searchBox =
    field.type === 'search' &&
    (!(ownPositive && !label.has('negative')) || SAYS_SEARCH.test(field.label));

  const evidence: Evidence[] = [];
  let keyed = SourceSignals.NONE;
  // Structural facts hold whatever the words say.
  addAutocompleteEvidence(evidence, field);
  // A masked box for a card's security code hides a card's secret, not a login's: "Security
  // Code" over type="password" on a real-world checkout.
  const cardCode = (): boolean =>
    label.has('card-security-code') ||
    placeholder.has('card-security-code') ||
    nearby.has('card-security-code') ||
    identifiers.has('card-security-code');
  // A masked box that only the words beside it or its name tie to an ID hides that ID, not a
  // login's secret: Korean forms mask the second half of a resident registration number
  // ("주민번호" before two boxes, the second type="password"), US ones a Social Security number.
  const namesOnlyAnId = (source: SourceSignals): boolean =>
    source.positives.some((v) => SIGNALS[v].category === 'national-id') &&
    !source.positives.some((v) => SIGNALS[v].category === 'credential');
  const maskedId =
    field.kind === 'password' &&
    ownText === nearby &&
    (namesOnlyAnId(nearby) || namesOnlyAnId(identifiers)) &&
    !identifiers.positives.some((v) => SIGNALS[v].category === 'credential');
  if (field.kind === 'password' && !cardCode() && !maskedId) {
    evidence.push({
      category: 'credential',
      score: 0.85,
      reason: 'it is a password field',
      source: 'type',
    });
  }
  // A box whose placeholder is a private key's first line holds one, whatever its label says
  // ("Key file contents": "key" alone is a key/value editor's ordinary key column).
  if (PRIVATE_KEY_HEADER.test(field.placeholder)) {
    evidence.push({
      category: 'credential',
      score: 0.9,
      reason: "its placeholder is a private key's first line",
      source: 'format',
    });
  }
  if (!negative && !searchBox) {
    if (ownPositive) addPositives(evidence, label, 1, field, 'label', reading, admits);
    if (placeholderSpeaks) {
      const factor = field.label === '' ? 0.95 : 0.8;
      addPositives(evidence, placeholder, factor, field, 'placeholder', reading, admits);
    }
    addPositives(evidence, description, 0.8, field, 'description', PLAIN_READING, admits);
    // "health.iep": a name's prefix is a section, and sections speak for menus too; "medico"
    // on a short box is still a doctor's name.
    const nameReading = readingOf(reading.topicCounts || isMenu, reading.pan);
    const fromName = evidence.length;
    addPositives(evidence, identifiers, 0.85, field, 'name', nameReading, admits);
    // A name's abbreviation says less than the words a person reads, when those name the thing
    // whole: name="pin" beside "PhilHealth Identification Number (PIN)" is a health card's.
    // (A placeholder like "00-000000000-0" says nothing: then the text beside the box speaks.)
    const read = ownText.positives.length > 0 ? ownText : nearby;
    if (evidence.length > fromName && read.coverage >= MOSTLY_NAMED) {
      dropOtherCategories(evidence, fromName, read, reading.pan);
    }
    addFormatEvidence(evidence, field);
    // Empty (NONE) unless the field has no words of its own: see needsNearby. Read as a label
    // is: "Full name (as in MyKad)" beside the box asks for a name.
    if (!nearby.asksForSomethingElse) {
      addPositives(evidence, nearby, 0.85, field, 'nearby', reading, admits);
    }
    // The part of the section right above an answer: the question it answers, if it is one.
    // (A generic answer's section was read above; another answer's only when it says something.)
    const nearest =
      choiceOnly && (labelGeneric || !section.isEmpty) ? nearestPart(field.section) : '';
    // An answer among options ("Nearly every day") speaks for the question right above it, and
    // only for a question: "Sex assigned at birth" under "Medical history" is not health data,
    // nor is "I certify the above is true" under "Family and Medical Leave".
    // So does a choice under a name for a kind of health thing, as a list of them is headed
    // ("Alergias" over "Penicilina", "Látex"; "Current medications" over the ones taken).
    const question =
      !labelGeneric && (isQuestion(nearest) || namesHealthThings(nearest))
        ? askedOf(nearest, field.section)
        : SourceSignals.NONE;
    // A yes or no to a question about something ordinary ("Would you like text message
    // reminders?") answers that question, whatever heading is further up ("Schedule your vaccine").
    // So does one on the item's own row ("Are you a health professional? ○ Yes ○ No").
    const answersOrdinary =
      labelGeneric &&
      !section.isEmpty &&
      (asksAboutAdmin(nearest) || (field.kind === 'choice' && asksAboutAdmin(field.nearby)));
    // A menu whose label asks a question holds its answer, as a box to write in does: "On a
    // scale of 0 to 10, how bad is it?" under "About your injury" (not "Would you like text
    // reminders?").
    const writesAnswer =
      freeText || (isMenu && isQuestion(field.label) && !asksAboutAdmin(field.label));
    // So does a box whose label asks something ordinary ("Who may pick up your child?" under
    // "Health information for the school nurse").
    const asksOrdinary = freeText && asksAboutAdmin(field.label);
    if (!answersOrdinary && !asksOrdinary) {
      addSectionEvidence(evidence, field, section, labelGeneric, writesAnswer, question, admits);
    }
    const name = ownName(field);
    // The follow-up may be the text right before a box whose own name says little ("If yes,
    // write the number" before a box titled "Registration number"). Asked only then: the text
    // before a box is a DOM walk, which most fields never need.
    if (
      isFollowUp(name) ||
      (label.positives.length === 0 &&
        !label.has('benign') &&
        !label.has('negative') &&
        !label.has('free-text') &&
        isFollowUp(field.nearby)) ||
      repeatsBoxBefore(name, field)
    ) {
      addFollowUpEvidence(evidence, field, ownText, admits);
    }
    // "Expires" right after a card number's box is that card's expiry, not a passport's. So are
    // "Month" and "Year" under the legend "Expiration date", parts of the entry it names, or
    // "MM" and "YY" under no name at all right after a card's boxes (not under "Date of birth").
    const ownExpiry = ownText.has('expiry');
    // A box with no words beside it, named an expiry only by its name (name="expYear"), or a
    // menu of nothing but years (which may be the second half of one).
    const namedExpiry =
      ownText.isEmpty && (identifiers.has('expiry') || (isMenu && offersOnlyYears(field.options)));
    if ((ownExpiry || datePart || namedExpiry) && !choiceOnly && admits('financial')) {
      // The nearest heading: the entry a part of a date belongs to, and the card an expiry may
      // sit under ("Expiration date" under "Credit card").
      const part = nearestPart(field.section);
      const under = SourceSignals.of(part);
      if (ownExpiry || under.has('expiry') || under.isEmpty) {
        const before = SourceSignals.of(field.questionBefore);
        if (before.has('card-number') || before.has('pan') || before.has('card-security-code')) {
          evidence.push({
            category: 'financial',
            score: 0.8,
            reason: `it follows ${quote(field.questionBefore)}`,
            source: 'section',
          });
        } else if (under.has('card-number') && !under.asksForSomethingElse) {
          evidence.push({
            category: 'financial',
            score: 0.75,
            reason: `it sits under ${quote(part)}`,
            source: 'section',
          });
        } else if (
          isMenu &&
          before.has('expiry') &&
          !before.has('passport') &&
          !under.has('passport') &&
          offersOnlyYears(field.options)
        ) {
          // The year menu of an expiry whose month menu came first ("Expiration Date: [Month]
          // [Year]", the year named only by name="expYear"): a card's, as the month's is.
          evidence.push({
            category: 'financial',
            score: 0.7,
            reason: `it is the year of ${quote(field.questionBefore)}`,
            source: 'section',
          });
        } else if (ownExpiry && isMenu && offersMonthsOfYears(field.options)) {
          // "Expiration Date" over "03/2017 · 04/2017 · …": a card's month and year, where a
          // passport's or a licence's expiry has a day too.
          evidence.push({
            category: 'financial',
            score: 0.75,
            reason: 'its choices are the months and years a card expires in',
            source: 'options',
          });
        }
      }
    }
    keyed = keyedSignals(field);
    addKeyEvidence(evidence, keyed, admits);
    // A one-time code drawn as a box per character: "Digit 1" … "Digit 6" in a group named
    // "Enter verification code", on a "Two-Factor Authentication" page, or after "Enter the
    // code" (one character a box is no promo code's shape).
    if (
      field.maxLength === 1 &&
      label.positives.length === 0 &&
      (section.has('one-time-code') ||
        heading.has('one-time-code') ||
        namesACode(field.nearby) ||
        namesACode(nearestPart(field.section))) &&
      admits('credential')
    ) {
      evidence.push({
        category: 'credential',
        score: 0.85,
        reason: 'it holds one character of a one-time code',
        source: 'section',
      });
    }
    // "ID number" after an "ID type" menu offering a passport or a driver's licence.
    if (labelGeneric && !freeText && !choiceOnly && !isMenu) {
      addCompanionEvidence(evidence, field, admits);
    }
    const contextual = contextualHealthEvidence(
      field,
      ownText,
      section,
      page,
      choiceOnly,
      isMenu,
      isProseBox(field),
    );
    if (contextual) evidence.push(contextual);
    // A menu that says little itself ("What would you like help with?") is read by its choices:
    // when most name health conditions, the one picked is health data. The choices are page text,
    // yet never quoted: a menu may list what a person saved.
    if (isMenu && !ordinary && label.positives.length === 0 && offersHealth(field.options)) {
      evidence.push({
        category: 'health',
        score: 0.7,
        reason: 'its choices name health conditions',
        source: 'options',
      });
    }
    // Booking an appointment in a specialty ("Especialidad: Cardiología · Psiquiatría"), or
    // claiming one back, says which care a person sought; a clinician's own specialty on a
    // credentialing form, or a hospital's department on a job application, says nothing about
    // anyone's health.
    if (
      isMenu &&
      !ordinary &&
      label.positives.length === 0 &&
      asksForCare(page.heading) &&
      offersCare(field.options)
    ) {
      evidence.push({
        category: 'health',
        score: 0.7,
        reason: 'it picks the kind of care to book',
        source: 'options',
      });
    }
    // (Once: a health heading right above already spoke for it. A place of care does not speak.)
    // Not a box named by ordinary words ("Adresse" over a textarea, with or without `for`).
    const namedOrdinary =
      ownText.positives.length === 0 &&
      ownText.coverage >= MOSTLY_NAMED &&
      (ownText.has('benign') || ownText.has('negative'));
    const fromPage = !namedOrdinary && !speaksOfHealth(section);
    if (fromPage && freeText && healthPage) {
      evidence.push({
        category: 'health',
        score: 0.6,
        reason: `free-text field on a health page (${quote(page.heading)})`,
        source: 'page',
      });
    } else if (fromPage && page.mostlyHealth === true && isProseBox(field)) {
      // A prose box only: "Email for your visit summary" is a text box with a free-text word.
      evidence.push({
        category: 'health',
        score: 0.6,
        reason: 'free-text field among questions mostly about health',
        source: HEALTH_QUESTIONS_SOURCE,
      });
    }
    // A yes or no on a health questionnaire ("Have you ever had malaria?" on a donor health
    // history) answers about health, whatever words the question uses; not one about contact
    // or paperwork ("Would you like reminders by email?", "Is the patient the policy holder?").
    // The question is above the answers, or just before them on their own row ("Tem diabetes?
    // ○ Sim ○ Não").
    const asked =
      labelGeneric && healthPage
        ? isQuestion(nearest) || !answersItemBefore
          ? nearest
          : field.nearby
        : '';
    if (isQuestion(asked) && !asksAboutAdmin(asked)) {
      evidence.push({
        category: 'health',
        score: 0.6,
        reason: `it answers ${quote(asked)} on a health page`,
        source: 'page',
      });
    }
  }
  if (page.confidential && freeText && field.type !== 'search') {
    evidence.push({
      category: 'confidential',
      score: 0.8,
      reason: 'it edits or comments on a confidential document',
      source: 'page',
    });
  } else if (page.confidential && field.kind === 'text' && ownText.has('document-name')) {
    // A title says what the document is about ("FY27 Reorg Plan"): part of it.
    evidence.push({
      category: 'confidential',
      score: 0.8,
      reason: 'it names a confidential document',
      source: 'page',
    });
  }
  // (A box's own words are read only when there is health to drop: the section is a DOM walk.)
  const healthEvidence = evidence.some((e) => e.category === 'health');
  const aboutAnimal = aboutAnAnimal(page.heading) || (healthEvidence && ownedByAnAnimal(field));
  // What the page or the box rules out: an animal's or a thing's health, a count's secret, a
  // ledger's bank account.
  const noHealth =
    aboutAnimal ||
    (healthEvidence &&
      namesOnlyAMembership(field, ownText) &&
      // Not a pharmacy's page: "Sam's Club Pharmacy" asks for the health plan's member ID.
      !healthPage &&
      (aboutAnotherMembership(page.heading) ||
        aboutAnotherMembership(field.section) ||
        aboutAnotherMembership(ownName(field)))) ||
    (aboutAThing(page.heading) && !asksAboutPeople(field)) ||
    (aboutACourse(page.heading) && !ADDRESSES_THE_READER.test(ownName(field))) ||
    // "Hinweise an die Führungskraft (keine Diagnose angeben)": what is typed may still say it.
    healthRuledOut ||
    (healthEvidence && (ownedByAThing(field) || picksWhatToRead(field)));
  // The box's own words: its label, or the text beside it where it has none ("验证码" beside a
  // number box, a framework's label that names nothing).
  const noSecret = countsOnly(field, ownText, placeholder, identifiers);
  // A ledger's bank account on a bookkeeping page; a gift card's number in a box its page named
  // for one (name="txtQvcGiftCardNumber", "giftCardFields_pan"), however its label reads ("Card
  // Number:", "PAN"): a store's own card, as gift cards named by their labels are read.
  const noMoney =
    evidence.some((e) => e.category === 'financial') &&
    ((aboutTheBooks(page.heading) && namesALedgerAccount(field, label, placeholder, identifiers)) ||
      namedForAGiftCard(field));
  const kept =
    noHealth || noSecret || noMoney
      ? evidence.filter((e) =>
          e.category === 'health'
            ? !noHealth
            : e.category === 'credential'
              ? !noSecret
              : e.category !== 'financial' || !noMoney,
        )
      : evidence;
  return new Analysis(
    kept.length === 0 ? NO_EVIDENCE : kept.slice(),
    (negative ? NEGATIVE : 0) |
      (freeText ? FREE_TEXT : 0) |
      (choiceOnly ? CHOICE_ONLY : 0) |
      (healthPage && !aboutAnimal ? HEALTH_PAGE : 0) |
      (aboutAnimal ? ABOUT_ANIMAL : 0) |
      (isMenu && !noHealth && !ordinary ? READS_PICK : 0),
    nonEmpty(label, placeholder, description, identifiers, nearby, section, keyed),
  );
}

const WRITTEN_KINDS: ReadonlySet<ControlKind> = new Set<ControlKind>([
  'text',
  'textarea',
  'editable',
]);

/** Whether a label's aside tells the writer to leave health out: "(no medical details)". */
function saysNotToWriteHealth(label: string): boolean {
  const aside = negatedAsidesOf(label);
  return aside !== '' && isHealthSection(SourceSignals.of(aside));
}

/** Removes the evidence from `from` on whose category the field's own words do not point. */
function dropOtherCategories(
  evidence: Evidence[],
  from: number,
  own: SourceSignals,
  pan: Category,
): void {
  if (own.positives.length === 0) return;
  const named = (category: Category) => own.positives.some((s) => categoryOf(s, pan) === category);
  for (let i = evidence.length - 1; i >= from; i--) {
    if (!named((evidence[i] as Evidence).category)) evidence.splice(i, 1);
  }
}

// The word a page uses for a code typed a character to a box, in the lexicon's languages.
const CODE_WORDS = new Set(['code', 'codigo', 'codice', 'pin']);

/** Whether a text (a split code's prompt: "Enter the code") says "code". */
function namesACode(text: string): boolean {
  return text !== '' && wordsOf(text).some((word) => CODE_WORDS.has(word));
}

/**
 * A number box whose label says more than a secret's name holds a count, a PIN or a code, not a
 * password or a key: "Remember previous passwords" on a password policy's settings asks how many.
 */
function countsOnly(
  field: FieldDescriptor,
  own: SourceSignals,
  ...others: readonly SourceSignals[]
): boolean {
  if (field.type !== 'number' && field.type !== 'range') return false;
  // A box labelled only "Password" may still take a numeric one.
  if (own.coverage >= MOSTLY_NAMED) return false;
  return ![own, ...others].some((s) => s.has('pin') || s.has('one-time-code'));
}

/** What the key of a key/value row names, for the row's value box ("STRIPE_SECRET_KEY"). */
function keyedSignals(field: FieldDescriptor): SourceSignals {
  // (An unlabelled box in a grid is named by its column's header: "Current value".)
  if (!namesAValue(ownName(field), field.name)) return SourceSignals.NONE;
  const key = field.keyText;
  return key === '' ? SourceSignals.NONE : SourceSignals.ofIdentifiers(key, '');
}

/** The key was typed, like a value: a reason says what it names, never what it says. */
function addKeyEvidence(out: Evidence[], keyed: SourceSignals, admits: Admits): void {
  for (const signal of keyed.positives) {
    const info = SIGNALS[signal];
    const category = info.category as Category;
    if (!admits(category)) continue;
    out.push({
      category,
      score: info.weight * 0.85,
      reason: `the key beside it names ${info.noun}`,
      source: 'key',
    });
  }
}

/** Whether a text says nothing but generic words ("12 digits", "Number"): not free text. */
function saysOnlyGeneric(signals: SourceSignals): boolean {
  for (const s of signals.all) if (s !== 'generic') return false;
  return true;
}

/** Whether a text's every signal is a generic word ("Number", "Details", "Yes"). */
function saysOnlyGenericWords(signals: SourceSignals): boolean {
  for (const s of signals.all) if (s !== 'generic' && s !== 'free-text') return false;
  return true;
}

/** The texts that said something, for a later value check; most fields keep one or two. */
function nonEmpty(...all: SourceSignals[]): readonly SourceSignals[] {
  let kept: SourceSignals[] | null = null;
  for (const source of all) if (!source.isEmpty) (kept ??= []).push(source);
  // Kept for the field's lifetime: an exact-size copy, not the grown array.
  return kept === null ? NO_SOURCES : kept.slice();
}

/**
 * "Weight", "Temperature", "Policy number", "Tell us about your conditions": health under a health
 * heading or on a health page, and ordinary elsewhere (a shipping form, an auto claim); a body
 * measurement also among other health questions. Typed or picked values, and a box to tick only
 * when the phrase alone names it, under a health heading or on a health page: "The surgery can
 * contact me by text" is a GP practice's consent box.
 */
function contextualHealthEvidence(
  field: FieldDescriptor,
  ownText: SourceSignals,
  section: SourceSignals,
  page: PageContext,
  choiceOnly: boolean,
  // A menu picks a dependency level or a diet ("Movilidad", "Dieta especial" under "Situación de
  // dependencia"), but beside a weight or a height it usually picks the unit, unless its choices
  // are the measures themselves ("5 ft · 6 ft").
  isMenu: boolean,
  // A box for prose: "Antecedentes" beside "Síntomas" holds the patient's history.
  writes: boolean,
): Evidence | null {
  const measure = ownText.has('body-measure');
  if (!(measure || ownText.has('health-if-context'))) return null;
  if (isMenu && measure && !offersNumbers(field.options)) return null;
  // A box to tick only when its words are that thing and nothing more ("Alkol", "Sigara" under
  // "Tıbbi Öykü", "Alcohol" on a patient's form), never a sentence that mentions it.
  if (
    choiceOnly &&
    !(
      ownText.coverage === 1 &&
      (isHealthSection(section) || isHealthPage(page) || page.mostlyHealth === true)
    )
  ) {
    return null;
  }
  const own = quote(ownName(field));
  if (isHealthSection(section)) {
    return {
      category: 'health',
      score: 0.7,
      reason: `label says ${own} under ${quote(field.section)}`,
      source: 'section',
    };
  }
  // The label gives its own context: "Número de miembro del seguro médico". Not the text beside
  // a box, where a section's title runs into it ("Votre santé Nom de votre médecin traitant").
  if (!choiceOnly && field.label !== '' && SourceSignals.of(field.label).has('health-topic')) {
    return { category: 'health', score: 0.7, reason: `label says ${own}`, source: 'label' };
  }
  // A health page, or one whose questions are mostly about health (a patient's sign-up:
  // "Versicherungsnummer" among "Vorerkrankungen", "Medikamente", "Allergien").
  if (isHealthPage(page) || page.mostlyHealth === true) {
    return {
      category: 'health',
      score: 0.65,
      reason: `label says ${own} on a health page`,
      source: 'page',
    };
  }
  // "Group number" right after "Insurance ID": the same health plan's card, under no heading.
  if (!measure && SourceSignals.of(field.questionBefore).has('insurance-id')) {
    return {
      category: 'health',
      score: 0.65,
      reason: `label says ${own} after ${quote(field.questionBefore)}`,
      source: 'section',
    };
  }
  // A temperature among symptom questions, or "How are you feeling?" after a list of symptoms;
  // not an auto policy's number beside "Describe the injuries".
  return (measure || writes || asksAQuestion(ownName(field))) && page.healthQuestions
    ? {
        category: 'health',
        score: 0.6,
        reason: `label says ${own} on a page that asks about health`,
        source: HEALTH_QUESTIONS_SOURCE,
      }
    : null;
}

const GIFT_CARD_NAME = /gift_?card/i;

function namedForAGiftCard(field: FieldDescriptor): boolean {
  return GIFT_CARD_NAME.test(field.name) || GIFT_CARD_NAME.test(field.id);
}

/** Whether a short heading names a kind of health thing a choice under it is one of. */
function namesHealthThings(text: string): boolean {
  if (text === '' || text.length > 40) return false;
  const signals = SourceSignals.of(text);
  // The name of a list, not a page's purpose ("Transfer your prescriptions to us").
  return (
    signals.coverage > 0.5 &&
    (signals.has('health-condition') || signals.has('medication') || signals.has('medicine-name'))
  );
}

// "How are you feeling", "When did it start": a question, with or without its mark.
const QUESTION_WORD = /^\s*(?:how|what|when|where|which|why)(?![\p{L}])/iu;

function asksAQuestion(text: string): boolean {
  return isQuestion(text) || QUESTION_WORD.test(text);
}

/** Evidence that leans on the page's other health questions, which must not count as one. */
export const HEALTH_QUESTIONS_SOURCE = 'questions';

/** Whether a verdict of health stands on the field's own words, not on its neighbours'. */
export function asksAboutHealthItself(analysis: FieldAnalysis, verdict: Verdict): boolean {
  return (
    verdict.category === 'health' &&
    analysis.evidence.some((e) => e.category === 'health' && e.source !== HEALTH_QUESTIONS_SOURCE)
  );
}

/**
 * What a generic "Number" or "Answer" is, read from the control before it: a menu's options, or
 * that control's name for an answer.
 */
function addCompanionEvidence(found: Evidence[], field: FieldDescriptor, admits: Admits): void {
  const options = SourceSignals.of(field.companion);
  for (const signal of options.positives) {
    const info = SIGNALS[signal];
    // "Your answer" after a menu of security questions is one.
    const answer = signal === 'security-answer';
    if (info.category === null || !admits(info.category)) continue;
    if (info.category !== 'national-id' && info.category !== 'financial' && !answer) continue;
    found.push({
      category: info.category,
      score: info.weight * 0.8,
      reason: `the menu before it offers ${quote(field.companion)}`,
      source: 'menu',
    });
  }
  // Or by its label, whatever questions it offers ("Respuesta" after "Pregunta de seguridad"),
  // as after a box where the person writes their own question. (A box with no name at all reads
  // no further: the cells of a grid would each walk back to the one before.)
  const named = field.label !== '' || field.placeholder !== '';
  if ((field.companion === '' && !named) || options.has('security-answer')) return;
  if (!admits('credential')) return;
  if (SourceSignals.of(field.questionBefore).has('security-answer')) {
    found.push({
      category: 'credential',
      score: SIGNALS['security-answer'].weight * 0.8,
      reason: `it answers ${quote(field.questionBefore)}`,
      source: 'menu',
    });
  }
}

/**
 * The section (legend, group label, heading) speaks for fields that say
 * little themselves: free text, question menus and choices under a health heading, or a box
 * labelled only "Number" under "Passport".
 */
/**
 * "If yes, give details" after "Does your baby need a special formula for a medical reason?"
 * holds the rest of that answer. Health passes through whatever the follow-up names (a formula's
 * or a medicine's name is health there); another category only when the follow-up names nothing
 * ordinary ("If yes, write the number", not "If yes, bank name").
 */
function addFollowUpEvidence(
  found: Evidence[],
  field: FieldDescriptor,
  ownText: SourceSignals,
  admits: Admits,
): void {
  const question = field.questionBefore;
  if (question === '') return;
  const ordinaryOwn = ownText.has('benign') || ownText.has('negative');
  for (const signal of SourceSignals.of(question).positives) {
    const category = SIGNALS[signal].category;
    if (!category || !admits(category) || (category !== 'health' && ordinaryOwn)) continue;
    found.push({
      category,
      score: SIGNALS[signal].weight * 0.8,
      reason: `it follows up ${quote(question)}`,
      source: 'section',
    });
  }
}

const ONLY_AN_ID = /^\s*(?:id|identifier)(?:\s*:)?\s*$/i;

/** What a person reads as a field's name: its label, else its placeholder, else the text before it. */
function ownName(field: FieldDescriptor): string {
  return field.label || field.placeholder || field.nearby;
}

function addSectionEvidence(
  found: Evidence[],
  field: FieldDescriptor,
  section: SourceSignals,
  labelGeneric: boolean,
  // A box to write in, or a menu whose label is the question its options answer.
  writesAnswer: boolean,
  question: SourceSignals,
  admits: Admits,
): void {
  for (const signal of section.positives) {
    // "Your health" right above a place to write heads what is written there; a bare "Number"
    // under it may be anything, and a heading further up ("Clinical operations") heads a page.
    const topic = signal === 'health-topic';
    if (!SECTION_SIGNALS.has(signal) && !topic) continue;
    if (tickNamesOnlyANumber(field, signal)) continue;
    const info = SIGNALS[signal];
    const health = info.category === 'health';
    // Under "Security questions" a box labelled with a question holds its answer, whatever the
    // question asks about ("In what city did your parents meet?").
    const answersSecurityQuestion = signal === 'security-answer' && isQuestion(field.label);
    // A box named only "ID" under "New credentials" holds the credential's identifier, which
    // names the secret and is not one (Jenkins, vaults).
    if (info.category === 'credential' && ONLY_AN_ID.test(ownName(field))) continue;
    const under = topic
      ? writesAnswer && SourceSignals.of(nearestPart(field.section)).has(signal)
      : health
        ? writesAnswer || labelGeneric
        : (labelGeneric || answersSecurityQuestion) && !writesAnswer && field.kind !== 'choice';
    const answers = !under && health && question.has(signal);
    if ((under || answers) && info.category && admits(info.category)) {
      found.push({
        category: info.category,
        score: topic && under ? info.weight : info.weight * 0.8,
        reason: answers
          ? `it answers ${quote(nearestPart(field.section))}`
          : `it sits under ${quote(field.section)}`,
        source: 'section',
      });
    }
  }
}
