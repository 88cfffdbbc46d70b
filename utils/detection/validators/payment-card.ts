import { allSame, passesLuhn } from './checksums';

/** Card brands by IIN prefix and allowed lengths (ISO/IEC 7812 as the networks publish them). */
interface Brand {
  readonly name: string;
  readonly lengths: readonly number[];
  readonly matches: (digits: string) => boolean;
}

const inRange = (digits: string, width: number, low: number, high: number): boolean => {
  const prefix = Number(digits.slice(0, width));
  return prefix >= low && prefix <= high;
};

const BRANDS: readonly Brand[] = [
  { name: 'Visa', lengths: [13, 16, 19], matches: (d) => d.startsWith('4') },
  {
    name: 'Mastercard',
    lengths: [16],
    matches: (d) => inRange(d, 2, 51, 55) || inRange(d, 4, 2221, 2720),
  },
  { name: 'American Express', lengths: [15], matches: (d) => /^3[47]/.test(d) },
  {
    name: 'Discover',
    lengths: [16, 17, 18, 19],
    matches: (d) => d.startsWith('6011') || d.startsWith('65') || inRange(d, 3, 644, 649),
  },
  { name: 'JCB', lengths: [16, 17, 18, 19], matches: (d) => inRange(d, 4, 3528, 3589) },
  {
    name: 'Diners Club',
    lengths: [14, 15, 16, 17, 18, 19],
    matches: (d) => inRange(d, 3, 300, 305) || /^3[689]/.test(d),
  },
  { name: 'UnionPay', lengths: [16, 17, 18, 19], matches: (d) => d.startsWith('62') },
  { name: 'Mir', lengths: [16, 17, 18, 19], matches: (d) => inRange(d, 4, 2200, 2204) },
  { name: 'UATP', lengths: [15], matches: (d) => d.startsWith('1') },
  {
    name: 'Maestro',
    lengths: [12, 13, 14, 15, 16, 17, 18, 19],
    matches: (d) => d.startsWith('50') || inRange(d, 2, 56, 69),
  },
];

export interface CardMatch {
  readonly brand: string;
  readonly digits: number;
}

/** Digits of a card number written with consistent spaces or dashes, or none. */
export function cardDigits(value: string): string | null {
  const text = value.trim();
  if (!/^\d[\d -]{10,22}\d$/.test(text)) return null;
  if (text.includes(' ') && text.includes('-')) return null;
  const digits = text.replace(/[ -]/g, '');
  return digits.length >= 12 && digits.length <= 19 ? digits : null;
}

/** A payment card number: 12–19 digits, a known brand prefix and length, and Luhn. */
export function matchPaymentCard(value: string): CardMatch | null {
  const digits = cardDigits(value);
  if (digits === null || allSame(digits) || !passesLuhn(digits)) return null;
  const brand = BRANDS.find((b) => b.lengths.includes(digits.length) && b.matches(digits));
  return brand ? { brand: brand.name, digits: digits.length } : null;
}
