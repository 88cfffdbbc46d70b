import {
  allSame,
  digitAt,
  isCalendarDate,
  mod10CheckDigit,
  mod97,
  passesLuhn,
  weightedDigitSum as weighted,
} from './checksums';
import * as EU from './european-ids';

/**
 * Check digits and rules of national identity and tax numbers outside the US, for values typed
 * where the words around them already speak of an ID ("身份证号 11010519491231002X" in a note):
 * the context is what makes a finding count (value-scan.ts), the check is what keeps a phone or
 * an order number next to those words from counting.
 *
 * Written out here rather than imported: the library that has them all (stdnum, which the unit
 * tests use as the oracle for every one it has) would add some 22 KB to a content script every
 * frame loads.
 */
export interface NationalIdMatch {
  /** Whose number it is, for the reason a person reads: "… passes the check of China's resident ID". */
  readonly name: string;
}

type Check = (compact: string) => boolean;

// China's resident identity card: a region, the birth date, a sequence and an ISO 7064 MOD 11-2
// check character ("X" for 10).
const chinaResidentId: Check = (s) =>
  /^\d{17}[\dX]$/.test(s) &&
  isCalendarDate(+s.slice(6, 10), +s.slice(10, 12), +s.slice(12, 14)) &&
  '10X98765432'[weighted(s, [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]) % 11] === s[17];

// Taiwan's national ID: a letter for the place of first registration, then nine digits.
const TAIWAN_LETTERS = 'ABCDEFGHJKLMNPQRSTUVXYWZIO';
const taiwanId: Check = (s) => {
  if (!/^[A-Z][1289]\d{8}$/.test(s)) return false;
  const code = TAIWAN_LETTERS.indexOf(s[0] as string) + 10;
  const sum =
    Math.floor(code / 10) + (code % 10) * 9 + weighted(s.slice(1), [8, 7, 6, 5, 4, 3, 2, 1, 1]);
  return sum % 10 === 0;
};

// South Korea's resident registration number: birth date, a century-and-sex digit, a place code
// and a check digit.
const KOREAN_CENTURY = [1800, 1900, 1900, 2000, 2000, 1900, 1900, 2000, 2000, 1800];
const koreanRrn: Check = (s) =>
  /^\d{13}$/.test(s) &&
  isCalendarDate(
    (KOREAN_CENTURY[digitAt(s, 6)] ?? 0) + +s.slice(0, 2),
    +s.slice(2, 4),
    +s.slice(4, 6),
  ) &&
  +s.slice(7, 9) <= 96 &&
  (11 - (weighted(s, [2, 3, 4, 5, 6, 7, 8, 9, 2, 3, 4, 5]) % 11)) % 10 === digitAt(s, 12);

// Japan's My Number (Individual Number): eleven digits and a check digit.
const japanMyNumber: Check = (s) => {
  if (!/^\d{12}$/.test(s)) return false;
  let sum = 0;
  for (let n = 1; n <= 11; n++) sum += digitAt(s, 11 - n) * (n <= 6 ? n + 1 : n - 5);
  const remainder = sum % 11;
  return (remainder <= 1 ? 0 : 11 - remainder) === digitAt(s, 11);
};

// Verhoeff's dihedral check, as Aadhaar uses it.
const VERHOEFF_D = [
  '0123456789',
  '1234067895',
  '2340178956',
  '3401289567',
  '4012395678',
  '5987604321',
  '6598710432',
  '7659821043',
  '8765932104',
  '9876543210',
];
const VERHOEFF_P = [
  '0123456789',
  '1576283094',
  '5803796142',
  '8916043527',
  '9453126870',
  '4286573901',
  '2793806415',
  '7046913258',
];
function passesVerhoeff(s: string): boolean {
  let c = 0;
  for (let i = 0; i < s.length; i++) {
    const p = digitAt(VERHOEFF_P[i % 8] as string, digitAt(s, s.length - 1 - i));
    c = digitAt(VERHOEFF_D[c] as string, p);
  }
  return c === 0;
}

// India's Aadhaar: twelve digits, never starting with 0 or 1, never a palindrome, Verhoeff.
const aadhaar: Check = (s) =>
  /^[2-9]\d{11}$/.test(s) && [...s].reverse().join('') !== s && passesVerhoeff(s);

