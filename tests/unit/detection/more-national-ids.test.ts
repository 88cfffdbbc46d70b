import fc from 'fast-check';
import * as arCuit from 'stdnum/lib/esm/ar/cuit';
import * as atVnr from 'stdnum/lib/esm/at/vnr';
import * as beNn from 'stdnum/lib/esm/be/nn';
import * as bgEgn from 'stdnum/lib/esm/bg/egn';
import * as chSsn from 'stdnum/lib/esm/ch/ssn';
import * as clRut from 'stdnum/lib/esm/cl/rut';
import * as czRc from 'stdnum/lib/esm/cz/rc';
import * as deIdnr from 'stdnum/lib/esm/de/idnr';
import * as dkCpr from 'stdnum/lib/esm/dk/cpr';
import * as ecCi from 'stdnum/lib/esm/ec/ci';
import * as fiHetu from 'stdnum/lib/esm/fi/hetu';
import * as grAmka from 'stdnum/lib/esm/gr/amka';
import * as hkHkid from 'stdnum/lib/esm/hk/hkid';
import * as hrOib from 'stdnum/lib/esm/hr/oib';
import * as iePps from 'stdnum/lib/esm/ie/pps';
import * as isKennitala from 'stdnum/lib/esm/is/kennitala';
import * as itCodicefiscale from 'stdnum/lib/esm/it/codicefiscale';
import * as ltAsmens from 'stdnum/lib/esm/lt/asmens';
import * as mxRfc from 'stdnum/lib/esm/mx/rfc';
import * as noFodselsnummer from 'stdnum/lib/esm/no/fodselsnummer';
import * as ptNif from 'stdnum/lib/esm/pt/nif';
import * as roCnp from 'stdnum/lib/esm/ro/cnp';
import * as sePersonnummer from 'stdnum/lib/esm/se/personnummer';
import { describe, expect, it } from 'vitest';
import {
  compactId,
  matchNationalId,
  NATIONAL_ID_CHECKS as C,
} from '@/utils/detection/validators/national-ids';

type Check = (compact: string) => boolean;

/**
 * The checks of Europe's, Latin America's and Hong Kong's personal numbers (2026-12-05), each
 * against stdnum on numbers of its shape, as national-ids.test.ts does for the first twenty.
 */
