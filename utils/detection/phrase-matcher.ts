import { wordsOf } from './text';

/**
 * Whole-word phrase lookup over pre-split words. Phrases are indexed by their
 * first word, so a label costs one map lookup per word instead of one regular
 * expression per phrase: the content script runs this for thousands of fields.
 */
export interface PhraseMatch<T> {
  readonly value: T;
  /** The phrase as written; from prebuilt phrases (fromOrdered), its normalised words. */
  readonly phrase: string;
  readonly start: number;
  readonly end: number;
}

interface Entry<T> {
  readonly words: readonly string[];
  readonly phrase: string;
  readonly value: T;
}

export class PhraseMatcher<T> {
  private readonly byFirstWord = new Map<string, Entry<T>[]>();

  constructor(phrases: Iterable<readonly [phrase: string, value: T]>) {
    for (const [phrase, value] of phrases) this.add(wordsOf(phrase), phrase, value);
    // Longest phrase first, so "social security number" wins over "social".
    for (const bucket of this.byFirstWord.values()) {
      bucket.sort((a, b) => b.words.length - a.words.length);
    }
  }

  /**
   * A matcher from phrases already normalised (words joined by single spaces) and in lookup
   * order, as `ordered()` lists them: no normalising, no sorting. A content script ships its
   * lexicon this way, so a page does not index hundreds of phrases on its first field.
   */
  static fromOrdered<T>(
    entries: Iterable<readonly [normalized: string, value: T]>,
  ): PhraseMatcher<T> {
    const matcher = new PhraseMatcher<T>([]);
    for (const [phrase, value] of entries) matcher.add(phrase.split(' '), phrase, value);
    return matcher;
  }

  /** Appends a phrase to its first word's bucket (lookups try a bucket in order). */
  private add(words: readonly string[], phrase: string, value: T): void {
    const first = words[0];
    if (first === undefined) return;
    const bucket = this.byFirstWord.get(first);
    const entry = { words, phrase, value };
    if (bucket) bucket.push(entry);
    else this.byFirstWord.set(first, [entry]);
  }

  /** Every phrase, normalised, in the order lookups try them (what fromOrdered takes). */
  ordered(): Array<readonly [normalized: string, value: T]> {
    return [...this.byFirstWord.values()].flatMap((bucket) =>
      bucket.map((e) => [e.words.join(' '), e.value] as const),
    );
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
    const bucket = this.byFirstWord.get(first);
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
