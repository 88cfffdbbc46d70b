/** Luhn (mod 10) over a string of digits. */
export function passesLuhn(digits: string): boolean {
  let sum = 0;
  let double = false;
  for (let i = digits.length - 1; i >= 0; i--) {
    let d = digits.charCodeAt(i) - 48;
    if (d < 0 || d > 9) return false;
    if (double) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
    double = !double;
  }
  return digits.length > 0 && sum % 10 === 0;
}

/** Σ digit × weight over a string of digits, the weights from the left (as many as given). */
export function weightedDigitSum(digits: string, weights: readonly number[]): number {
  let sum = 0;
  for (let i = 0; i < weights.length; i++) sum += (digits.charCodeAt(i) - 48) * (weights[i] ?? 0);
  return sum;
}

/**
 * The check digit that brings a weighted sum up to a multiple of ten (CLABE, CBU, PESEL, the EAN-13
 * check of Switzerland's AHV number).
 */
export function mod10CheckDigit(digits: string, weights: readonly number[]): number {
  return (10 - (weightedDigitSum(digits, weights) % 10)) % 10;
}

/** A string of digits, read as one number, modulo 97 (ISO 7064), however long it is. */
export function mod97(digits: string): number {
  let remainder = 0;
  for (let i = 0; i < digits.length; i++) {
    remainder = (remainder * 10 + (digits.charCodeAt(i) - 48)) % 97;
  }
  return remainder;
}

/** True when every character of the string is the same. */
export function allSame(text: string): boolean {
  for (let i = 1; i < text.length; i++) if (text[i] !== text[0]) return false;
  return true;
}

/** Shannon entropy in bits per character. */
export function shannonEntropy(text: string): number {
  if (text.length === 0) return 0;
  const counts = new Map<string, number>();
  for (const ch of text) counts.set(ch, (counts.get(ch) ?? 0) + 1);
  let bits = 0;
  for (const n of counts.values()) {
    const p = n / text.length;
    bits -= p * Math.log2(p);
  }
  return bits;
}

/** The digit at a place in a string of digits. */
export const digitAt = (s: string, i: number): number => s.charCodeAt(i) - 48;

/**
 * A date the calendar has (no 31 April, no 29 February 2023), the year written out in full. Not
 * checked against today: the words around a number are what make it count, and a pure check
 * needs no clock.
 */
export function isCalendarDate(year: number, month: number, day: number): boolean {
  const date = new Date(Date.UTC(year, month - 1, day));
  return (
    date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day
  );
}