describe('more national ID checks: published numbers', () => {
  it.each([
    ['Sweden', C.swedishPersonnummer, '880320-0016', '880320-0017'],
    ['Sweden, twelve digits', C.swedishPersonnummer, '19880320-0016', '19880320-0018'],
    ['Norway', C.norwegianFodselsnummer, '151086 95088', '151086 95077'],
    ['Finland', C.finnishHetu, '131052-308T', '131052-308U'],
    ['Finland, 2000s', C.finnishHetu, '010101A123N', '010101A123M'],
    ['Denmark', C.danishCpr, '010180-1234', '320180-1234'],
    ['Estonia', C.balticPersonalCode, '36805280109', '36805280108'],
    ['Lithuania', C.balticPersonalCode, '33309240064', '33309240164'],
    ['Italy', C.italianCodiceFiscale, 'RCCMNL83S18D969H', 'RCCMNL83S18D969A'],
    ['Belgium', C.belgianNationalNumber, '85.07.30-033.28', '85.07.30-033.29'],
    ['Croatia', C.croatianOib, '33392005961', '33392005962'],
    ['Germany', C.germanTaxId, '36 574 261 809', '36 574 261 808'],
    ['Romania', C.romanianCnp, '1630615123457', '1630615123458'],
    ['Czechia', C.czechBirthNumber, '710319/2745', '710319/2746'],
    ['Portugal', C.portugueseNif, '501 964 843', '501 964 842'],
    ['Greece', C.greekAmka, '01013099997', '01013099999'],
    ['Ireland', C.irishPps, '6433435F', '6433435E'],
    ['Ireland, two letters', C.irishPps, '6433435OA', '6433435PA'],
    ['Switzerland', C.swissAhv, '756.9217.0769.85', '756.9217.0769.84'],
    ['Bulgaria', C.bulgarianEgn, '7523169263', '7523169264'],
    // Its check passes, but February has no 30th (stdnum reads only the check).
    ['Bulgaria, a date', C.bulgarianEgn, '7523169263', '7502302382'],
    ['Austria', C.austrianSvnr, '1237 010180', '2237 010180'],
    ['Iceland', C.icelandicKennitala, '450401-3150', '320174-3399'],
    ['Chile', C.chileRut, '12.531.909-2', '12.531.909-3'],
    ['Chile, K', C.chileRut, '5.000.001-K', '5.000.001-1'],
    ['Argentina', C.argentinaCuit, '20-05536168-2', '20-05536168-3'],
    ['Ecuador', C.ecuadorCedula, '171430710-3', '171430710-4'],
    ['Hong Kong', C.hongKongId, 'G123456(A)', 'G123456(B)'],
    ['Hong Kong, two letters', C.hongKongId, 'AB987654(3)', 'AB987654(4)'],
    ['Mexico, RFC', C.mexicoRfc, 'GODE561231GR8', 'GODE561231GR9'],
    // The IMSS's own example of the check.
    ['Mexico, NSS', C.mexicoNss, '12345678903', '12345678901'],
  ] as const)('%s: %s passes and %s does not', (_name, check: Check, valid, invalid) => {
    expect(check(compactId(valid.replace(/[()]/g, '')))).toBe(true);
    expect(check(compactId(invalid.replace(/[()]/g, '')))).toBe(false);
  });

  it("checks an NSS by the IMSS's rule: weights 1-2-1-2… from the left, a product's digits summed", () => {
    // stdnum has no NSS: the rule as the IMSS describes it, written out apart from the check.
    const imssCheckDigit = (first10: string) => {
      let sum = 0;
      for (let i = 0; i < 10; i++) {
        const product = Number(first10[i]) * (i % 2 === 0 ? 1 : 2);
        sum += Math.floor(product / 10) + (product % 10);
      }
      return (10 - (sum % 10)) % 10;
    };
    fc.assert(
      fc.property(digits(10), fc.integer({ min: 0, max: 9 }), (first10, check) => {
        expect(C.mexicoNss(first10 + check)).toBe(check === imssCheckDigit(first10));
      }),
      { numRuns: 4000 },
    );
  });

  it('names whose number a value is', () => {
    expect(matchNationalId('RCCMNL83S18D969H')).toEqual({ name: "Italy's codice fiscale" });
    expect(matchNationalId('756.9217.0769.85')).toEqual({ name: "Switzerland's AHV number" });
    expect(matchNationalId('12.531.909-2')).toEqual({ name: "Chile's RUT" });
  });
});

const digits = (length: number) =>
  fc
    .array(fc.integer({ min: 0, max: 9 }), { minLength: length, maxLength: length })
    .map((d) => d.join(''));
const pad = (n: number) => String(n).padStart(2, '0');
/** A day of 1-31 (some of them not in the month) in a year of the range. */
const date = (minYear: number, maxYear: number) =>
  fc.record({
    y: fc.integer({ min: minYear, max: maxYear }),
    m: fc.integer({ min: 1, max: 12 }),
    d: fc.integer({ min: 1, max: 31 }),
  });
// The words SAT does not issue as an RFC's first four letters (stdnum's list).
const RFC_REPLACED_WORDS = new Set(
  (
    'BUEI BUEY CACA CACO CAGA CAGO CAKA CAKO COGE COJA COJE COJI COJO CULO FETO GUEY JOTO KACA ' +
    'KACO KAGA KAGO KAKA KOGE KOJO KULO MAME MAMO MEAR MEAS MEON MION MOCO MULA PEDA PEDO PENE ' +
    'PUTA PUTO QULO RATA RUIN'
  ).split(' '),
);
const oracle = (lib: { validate: (v: string) => { isValid: boolean } }) => (v: string) =>
  lib.validate(v).isValid;

