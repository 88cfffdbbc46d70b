import {
  digitAt,
  isCalendarDate,
  mod10CheckDigit,
  mod97,
  passesLuhn,
  weightedDigitSum as weighted,
} from './checksums';

/**
 * Check digits and birth dates of European personal numbers, for the same use as
 * national-ids.ts: a value counts only where the words before it name an ID. Each takes the value
 * without separators, in capitals (`compactId`). Where a number's century is written only in a
 * separator that compacting drops (Sweden's "-" or "+", Finland's "-"), either century is let
 * through: the words around the number carry the weight, the check keeps a phone number out.
 */
type Check = (compact: string) => boolean;

/** A birth date of a two-digit year in either of two centuries. */
const inEitherCentury = (yy: number, month: number, day: number, first: number): boolean =>
  isCalendarDate(first + yy, month, day) || isCalendarDate(first + 100 + yy, month, day);

// Sweden's personnummer: YYMMDD (the day plus 60 for a coordination number), a serial and a Luhn
// digit over those ten; twelve digits when the century is written out.
export const swedishPersonnummer: Check = (s) => {
  if (!/^(?:\d\d)?\d{10}$/.test(s)) return false;
  const ten = s.slice(-10);
  const day = +ten.slice(4, 6) % 60;
  const month = +ten.slice(2, 4);
  const dated =
    s.length === 12
      ? isCalendarDate(+s.slice(0, 4), month, day)
      : inEitherCentury(+ten.slice(0, 2), month, day, 1900);
  return dated && passesLuhn(ten);
};

// Norway's fødselsnummer: DDMMYY (the day plus 40 for a D-number, the month plus 40 for an
// H-number), an individual number that gives the century, and two mod-11 check digits.
const mod11Digit = (s: string, weights: readonly number[]): number =>
  (11 - (weighted(s, weights) % 11)) % 11;
export const norwegianFodselsnummer: Check = (s) => {
  if (!/^\d{11}$/.test(s)) return false;
  const day = +s.slice(0, 2) % 40;
  const month = +s.slice(2, 4) % 40;
  const yy = +s.slice(4, 6);
  const individual = +s.slice(6, 9);
  let year: number;
  if (individual < 500) year = 1900 + yy;
  else if (individual < 750 && yy > 54) year = 1800 + yy;
  else if (yy < 40) year = 2000 + yy;
  else if (individual >= 900) year = 1900 + yy;
  else return false;
  return (
    isCalendarDate(year, month, day) &&
    mod11Digit(s, [3, 7, 6, 1, 8, 9, 4, 5, 2]) === digitAt(s, 9) &&
    mod11Digit(s, [5, 4, 3, 2, 7, 6, 5, 4, 3, 2]) === digitAt(s, 10)
  );
};

// Finland's henkilötunnus: DDMMYY, a century sign (+ for the 1800s, - or U-Y for the 1900s, A-F
// for the 2000s), an individual number and a check character: DDMMYYNNN mod 31.
const HETU_CHECK = '0123456789ABCDEFHJKLMNPRSTUVWXY';
export const finnishHetu: Check = (s) => {
  const parts = /^(\d\d)(\d\d)(\d\d)([+A-FU-Y]?)(\d{3})([0-9A-Y])$/.exec(s);
  if (!parts) return false;
  const [, dd, mm, yy, sign, individual, check] = parts as unknown as readonly string[];
  // The "-" of the 1900s is taken out with the other separators.
  const century = sign === '+' ? 1800 : sign && sign < 'U' ? 2000 : 1900;
  return (
    isCalendarDate(century + Number(yy), Number(mm), Number(dd)) &&
    HETU_CHECK[Number(`${dd}${mm}${yy}${individual}`) % 31] === check
  );
};

// Denmark's CPR number: DDMMYY and four digits, the first of which gives the century. Numbers
// issued since 2007 have no check digit, so the birth date is all there is to check.
export const danishCpr: Check = (s) => {
  if (!/^\d{10}$/.test(s)) return false;
  const yy = +s.slice(4, 6);
  const seventh = digitAt(s, 6);
  let year = 2000 + yy;
  if (seventh >= 5 && seventh <= 8 && yy >= 58) year = 1800 + yy;
  else if (seventh <= 3 || ((seventh === 4 || seventh === 9) && yy >= 37)) year = 1900 + yy;
  return isCalendarDate(year, +s.slice(2, 4), +s.slice(0, 2));
};

