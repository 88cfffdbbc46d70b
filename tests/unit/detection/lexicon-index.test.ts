import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  lexicon,
  lexiconEntries,
  lexiconFromPhrases,
  SIGNAL_CODE_BASE,
  SIGNALS,
  type Signal,
} from '@/utils/detection/lexicon';
import { LEXICON_PHRASES, LEXICON_SIGNALS } from '@/utils/detection/lexicon-index.generated';
import { PhraseMatcher } from '@/utils/detection/phrase-matcher';
import { wordsOf } from '@/utils/detection/text';

/**
 * The generated module's source: the signals, then every phrase in lookup order, packed by
 * PhraseMatcher.packed (a line per first word), each signal written as one character,
 * SIGNAL_CODE_BASE plus its index.
 */
function generatedSource(): string {
  const signals = Object.keys(SIGNALS) as Signal[];
  const codeOf = (signal: Signal): string =>
    String.fromCharCode(SIGNAL_CODE_BASE + signals.indexOf(signal));
  return [
    '// Generated from PHRASES in lexicon.ts by tests/unit/detection/lexicon-index.test.ts; do not',
    '// edit. After changing a phrase: npx vitest run tests/unit/detection/lexicon-index.test.ts -u',
    "import type { Signal } from './lexicon';",
    '',
    `export const LEXICON_SIGNALS: readonly Signal[] = ${JSON.stringify(signals)};`,
    '',
    '// A line per first word: the word, then for each phrase that starts with it, in lookup order,',
    "// '|', its signal (index above plus SIGNAL_CODE_BASE, as one character) and its other words.",
    `export const LEXICON_PHRASES = ${JSON.stringify(lexiconFromPhrases().packed(codeOf))};`,
    '',
  ].join('\n');
}

describe('the phrase tables', () => {
  it('list each phrase once, as words read it (a repeat under another signal would be dead)', () => {
    const seen = new Map<string, string>();
    const repeats: string[] = [];
    for (const [phrase, signal] of lexiconEntries()) {
      const key = wordsOf(phrase).join(' ');
      const first = seen.get(key);
      if (first === undefined) seen.set(key, `${phrase} (${signal})`);
      else repeats.push(`${phrase} (${signal}) repeats ${first}`);
    }
    expect(repeats).toEqual([]);
  });
});

describe('the prebuilt lexicon', () => {
  it('is the one the phrases make (regenerate with -u after changing a phrase)', async () => {
    await expect(generatedSource()).toMatchFileSnapshot(
      '../../../utils/detection/lexicon-index.generated.ts',
    );
  });

  it('finds exactly what the matcher built from the phrases finds, in any text', () => {
    const reference = lexiconFromPhrases();
    // A fresh index, so that lookups read its lines as they first need them (lexicon() may have
    // read them all already).
    const shipped = PhraseMatcher.fromPacked(
      LEXICON_PHRASES,
      (code) => LEXICON_SIGNALS[code - SIGNAL_CODE_BASE] as Signal,
    );
    // Texts made of lexicon words (so phrases occur, overlap and run into each other) and noise.
    const vocabulary = [...new Set(reference.ordered().flatMap(([p]) => p.split(' ')))];
    const word = fc.oneof(fc.constantFrom(...vocabulary), fc.string({ maxLength: 6 }));
    fc.assert(
      fc.property(fc.array(word, { maxLength: 12 }), (words) => {
        const text = wordsOf(words.join(' '));
        // Prebuilt phrases are kept normalised ("digits" is "digit"): the same phrase.
        const expected = reference
          .findAll(text)
          .map((m) => ({ ...m, phrase: wordsOf(m.phrase).join(' ') }));
        expect(shipped.findAll(text)).toEqual(expected);
      }),
      { numRuns: 2000 },
    );
    expect(shipped.ordered()).toEqual(reference.ordered());
    expect(lexicon().ordered()).toEqual(reference.ordered());
  });
});

describe('a packed phrase index', () => {
  const matcher = new PhraseMatcher<string>([
    ['Social Security number', 'ssn'],
    ['social', 'generic'],
    ['account number', 'bank'],
  ]);
  const codes: Record<string, string> = { ssn: 'a', generic: 'b', bank: 'c' };
  const packed = matcher.packed((value) => codes[value] as string);

  it('holds a line per first word, longest phrase first, without repeating the word', () => {
    expect(packed).toBe('social|asecurity number|b\naccount|cnumber');
  });

  it('reads back to the same phrases, in the same order', () => {
    const back = PhraseMatcher.fromPacked(packed, (code) =>
      Object.keys(codes).find((k) => codes[k]?.charCodeAt(0) === code),
    );
    expect(back.findAll(['my', 'social', 'security', 'number'])).toEqual([
      { value: 'ssn', phrase: 'social security number', start: 1, end: 4 },
    ]);
    expect(back.findAll(['social', 'account'])).toEqual([
      { value: 'generic', phrase: 'social', start: 0, end: 1 },
    ]);
    expect(back.ordered()).toEqual(matcher.ordered());
  });

  it('refuses a code that would break the format', () => {
    expect(() => matcher.packed(() => '|')).toThrow(/cannot pack/);
    expect(() => matcher.packed(() => 'ab')).toThrow(/cannot pack/);
  });
});
