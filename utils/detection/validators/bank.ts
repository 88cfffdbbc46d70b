/** ABA routing numbers, IBANs and Mexico's CLABE. */
import { allSame, mod10CheckDigit, mod97, weightedDigitSum } from './checksums';

const ABA_LAYOUT = /^(\d{4})-?(\d{4})-?(\d)$/;

/** Federal Reserve prefixes in use: 00–12, 21–32, 61–72 and 80 (electronic). */
function isRoutingPrefix(prefix: number): boolean {
  return (
    (prefix >= 0 && prefix <= 12) ||
    (prefix >= 21 && prefix <= 32) ||
    (prefix >= 61 && prefix <= 72) ||
    prefix === 80
  );
}

/** ABA routing transit number: prefix table and the 3-7-1 checksum. */
export function isAbaRoutingNumber(value: string): boolean {
  const m = ABA_LAYOUT.exec(value.trim());
  if (!m) return false;
  const digits = `${m[1]}${m[2]}${m[3]}`;
  if (!isRoutingPrefix(Number(digits.slice(0, 2))) || /^0+$/.test(digits)) return false;
  return weightedDigitSum(digits, [3, 7, 1, 3, 7, 1, 3, 7, 1]) % 10 === 0;
}

// IBAN lengths by country (SWIFT IBAN registry).
const IBAN_LENGTHS: Readonly<Record<string, number>> = {
  AD: 24,
  AE: 23,
  AL: 28,
  AT: 20,
  AZ: 28,
  BA: 20,
  BE: 16,
  BG: 22,
  BH: 22,
  BR: 29,
  BY: 28,
  CH: 21,
  CR: 22,
  CY: 28,
  CZ: 24,
  DE: 22,
  DK: 18,
  DO: 28,
  EE: 20,
  EG: 29,
  ES: 24,
  FI: 18,
  FO: 18,
  FR: 27,
  GB: 22,
  GE: 22,
  GI: 23,
  GL: 18,
  GR: 27,
  GT: 28,
  HR: 21,
  HU: 28,
  IE: 22,
  IL: 23,
  IQ: 23,
  IS: 26,
  IT: 27,
  JO: 30,
  KW: 30,
  KZ: 20,
  LB: 28,
  LC: 32,
  LI: 21,
  LT: 20,
  LU: 20,
  LV: 21,
  MC: 27,
  MD: 24,
  ME: 22,
  MK: 19,
  MR: 27,
  MT: 31,
  MU: 30,
  NL: 18,
  NO: 15,
  PK: 24,
  PL: 28,
  PS: 29,
  PT: 25,
  QA: 29,
  RO: 24,
  RS: 22,
  SA: 24,
  SC: 31,
  SE: 24,
  SI: 19,
  SK: 24,
  SM: 27,
  ST: 25,
  SV: 28,
  TL: 23,
  TN: 24,
  TR: 26,
  UA: 29,
  VA: 22,
  VG: 24,
  XK: 20,
};

/** IBAN: known country length and the ISO 7064 mod-97 check. Spaces between groups are allowed. */
export function isIban(value: string): boolean {
  const compact = value.trim().replace(/ /g, '').toUpperCase();
  if (!/^[A-Z]{2}\d{2}[A-Z0-9]{10,30}$/.test(compact)) return false;
  if (IBAN_LENGTHS[compact.slice(0, 2)] !== compact.length) return false;
  // Letters count as two digits each: A is 10, Z is 35.
  const rearranged = compact.slice(4) + compact.slice(0, 4);
  return mod97(rearranged.replace(/[A-Z]/g, (c) => String(c.charCodeAt(0) - 55))) === 1;
}

/**
 * The IBAN a run of text begins with, or null: "DE89 3704 0044 0532 0130 00 BIC COBADEFFXXX" holds
 * one, though the run goes on into the words after it. The country says how many characters to
 * take; the IBAN must end where a group does (at a space or at the run's end), not inside a word.
 */
export function ibanAtStartOf(run: string): string | null {
  const upper = run.toUpperCase();
  const length = IBAN_LENGTHS[upper.slice(0, 2)];
  if (length === undefined) return null;
  let taken = 0;
  let end = 0;
  for (; end < upper.length && taken < length; end++) if (upper[end] !== ' ') taken++;
  if (taken < length || (end < upper.length && upper[end] !== ' ')) return null;
  const iban = upper.slice(0, end);
  return isIban(iban) ? iban : null;
}

// Argentina's CBU: the bank and branch (seven digits) and a check, then the account (thirteen) and
// a check, each weighted 7-1-3-9 from the left.
const CBU_BANK_WEIGHTS = [7, 1, 3, 9, 7, 1, 3];
const CBU_ACCOUNT_WEIGHTS = [3, 9, 7, 1, 3, 9, 7, 1, 3, 9, 7, 1, 3];

/** Argentina's CBU (Clave Bancaria Uniforme): 22 digits, two check digits. */
export function isCbu(value: string): boolean {
  const digits = value.trim().replace(/[ -]/g, '');
  if (!/^\d{22}$/.test(digits) || allSame(digits)) return false;
  return (
    mod10CheckDigit(digits.slice(0, 7), CBU_BANK_WEIGHTS) === Number(digits[7]) &&
    mod10CheckDigit(digits.slice(8, 21), CBU_ACCOUNT_WEIGHTS) === Number(digits[21])
  );
}

// A CLABE's first 17 digits are weighted 3, 7, 1, 3, 7, 1, …
const CLABE_WEIGHTS = Array.from({ length: 17 }, (_, i) => [3, 7, 1][i % 3] as number);

/**
 * Mexico's CLABE (the interbank account number SPEI transfers go to): 18 digits, the bank's and
 * the city's codes, the account, and a check digit weighted 3-7-1. The bank and city tables are
 * not checked: the words beside it are what make one count (value-scan.ts).
 */
export function isClabe(value: string): boolean {
  const digits = value.trim().replace(/ /g, '');
  if (!/^\d{18}$/.test(digits) || allSame(digits)) return false;
  return mod10CheckDigit(digits, CLABE_WEIGHTS) === Number(digits[17]);
}
