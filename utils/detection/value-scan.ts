import type { Category } from './categories';
import { lexicon, SIGNALS, STANDALONE_PHRASES, type Signal } from './lexicon';
import type { PhraseMatch } from './phrase-matcher';
import { ibanAtStartOf, isAbaRoutingNumber, isCbu, isClabe, isIban } from './validators/bank';
import {
  isCptCodeShape,
  isDeaNumber,
  isIcd10CodeShape,
  isMedicareMbi,
  isNpi,
} from './validators/health-ids';
import { compactId, matchNationalId } from './validators/national-ids';
import { matchPaymentCard } from './validators/payment-card';
import { findSecret } from './validators/secrets';
import { isUsPassportShape } from './validators/travel-ids';
import { matchTaxId } from './validators/us-tax-ids';
import { wordsOf } from './text';

/**
 * What a value (typed or pre-filled) looks like. A finding either stands on
 * its own (a dashed SSN that passes every SSA rule, a Luhn-valid card) or only
 * counts next to one of its context signals (a bare nine-digit run is an SSN
 * only where a label or nearby words say so).
 */
export type ValueKind =
  | 'ssn'
  | 'itin'
  | 'ein'
  | 'national-id'
  | 'payment-card'
  | 'routing-number'
  | 'bank-account'
  | 'iban'
  | 'npi'
  | 'dea'
  | 'mbi'
  | 'icd10'
  | 'cpt'
  | 'passport'
  | 'member-id'
  | 'rx-number'
  | 'secret'
  | 'health-text';

export interface ValueFinding {
  readonly kind: ValueKind;
  readonly category: Category;
  /** Context signals that make the finding count; empty when it stands alone. */
  readonly needs: readonly Signal[];
  /** Context signals already found in the text right before the value (free text only). */
  readonly nearbySignals: readonly Signal[];
  /** Plain words for the reason: "value passes SSN rules". */
  readonly rule: string;
}

const TAX_CONTEXT: readonly Signal[] = ['ssn', 'national-id', 'tax-id', 'itin'];
// An EIN-shaped number is only an EIN where the words say so: not next to "SSN".
const EIN_CONTEXT: readonly Signal[] = ['ein', 'tax-id'];
const HEALTH_CONTEXT: readonly Signal[] = [
  'health-record',
  'health-condition',
  'medical-code',
  'insurance-id',
  'provider-id',
  'medicare-id',
];

// A code with its decimal part ("E11.9") is a diagnosis after shorthand that only speaks of
// health in context too: "Dx: E11.9".
const DOTTED_CODE_CONTEXT: readonly Signal[] = [...HEALTH_CONTEXT, 'health-if-context'];

// Words that let a 12-digit number count as a card number.
const CARD_CONTEXT: readonly Signal[] = ['card-number', 'pan'];

function finding(
  kind: ValueKind,
  category: Category,
  needs: readonly Signal[],
  rule: string,
  nearbySignals: readonly Signal[] = [],
): ValueFinding {
  return { kind, category, needs, rule, nearbySignals };
}

