import { SIGNALS, type Signal } from './lexicon';
import type { PhraseMatch } from './phrase-matcher';
import { TEXT_BREAK, wordsOf } from './text';

/**
 * Labels that mention a sensitive thing but ask for something else about it: "Passport expiry
 * date", "Driver's license state", "Bank account holder's name", "Health care provider's name
 * and phone", "Pharmacy for any prescription". The field holds a date, a state, a name: what the
 * label's head says, not what its modifier mentions. Read from word positions, in any category's
 * label; pure, so the classifier's caches can keep the answer with the text.
 */

// What a label can ask about an identifier, card, account or secret right after naming it.
// Stemmed, as words are; a multi-word entry must be a whole lexicon phrase ("expiry date").
const QUALIFIERS = new Set(
  [
    'date',
    'expiry',
    'expiry date',
    'expiration',
    'expiration date',
    'exp date',
    // When an arrangement starts or ends, and how much goes where ("Direct deposit start date",
    // "Direct deposit amount").
    'start date',
    'effective date',
    'end date',
    'amount',
    'percentage',
    'country',
    'state',
    'province',
    'type',
    'holder',
    'name',
    'full name',
    'nickname',
    // A token's or key's description in a console ("Access token description"): held-out batch 90.
    'description',
    'label',
    'status',
    'address',
    'billing address',
    'zip',
    'zip code',
    'postal code',
    'postcode',
    'issuer',
    'photo',
    'copy',
    'image',
    'hint',
    'format',
    'file',
    'path',
    'filename',
    // A password's rules, in a policy's settings ("Minimum password length", "Password expires
    // after (days)"): held-out batch 30.
    'length',
    'expire',
    'policy',
    'strength',
    'requirement',
    'complexity',
    'history',
    // Why it is asked about ("SSN card replacement reason").
    'reason',
    // How an admin's settings show or hide it ("Employee SSN field visibility", "SSN masking"), and
    // the link a reset sends ("Password reset link expiry").
    'visibility',
    'masking',
    'link',
    'url',
    // Who issued it, where or when ("Passport issued by", "DNI expedido por", "Lična karta izdata
    // od", "Personalausweis ausgestellt von"): an authority, a place or a date. Held-out batch 128.
    'issued',
    'issuing',
    'issuance',
    'expedido',
    'expedida',
    'emitido',
    'emitida',
    'izdata',
    'izdat',
    'izdana',
    'izdan',
    'ausgestellt',
    'delivre',
    'delivree',
    'rilasciato',
    'rilasciata',
    'wydany',
    'wydana',
  ].map((phrase) => wordsOf(phrase).join(' ')),
);

// The qualifiers a health word takes: a prescription's or a health card's expiry.
const EXPIRY_QUALIFIERS = new Set(
  ['expiry', 'expiry date', 'expiration', 'expiration date', 'exp date'].map((phrase) =>
    wordsOf(phrase).join(' '),
  ),
);

// What a health plan's name asks about it besides its number: "Health insurance carrier",
// "Health insurance company" (held-out convention: the insurer's name is not health data).
const INSURER_QUALIFIERS = new Set(['carrier', 'company', 'provider', 'issuer', 'name']);

// What a device that makes codes is asked about ("Hardware token serial number", "Security key
// model"): held-out batch 147. Not after an ID: a passport's or an ID card's serial number is the
// document's own number.
const DEVICE_QUALIFIERS = new Set(
  ['serial', 'serial number', 'serial no', 'model', 'manufacturer', 'vendor'].map((phrase) =>
    wordsOf(phrase).join(' '),
  ),
);