// India's PAN: five letters (the fourth says who holds it), four digits (not 0000), a letter.
const indiaPan: Check = (s) => /^[A-Z]{3}[ABCFGHJKLPT][A-Z](?!0000)\d{4}[A-Z]$/.test(s);

// Israel's identity number: up to nine digits, Luhn over nine. Canada's Social Insurance Number is
// nine digits under the same Luhn check, so one check serves both.
const israelId: Check = (s) => /^\d{5,9}$/.test(s) && passesLuhn(s.padStart(9, '0'));

// Thailand's citizen ID: thirteen digits, a first digit of 1 to 8, a mod-11 check.
const thaiId: Check = (s) =>
  /^[1-8]\d{12}$/.test(s) &&
  (11 - (weighted(s, [13, 12, 11, 10, 9, 8, 7, 6, 5, 4, 3, 2]) % 11)) % 10 === digitAt(s, 12);

// Russia's taxpayer number (INN): ten digits for an organisation, twelve for a person.
const innDigit = (s: string, weights: readonly number[]): number =>
  (weighted(s, weights) % 11) % 10;
const russianInn: Check = (s) => {
  if (/^\d{10}$/.test(s)) return innDigit(s, [2, 4, 10, 3, 5, 9, 4, 6, 8]) === digitAt(s, 9);
  return (
    /^\d{12}$/.test(s) &&
    innDigit(s, [7, 2, 4, 10, 3, 5, 9, 4, 6, 8]) === digitAt(s, 10) &&
    innDigit(s, [3, 7, 2, 4, 10, 3, 5, 9, 4, 6, 8]) === digitAt(s, 11)
  );
};

// Russia's pension insurance number (SNILS): nine digits and a two-digit check.
const snils: Check = (s) => {
  if (!/^\d{11}$/.test(s)) return false;
  const sum = weighted(s, [9, 8, 7, 6, 5, 4, 3, 2, 1]);
  return (sum % 101) % 100 === +s.slice(9);
};

// Brazil's CPF: nine digits and two mod-11 check digits.
function cpfDigit(s: string, length: number): number {
  let sum = 0;
  for (let i = 0; i < length; i++) sum += digitAt(s, i) * (length + 1 - i);
  const r = sum % 11;
  return r < 2 ? 0 : 11 - r;
}
const brazilCpf: Check = (s) =>
  /^\d{11}$/.test(s) && cpfDigit(s, 9) === digitAt(s, 9) && cpfDigit(s, 10) === digitAt(s, 10);

// Spain's DNI (eight digits and a letter) and NIE (X, Y or Z, seven digits and a letter).
const DNI_LETTERS = 'TRWAGMYFPDXBNJZSQVHLCKE';
const spainDni: Check = (s) => /^\d{8}[A-Z]$/.test(s) && DNI_LETTERS[+s.slice(0, 8) % 23] === s[8];
const spainNie: Check = (s) =>
  /^[XYZ]\d{7}[A-Z]$/.test(s) &&
  DNI_LETTERS[+(String('XYZ'.indexOf(s[0] as string)) + s.slice(1, 8)) % 23] === s[8];

// The Netherlands' BSN: eight or nine digits passing the "elfproef".
const dutchBsn: Check = (s) => {
  if (!/^\d{8,9}$/.test(s)) return false;
  const n = s.padStart(9, '0');
  return weighted(n, [9, 8, 7, 6, 5, 4, 3, 2, -1]) % 11 === 0;
};

// Poland's PESEL: birth date (the month carries the century), a serial and a check digit.
const PESEL_CENTURY = [1900, 2000, 2100, 2200, 1800];
const polishPesel: Check = (s) => {
  if (!/^\d{11}$/.test(s)) return false;
  const month = +s.slice(2, 4);
  const year = (PESEL_CENTURY[Math.floor(month / 20)] ?? 0) + +s.slice(0, 2);
  return (
    isCalendarDate(year, month % 20, +s.slice(4, 6)) &&
    mod10CheckDigit(s, [1, 3, 7, 9, 1, 3, 7, 9, 1, 3]) === digitAt(s, 10)
  );
};

