import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { classifyField } from '@/utils/detection/classify-field';
import { classifyPage } from '@/utils/detection/classify-page';
import { blankDescriptor, type ControlKind } from '@/utils/detection/field-descriptor';
import { scanFreeText, scanWholeValue } from '@/utils/detection/value-scan';
import { passesLuhn } from '@/utils/detection/validators/checksums';
import { normalizeText, spellOutNumber, stemWord, wordsOf } from '@/utils/detection/text';

const kinds: ControlKind[] = [
  'text',
  'password',
  'number',
  'textarea',
  'editable',
  'select',
  'choice',
  'ignored',
];
const anyDescriptor = fc.record({
  kind: fc.constantFrom(...kinds),
  type: fc.string(),
  name: fc.string(),
  id: fc.string(),
  autocomplete: fc.string(),
  inputMode: fc.string(),
  maxLength: fc.integer({ min: -1, max: 10_000 }),
  pattern: fc.string(),
  placeholder: fc.string(),
  label: fc.oneof(
    fc.string(),
    fc.string().map((s) => `If yes, ${s}`),
  ),
  description: fc.string(),
  nearby: fc.string(),
  section: fc.string(),
  companion: fc.string(),
  options: fc.oneof(
    fc.string(),
    fc.array(fc.string()).map((o) => o.join(' · ')),
  ),
  keyText: fc.string(),
  questionBefore: fc.string(),
});

describe('properties', () => {
  it('never throws on any descriptor, page and value', () => {
    fc.assert(
      fc.property(
        anyDescriptor,
        fc.string(),
        fc.boolean(),
        fc.boolean(),
        fc.string({ unit: 'grapheme' }),
        (d, heading, confidential, healthQuestions, value) => {
          const verdict = classifyField(d, { heading, confidential, healthQuestions }, value);
          expect(verdict.confidence).toBeGreaterThanOrEqual(0);
          expect(verdict.confidence).toBeLessThanOrEqual(1);
        },
      ),
      { numRuns: 2000 },
    );
  });

  it('splits ASCII text into the same words on the fast path as through normalizeText', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary-ascii' }), (text) => {
        const slow = normalizeText(text);
        expect(wordsOf(text)).toEqual(
          slow === '' ? [] : spellOutNumber(slow.split(' ').map(stemWord)),
        );
      }),
      { numRuns: 3000 },
    );
  });

  it("never puts a key/value row's key in a reason", () => {
    // The key is typed, like a value. Keys built around words that name secrets and IDs.
    const key = fc
      .tuple(
        fc.constantFrom('SECRET_KEY', 'ssn', 'api-token', 'PASSWORD', 'routing_number', 'x'),
        fc.string({ minLength: 4 }),
      )
      .map(([word, rest]) => `${rest}_${word}`);
    fc.assert(
      fc.property(key, fc.constantFrom('Value', 'Variable value', ''), (keyText, label) => {
        const d = blankDescriptor({ label, name: 'env[3].value', keyText });
        for (const reason of classifyField(d).reasons) expect(reason).not.toContain(keyText);
      }),
      { numRuns: 500 },
    );
  });

  it('never throws on any page text', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.record({
            text: fc.string(),
            placement: fc.constantFrom(
              'header',
              'footer',
              'chip',
              'title',
              'meta',
              'body',
            ) as fc.Arbitrary<'body'>,
          }),
        ),
        (blocks) => {
          classifyPage({ blocks });
        },
      ),
    );
  });

  const textWithoutDigits = fc
    .string({ unit: 'grapheme' })
    .map((s) => s.replace(/[0-9０-９]/g, ''));

  it('text without a digit is never a national ID or a financial number', () => {
    fc.assert(
      fc.property(textWithoutDigits, fc.boolean(), (text, multiline) => {
        const d = blankDescriptor({ kind: multiline ? 'textarea' : 'text' });
        const category = classifyField(d, undefined, text).category;
        expect(category === 'national-id' || category === 'financial').toBe(false);
      }),
      { numRuns: 2000 },
    );
  });

  // A 16-digit number whose check digit is wrong, and a 9-digit number with an area no SSN or ITIN has.
  const failingCard = fc
    .array(fc.integer({ min: 0, max: 9 }), { minLength: 16, maxLength: 16 })
    .map((digits) => {
      const body = digits.join('');
      return passesLuhn(body) ? body.slice(0, 15) + String((Number(body[15]) + 1) % 10) : body;
    });
  const invalidSsn = fc
    .tuple(fc.constantFrom('000', '666'), fc.integer({ min: 0, max: 999_999 }))
    .map(([area, rest]) => area + String(rest).padStart(6, '0'));

  it('invalid numbers in running text are never a national ID or a financial number', () => {
    fc.assert(
      fc.property(
        textWithoutDigits,
        fc.oneof(failingCard, invalidSsn),
        textWithoutDigits,
        (before, number, after) => {
          const text = `${before} ${number} ${after}`;
          for (const f of [...scanFreeText(text), ...scanWholeValue(number)]) {
            if (f.needs.length === 0) {
              expect(f.category === 'national-id' || f.category === 'financial').toBe(false);
            }
          }
          const category = classifyField(
            blankDescriptor({ kind: 'textarea' }),
            undefined,
            text,
          ).category;
          expect(category === 'national-id' || category === 'financial').toBe(false);
        },
      ),
      { numRuns: 2000 },
    );
  });
});