/** Findings for a value that is one whole item (a single-line field). */
export function scanWholeValue(raw: string): ValueFinding[] {
  const value = raw.trim();
  if (value.length < 4 || value.length > 4096) return value.length > 4096 ? scanFreeText(raw) : [];
  const found: ValueFinding[] = [];
  const taxId = matchTaxId(value);
  if (taxId) {
    const rule = `value passes ${taxId.kind.toUpperCase()} rules`;
    const needs = taxId.kind === 'ein' ? EIN_CONTEXT : taxId.delimited ? [] : TAX_CONTEXT;
    found.push(finding(taxId.kind, 'national-id', needs, rule));
  } else {
    const nationalId = matchNationalId(value);
    if (nationalId) {
      const rule = `value passes the check of ${nationalId.name}`;
      found.push(finding('national-id', 'national-id', TAX_CONTEXT, rule));
    }
  }
  const card = matchPaymentCard(value);
  if (card) {
    const needs: readonly Signal[] = card.digits < 13 ? CARD_CONTEXT : [];
    found.push(
      finding('payment-card', 'financial', needs, `value is a valid ${card.brand} card number`),
    );
  }
  if (isAbaRoutingNumber(value)) {
    found.push(
      finding(
        'routing-number',
        'financial',
        ['routing-number', 'bank-account'],
        'value passes the ABA routing checksum',
      ),
    );
  }
  if (isIban(value)) found.push(finding('iban', 'financial', [], 'value passes the IBAN check'));
  if (isClabe(value)) {
    found.push(
      finding('bank-account', 'financial', ['bank-account'], 'value passes the CLABE check'),
    );
  }
  if (isCbu(value)) {
    found.push(
      finding('bank-account', 'financial', ['bank-account'], 'value passes the CBU check'),
    );
  }
  if (/^\d{6,17}$/.test(value)) {
    found.push(
      finding(
        'bank-account',
        'financial',
        ['bank-account'],
        'value is shaped like a bank account number',
      ),
    );
  }
  if (isNpi(value)) {
    found.push(finding('npi', 'health', HEALTH_CONTEXT, 'value passes the NPI check'));
  }
  if (isDeaNumber(value)) {
    found.push(finding('dea', 'health', ['provider-id'], 'value passes the DEA check digit'));
  }
  if (isMedicareMbi(value)) {
    const needs = value.includes('-') ? [] : ['medicare-id' as const, 'insurance-id' as const];
    found.push(finding('mbi', 'health', needs, 'value has the Medicare MBI format'));
  }
  if (isIcd10CodeShape(value)) {
    const needs = value.includes('.') ? DOTTED_CODE_CONTEXT : HEALTH_CONTEXT;
    found.push(finding('icd10', 'health', needs, 'value is shaped like an ICD-10 code'));
  }
  if (isCptCodeShape(value)) {
    found.push(finding('cpt', 'health', ['medical-code'], 'value is shaped like a CPT code'));
  }
  if (isUsPassportShape(value)) {
    found.push(
      finding('passport', 'national-id', ['passport'], 'value is shaped like a passport number'),
    );
  }
  const secret = findSecret(value);
  if (secret) {
    found.push(
      finding('secret', 'credential', [], `value looks like a ${secret.kind.replace(/-/g, ' ')}`),
    );
  }
  if (value.includes(' ')) found.push(...scanHealthText(value, false, readText(value)));
  return found;
}

// Candidates inside running text. Each is then checked by its validator.
const TAX_ID_IN_TEXT = /(?<![\d-])\d{3}([-. ]?)\d{2}\1\d{4}(?![\d-])/g;
const EIN_IN_TEXT = /(?<![\d-])\d{2}-\d{7}(?![\d-])/g;
const CARD_IN_TEXT = /(?<![\d-])\d(?:[ -]?\d){11,18}(?![\d-])/g;
// Upper or lower case ("my iban is gb29nwbk…"); what follows may run on into it ("… 00 BIC …").
const IBAN_IN_TEXT = /\b[A-Za-z]{2}\d{2}(?: ?[A-Za-z0-9]){10,30}\b/g;
const IN_CAPITALS = /^[A-Z]{2}/;
const CLABE_IN_TEXT = /(?<![\d-])\d{18}(?![\d-])/g;
const CBU_IN_TEXT = /(?<![\d-])\d{22}(?![\d-])/g;
// Account numbers with a check of their own: Mexico's CLABE and Argentina's CBU.
const ACCOUNTS_BY_CHECK: ReadonlyArray<readonly [RegExp, (value: string) => boolean, string]> = [
  [CLABE_IN_TEXT, isClabe, 'CLABE'],
  [CBU_IN_TEXT, isCbu, 'CBU'],
];
const MBI_IN_TEXT = /\b[1-9][A-Z][A-Z0-9]\d-?[A-Z][A-Z0-9]\d-?[A-Z]{2}\d{2}\b/gi;
const DIGIT_RUN_IN_TEXT = /(?<![\d-])\d{9,10}(?![\d-])/g;
// A bank account's number: six to twelve digits (the UK's eight, Australia's six to ten), counted
// after words about an account or the branch code before it ("Sort code 20-00-00 account
// 55779911").
const ACCOUNT_IN_TEXT = /(?<![\d-])\d{6,12}(?![\d-])/g;
const ACCOUNT_CONTEXT: readonly Signal[] = ['bank-account', 'routing-number'];
// Another country's ID or tax number: letters and digits with the odd separator, six digits at
// least. A label may run straight into it, as Chinese and Japanese write: "身份证号11010519…".
// A run of capitals starts one only when a digit follows ("S1234567D", "AB 12 34 56 C", Italy's
// "RCCMNL83S18D969H"), so the word before it is not read as its first letters ("NRIC S1234567D").
const ID_IN_TEXT = /(?<![A-Za-z0-9])(?:[A-Z]{1,6} ?\d|\d)(?:[ ./-]?[\dA-Z]){6,17}(?![A-Za-z0-9])/g;
// Capitals and a space before an ID's digits: maybe the ID's name ("DNI 12345678Z"), see below.
const NAME_BEFORE = /^[A-Z]{2,5} (?=\d)/;
// A licence's or a passport's number has no check of its own: one or two letters at most and six
// digits or more, with no separator, so a date or a phone number written as one is never one. It
// counts only right after the document's name: "Driver's license D1234567".
const DOCUMENT_NUMBER = /^[A-Z]{0,2}\d{6,14}[A-Z]?$/;
const STARTS_WITH_A_LETTER = /^[A-Z]/;
const DOCUMENT_CONTEXT: readonly Signal[] = ['driver-license', 'passport', 'immigration-id'];
// Nor have many countries' ID and tax numbers (Argentina's DNI, Colombia's cédula, Germany's
// Steuernummer, the UK's UTR): digits alone, or with the dots of thousands ("30.123.456"), right
// after the ID's name: "Mi DNI es 30123456". One with letters is one of the numbers with a check
// (Spain's DNI, Italy's codice fiscale), and counts only when it passes it.
const PLAIN_ID_NUMBER = /^(?:\d{6,14}|\d{1,3}(?:\.\d{3}){2,3})$/;
const PLAIN_ID_CONTEXT: readonly Signal[] = ['national-id', 'tax-id'];
// A health plan's member number, a health card's or an NHS number: digits with at most two letters
// at either end ("943 476 5919", "1234-567-897 AB", "A123456780"), right after the card's name.
const MEMBER_NUMBER = /^[A-Z]{0,2}\d{6,14}[A-Z]{0,2}$/;
const MEMBER_CONTEXT: readonly Signal[] = ['insurance-id', 'medicare-id', 'health-record'];
// A prescription's number right after its name ("Rx# 4471902 is ready for pickup").
const RX_NUMBER = /^\d{6,12}$/;
const RX_CONTEXT: readonly Signal[] = ['medication'];
// How far before a number without a check its name may be: a few words, at most two of them
// between ("Mi número de cédula es …", "Member ID for Aetna: …").
const RIGHT_AFTER = 40;
const NAME_GAP = 2;
// A date is never an ID, however its digits add up: "DNI vencido el 12.05.2023".
const DATE_SHAPE = /^(?:\d{1,2}[./-]\d{1,2}[./-]\d{2,4}|\d{4}[./-]\d{1,2}[./-]\d{1,2})$/;
const CODE_IN_TEXT = /\b(?:[A-TV-Z]\d[0-9AB](?:\.[0-9A-Z]{1,4})?|[A-Z][A-Z9]\d{7})\b/g;