// Expiries are what an identifier is qualified by; after a card, the card's expiry: still financial.
export const EXPIRY_SIGNALS: ReadonlySet<Signal> = new Set<Signal>(['expiry', 'card-expiry']);
// A word between the thing and the qualifier that joins two things instead ("SSN or date").
const CONJUNCTIONS = new Set(['or', 'and', 'nor', 'o', 'y', 'u', 'e']);
// After a qualifier, a word that makes it a verb's ("copy it", "file this").
const OBJECT_PRONOUNS = new Set(['it', 'this', 'them', 'that'].flatMap((w) => wordsOf(w)));
// Head-first phrasing: "Pharmacy for …", "Correo para …".
const PURPOSE_WORDS = new Set(['for', 'para']);
// "Name as per PAN", "Current total of cash, savings and checking accounts", "Nombre según
// pasaporte": an ordinary thing, then which ID or account it belongs to.
const LINK_WORDS = new Set(['of', 'as', 'on', 'per', 'in', 'de', 'del', 'segun', 'como', 'en']);
// Last words of a phrase naming an identifier itself ("account number", "routing no").
const IDENTIFIER_ENDINGS = new Set(['number', 'no', '#', 'id', 'code', 'numero', 'key', 'token']);
const QUALIFIED_CATEGORIES = new Set(['national-id', 'financial', 'credential']);

const ordinary = (signal: Signal): boolean => signal === 'benign' || signal === 'negative';

function phraseAt(matches: readonly PhraseMatch<Signal>[], words: readonly string[], at: number) {
  const match = matches.find((m) => m.start === at);
  return match ? words.slice(match.start, match.end).join(' ') : (words[at] ?? '');
}

/**
 * "Passport expiry date", "Driver's license state": an identifier, then what is asked about it.
 * Health words speak for themselves ("Diagnosis date"), except before an expiry: "Prescription
 * expiration date" is the document's date, not the person's health.
 */
function qualifiedAfterLast(
  matches: readonly PhraseMatch<Signal>[],
  words: readonly string[],
): boolean {
  let last: PhraseMatch<Signal> | undefined;
  let health = false;
  for (const m of matches) {
    const category = SIGNALS[m.value].category;
    if (category === null || EXPIRY_SIGNALS.has(m.value)) continue;
    if (category === 'health') health = true;
    else if (!QUALIFIED_CATEGORIES.has(category)) return false;
    last = m;
  }
  if (!last) return false;
  let at = last.end;
  // One plain word may sit between ("Passport issue date"), unless it joins two things.
  const insurer = last.value === 'insurance-id';
  const device = SIGNALS[last.value].category === 'credential';
  const gap = words[at];
  if (
    gap !== undefined &&
    !matches.some((m) => m.start === at) &&
    !qualifies(gap, health, insurer, device)
  ) {
    if (CONJUNCTIONS.has(gap)) return false;
    at++;
  }
  const next = matches.find((m) => m.start === at);
  if (next && SIGNALS[next.value].category !== null) {
    if (!EXPIRY_SIGNALS.has(next.value)) return false;
    if (SIGNALS[last.value].category === 'financial') return false; // the card's expiry
  }
  const phrase = phraseAt(matches, words, at);
  // A verb, not a noun: "Your new token (copy it now, it won't be shown again)".
  const after = words[at + phrase.split(' ').length] ?? '';
  if (OBJECT_PRONOUNS.has(after)) return false;
  return qualifies(phrase, health, insurer, device);
}

/**
 * Whether a phrase asks about a thing named before it: an ID's, a card's, a health plan's, a
 * code-making device's.
 */
function qualifies(phrase: string, health: boolean, insurer: boolean, device: boolean): boolean {
  if (health) return EXPIRY_QUALIFIERS.has(phrase) || (insurer && INSURER_QUALIFIERS.has(phrase));
  return QUALIFIERS.has(phrase) || (device && DEVICE_QUALIFIERS.has(phrase));
}

