import { identifierWords, wordsOf } from './text';

/**
 * Key/value editors (environment variables, CI secrets, Kubernetes secrets and config maps): a
 * row's "Value" box holds what the key typed beside it names ("STRIPE_SECRET_KEY"). These read a
 * box's own words (its aria-label or label, else its placeholder, else its name) to tell the two
 * boxes of such a row apart; they never read what is typed.
 */

const VALUE_WORDS = new Set(['value', 'valor', 'valeur', 'val']);
const KEY_WORDS = new Set(['key', 'name', 'variable', 'var', 'clave', 'nombre', 'cle', 'nom']);
// "Value", "Variable value", "Secret value", "Nombre de la variable": a short label.
const MAX_LABEL_WORDS = 3;

function says(words: readonly string[], ends: ReadonlySet<string>, maxWords: number): boolean {
  const last = words[words.length - 1];
  return last !== undefined && words.length <= maxWords && ends.has(last);
}

/** A box's own text (else its name) ends with one of `ends`: "Variable value", `data[1].key`. */
function boxSays(text: string, name: string, ends: ReadonlySet<string>): boolean {
  // A name is read whole: "data[1].value", "vars[0][value]", "envVars[12].value".
  return text !== ''
    ? says(wordsOf(text), ends, MAX_LABEL_WORDS)
    : says(identifierWords(name), ends, Infinity);
}

// Every field passes through here: most say nothing of the sort, and this settles them cheaply.
const MAY_SAY_VALUE = /va[lr]/i;

/** Whether a box's own words say it holds the value of a key/value row. */
export function namesAValue(text: string, name: string): boolean {
  return MAY_SAY_VALUE.test(text || name) && boxSays(text, name, VALUE_WORDS);
}

/** Whether a box's own words say it holds the key (the variable's name) of such a row. */
export function namesAKey(text: string, name: string): boolean {
  return boxSays(text, name, KEY_WORDS);
}