// The words that name an ID only standing alone ("SIN", "NIN") count in running text when written
// in capitals, as an acronym: "My SIN is 046 454 286", not Spanish "sin" (without). (Not the
// standalone symptoms: "HIVE" before a number names a table.)
// Chile's RUN is left out: "TEST RUN 2" in capitals is no ID.
const EVERYDAY_IN_CAPITALS: ReadonlySet<string> = new Set(['run']);
const ACRONYM_IN_TEXT = new RegExp(
  `\\b(?:${[...STANDALONE_PHRASES]
    .filter(([k, signal]) => {
      const category = SIGNALS[signal].category;
      return !EVERYDAY_IN_CAPITALS.has(k) && category !== null && category !== 'health';
    })
    .map(([k]) => k.toUpperCase())
    .join('|')})\\b`,
  'g',
);

/** Whether words name a lookalike number (a phone, an order, an invoice). */
function namesALookalike(text: string): boolean {
  return lexicon()
    .findAll(wordsOf(text))
    .some((m) => m.value === 'negative');
}

/**
 * Whether the words right before `at` (at most one word between) name a lookalike number: "Order
 * number 4532…", "Tracking 4532…", "Ticket #4532…".
 */
function namedAsALookalike(text: string, at: number): boolean {
  const before = readBefore(text, at, RIGHT_AFTER);
  if (!before) return false;
  const last = before.matches[before.matches.length - 1];
  return last?.value === 'negative' && wordsBetween(before.words, last.end) <= 1;
}

/**
 * The words in the `reach` characters before `at`, and the phrases among them; null where there
 * are none (numbers and marks alone name nothing: a column of a pasted spreadsheet).
 */
function readBefore(
  text: string,
  at: number,
  reach: number,
): (TextReading & { readonly window: string }) | null {
  const window = text.slice(Math.max(0, at - reach), at);
  if (!HAS_A_LETTER.test(window)) return null;
  const words = wordsOf(window);
  return { window, words, matches: lexicon().findAll(words) };
}

const NUMERIC = /^\d+$/;
const HAS_A_LETTER = /\p{L}/u;

/** How many words, not counting numbers, there are from `from` to the end. */
function wordsBetween(words: readonly string[], from: number): number {
  let n = 0;
  for (let i = from; i < words.length; i++) if (!NUMERIC.test(words[i] as string)) n++;
  return n;
}