/** "Health care provider's name and phone": something's name, phone or address. */
function possessiveOrdinary(matches: readonly PhraseMatch<Signal>[], words: readonly string[]) {
  for (let k = 1; k < words.length - 1; k++) {
    if (words[k] !== 's') continue;
    const after = matches.find((m) => m.start === k + 1);
    if (!after || !ordinary(after.value)) continue;
    // Every sensitive word belongs to the owner, before the "'s", with nothing joining in another
    // thing: not "describe the medication and your physician's name".
    let lastSensitive = -1;
    for (const m of matches) {
      if (SIGNALS[m.value].category === null) continue;
      if (m.end > k) return false;
      lastSensitive = m.end;
    }
    for (let i = lastSensitive; i < k; i++) if (CONJUNCTIONS.has(words[i] ?? '')) return false;
    return true;
  }
  return false;
}

/**
 * "Pharmacy for any prescription": an ordinary thing first, then what it is for. "Name as per
 * PAN": an ordinary thing, then whose it is; health words still speak for themselves there ("Date
 * of diagnosis" is health data), and so does an identifier joined on ("Name of bank and account
 * number").
 */
function headFirstOrdinary(matches: readonly PhraseMatch<Signal>[], words: readonly string[]) {
  const first = matches[0];
  if (first === undefined || !ordinary(first.value)) return false;
  // The head may take more than one ordinary phrase: "Mobile phone for a security code".
  let headEnd = first.end;
  for (const m of matches) if (m.start === headEnd && ordinary(m.value)) headEnd = m.end;
  if (PURPOSE_WORDS.has(words[headEnd] ?? '')) return first.start === 0;
  const link = words[first.end] ?? '';
  if (!LINK_WORDS.has(link)) return false;
  for (let i = 0; i < first.start; i++) if (CONJUNCTIONS.has(words[i] ?? '')) return false;
  let joined = false;
  for (const m of matches) {
    const category = SIGNALS[m.value].category;
    if (category === 'health') return false;
    if (m.start > first.end && CONJUNCTIONS.has(words[m.start - 1] ?? '')) joined = true;
    if (joined && category !== null && IDENTIFIER_ENDINGS.has(words[m.end - 1] ?? '')) {
      return false;
    }
  }
  return true;
}

// Services whose customers have account numbers that are not bank accounts, and a ledger's
// accounts.
const SERVICES = new Set(
  [
    'carrier',
    'wireless',
    'cellular',
    'utility',
    'utilities',
    'electric',
    'electricity',
    'cable',
    'internet',
    'broadband',
    'shipper',
    'shipping',
    'courier',
    'freight',
    'library',
    'loyalty',
    'rewards',
    // Held-out batch 63: a hospital's billing account ("Hospital account number (on your
    // statement)"), a guarantor's, a phone company's billing account.
    'hospital',
    'guarantor',
    'billing',
    // A chart of accounts' codes in a bookkeeping system ("GL account number", "Revenue account
    // number", "Offset account no."): a sweep of everyday labels, 2026-12-05.
    'gl',
    'ledger',
    'revenue',
    'expense',
    'offset',
    'liability',
    'equity',
    'cogs',
  ].map((word) => wordsOf(word).join(' ')),
);
// How a label names an account without saying whose ("Account number", "Acct #").
const PLAIN_ACCOUNT = new Set(
  ['account number', 'account #', 'account no', 'acct number', 'acct #', 'acct no'].map((phrase) =>
    wordsOf(phrase).join(' '),
  ),
);

/**
 * "Account number with your current carrier", "Utility account no.": an account held with a
 * service, not at a bank. Only a plainly named account: "Bank account number" says whose it is.
 */
function serviceAccount(matches: readonly PhraseMatch<Signal>[], words: readonly string[]) {
  let account: PhraseMatch<Signal> | undefined;
  for (const m of matches) {
    if (SIGNALS[m.value].category === null) continue;
    if (account || m.value !== 'bank-account') return false;
    account = m;
  }
  if (!account || !PLAIN_ACCOUNT.has(phraseAt(matches, words, account.start))) return false;
  return words.some((word) => SERVICES.has(word));
}