// Turkey's T.C. Kimlik No: eleven digits, no leading zero, two check digits.
const turkishId: Check = (s) => {
  if (!/^[1-9]\d{10}$/.test(s)) return false;
  const odd = weighted(s, [1, 0, 1, 0, 1, 0, 1, 0, 1]);
  const even = weighted(s, [0, 1, 0, 1, 0, 1, 0, 1]);
  const tenth = (((odd * 7 - even) % 10) + 10) % 10;
  return (
    tenth === digitAt(s, 9) && weighted(s, [1, 1, 1, 1, 1, 1, 1, 1, 1, 1]) % 10 === digitAt(s, 10)
  );
};

// France's social security number (NIR): sex, year, month, place, serial and a mod-97 key.
const frenchNir: Check = (s) => {
  if (!/^[1-478]\d{4}(?:\d\d|2[AB])\d{6}\d\d$/.test(s)) return false;
  const body = s.slice(0, 13).replace('2A', '19').replace('2B', '18');
  return 97 - mod97(body) === +s.slice(13);
};

// The UK's National Insurance number: two letters (some pairs never issued), six digits, A-D.
const ukNino: Check = (s) =>
  /^(?!BG|GB|KN|NK|NT|TN|ZZ)[A-CEGHJ-PR-TW-Z][A-CEGHJ-NPR-TW-Z]\d{6}[A-D]$/.test(s);

// Singapore's NRIC and FIN (S and T for citizens, F and G for foreigners): seven digits and a
// check letter.
const singaporeNric: Check = (s) => {
  if (!/^[STFG]\d{7}[A-Z]$/.test(s)) return false;
  const first = s[0] as string;
  const sum =
    weighted(s.slice(1), [2, 7, 6, 5, 4, 3, 2]) + (first === 'T' || first === 'G' ? 4 : 0);
  const letters = first === 'S' || first === 'T' ? 'JZIHGFEDCBA' : 'XWUTRQPNMLK';
  return letters[sum % 11] === s[8];
};

// South Africa's identity number: birth date, a sequence, citizenship (0 or 1) and Luhn.
const southAfricanId: Check = (s) => {
  if (!/^\d{10}[01]\d\d$/.test(s)) return false;
  const yy = +s.slice(0, 2);
  const year = yy < 20 ? 2000 + yy : 1900 + yy;
  return isCalendarDate(year, +s.slice(2, 4), +s.slice(4, 6)) && passesLuhn(s);
};

// Mexico's CURP: four letters of the name, the birth date, sex (H, M or X), the state, three
// consonants, a character for the century, and a check digit over the rest.
const CURP_STATES = new Set(
  'AS BC BS CC CH CL CM CS DF DG GR GT HG JC MC MN MS NE NL NT OC PL QR QT SL SP SR TC TL TS VZ YN ZS'.split(
    ' ',
  ),
);
const CURP_ALPHABET = '0123456789ABCDEFGHIJKLMNÑOPQRSTUVWXYZ';
const mexicoCurp: Check = (s) => {
  if (!/^[A-Z]{4}\d{6}[HMX][A-Z]{5}[0-9A-Z]\d$/.test(s) || !CURP_STATES.has(s.slice(11, 13))) {
    return false;
  }
  const yy = +s.slice(4, 6);
  // The seventeenth character is a digit for those born in the 1900s, a letter after 2000.
  const year = (/\d/.test(s[16] as string) ? 1900 : 2000) + yy;
  if (!isCalendarDate(year, +s.slice(6, 8), +s.slice(8, 10))) return false;
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += CURP_ALPHABET.indexOf(s[i] as string) * (18 - i);
  return (10 - (sum % 10)) % 10 === digitAt(s, 17);
};

