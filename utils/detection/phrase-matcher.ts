import { wordsOf } from './text';

/**
 * Whole-word phrase lookup over pre-split words. Phrases are indexed by their
 * first word, so a label costs one map lookup per word instead of one regular
 * expression per phrase: the content script runs this for thousands of fields.
 */
export interface PhraseMatch<T> {
  readonly value: T;
  /** The phrase as written; from a packed index (fromPacked), its normalised words. */
  readonly phrase: string;
  readonly start: number;
  readonly end: number;
}

interface Entry<T> {
  readonly words: readonly string[];
  readonly phrase: string;
  readonly value: T;
}

/**
 * One first word's phrases: their entries, or in a matcher made from a packed index, the packed
 * line until a lookup of that word first needs it.
 */
type Bucket<T> = Entry<T>[] | string;

export class PhraseMatcher<T> {
  private readonly byFirstWord = new Map<string, Bucket<T>>();
  // Reads a packed phrase's value from its code character (fromPacked only).
  private valueOf: ((code: number) => T) | null = null;

  constructor(phrases: Iterable<readonly [phrase: string, value: T]>) {
    for (const [phrase, value] of phrases) this.add(wordsOf(phrase), phrase, value);
    // Longest phrase first, so "social security number" wins over "social".
    for (const bucket of this.byFirstWord.values()) {
      if (typeof bucket !== 'string') bucket.sort((a, b) => b.words.length - a.words.length);
    }
  }

  /**
   * A matcher from a packed index, as `packed()` writes it: one line per first word, in lookup
   * order, holding the word and then, for each phrase that starts with it, '|', one character
   * for its value (`valueOf` reads it) and the phrase's other words. Nothing is normalised or
   * sorted, and only the lines are split here: a line's phrases are read on the first lookup of
   * its word, so a page pays for the few words its labels use, not for a thousand phrases.
   */
  static fromPacked<T>(packed: string, valueOf: (code: number) => T): PhraseMatcher<T> {
    const matcher = new PhraseMatcher<T>([]);
    matcher.valueOf = valueOf;
    for (const line of packed.split('\n')) {
      const end = line.indexOf('|');
      if (end > 0) matcher.byFirstWord.set(line.slice(0, end), line);
    }
    return matcher;
  }

  /** Appends a phrase to its first word's bucket (lookups try a bucket in order). */
  private add(words: readonly string[], phrase: string, value: T): void {
    const first = words[0];
    if (first === undefined) return;
    const bucket = this.bucket(first);
    const entry = { words, phrase, value };
    if (bucket) bucket.push(entry);
    else this.byFirstWord.set(first, [entry]);
  }

  /** A first word's phrases, read from its packed line the first time they are needed. */
  private bucket(first: string): Entry<T>[] | undefined {
    const bucket = this.byFirstWord.get(first);
    if (typeof bucket !== 'string') return bucket;
    const valueOf = this.valueOf;
    if (!valueOf) return undefined;
    const items = bucket.split('|');
    const entries: Entry<T>[] = [];
    for (let i = 1; i < items.length; i++) {
      const item = items[i] as string;
      const rest = item.slice(1);
      const phrase = rest === '' ? first : `${first} ${rest}`;
      entries.push({ words: phrase.split(' '), phrase, value: valueOf(item.charCodeAt(0)) });
    }
    this.byFirstWord.set(first, entries);
    return entries;
  }

  /** Every phrase, normalised, in the order lookups try them. */
  ordered(): Array<readonly [normalized: string, value: T]> {
    return [...this.byFirstWord.keys()].flatMap((first) =>
      (this.bucket(first) ?? []).map((e) => [e.words.join(' '), e.value] as const),
    );
  }

  /**
   * This matcher's phrases packed for `fromPacked`, each value written as one character by
   * `codeOf`. Throws where a phrase or code would break the format.
   */
  packed(codeOf: (value: T) => string): string {
    return [...this.byFirstWord.keys()]
      .map((first) => {
        if (/[|\n]/.test(first)) throw new Error(`cannot pack the word "${first}"`);
        const items = (this.bucket(first) ?? []).map((e) => {
          const code = codeOf(e.value);
          const rest = e.words.slice(1).join(' ');
          if (code.length !== 1 || code === '|' || code === '\n' || /[|\n]/.test(rest)) {
            throw new Error(`cannot pack the phrase "${e.words.join(' ')}"`);
          }
          return code + rest;
        });
        return [first, ...items].join('|');
      })
      .join('\n');
  }

  /** Every phrase found in `words`, scanning left to right without overlaps. */
  findAll(words: readonly string[]): PhraseMatch<T>[] {
    const found: PhraseMatch<T>[] = [];
    let i = 0;
    while (i < words.length) {
      const entry = this.entryAt(words, i);
      if (entry) {
        found.push({
          value: entry.value,
          phrase: entry.phrase,
          start: i,
          end: i + entry.words.length,
        });
        i += entry.words.length;
      } else {
        i += 1;
      }
    }
    return found;
  }

  private entryAt(words: readonly string[], at: number): Entry<T> | undefined {
    const first = words[at];
    if (first === undefined) return undefined;
    const bucket = this.bucket(first);
    if (!bucket) return undefined;
    for (const entry of bucket) {
      if (at + entry.words.length > words.length) continue;
      let matches = true;
      for (let k = 1; k < entry.words.length; k++) {
        if (words[at + k] !== entry.words[k]) {
          matches = false;
          break;
        }
      }
      if (matches) return entry;
    }
    return undefined;
  }
}