// A word of Japanese, Korean or Chinese, which text.ts splits a character to a word.
const UNSPACED_WORD = /^[\p{sc=Han}\p{sc=Hiragana}\p{sc=Katakana}\p{sc=Hangul}]$/u;
// "And" and "or" in them, which join a second thing on ("진단명 및 병원명").
const UNSPACED_CONJUNCTION = /및|또는|及|または|又は|或/u;

/**
 * "治療を受けた病院名", "치료받은 병원명" (the name of the hospital where one was treated):
 * Japanese, Korean and Chinese put a noun phrase's head last, so an ordinary thing closing such a
 * label is what the field holds. Not after a bare break or an "and", which join two things
 * ("病名・病院名", "진단명 및 병원명").
 */
function headLastOrdinary(matches: readonly PhraseMatch<Signal>[], words: readonly string[]) {
  const head = matches[matches.length - 1];
  if (head === undefined || !ordinary(head.value) || head.end !== words.length) return false;
  if (!UNSPACED_WORD.test(words[head.start] ?? '')) return false;
  const before = matches[matches.length - 2];
  const between = words.slice(before?.end ?? 0, head.start);
  if (between.length > 0 && between.every((word) => word === TEXT_BREAK)) return false;
  return !UNSPACED_CONJUNCTION.test(between.join(''));
}

/** "Access token description", "SSH key description": the label ends in a description of a secret. */
function describesACredential(matches: readonly PhraseMatch<Signal>[], words: readonly string[]) {
  const last = matches[matches.length - 1];
  if (last?.value !== 'free-text' || last.end !== words.length) return false;
  if (words.slice(last.start, last.end).join(' ') !== 'description') return false;
  return matches.every((m) => m === last || SIGNALS[m.value].category === 'credential');
}

// "Name your token", "Label API key to proceed": a console asks for what to call a secret.
const NAMING_VERBS = new Set(['name', 'label', 'rename', 'nickname']);
const DETERMINERS = new Set(
  ['your', 'this', 'the', 'a', 'an', 'new', 'my'].flatMap((word) => wordsOf(word)),
);

function namesASecret(matches: readonly PhraseMatch<Signal>[], words: readonly string[]) {
  if (!NAMING_VERBS.has(words[0] ?? '')) return false;
  let at = 1;
  while (DETERMINERS.has(words[at] ?? '')) at++;
  const next = matches.find((m) => m.start === at);
  return next !== undefined && SIGNALS[next.value].category === 'credential';
}

/** "What's this token for?", "¿Para qué es esta clave?": the answer is a purpose. */
function asksForPurpose(words: readonly string[]): boolean {
  return words[words.length - 1] === 'for' || (words[0] === 'para' && words[1] === 'que');
}

/**
 * Whether a label's sensitive words only qualify what the field really holds, which is ordinary.
 * `words` are the label's words as the matches were found in (wordsOf).
 */
export function labelAsksForSomethingElse(
  matches: readonly PhraseMatch<Signal>[],
  words: readonly string[],
): boolean {
  if (!matches.some((m) => SIGNALS[m.value].category !== null)) return false;
  // "Describe …", "Notes about …": a place to write about the thing, whatever else it names; but a
  // console's "Access token description" describes the secret, and is not it.
  if (matches.some((m) => m.value === 'free-text') && !describesACredential(matches, words)) {
    return false;
  }
  // "What was the name of your first elementary school?", "What is your oldest sibling's middle
  // name?": the name a security question asks for is its answer.
  const securityQuestion = matches.some((m) => m.value === 'security-answer');
  return (
    qualifiedAfterLast(matches, words) ||
    (!securityQuestion && possessiveOrdinary(matches, words)) ||
    (!securityQuestion && headFirstOrdinary(matches, words)) ||
    serviceAccount(matches, words) ||
    headLastOrdinary(matches, words) ||
    asksForPurpose(words) ||
    namesASecret(matches, words)
  );
}
