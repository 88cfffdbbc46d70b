import { allSame, passesLuhn } from './checksums';

/** NPI: ten digits starting 1 or 2, Luhn over "80840" + the number (CMS). */
export function isNpi(value: string): boolean {
  const m = /^([12]\d{3})[ -]?(\d{3})[ -]?(\d{3})$/.exec(value.trim());
  if (!m) return false;
  const digits = `${m[1]}${m[2]}${m[3]}`;
  if (allSame(digits.slice(0, 9)) || allSame(digits.slice(1, 9))) return false;
  return passesLuhn(`80840${digits}`);
}

/**
 * DEA registration number: a registrant-type letter, the registrant's initial
 * (or 9 for business activity) and seven digits whose last is a check digit:
 * (d1 + d3 + d5) + 2·(d2 + d4 + d6) ≡ d7 (mod 10).
 */
export function isDeaNumber(value: string): boolean {
  const m = /^([ABCDEFGHJKLMPRSTUX])([A-Z9])(\d{7})$/i.exec(value.trim());
  const d = m?.[3];
  if (!d) return false;
  const n = (i: number): number => d.charCodeAt(i) - 48;
  const check = (n(0) + n(2) + n(4) + 2 * (n(1) + n(3) + n(5))) % 10;
  return check === n(6) && !allSame(d);
}

// Medicare Beneficiary Identifier: letters exclude S, L, O, I, B and Z.
const MBI_LETTER = '[AC-HJKMNP-RT-Y]';
const MBI_ALNUM = '[AC-HJKMNP-RT-Y0-9]';
const MBI = new RegExp(
  `^[1-9]${MBI_LETTER}${MBI_ALNUM}\\d-?${MBI_LETTER}${MBI_ALNUM}\\d-?${MBI_LETTER}{2}\\d{2}$`,
  'i',
);

/** Medicare MBI format (CMS): C A AN N - A AN N - A A N N. */
export function isMedicareMbi(value: string): boolean {
  const text = value.trim();
  const dashes = (text.match(/-/g) ?? []).length;
  return (dashes === 0 || dashes === 2) && MBI.test(text);
}

/** ICD-10-CM code shape: a letter (not U), a digit, a digit or letter, then an optional dotted extension. */
export function isIcd10CodeShape(value: string): boolean {
  return /^[A-TV-Z]\d[0-9AB](?:\.[0-9A-Z]{1,4})?$/i.test(value.trim());
}

/** CPT code shape: five digits, or four digits and F (category II) or T (category III). */
export function isCptCodeShape(value: string): boolean {
  return /^\d{4}[0-9FT]$/i.test(value.trim());
}