// Mexico's RFC for a person: four letters of the name, the birth date, a two-character homoclave
// and a mod-11 check over the rest (SAT's alphabet; older numbers were issued with one without Ñ
// and &). A company's has three letters and is not a person's.
const RFC_ALPHABET = '0123456789ABCDEFGHIJKLMN&OPQRSTUVWXYZ Ñ';
const RFC_ALPHABET_LEGACY = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ ';
const rfcCheck = (s: string, alphabet: string): string => {
  let sum = 0;
  for (let i = 0; i < 12; i++) sum += alphabet.indexOf(s[i] as string) * (13 - i);
  const check = 11 - (sum % 11);
  return check === 11 ? '0' : check === 10 ? 'A' : String(check);
};
const mexicoRfc: Check = (s) => {
  if (!/^[A-ZÑ&]{4}\d{6}[1-9A-V][1-9A-Z][0-9A]$/.test(s)) return false;
  const [yy, mm, dd] = [+s.slice(4, 6), +s.slice(6, 8), +s.slice(8, 10)];
  if (!isCalendarDate(1900 + yy, mm, dd) && !isCalendarDate(2000 + yy, mm, dd)) return false;
  const check = s[12];
  return check === rfcCheck(s, RFC_ALPHABET) || check === rfcCheck(s, RFC_ALPHABET_LEGACY);
};

// Chile's RUT/RUN: seven or eight digits and a mod-11 check character (K for 10).
const chileRut: Check = (s) => {
  if (!/^\d{7,8}[\dK]$/.test(s)) return false;
  let sum = 0;
  for (let i = s.length - 2, w = 2; i >= 0; i--, w = w === 7 ? 2 : w + 1) sum += digitAt(s, i) * w;
  return '0123456789K'[(11 - (sum % 11)) % 11] === s[s.length - 1];
};

// Argentina's CUIT/CUIL: a type (20, 23, 24, 27 for people; 30, 33, 34 for companies), the DNI
// and a mod-11 check digit.
const argentinaCuit: Check = (s) =>
  /^(?:2[0347]|3[034])\d{9}$/.test(s) &&
  '012345678990'[11 - (weighted(s, [5, 4, 3, 2, 7, 6, 5, 4, 3, 2]) % 11)] === s[10];

// Ecuador's cédula: the province (01-24, or 30 abroad), a third digit below 6, and a mod-10 check
// of alternate doubled digits.
const ecuadorCedula: Check = (s) => {
  if (!/^(?:0[1-9]|1\d|2[0-4]|30)[0-5]\d{7}$/.test(s)) return false;
  let sum = 0;
  for (let i = 0; i < 9; i++) {
    const d = digitAt(s, i) * (i % 2 === 0 ? 2 : 1);
    sum += d > 9 ? d - 9 : d;
  }
  return (10 - (sum % 10)) % 10 === digitAt(s, 9);
};

// Mexico's social security number (NSS, IMSS): a subdelegation, the years of registration and
// birth, a serial and a check digit weighted 1-2-1-2… from the left, as Luhn's is from the right.
const mexicoNss: Check = (s) => /^\d{11}$/.test(s) && passesLuhn(s);

// Hong Kong's identity card: one or two letters, six digits and a mod-11 check (A for 10).
const hongKongId: Check = (s) => {
  if (!/^[A-NP-Z]{1,2}\d{6}[\dA]$/.test(s)) return false;
  const body = s.length === 8 ? ` ${s.slice(0, 7)}` : s.slice(0, 8);
  let sum = 0;
  for (let i = 0; i < 8; i++) {
    const ch = body[i] as string;
    const value = ch === ' ' ? 36 : ch <= '9' ? digitAt(ch, 0) : ch.charCodeAt(0) - 55;
    sum += value * (9 - i);
  }
  return '0123456789A'[(11 - (sum % 11)) % 11] === s[s.length - 1];
};

/**
 * Each check with whose number it is and the lengths it takes (compacted), so a candidate meets
 * only the checks of its length: a pasted spreadsheet offers thousands. A value may pass more than
 * one; the first is named.
 */