// Estonia's isikukood and Lithuania's asmens kodas: sex and century (1-6), YYMMDD, a serial and
// a check digit of two rounds of weights.
const BALTIC_CENTURY = [0, 1800, 1800, 1900, 1900, 2000, 2000];
export const balticPersonalCode: Check = (s) => {
  if (!/^[1-6]\d{10}$/.test(s)) return false;
  const year = (BALTIC_CENTURY[digitAt(s, 0)] ?? 0) + +s.slice(1, 3);
  if (!isCalendarDate(year, +s.slice(3, 5), +s.slice(5, 7))) return false;
  let sum = weighted(s, [1, 2, 3, 4, 5, 6, 7, 8, 9, 1]) % 11;
  if (sum === 10) sum = weighted(s, [3, 4, 5, 6, 7, 8, 9, 1, 2, 3]) % 11;
  return sum % 10 === digitAt(s, 10);
};

// Italy's codice fiscale: letters of the name, the birth year, month letter and day (plus 40 for
// women), the place, and a check letter from tables of the odd and even positions. Digits may be
// replaced by letters (omocodia) where two people would share a code.
const CF_ODD = [
  1, 0, 5, 7, 9, 13, 15, 17, 19, 21, 2, 4, 18, 20, 11, 3, 6, 8, 12, 14, 16, 10, 22, 25, 24, 23,
];
const CF_DIGIT = /^[A-Z]{6}[\dLMNP-V]{2}[ABCDEHLMPRST][\dLMNP-V]{2}[A-Z][\dLMNP-V]{3}[A-Z]$/;
/** A character's place: digits as 0-9, letters as 0-25. */
const cfValue = (ch: string): number => {
  const code = ch.charCodeAt(0);
  return code <= 57 ? code - 48 : code - 65;
};
export const italianCodiceFiscale: Check = (s) => {
  if (!CF_DIGIT.test(s)) return false;
  let sum = 0;
  for (let i = 0; i < 15; i++) {
    const value = cfValue(s[i] as string);
    sum += i % 2 === 0 ? (CF_ODD[value] ?? 0) : value;
  }
  return String.fromCharCode(65 + (sum % 26)) === s[15];
};

// Belgium's national register number: YYMMDD (a month of 00 when the date is not known), a serial,
// and a check that makes the first nine digits, with a 2 put in front for those born since 2000, a
// multiple of 97. A birth since 2000 is read up to 2039, so that no clock is needed and a number of
// 1962 is not also taken for one of 2062.
export const belgianNationalNumber: Check = (s) => {
  if (!/^\d{11}$/.test(s)) return false;
  const yy = +s.slice(0, 2);
  const month = +s.slice(2, 4);
  const day = +s.slice(4, 6);
  const keyed = (body: string): boolean => (mod97(body) + +s.slice(9)) % 97 === 0;
  const body = s.slice(0, 9);
  return (
    ((month === 0 || isCalendarDate(1900 + yy, month, day)) && keyed(body)) ||
    (yy < 40 && (month === 0 || isCalendarDate(2000 + yy, month, day)) && keyed(`2${body}`))
  );
};

// ISO 7064 MOD 11,10, the check of Croatia's OIB and Germany's tax ID.
function passesMod11x10(s: string): boolean {
  let product = 10;
  for (let i = 0; i < s.length - 1; i++) {
    const sum = (digitAt(s, i) + product) % 10 || 10;
    product = (sum * 2) % 11;
  }
  return (11 - product) % 10 === digitAt(s, s.length - 1);
}

// Croatia's OIB: ten digits and an ISO 7064 MOD 11,10 check.
export const croatianOib: Check = (s) => /^\d{11}$/.test(s) && passesMod11x10(s);

// Germany's tax ID (Steuer-IdNr): no leading zero, one digit of the first ten repeated (twice or
// three times), and an ISO 7064 MOD 11,10 check.
export const germanTaxId: Check = (s) => {
  if (!/^[1-9]\d{10}$/.test(s)) return false;
  const counts = new Map<string, number>();
  for (const ch of s.slice(0, 10)) counts.set(ch, (counts.get(ch) ?? 0) + 1);
  const repeated = [...counts.values()].filter((n) => n > 1);
  return repeated.length === 1 && (repeated[0] === 2 || repeated[0] === 3) && passesMod11x10(s);
};

// Romania's CNP: sex and century, YYMMDD, the county, a serial and a check digit.
const CNP_CENTURY = [0, 1900, 1900, 1800, 1800, 2000, 2000, 1900, 1900, 1900];
export const romanianCnp: Check = (s) => {
  if (!/^[1-9]\d{12}$/.test(s)) return false;
  const year = (CNP_CENTURY[digitAt(s, 0)] ?? 0) + +s.slice(1, 3);
  if (!isCalendarDate(year, +s.slice(3, 5), +s.slice(5, 7))) return false;
  const rest = weighted(s, [2, 7, 9, 1, 4, 6, 3, 5, 8, 2, 7, 9]) % 11;
  return (rest === 10 ? 1 : rest) === digitAt(s, 12);
};