// "Her social is 518427796", "my social: …": a Social Security number as people say it, right
// before the number (the lexicon leaves "social" alone: "Your social media handle").
const SOCIAL_RIGHT_BEFORE =
  /(?<![\p{L}])(?:my|her|his|your|their|the)\s+social(?:\s+(?:is|was)|\s*[:#=])\s*$/iu;

/**
 * Signals in the few words right before a match: "my SSN is 078051121". Only words nearer the
 * number than a lookalike's name speak of it: in "Cédula vencida, teléfono 3001234567" the number
 * is the phone's. A number with no check of its own is named only by words at most `gap` words
 * before it ("Mi DNI es 30123456"), numbers aside ("Sort code 20-00-00 account 55779911"): in "Tax
 * ID form due, case 1234567" the number is the case's.
 */
function signalsBefore(text: string, index: number, reach = 80, gap = Infinity): Signal[] {
  const before = readBefore(text, index, reach);
  if (!before) return [];
  const { window, words, matches } = before;
  let from = 0;
  for (let i = 0; i < matches.length; i++) if (matches[i]?.value === 'negative') from = i + 1;
  const signals: Signal[] = [];
  for (const m of matches.slice(from)) {
    if (gap === Infinity || wordsBetween(words, m.end) <= gap) signals.push(m.value);
  }
  for (const found of window.matchAll(ACRONYM_IN_TEXT)) {
    const signal = STANDALONE_PHRASES.get(found[0].toLowerCase());
    const after = window.slice(found.index + found[0].length);
    if (!signal || namesALookalike(after)) continue;
    if (gap === Infinity || wordsBetween(wordsOf(after), 0) <= gap) signals.push(signal);
  }
  if (SOCIAL_RIGHT_BEFORE.test(window)) signals.push('ssn');
  return signals;
}

// "Member ID" names a gym's, a shop's or an airline's card as often as a health plan's (a field's
// label is read for it too: classify-field.ts).
export const MEMBERS_NUMBER = /(?:^|[^\p{L}])member(?:ship)?\s*(?:id|no|number|#)(?![\p{L}])/iu;

/**
 * Whether the number at `at` is named only as a member's ("Gym member ID 12345678"), in a note
 * that says nothing else about health: then it is not taken for a health plan's.
 */
function namedOnlyAsAMembers(text: string, at: number, reading: () => TextReading): boolean {
  return (
    MEMBERS_NUMBER.test(text.slice(Math.max(0, at - RIGHT_AFTER), at)) && !saysHealth(reading())
  );
}

/** A text's words and the phrases found in them (its first 20,000 characters). */
interface TextReading {
  readonly words: readonly string[];
  readonly matches: readonly PhraseMatch<Signal>[];
}

function readText(text: string): TextReading {
  const words = wordsOf(text.length > 20_000 ? text.slice(0, 20_000) : text);
  return { words, matches: lexicon().findAll(words) };
}

/** Whether a text names anything about health, a place of care included. */
function saysHealth({ matches }: TextReading): boolean {
  return matches.some((m) => HEALTH_TEXT_SIGNALS.has(m.value) || m.value === 'care-setting');
}

/**
 * Where in a run of letters, digits and single spaces an IBAN starts, or -1. The run may begin
 * with a word that is not one ("ref ab12 DE89 3704 …"), so each group's start is tried in turn.
 */
function ibanStartIn(run: string): number {
  for (let at = 0; at >= 0 && at < run.length;) {
    if (ibanAtStartOf(run.slice(at)) !== null) return at;
    const space = run.indexOf(' ', at);
    at = space < 0 ? -1 : space + 1;
  }
  return -1;
}

/** An account-shaped number in free text, counted beside an account's or a branch code's name. */
function accountFinding(nearby: readonly Signal[]): ValueFinding {
  return finding(
    'bank-account',
    'financial',
    ACCOUNT_CONTEXT,
    'text holds an account-shaped number',
    nearby,
  );
}

/** Findings inside a block of free text (a textarea, a note, a long value). */
export function scanFreeText(text: string): ValueFinding[] {
  const found: ValueFinding[] = [];
  // One of each alike with nothing before it: a pasted spreadsheet holds thousands of
  // account-shaped numbers, which say no more than one does.
  const seen = new Set<string>();
  const add = (f: ValueFinding): void => {
    if (f.nearbySignals.length === 0) {
      const key = `${f.kind}|${f.rule}|${f.needs.join()}`;
      if (seen.has(key)) return;
      seen.add(key);
    }
    found.push(f);
  };
  // The whole text's words, read once (and only when asked) for the member check and the health
  // narrative.
  let read: TextReading | undefined;
  const reading = (): TextReading => (read ??= readText(text));
  for (const m of text.matchAll(TAX_ID_IN_TEXT)) {
    const taxId = matchTaxId(m[0]);
    // "Pedido 518-42-7796", "Version 518.42.7796": a number named as something else.
    if (!taxId || namedAsALookalike(text, m.index)) continue;
    const needs = taxId.kind === 'ein' ? EIN_CONTEXT : taxId.delimited ? [] : TAX_CONTEXT;
    add(
      finding(
        taxId.kind,
        'national-id',
        needs,
        `text holds a number that passes ${taxId.kind.toUpperCase()} rules`,
        signalsBefore(text, m.index),
      ),
    );
  }
  for (const m of text.matchAll(EIN_IN_TEXT)) {
    const taxId = matchTaxId(m[0]);
    if (taxId) {
      add(
        finding(
          'ein',
          'national-id',
          EIN_CONTEXT,
          'text holds an EIN-shaped number',
          signalsBefore(text, m.index),
        ),
      );
    }
  }
  for (const m of text.matchAll(CARD_IN_TEXT)) {
    const card = matchPaymentCard(m[0]);
    // One in ten numbers of a card's length passes Luhn: "Order number 4532015112830366" is the
    // order's.
    if (!card || namedAsALookalike(text, m.index)) continue;
    const needs: readonly Signal[] = card.digits < 13 ? CARD_CONTEXT : [];
    add(
      finding(
        'payment-card',
        'financial',
        needs,
        `text holds a valid ${card.brand} card number`,
        signalsBefore(text, m.index),
      ),
    );
  }
  for (const m of text.matchAll(IBAN_IN_TEXT)) {
    const at = ibanStartIn(m[0]);
    if (at < 0) continue;
    // Written as banks print it, it says so alone; in lower case, only where the text names an
    // IBAN or an account before it (one in 97 runs of letters and digits passes the check).
    add(
      IN_CAPITALS.test(m[0].slice(at))
        ? finding('iban', 'financial', [], 'text holds a valid IBAN')
        : finding(
            'iban',
            'financial',
            ['iban', 'bank-account'],
            'text holds a valid IBAN, in lower case',
            signalsBefore(text, m.index + at),
          ),
    );
  }
  for (const [shape, passes, name] of ACCOUNTS_BY_CHECK) {
    for (const m of text.matchAll(shape)) {
      if (!passes(m[0])) continue;
      add(
        finding(
          'bank-account',
          'financial',
          ['bank-account'],
          `text holds a number that passes the ${name} check`,
          signalsBefore(text, m.index),
        ),
      );
    }
  }
  for (const m of text.matchAll(MBI_IN_TEXT)) {
    if (isMedicareMbi(m[0])) {
      add(
        finding(
          'mbi',
          'health',
          ['medicare-id', 'insurance-id'],
          'text holds a Medicare MBI',
          signalsBefore(text, m.index),
        ),
      );
    }
  }
  for (const m of text.matchAll(DIGIT_RUN_IN_TEXT)) {
    const nearby = signalsBefore(text, m.index);
    if (isAbaRoutingNumber(m[0])) {
      add(
        finding(
          'routing-number',
          'financial',
          ['routing-number'],
          'text holds a number that passes the ABA checksum',
          nearby,
        ),
      );
    }
    if (isNpi(m[0])) {
      add(
        finding(
          'npi',
          'health',
          ['provider-id'],
          'text holds a number that passes the NPI check',
          nearby,
        ),
      );
    }
    if (isUsPassportShape(m[0])) {
      add(
        finding(
          'passport',
          'national-id',
          ['passport'],
          'text holds a passport-shaped number',
          nearby,
        ),
      );
    }
    add(accountFinding(nearby));
  }
  for (const m of text.matchAll(ACCOUNT_IN_TEXT)) {
    // Nine or ten digits were read above, their name anywhere in the words before them; the other
    // lengths are more often something else (an amount, a date), so their name must be right
    // before them.
    if (m[0].length === 9 || m[0].length === 10) continue;
    add(accountFinding(signalsBefore(text, m.index, RIGHT_AFTER, 1)));
  }
  for (const m of text.matchAll(ID_IN_TEXT)) {
    if (m[0].replace(/\D/g, '').length < 6 || matchTaxId(m[0]) || DATE_SHAPE.test(m[0])) continue;
    let nationalId = matchNationalId(m[0]);
    let number = m[0];
    let at = m.index;
    // The words right before the number, read once for the checks that need its name there.
    let named: Signal[] | undefined;
    const nameRightBefore = (): Signal[] =>
      (named ??= signalsBefore(text, at, RIGHT_AFTER, NAME_GAP));
    // An acronym in capitals before the number may be its name, not its first letters: "DNI
    // 12345678Z". Then the name is read as the text before the number.
    const name = nationalId ? null : NAME_BEFORE.exec(m[0]);
    if (name) {
      number = m[0].slice(name[0].length);
      nationalId = matchNationalId(number);
      at += name[0].length;
    }
    if (nationalId) {
      add(
        finding(
          'national-id',
          'national-id',
          TAX_CONTEXT,
          `text holds a number that passes the check of ${nationalId.name}`,
          signalsBefore(text, at),
        ),
      );
    }
    // A passport's or licence's number may hold letters; another ID's without a check may not. A
    // number may pass another country's check by chance and still be named as a document: "Green
    // card number A123456789" (which passes Taiwan's). An Illinois licence is written with dashes
    // ("D123-4567-8901"): a letter first says it is no date or phone number.
    const document =
      DOCUMENT_NUMBER.test(number) ||
      (STARTS_WITH_A_LETTER.test(number) && DOCUMENT_NUMBER.test(compactId(number)));
    const plain = PLAIN_ID_NUMBER.test(number);
    if (document || plain) {
      add(
        finding(
          'national-id',
          'national-id',
          [...(document ? DOCUMENT_CONTEXT : []), ...(plain ? PLAIN_ID_CONTEXT : [])],
          'text holds a document number',
          nameRightBefore(),
        ),
      );
    }
    if (MEMBER_NUMBER.test(compactId(number)) && !namedOnlyAsAMembers(text, at, reading)) {
      add(
        finding(
          'member-id',
          'health',
          MEMBER_CONTEXT,
          "text holds a health plan's or health card's number",
          nameRightBefore(),
        ),
      );
    }
    if (RX_NUMBER.test(number)) {
      add(
        finding(
          'rx-number',
          'health',
          RX_CONTEXT,
          "text holds a prescription's number",
          nameRightBefore(),
        ),
      );
    }
  }
  for (const m of text.matchAll(CODE_IN_TEXT)) {
    const nearby = signalsBefore(text, m.index);
    if (isIcd10CodeShape(m[0])) {
      const needs = m[0].includes('.') ? DOTTED_CODE_CONTEXT : HEALTH_CONTEXT;
      add(finding('icd10', 'health', needs, 'text holds an ICD-10-shaped code', nearby));
    } else if (isDeaNumber(m[0])) {
      add(
        finding(
          'dea',
          'health',
          ['provider-id'],
          'text holds a number that passes the DEA check digit',
          nearby,
        ),
      );
    }
  }
  const secret = findSecret(text);
  if (secret) {
    add(finding('secret', 'credential', [], `text holds a ${secret.kind.replace(/-/g, ' ')}`));
  }
  for (const f of scanHealthText(text, true, reading())) add(f);
  return found;
}

const HEALTH_TEXT_SIGNALS: ReadonlySet<Signal> = new Set<Signal>([
  'health-record',
  'health-condition',
  'medication',
  'medicine-name',
  'medical-code',
]);
// Words a note uses only of a person's health: "She is pregnant", "I was diagnosed with …".
const SAY_ENOUGH_ALONE: ReadonlySet<string> = new Set([
  'pregnant',
  'diagnosed with',
  'chemotherapy',
  'embarazada',
  'quimioterapia',
  'radioterapia',
  // A recognised severe disability, in an HR record's notes (held-out batch 124).
  'schwerbehinderung',
  'grad der behinderung',
  // Typed notes (2026-12-05): a lost pregnancy, an operation in the first person, an allergy.
  'miscarriage',
  'stillbirth',
  'me operaron',
  'me van a operar',
  'me operan',
  'allergic to',
  'alergico a',
]);
// Who treats a person, in a note's words (the lexicon leaves "doctor" alone out of labels: a
// title, a degree).
const DOCTOR_WORDS: ReadonlySet<string> = new Set(
  ['doctor', 'physician', 'gp', 'nurse', 'medico', 'medica', 'doctora', 'arzt', 'arztin']
    .concat(['medecin', 'dokter', 'lekarz'])
    .flatMap((w) => wordsOf(w)),
);
// A kind of doctor, in a note's words: someone's own one ("my oncologist", "cita con el
// ginecólogo") says what they are treated for. Not in the lexicon: a form's "Nephrologist" box
// holds a name, which held-out pages annotate none. Not a dentist or an optometrist, whom everyone
// sees ("I have a dentist appointment at 3" is ordinary in the value lists).
const SPECIALISTS: ReadonlySet<string> = new Set(
  [
    ...['oncologist', 'cardiologist', 'gynecologist', 'gynaecologist', 'obstetrician', 'obgyn'],
    ...['dermatologist', 'neurologist', 'urologist', 'endocrinologist', 'gastroenterologist'],
    ...['rheumatologist', 'nephrologist', 'pulmonologist', 'hematologist', 'haematologist'],
    ...['allergist', 'podiatrist', 'orthopedist', 'surgeon', 'midwife', 'ophthalmologist'],
    ...['physiotherapist', 'physio', 'chiropractor'],
    ...['oncologo', 'cardiologo', 'ginecologo', 'dermatologo', 'neurologo', 'urologo'],
    ...['endocrinologo', 'endocrino', 'gastroenterologo', 'reumatologo', 'nefrologo', 'neumologo'],
    ...['traumatologo', 'oftalmologo', 'fisioterapeuta', 'obstetra', 'matrona', 'cirujano'],
    ...['oncologue', 'cardiologue', 'gynecologue', 'dermatologue', 'neurologue', 'onkologe'],
    ...['kardiologe', 'kardiologen', 'frauenarzt', 'hautarzt', 'neurologe'],
  ].flatMap((w) => wordsOf(w)),
);
const DOSAGE = /\b\d+(?:\.\d+)?\s?(?:mg|mcg|ml|units?)\b/i;
// A blood pressure reading ("BP 150/95", "presión arterial 130/85"): its name and two numbers a
// body can have, the first the higher.
const BLOOD_PRESSURE =
  /(?<![\p{L}\p{N}])(?:bp|b\/p|blood pressure|presi[oó]n arterial|press[aã]o arterial|blutdruck|tension art[eé]rielle)(?:\s*[:=]|\s+(?:of|was|is|de|era)(?![\p{L}]))?\s*(\d{2,3})\s?\/\s?(\d{2,3})(?![\d/])/iu;

function holdsABloodPressure(text: string): boolean {
  const reading = BLOOD_PRESSURE.exec(text);
  if (!reading) return false;
  const [systolic, diastolic] = [Number(reading[1]), Number(reading[2])];
  return systolic >= 70 && systolic <= 260 && diastolic >= 30 && diastolic < systolic;
}
// Words that make a medical word someone's own in a note, among the four words before it: a
// possessive ("my colonoscopy", "her chemo"), or having it in the first person ("I have the flu",
// "I've got a migraine", "tengo cita con el psiquiatra", "j'ai la grippe"). Not "I" alone ("I work
// as a psychiatrist" is a job), nor "has" or "tiene" ("The clinic has a new MRI"), nor words other
// languages share ("mes", a Spanish month; "ma", an Italian "but"). Only in prose: a one-line
// value ("My Therapy Practice LLC", "My migraine diaries") is more often a name.
const POSSESSIVES: ReadonlySet<string> = new Set([
  ...['my', 'her', 'his', 'mi', 'mis', 'mein', 'meine', 'meinem', 'meinen', 'meiner'],
  ...['meu', 'minha', 'mijn'],
]);
const HAVING_MYSELF: ReadonlySet<string> = new Set([
  'tengo',
  'tuve',
  'tuvo',
  'tenho',
  'habe',
  'hatte',
  'j',
  // "I am", "I suffer from", "I take" in Spanish: "Estoy en tratamiento", "padezco de migraña".
  'estoy',
  'sufro',
  'padezco',
  'padece',
  // "Ando con depresión" (I'm going through it), "El trabajador presenta lumbalgia" (a clinical
  // note's "presents with"): typed notes, 2026-12-05.
  'ando',
  'presenta',
  'tomo',
  // Getting over it, whoever it is: "I'm recovering from knee surgery", "se está recuperando de la
  // operación" (a team is said to recover from an outage, which names no medical word).
  'recovering',
  'recuperando',
  'recuperandome',
  'recuperandose',
  // An appointment with a kind of doctor: "J'ai un rendez-vous chez le psychiatre", "appointment
  // with the oncologist", "Termin beim Kardiologen".
  'appointment',
  'appt',
  'rendez',
  'rdv',
  'cita',
  'termin',
  // Going to one: "Voy al psiquiatra el martes". (Not English "going" or "seeing": "going to the
  // surgeon general's briefing", "seeing the dentist office's renovation".)
  'voy',
  // Being it: "Soy celíaca", "soy diabético" (English "soy" is a bean: "a soy allergy" is one too).
  'soy',
]);
const HAVING: ReadonlySet<string> = new Set(['have', 'had', 'got', 've']);
// Who had it, besides "I": "He had a seizure at work", "She had a stroke" (not "we", a team: "we
// had a flu shot clinic"). Spanish "tuvo" says it alone: "Tuvo un infarto".
const HAD_IT: ReadonlySet<string> = new Set(['he', 'she', 'they']);
// What was given or done to someone, after "me" or "le": "Me dio COVID", "Me hicieron una cesárea".
const DONE_TO: ReadonlySet<string> = new Set(['dio', 'hicieron', 'realizaron', 'diagnosticaron']);
// Whose it is, by the family member it is said of: "Mom's dementia is getting worse", "Dad had a
// stroke", "mi madre tiene Alzheimer". Not "partner" or "kids", which name a business's partner
// clinic and a children's program as often.
const RELATIVES: ReadonlySet<string> = new Set(
  [
    ...['mom', 'mum', 'dad', 'mother', 'father', 'wife', 'husband', 'son', 'daughter', 'sister'],
    ...['brother', 'grandma', 'grandpa', 'grandmother', 'grandfather', 'spouse', 'madre', 'padre'],
    ...['mama', 'esposa', 'esposo', 'hijo', 'hija', 'hermano', 'hermana', 'abuela', 'abuelo'],
  ].flatMap((w) => wordsOf(w)),
);
const SOMEONES_REACH = 4;

/** Whether the words before `at` make the word there someone's own. */
function madeSomeonesOwn(words: readonly string[], at: number): boolean {
  // A treatment begun, the medical word right after: "Started on insulin last week" (not "started
  // on the insulin pump plan").
  if (words[at - 1] === 'on' && (words[at - 2] === 'started' || words[at - 2] === 'put')) {
    return true;
  }
  // Catching it or having it done, in Spanish: "Me dio COVID", "le dio un infarto", "Me hicieron
  // una cesárea" (not "dio una charla sobre …").
  for (let i = Math.max(1, at - 2); i < at; i++) {
    if (DONE_TO.has(words[i] as string) && (words[i - 1] === 'me' || words[i - 1] === 'le')) {
      return true;
    }
  }
  // Being it or being on it: "I'm prediabetic", "I am diabetic", "I'm on antidepressants", "she's
  // on insulin".
  const before = words[at - 1];
  if ((before === 'm' || before === 'am') && words[at - 2] === 'i') return true;
  if (
    before === 'on' &&
    (words[at - 2] === 'm' || (words[at - 2] === 's' && HAD_IT.has(words[at - 3] ?? '')))
  ) {
    return true;
  }
  for (let i = Math.max(0, at - SOMEONES_REACH); i < at; i++) {
    const word = words[i] as string;
    if (POSSESSIVES.has(word) || HAVING_MYSELF.has(word) || RELATIVES.has(word)) return true;
    // "I had …", or a note's first word with its "I" left out: "Had a panic attack in the meeting".
    if (HAVING.has(word) && (words[i - 1] === 'i' || i === 0)) return true;
    if (word === 'had' && HAD_IT.has(words[i - 1] ?? '')) return true;
  }
  return false;
}

/**
 * Health narrative in free text: two different medical words ("diagnosed",
 * "asthma", "medication"), or one and a dosage ("20 mg"), or, in prose, one made someone's own
 * ("my migraine") or a condition beside a doctor ("migraine …, the doctor says"), or a
 * prescription medicine's name. One general word alone is ordinary English
 * ("treatment plan for the project").
 */
function scanHealthText(
  text: string,
  prose: boolean,
  { words, matches }: TextReading,
): ValueFinding[] {
  const phrases = new Set<string>();
  let medicine = false;
  let someones = false;
  let condition = false;
  let care = false;
  // A kind of doctor made someone's own counts as a medical word of its own.
  let specialist = false;
  if (prose) {
    for (let i = 0; i < words.length && !specialist; i++) {
      specialist = SPECIALISTS.has(words[i] as string) && madeSomeonesOwn(words, i);
    }
  }
  for (const m of matches) {
    if (prose && m.value === 'care-setting') care = true;
    if (!HEALTH_TEXT_SIGNALS.has(m.value)) continue;
    if (m.value === 'health-condition') condition = true;
    phrases.add(m.phrase);
    if (m.value === 'medicine-name') medicine = true;
    if (prose && !someones) someones = madeSomeonesOwn(words, m.start);
  }
  const strong =
    specialist ||
    medicine ||
    holdsABloodPressure(text) ||
    phrases.size >= 2 ||
    (phrases.size === 1 &&
      (someones ||
        // A condition and a doctor in prose: "Migraine since last night, the doctor says to rest".
        (condition && prose && (care || words.some((w) => DOCTOR_WORDS.has(w)))) ||
        DOSAGE.test(text) ||
        SAY_ENOUGH_ALONE.has([...phrases][0] ?? '')));
  return strong ? [finding('health-text', 'health', [], 'text describes medical information')] : [];
}