const CHECKS: ReadonlyArray<readonly [Check, string, readonly number[]]> = [
  [chinaResidentId, "China's resident ID", [18]],
  [taiwanId, "Taiwan's national ID", [10]],
  [koreanRrn, "South Korea's resident registration number", [13]],
  [southAfricanId, "South Africa's ID number", [13]],
  [thaiId, "Thailand's citizen ID", [13]],
  [frenchNir, "France's social security number", [15]],
  [japanMyNumber, "Japan's My Number", [12]],
  [aadhaar, "India's Aadhaar number", [12]],
  [russianInn, "Russia's taxpayer number (INN)", [10, 12]],
  [snils, "Russia's SNILS", [11]],
  [brazilCpf, "Brazil's CPF", [11]],
  [polishPesel, "Poland's PESEL", [11]],
  [turkishId, "Turkey's identity number", [11]],
  [dutchBsn, "the Netherlands' BSN", [8, 9]],
  [israelId, "Israel's identity number or Canada's SIN", [5, 6, 7, 8, 9]],
  [spainDni, "Spain's DNI", [9]],
  [spainNie, "Spain's NIE", [9]],
  [indiaPan, "India's PAN", [10]],
  [ukNino, "the UK's National Insurance number", [9]],
  [singaporeNric, "Singapore's NRIC", [9]],
  [mexicoCurp, "Mexico's CURP", [18]],
  [mexicoRfc, "Mexico's RFC", [13]],
  [EU.swedishPersonnummer, "Sweden's personnummer", [10, 12]],
  [EU.norwegianFodselsnummer, "Norway's fødselsnummer", [11]],
  [EU.finnishHetu, "Finland's henkilötunnus", [10, 11]],
  [EU.balticPersonalCode, "Estonia's or Lithuania's personal code", [11]],
  [EU.italianCodiceFiscale, "Italy's codice fiscale", [16]],
  [EU.croatianOib, "Croatia's OIB", [11]],
  [EU.germanTaxId, "Germany's tax ID", [11]],
  [EU.romanianCnp, "Romania's CNP", [13]],
  [EU.swissAhv, "Switzerland's AHV number", [13]],
  [EU.greekAmka, "Greece's AMKA", [11]],
  [EU.irishPps, "Ireland's PPS number", [8, 9]],
  [EU.bulgarianEgn, "Bulgaria's EGN", [10]],
  [EU.icelandicKennitala, "Iceland's kennitala", [10]],
  [EU.czechBirthNumber, 'the Czech or Slovak birth number', [10]],
  [EU.austrianSvnr, "Austria's social insurance number", [10]],
  [EU.belgianNationalNumber, "Belgium's national register number", [11]],
  [EU.portugueseNif, "Portugal's NIF", [9]],
  [EU.danishCpr, "Denmark's CPR number", [10]],
  [chileRut, "Chile's RUT", [8, 9]],
  [argentinaCuit, "Argentina's CUIT", [11]],
  [ecuadorCedula, "Ecuador's cédula", [10]],
  [hongKongId, "Hong Kong's identity card", [8, 9]],
  // Last of its length: a check digit alone, which one in ten numbers passes.
  [mexicoNss, "Mexico's social security number (NSS)", [11]],
];

/** The value with the separators these numbers are written with taken out, in capitals. */
export function compactId(value: string): string {
  return value.replace(/[\s./-]/g, '').toUpperCase();
}

/** Whose national ID or tax number the value passes the check of, if any. */
export function matchNationalId(value: string): NationalIdMatch | null {
  const s = compactId(value);
  if (s.length < 5 || s.length > 18 || allSame(s)) return null;
  for (const [check, name] of checksOfLength()[s.length] ?? []) if (check(s)) return { name };
  return null;
}

let byLength: ReadonlyArray<ReadonlyArray<readonly [Check, string]>> | undefined;

/** The checks that take each length, in CHECKS' order (built on first use). */
function checksOfLength(): ReadonlyArray<ReadonlyArray<readonly [Check, string]>> {
  if (byLength) return byLength;
  const table: Array<Array<readonly [Check, string]>> = Array.from({ length: 19 }, () => []);
  for (const [check, name, lengths] of CHECKS) {
    for (const length of lengths) table[length]?.push([check, name]);
  }
  return (byLength = table);
}

export const NATIONAL_ID_CHECKS = {
  chinaResidentId,
  taiwanId,
  koreanRrn,
  japanMyNumber,
  aadhaar,
  indiaPan,
  israelId,
  thaiId,
  russianInn,
  snils,
  brazilCpf,
  spainDni,
  spainNie,
  dutchBsn,
  polishPesel,
  turkishId,
  frenchNir,
  ukNino,
  singaporeNric,
  southAfricanId,
  mexicoCurp,
  mexicoRfc,
  mexicoNss,
  chileRut,
  argentinaCuit,
  ecuadorCedula,
  hongKongId,
  ...EU,
} as const;