// The Czech and Slovak birth number (rodné číslo) of ten digits: YYMMDD (the month plus 50 for
// women, plus 20 when a day's numbers ran out), and the whole divisible by 11 (or, before 1985,
// a remainder of 10 written as 0).
export const czechBirthNumber: Check = (s) => {
  if (!/^\d{10}$/.test(s)) return false;
  const yy = +s.slice(0, 2);
  const year = yy < 54 ? 2000 + yy : 1900 + yy;
  if (!isCalendarDate(year, (+s.slice(2, 4) % 50) % 20, +s.slice(4, 6))) return false;
  return (+s.slice(0, 9) % 11) % (year < 1985 ? 10 : 11) === digitAt(s, 9);
};

// Portugal's NIF: nine digits, the first (never 0) saying what kind of taxpayer, and a mod-11
// check digit.
export const portugueseNif: Check = (s) => {
  if (!/^[1-9]\d{8}$/.test(s)) return false;
  const rest = weighted(s, [9, 8, 7, 6, 5, 4, 3, 2]) % 11;
  return (rest < 2 ? 0 : 11 - rest) === digitAt(s, 8);
};

// Greece's AMKA: DDMMYY, a serial and a Luhn check digit.
export const greekAmka: Check = (s) =>
  /^\d{11}$/.test(s) &&
  inEitherCentury(+s.slice(4, 6), +s.slice(2, 4), +s.slice(0, 2), 1900) &&
  passesLuhn(s);

// Ireland's PPS number: seven digits, a check letter and, since 2013, a second letter that counts
// in the check.
const PPS_LETTERS = 'WABCDEFGHIJKLMNOPQRSTUV';
export const irishPps: Check = (s) => {
  const parts = /^(\d{7})([A-W])([AHWTX]?)$/.exec(s);
  if (!parts) return false;
  const digits = parts[1] as string;
  const second = parts[3] ?? '';
  const extra = second === 'A' || second === 'H' ? 9 * PPS_LETTERS.indexOf(second) : 0;
  return PPS_LETTERS[(weighted(digits, [8, 7, 6, 5, 4, 3, 2]) + extra) % 23] === parts[2];
};

// Switzerland's AHV/AVS number: 756, nine digits and an EAN-13 check digit.
export const swissAhv: Check = (s) =>
  /^756\d{10}$/.test(s) &&
  mod10CheckDigit(s, [1, 3, 1, 3, 1, 3, 1, 3, 1, 3, 1, 3]) === digitAt(s, 12);

// Bulgaria's EGN: YYMMDD (the month plus 20 for the 1800s, plus 40 for the 2000s), a serial and a
// mod-11 check digit.
export const bulgarianEgn: Check = (s) => {
  if (!/^\d{10}$/.test(s)) return false;
  const month = +s.slice(2, 4);
  const century = month > 40 ? 2000 : month > 20 ? 1800 : 1900;
  if (!isCalendarDate(century + +s.slice(0, 2), month % 20, +s.slice(4, 6))) return false;
  return (weighted(s, [2, 4, 8, 5, 10, 9, 7, 3, 6]) % 11) % 10 === digitAt(s, 9);
};

// Austria's social insurance number: a serial, a check digit, then the birth date DDMMYY.
export const austrianSvnr: Check = (s) => {
  if (!/^\d{10}$/.test(s)) return false;
  if (!inEitherCentury(+s.slice(8, 10), +s.slice(6, 8), +s.slice(4, 6), 1900)) return false;
  return weighted(s, [3, 7, 9, 0, 5, 8, 4, 2, 1, 6]) % 11 === digitAt(s, 3);
};

// Iceland's kennitala: DDMMYY (the day plus 40 for a company), two digits, a check digit and the
// century (9 for the 1900s, 0 for the 2000s).
export const icelandicKennitala: Check = (s) => {
  if (!/^\d{10}$/.test(s)) return false;
  const year = (s[9] === '9' ? 1900 : 2000) + +s.slice(4, 6);
  return (
    isCalendarDate(year, +s.slice(2, 4), +s.slice(0, 2) % 40) &&
    weighted(s, [3, 2, 7, 6, 5, 4, 3, 2, 1]) % 11 === 0
  );
};
