/**
 * Text normalisation shared by every lexicon lookup. Labels, identifiers and
 * lexicon phrases all pass through the same functions, so matching is always
 * whole-word and accent- and case-insensitive ("Número" matches "numero").
 */

const COMBINING_MARKS = /[\u0300-\u036f]/g;
const NON_ASCII = /[^ -~\t\n\r]/;
// '#' survives as a token of its own so that "SS#" and "Social Security #" match.
const SEPARATORS = /[^a-z0-9#]+/g;

/** Lower-cases, strips accents and turns everything but letters, digits and '#' into single spaces. */
export function normalizeText(raw: string): string {
  let text = raw.toLowerCase();
  if (NON_ASCII.test(text)) text = text.normalize('NFD').replace(COMBINING_MARKS, '');
  return text.replace(/#/g, ' # ').replace(SEPARATORS, ' ').trim();
}

/**
 * A light, language-neutral stem: a trailing plural "s" is dropped from longer
 * words, so "medications"/"medication" and "alergias"/"alergia" meet. Lexicon
 * phrases are stemmed the same way, so the rule only has to be consistent.
 */
export function stemWord(word: string): string {
  return word.length > 3 && word.endsWith('s') && !word.endsWith('ss') ? word.slice(0, -1) : word;
}

/** Normalised words of a text, stemmed. */
export function wordsOf(raw: string): string[] {
  const normalized = normalizeText(raw);
  return normalized === '' ? [] : normalized.split(' ').map(stemWord);
}

/**
 * Splits a form control's name or id into words: on camelCase humps, on
 * letter/digit boundaries and on `_ - . [ ] :` and spaces. "w4.ssn.area" gives
 * [w, 4, ssn, area]; "addressName" gives [address, name] and never "ssn".
 */
export function identifierWords(identifier: string): string[] {
  if (identifier === '') return [];
  const spaced = identifier
    .replace(/([a-z])([A-Z])/g, '$1 $2')
    .replace(/([A-Z]+)([A-Z][a-z])/g, '$1 $2')
    .replace(/([A-Za-z])(\d)/g, '$1 $2')
    .replace(/(\d)([A-Za-z])/g, '$1 $2');
  return wordsOf(spaced);
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
