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

// Every field passes through here: most say nothing of the sort, and this settles them cheaply.
const MAY_SAY_VALUE = /va[lr]/i;

/** Whether a box's own words say it holds the value of a key/value row. */
export function namesAValue(text: string, name: string): boolean {
  if (text !== '') {
    return MAY_SAY_VALUE.test(text) && says(wordsOf(text), VALUE_WORDS, MAX_LABEL_WORDS);
  }
  // "data[1].value", "vars[0][value]", "envVars[12].value": the name's last word.
  return MAY_SAY_VALUE.test(name) && says(identifierWords(name), VALUE_WORDS, Infinity);
}

/** Whether a box's own words say it holds the key (the variable's name) of such a row. */
export function namesAKey(text: string, name: string): boolean {
  if (text !== '') return says(wordsOf(text), KEY_WORDS, MAX_LABEL_WORDS);
  return says(identifierWords(name), KEY_WORDS, Infinity);
}