describe('more national ID checks agree with stdnum on every number of their shape', () => {
  // Each: the name, the check (given the compacted value), stdnum's (given the value as written)
  // and the values. Births are in the past: stdnum refuses a birth to come, which a check without
  // a clock cannot.
  const cases: ReadonlyArray<
    readonly [string, Check, (v: string) => boolean, fc.Arbitrary<string>]
  > = [
    [
      'Sweden',
      C.swedishPersonnummer,
      oracle(sePersonnummer),
      // Years stdnum reads in the same century from two digits (it counts back from today).
      fc
        .tuple(date(1930, 2019), fc.boolean(), digits(4))
        .map(
          ([{ y, m, d }, coordination, rest]) =>
            `${pad(y % 100)}${pad(m)}${pad(d + (coordination ? 60 : 0))}-${rest}`,
        ),
    ],
    [
      'Norway',
      C.norwegianFodselsnummer,
      oracle(noFodselsnummer),
      fc
        .tuple(date(1940, 2025), fc.constantFrom(0, 40), digits(5))
        .map(
          ([{ y, m, d }, dNumber, rest]) => `${pad(d + dNumber)}${pad(m)}${pad(y % 100)}${rest}`,
        ),
    ],
    [
      'Finland',
      C.finnishHetu,
      oracle(fiHetu),
      fc
        .tuple(
          date(1900, 2025),
          digits(3),
          fc.constantFrom(...'0123456789ABCDEFHJKLMNPRSTUVWXY'),
          fc.constantFrom('-', 'Y', 'X'),
        )
        .map(
          ([{ y, m, d }, n, check, sign]) =>
            `${pad(d)}${pad(m)}${pad(y % 100)}${y >= 2000 ? 'A' : sign}${n}${check}`,
        ),
    ],
    [
      'Denmark',
      C.danishCpr,
      oracle(dkCpr),
      // A seventh digit of 0-3 puts the birth in the 1900s, so none is to come.
      fc
        .tuple(date(1900, 1999), fc.integer({ min: 0, max: 3 }), digits(3))
        .map(
          ([{ y, m, d }, seventh, rest]) => `${pad(d)}${pad(m)}${pad(y % 100)}${seventh}${rest}`,
        ),
    ],
    [
      'Estonia and Lithuania',
      C.balticPersonalCode,
      oracle(ltAsmens),
      fc
        .tuple(date(1900, 2025), fc.integer({ min: 0, max: 1 }), digits(4))
        .map(
          ([{ y, m, d }, sex, rest]) =>
            `${(y < 2000 ? 3 : 5) + sex}${pad(y % 100)}${pad(m)}${pad(d)}${rest}`,
        ),
    ],
    [
      'Italy',
      C.italianCodiceFiscale,
      oracle(itCodicefiscale),
      fc
        .tuple(
          fc.stringMatching(/^[A-Z]{6}$/),
          digits(2),
          fc.constantFrom(...'ABCDEHLMPRST'),
          fc.integer({ min: 1, max: 28 }),
          fc.boolean(),
          fc.stringMatching(/^[A-Z]\d{3}[A-Z]$/),
        )
        .map(
          ([name, yy, month, day, woman, rest]) =>
            `${name}${yy}${month}${pad(day + (woman ? 40 : 0))}${rest}`,
        ),
    ],
    [
      'Belgium',
      C.belgianNationalNumber,
      oracle(beNn),
      fc
        .tuple(date(1940, 2025), digits(5))
        .map(([{ y, m, d }, rest]) => `${pad(y % 100)}${pad(m)}${pad(d)}${rest}`),
    ],
    ['Croatia', C.croatianOib, oracle(hrOib), digits(11)],
    [
      'Germany',
      C.germanTaxId,
      oracle(deIdnr),
      // Ten digits with one of them twice or three times (the rule since 2016), and a check.
      fc
        .tuple(
          fc.shuffledSubarray([...'0123456789'], { minLength: 10, maxLength: 10 }),
          fc.integer({ min: 1, max: 9 }),
          fc.integer({ min: 0, max: 9 }),
          fc.boolean(),
          digits(1),
        )
        .filter(([all, at, from]) => all[0] !== '0' && at !== from)
        .map(([all, at, from, thrice, check]) => {
          const ten = [...all];
          ten[at] = ten[from] as string;
          const other = (at % 9) + 1;
          if (thrice && other !== from) ten[other] = ten[from] as string;
          return ten.join('') + check;
        })
        .filter((v) => v[0] !== '0'),
    ],
    [
      'Romania',
      C.romanianCnp,
      oracle(roCnp),
      fc
        .tuple(
          fc.integer({ min: 0, max: 1 }),
          date(1900, 2025),
          fc.constantFrom('01', '12', '40', '52'),
          digits(4),
        )
        .map(
          ([sex, { y, m, d }, county, rest]) =>
            `${(y < 2000 ? 1 : 5) + sex}${pad(y % 100)}${pad(m)}${pad(d)}${county}${rest}`,
        ),
    ],
    [
      'Czechia and Slovakia',
      C.czechBirthNumber,
      oracle(czRc),
      fc
        .tuple(date(1954, 2025), fc.constantFrom(0, 50), digits(4))
        .map(([{ y, m, d }, woman, rest]) => `${pad(y % 100)}${pad(m + woman)}${pad(d)}${rest}`),
    ],
    ['Portugal', C.portugueseNif, oracle(ptNif), digits(9)],
    [
      'Greece',
      C.greekAmka,
      oracle(grAmka),
      fc
        .tuple(date(1920, 2019), digits(5))
        .map(([{ y, m, d }, rest]) => `${pad(d)}${pad(m)}${pad(y % 100)}${rest}`),
    ],
    [
      'Ireland',
      C.irishPps,
      oracle(iePps),
      fc
        .tuple(
          digits(7),
          fc.constantFrom(...'ABCDEFGHIJKLMNOPQRSTUVW'),
          fc.constantFrom('', 'A', 'H', 'W'),
        )
        .map(([n, check, second]) => n + check + second),
    ],
    ['Switzerland', C.swissAhv, oracle(chSsn), digits(10).map((rest) => `756${rest}`)],
    [
      'Bulgaria',
      C.bulgarianEgn,
      oracle(bgEgn),
      // Days every month has: stdnum reads only the check digit, Tally the date as well.
      fc
        .tuple(date(1900, 2025), digits(4))
        .map(
          ([{ y, m, d }, rest]) =>
            `${pad(y % 100)}${pad(m + (y >= 2000 ? 40 : 0))}${pad(Math.min(d, 28))}${rest}`,
        ),
    ],
    [
      'Austria',
      C.austrianSvnr,
      oracle(atVnr),
      fc
        .tuple(fc.integer({ min: 100, max: 999 }), digits(1), date(1930, 2019))
        .map(
          ([serial, check, { y, m, d }]) => `${serial}${check}${pad(d)}${pad(m)}${pad(y % 100)}`,
        ),
    ],
    [
      'Iceland',
      C.icelandicKennitala,
      oracle(isKennitala),
      fc
        .tuple(date(1900, 2099), digits(3))
        .map(
          ([{ y, m, d }, rest]) => `${pad(d)}${pad(m)}${pad(y % 100)}${rest}${y < 2000 ? 9 : 0}`,
        ),
    ],
    [
      'Chile',
      C.chileRut,
      oracle(clRut),
      fc
        .tuple(fc.integer({ min: 1_000_000, max: 99_999_999 }), fc.constantFrom(...'0123456789K'))
        .map(([n, check]) => `${n}${check}`),
    ],
    [
      'Argentina',
      C.argentinaCuit,
      oracle(arCuit),
      fc
        .tuple(fc.constantFrom('20', '23', '24', '27', '30', '33', '34'), digits(9))
        .map(([type, rest]) => type + rest),
    ],
    [
      'Ecuador',
      C.ecuadorCedula,
      oracle(ecCi),
      fc
        .tuple(fc.integer({ min: 1, max: 24 }), fc.integer({ min: 0, max: 5 }), digits(7))
        .map(([province, third, rest]) => `${pad(province)}${third}${rest}`),
    ],
    [
      'Hong Kong',
      C.hongKongId,
      oracle(hkHkid),
      fc
        .tuple(fc.stringMatching(/^[A-NP-Z]{1,2}$/), digits(6), fc.constantFrom(...'0123456789A'))
        .map(([letters, n, check]) => letters + n + check),
    ],
    [
      "Mexico's RFC",
      C.mexicoRfc,
      // stdnum also refuses the few four-letter words SAT replaces in a name (Tally does not).
      (v: string) => !RFC_REPLACED_WORDS.has(v.slice(0, 4)) && oracle(mxRfc)(v),
      fc
        .tuple(
          fc.stringMatching(/^[A-Z]{4}$/),
          date(1930, 2025),
          fc.stringMatching(/^[1-9A-V][1-9A-Z]$/),
          fc.constantFrom(...'0123456789A'),
        )
        .map(([name, { y, m, d }, homoclave, check]) => {
          return `${name}${pad(y % 100)}${pad(m)}${pad(d)}${homoclave}${check}`;
        })
        .filter((v) => !RFC_REPLACED_WORDS.has(v.slice(0, 4))),
    ],
  ];

  it.each(cases)('%s', (_name, mine, theirs, values) => {
    let valid = 0;
    fc.assert(
      fc.property(values, (v) => {
        const verdict = mine(compactId(v));
        if (verdict) valid++;
        expect(verdict, v).toBe(theirs(v));
      }),
      { numRuns: 4000 },
    );
    // The generator reaches valid numbers, so agreement is tested on both sides.
    expect(valid).toBeGreaterThan(10);
  });
});
