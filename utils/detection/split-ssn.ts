import { analyzeField, decide, type Verdict } from './classify-field';
import { EMPTY_PAGE, type FieldDescriptor, type PageContext } from './field-descriptor';
import { isValidItinDigits, isValidSsnDigits } from './validators/us-tax-ids';

/** The box widths of an SSN typed in three parts, in order: 123 | 45 | 6789. */
export const SPLIT_WIDTHS: readonly [3, 2, 4] = [3, 2, 4];

/**
 * One verdict for the three boxes together. The 3-2-4 layout is an SSN's
 * and nothing else's (phone numbers are 3-3-4, dates 2-2-4), so it flags on
 * its own; words around any of the boxes, or digits that together pass the
 * SSA rules, make it surer.
 */
export function classifySplitSsn(
  parts: readonly [FieldDescriptor, FieldDescriptor, FieldDescriptor],
  page: PageContext = EMPTY_PAGE,
  values?: readonly [string, string, string],
): Verdict {
  const evidence = parts.flatMap((p) => analyzeField(p, page).evidence);
  const negative = parts.some((p) =>
    /\b(phone|tel|zip|postal|date|fecha|telefono)\b/i.test(`${p.label} ${p.name} ${p.id}`),
  );
  if (negative) return decide(evidence);
  const fromWords = evidence.filter((e) => e.category === 'national-id');
  const combined = [
    ...fromWords,
    {
      category: 'national-id' as const,
      score: 0.65,
      reason: 'three boxes of 3, 2 and 4 digits, laid out like an SSN',
      source: 'format',
    },
  ];
  if (values) {
    const digits = values.join('');
    if (/^\d{9}$/.test(digits) && (isValidSsnDigits(digits) || isValidItinDigits(digits))) {
      combined.push({
        category: 'national-id',
        score: 0.9,
        reason: 'the three boxes together hold a number that passes SSN rules',
        source: 'value',
      });
    }
  }
  return decide(combined);
}
