import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  lexicon,
  lexiconFromPhrases,
  SIGNAL_CODE_BASE,
  SIGNALS,
  type Signal,
} from '@/utils/detection/lexicon';
import { wordsOf } from '@/utils/detection/text';

/**
 * The generated module's source: the signals, then every phrase in lookup order, each as one
 * character for its signal (SIGNAL_CODE_BASE plus its index) followed by its normalised words,
 * separated by '|'.
 */
function generatedSource(): string {
  const signals = Object.keys(SIGNALS) as Signal[];
  const codes = signals.map((_, i) => String.fromCharCode(SIGNAL_CODE_BASE + i));
  expect(codes.includes('|'), "a signal's code is never the separator").toBe(false);
  const phrases = lexiconFromPhrases().ordered();
  expect(phrases.every(([phrase]) => !phrase.includes('|'))).toBe(true);
  const lines = phrases.map(([phrase, signal]) => `${codes[signals.indexOf(signal)]}${phrase}`);
  return [
    '// Generated from PHRASES in lexicon.ts by tests/unit/detection/lexicon-index.test.ts; do not',
    '// edit. After changing a phrase: npx vitest run tests/unit/detection/lexicon-index.test.ts -u',
    "import type { Signal } from './lexicon';",
    '',
    `export const LEXICON_SIGNALS: readonly Signal[] = ${JSON.stringify(signals)};`,
    '',
    '// Each phrase: its signal (index above plus SIGNAL_CODE_BASE, as one character), then its',
    '// normalised words.',
    `export const LEXICON_PHRASES = ${JSON.stringify(lines.join('|'))};`,
    '',
  ].join('\n');
}

describe('the prebuilt lexicon', () => {
  it('is the one the phrases make (regenerate with -u after changing a phrase)', async () => {
    await expect(generatedSource()).toMatchFileSnapshot(
      '../../../utils/detection/lexicon-index.generated.ts',
    );
  });

  it('finds exactly what the matcher built from the phrases finds, in any text', () => {
    const reference = lexiconFromPhrases();
    const shipped = lexicon();
    expect(shipped.ordered()).toEqual(reference.ordered());
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
  });
});
