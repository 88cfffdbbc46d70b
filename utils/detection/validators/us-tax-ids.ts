import { allSame } from './checksums';

/**
 * US taxpayer numbers: SSN, ITIN and EIN share nine digits, so they are told
 * apart by layout and by the IRS/SSA allocation rules (python-stdnum, Google
 * DLP and Presidio's documented rules, tightened as DEVELOPERS.md asks).
 */
export type TaxIdKind = 'ssn' | 'itin' | 'ein';

export interface TaxIdMatch {
  readonly kind: TaxIdKind;
  /** Written with delimiters (123-45-6789, 12-3456789): strong on its own. */
  readonly delimited: boolean;
}

// Numbers the SSA voided or that were printed on sample cards and in ads.
const KNOWN_INVALID_SSNS = new Set(['078051120', '219099999', '457555462', '123456789']);

// EIN prefixes the IRS has never assigned (python-stdnum's ein.dat complement).
const INVALID_EIN_PREFIXES = new Set([
  '00',
  '07',
  '08',
  '09',
  '17',
  '18',
  '19',
  '28',
  '29',
  '49',
  '69',
  '70',
  '78',
  '79',
  '89',
  '96',
  '97',
]);

const SSN_LAYOUT = /^(\d{3})([-. ]?)(\d{2})([-. ]?)(\d{4})$/;
const EIN_LAYOUT = /^(\d{2})-(\d{7})$/;

function isAdvertisingSsn(digits: string): boolean {
  // 987-65-4320 … 987-65-4329 are reserved for advertising.
  return digits.startsWith('98765432');
}

/** SSA rules on the digits alone; the area 9xx belongs to ITINs, never SSNs. */
export function isValidSsnDigits(digits: string): boolean {
  if (!/^\d{9}$/.test(digits)) return false;
  const area = digits.slice(0, 3);
  const group = digits.slice(3, 5);
  const serial = digits.slice(5);
  if (area === '000' || area === '666' || area[0] === '9') return false;
  if (group === '00' || serial === '0000') return false;
  if (allSame(digits) || KNOWN_INVALID_SSNS.has(digits) || isAdvertisingSsn(digits)) return false;
  return true;
}

/** IRS ITIN rules: area 9xx and a group in 50–65, 70–88, 90–92 or 94–99. */
export function isValidItinDigits(digits: string): boolean {
  if (!/^9\d{8}$/.test(digits)) return false;
  const group = Number(digits.slice(3, 5));
  const groupOk =
    (group >= 50 && group <= 65) ||
    (group >= 70 && group <= 88) ||
    (group >= 90 && group <= 92) ||
    (group >= 94 && group <= 99);
  return groupOk && digits.slice(5) !== '0000';
}

export function isValidEinDigits(digits: string): boolean {
  return (
    /^\d{9}$/.test(digits) && !INVALID_EIN_PREFIXES.has(digits.slice(0, 2)) && !allSame(digits)
  );
}

/**
 * Reads a value as a US taxpayer number. Delimited values are typed by their
 * layout; a bare nine-digit run is returned undelimited so that callers demand
 * a context word before believing it (it could be anything nine digits long).
 */
export function matchTaxId(value: string): TaxIdMatch | null {
  const text = value.trim();
  const ein = EIN_LAYOUT.exec(text);
  if (ein) return isValidEinDigits(`${ein[1]}${ein[2]}`) ? { kind: 'ein', delimited: true } : null;

  const ssn = SSN_LAYOUT.exec(text);
  if (!ssn) return null;
  const [, area = '', d1 = '', group = '', d2 = '', serial = ''] = ssn;
  if (d1 !== d2) return null; // "123-45.6789", "123-456789": mixed or missing delimiters
  const digits = area + group + serial;
  const delimited = d1 !== '';
  // 987-65-4320…4329 sit in the ITIN range too, but are printed in ads everywhere.
  if (isAdvertisingSsn(digits)) return null;
  if (isValidItinDigits(digits)) return { kind: 'itin', delimited };
  if (isValidSsnDigits(digits)) return { kind: 'ssn', delimited };
  if (!delimited && isValidEinDigits(digits)) return { kind: 'ein', delimited: false };
  return null;
}
