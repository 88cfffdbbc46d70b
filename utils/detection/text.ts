/**
 * Text normalisation shared by every lexicon lookup. Labels, identifiers and
 * lexicon phrases all pass through the same functions, so matching is always
 * whole-word and accent- and case-insensitive ("Número" matches "numero").
 */

// Accents (Latin, Greek, Cyrillic), Hebrew points, Arabic vowel marks and the Arabic tatweel
// are dropped: "Número" is "numero", "Κωδικός" is "κωδικος", "إقامة" is "اقامة".
const COMBINING_MARKS = /[\u0300-\u036f\u0591-\u05c7\u0610-\u061a\u064b-\u065f\u0670\u0640]/g;
const NON_ASCII = /[^ -~\t\n\r]/;
// '#' survives as a token of its own so that "SS#" and "Social Security #" match.
const SEPARATORS = /[^a-z0-9#]+/g;
// Outside ASCII, a word is letters, marks and digits of any script: "Пароль", "סיסמה", "पासवर्ड".
const UNICODE_SEPARATORS = /[^\p{L}\p{M}\p{N}#]+/gu;
// Scripts written without spaces between words, and Korean, whose particles join the word before
// them: each character is a word of its own, so a phrase is found as a run of characters
// ("口座番号" in "振込先口座番号", "주민등록번호" in "주민등록번호를"). The katakana length
// mark belongs with them ("パスワード").
const UNSPACED_CHAR =
  '[\\p{sc=Han}\\p{sc=Hiragana}\\p{sc=Katakana}\\p{sc=Hangul}\\p{sc=Thai}\\p{sc=Lao}\\p{sc=Khmer}\\p{sc=Myanmar}\\u30fc]';
const UNSPACED = new RegExp(UNSPACED_CHAR, 'gu');
// Where such text does break (a space or a mark between two of its characters), a word of its own
// keeps the break, so a phrase is never found across it: "계약 물건" (a contract's goods) holds
// no "약물" (drugs). The Hangul middle dot is the break Korean writes itself ("성명ㆍ주소").
export const TEXT_BREAK = '\u318d';
const UNSPACED_BREAK = new RegExp(
  `(${UNSPACED_CHAR})[^\\p{L}\\p{M}\\p{N}]+(?=${UNSPACED_CHAR})`,
  'gu',
);
// Anything left beyond Latin once accents are gone: Hangul syllables and kana with voicing marks
// were taken apart by the decomposition and are put back together.
const BEYOND_LATIN = /[^\s -\u024f\u1e00-\u1eff]/;

// Latin letters with no decomposition to strip, written as a keyboard without them would:
// "Größe" is "grosse", "hasło" is "haslo", "fødselsnummer" is "fodselsnummer".
// Persian's kāf and yā (and the dotless alif maqṣūra) are read as the Arabic letters they share.
const FOLDED: Readonly<Record<string, string>> = {
  ß: 'ss',
  ø: 'o',
  ł: 'l',
  đ: 'd',
  ı: 'i',
  '\u06a9': '\u0643',
  '\u06cc': '\u064a',
  '\u0649': '\u064a',
};

// Initials written with dots are one word: "Federal Tax I.D. Number", "U.S.-issued", "S.S.N.".
const DOTTED_INITIALS = /(?<![A-Za-z0-9])[A-Za-z](?:\.[A-Za-z])+(?![A-Za-z0-9])/g;

function joinInitials(raw: string): string {
  return raw.includes('.') ? raw.replace(DOTTED_INITIALS, (m) => m.replace(/\./g, '')) : raw;
}

/** Lower-cases, strips accents and turns everything but letters, digits and '#' into single spaces. */
export function normalizeText(raw: string): string {
  return normalizeJoined(joinInitials(raw));
}

function normalizeJoined(raw: string): string {
  if (!NON_ASCII.test(raw)) {
    return raw.toLowerCase().replace(/#/g, ' # ').replace(SEPARATORS, ' ').trim();
  }
  // Compatibility forms too: full-width "ＳＳＮ" and "（" as in Japanese forms, "№", Arabic
  // presentation forms.
  let text = raw
    .normalize('NFKD')
    .toLowerCase()
    .replace(COMBINING_MARKS, '')
    .replace(/[ßøłđı\u06a9\u06cc\u0649]/g, (c) => FOLDED[c] ?? c);
  if (BEYOND_LATIN.test(text)) {
    text = text
      .normalize('NFC')
      .replace(UNSPACED_BREAK, `$1${TEXT_BREAK}`)
      .replace(UNSPACED, ' $& ');
  }
  return text.replace(/#/g, ' # ').replace(UNICODE_SEPARATORS, ' ').trim();
}

/**
 * A light, language-neutral stem: a trailing plural "s" is dropped from longer
 * words, so "medications"/"medication" and "alergias"/"alergia" meet. Lexicon
 * phrases are stemmed the same way, so the rule only has to be consistent.
 */
export function stemWord(word: string): string {
  // Arabic writes its article into the word: "الحساب" is "حساب" ("the account", "account").
  if (word.length > 3 && word.charCodeAt(0) === 0x627 && word.charCodeAt(1) === 0x644) {
    return word.slice(2);
  }
  if (word.length <= 3 || !word.endsWith('s') || word.endsWith('ss')) return word;
  // Spanish plurals of -dad and -ión nouns add "es": "enfermedades", "afecciones", "lesiones".
  // No English word ends so.
  if (word.endsWith('dades') || word.endsWith('iones')) return word.slice(0, -2);
  return word.slice(0, -1);
}

// Spanish forms abbreviate "número de …" as "N° de", "Nº de", "Nro. de", "No. de", "Núm. de".
const NUMBER_ABBREVIATIONS = new Set(['n', 'nro', 'no', 'num', 'nr']);

/** "N° de cuenta" reads as "número de cuenta": an abbreviation only counts before "de". */
export function spellOutNumber(words: string[]): string[] {
  for (let i = 0; i < words.length - 1; i++) {
    if (words[i + 1] === 'de' && NUMBER_ABBREVIATIONS.has(words[i] as string)) words[i] = 'numero';
  }
  return words;
}

/** Normalised words of a text, stemmed. */
export function wordsOf(text: string): string[] {
  const raw = joinInitials(text);
  if (NON_ASCII.test(raw)) {
    const normalized = normalizeJoined(raw);
    return normalized === '' ? [] : spellOutNumber(normalized.split(' ').map(stemWord));
  }
  // ASCII (most labels): one pass, no intermediate strings. Same result as normalizeText.
  const words: string[] = [];
  let start = -1;
  for (let i = 0; i <= raw.length; i++) {
    const c = i < raw.length ? raw.charCodeAt(i) : 32;
    const wordChar = (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57);
    if (wordChar) {
      if (start < 0) start = i;
      continue;
    }
    if (start >= 0) {
      words.push(stemWord(raw.slice(start, i).toLowerCase()));
      start = -1;
    }
    if (c === 35) words.push('#');
  }
  return spellOutNumber(words);
}

/**
 * Splits a form control's name or id into words: on camelCase humps, on
 * letter/digit boundaries and on `_ - . [ ] :` and spaces. "w4.ssn.area" gives
 * [w, 4, ssn, area]; "addressName" gives [address, name] and never "ssn".
 * One pass over the characters: this runs for every field on the page.
 */
export function identifierWords(path: string): string[] {
  // An XForms path (ODK, KoboToolbox and Enketo name boxes "/data/salud/agua") names the field by
  // its last step; the steps before it are its groups, which the page shows as section headings.
  const identifier = path.charCodeAt(0) === 47 ? path.slice(path.lastIndexOf('/') + 1) : path;
  if (identifier === '') return [];
  if (NON_ASCII.test(identifier)) return wordsOf(identifier.replace(/([a-z])([A-Z])/g, '$1 $2'));
  const words: string[] = [];
  let start = -1;
  let previous = 0; // 0 separator, 1 lower, 2 upper, 3 digit
  const push = (end: number): void => {
    if (start >= 0) words.push(stemWord(identifier.slice(start, end).toLowerCase()));
    start = -1;
  };
  for (let i = 0; i < identifier.length; i++) {
    const c = identifier.charCodeAt(i);
    const kind = c >= 97 && c <= 122 ? 1 : c >= 65 && c <= 90 ? 2 : c >= 48 && c <= 57 ? 3 : 0;
    if (kind === 0) {
      push(i);
      if (c === 35) words.push('#');
    } else if (start < 0) {
      start = i;
    } else if (
      (kind === 2 && previous === 1) ||
      (kind === 3) !== (previous === 3) ||
      // "SSNNumber": the last capital of a run starts the next word.
      (kind === 1 && previous === 2 && i - start > 1)
    ) {
      push(kind === 1 ? i - 1 : i);
      start = kind === 1 ? i - 1 : i;
    }
    previous = kind;
  }
  push(identifier.length);
  return words;
}

// "… how often have you felt down?", "Are you pregnant? *", "¿Fuma?:", "Which part of your body
// was hurt? (check all that apply)"
const QUESTION_END = /[?？؟]\s*(?:[(（][^()（）]{0,40}[)）]\s*)?(?:[*:：]\s*)?$/;

/** Whether a text reads as a question (a legend or paragraph above the answers to it). */
export function isQuestion(text: string): boolean {
  return QUESTION_END.test(text);
}

// "If yes, give details", "If so, explain", "Si es así, indique …", "En caso afirmativo, …": the
// box answers the questions before it.
const FOLLOW_UP =
  /^\s*(?:if\s+(?:yes|so)|si\s+(?:es\s+as[ií]|la\s+respuesta\s+es\s+s[ií]|respondi[oó]\s+s[ií])|en\s+caso\s+afirmativo|de\s+ser\s+as[ií])(?![a-z])/i;

/** Whether a label follows up on the questions above it rather than naming a thing. */
export function isFollowUp(text: string): boolean {
  return FOLLOW_UP.test(text);
}

// An address, a link, "e.g. …", or digits and marks alone ("1234 5678 9012 3456"): a placeholder
// showing what to type, not what the box is.
const EXAMPLE_VALUE =
  /^(?:\s*(?:[^\s@]+@[^\s@]+|https?:\/\/\S*)\s*|\s*(?:e\.\s?g\.|ex\.|eg:|example:)[^]*|[^\p{L}]+)$/iu;

/** Whether a placeholder is an example of what to type rather than the box's name. */
export function isExampleValue(placeholder: string): boolean {
  return EXAMPLE_VALUE.test(placeholder);
}

// "Confirm Account", "Re-enter routing", "Verify your SSN": a second box for what the box before
// holds, named by a word of that box's name.
const REPEAT =
  /^\s*(?:confirm|re-?enter|re-?type|verify|repeat|confirmar|repetir|repita|confirme|bestätigen|wiederholen|confirmer|ressaisir)\s+(?:your\s+|the\s+|tu\s+|su\s+|seu\s+|sua\s+)?(\S.*)$/i;

/**
 * Whether `name` asks again for what the box before it holds. The box before's name is read
 * (`field.questionBefore`, a walk of the DOM) only when `name` starts by asking again.
 */
export function repeatsBoxBefore(
  name: string,
  field: { readonly questionBefore: string },
): boolean {
  const asked = REPEAT.exec(name);
  if (!asked) return false;
  const again = wordsOf(asked[1] ?? '');
  if (again.length === 0) return false;
  const earlier = new Set(wordsOf(field.questionBefore));
  return again.every((word) => earlier.has(word));
}

/**
 * The part of a field's section text nearest the field: its legend, question or heading (parts
 * are joined with " · " by field-context.ts).
 */
export function nearestPart(section: string): string {
  const end = section.indexOf(' · ');
  return end < 0 ? section : section.slice(0, end);
}

/** Collapses runs of white space and trims: what a person would read. */
export function collapseWhitespace(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/** Shortens a label for display in a reason, never mid-surrogate. */
export function clip(text: string, max = 60): string {
  const clean = collapseWhitespace(text);
  if (clean.length <= max) return clean;
  return `${Array.from(clean)
    .slice(0, max - 1)
    .join('')}…`;
}

// "Hinweise (keine Diagnose angeben)", "Comments (do not include medical details)": an aside
// telling the writer what not to write names what the box must not hold, not what it holds.
const NEGATED_ASIDE =
  /[(（]\s*(?:please\s+)?(?:do\s+not|don['’]t|no|not|never|without|keine?|nicht|geen|niet|sin|sem|não|nao|ne|n['’]|pas\s+de|non)\s[^()（）]{0,80}[)）]/giu;

/** A label without the asides that say what not to write in the box. */
export function withoutNegatedAsides(label: string): string {
  return label.includes('(') || label.includes('（') ? label.replace(NEGATED_ASIDE, ' ') : label;
}

// "Please do not include bank account numbers.", "No escriba datos médicos.": a hint's sentence
// telling the writer what to leave out. Not a warning to keep something secret ("Never share this
// code"), which sits beside the very code it warns about.
const DO_NOT_WRITE =
  /(?:do\s+not|don['’]t|never|no)\s+(?:include|enter|write|type|put|add|paste|post|incluya|incluyas|incluir|escriba|escribas|escribir|ingrese|ingreses|ingresar|ponga|pongas|agregue)\b/iu;

/** A hint without the sentences that say what not to write in the box. */
export function withoutDoNotWrite(hint: string): string {
  if (!DO_NOT_WRITE.test(hint)) return hint;
  return hint
    .split(/(?<=[.!?])\s+/u)
    .filter((sentence) => !DO_NOT_WRITE.test(sentence))
    .join(' ');
}

/** The asides of a label that say what not to write: "(keine Diagnose angeben)". */
export function negatedAsidesOf(label: string): string {
  if (!label.includes('(') && !label.includes('（')) return '';
  return (label.match(NEGATED_ASIDE) ?? []).join(' ');
}
