import fc from 'fast-check';
import * as brCpf from 'stdnum/lib/esm/br/cpf';
import * as caSin from 'stdnum/lib/esm/ca/sin';
import * as cnRic from 'stdnum/lib/esm/cn/ric';
import * as esDni from 'stdnum/lib/esm/es/dni';
import * as esNie from 'stdnum/lib/esm/es/nie';
import * as frNir from 'stdnum/lib/esm/fr/nir';
import * as gbNino from 'stdnum/lib/esm/gb/nino';
import * as ilIdnr from 'stdnum/lib/esm/il/idnr';
import * as inAadhaar from 'stdnum/lib/esm/in/aadhaar';
import * as inPan from 'stdnum/lib/esm/in/pan';
import * as mxCurp from 'stdnum/lib/esm/mx/curp';
import * as krRrn from 'stdnum/lib/esm/kr/rrn';
import * as nlBsn from 'stdnum/lib/esm/nl/bsn';
import * as plPesel from 'stdnum/lib/esm/pl/pesel';
import * as ruInn from 'stdnum/lib/esm/ru/inn';
import * as thIdnr from 'stdnum/lib/esm/th/idnr';
import * as trTckimlik from 'stdnum/lib/esm/tr/tckimlik';
import * as twNatid from 'stdnum/lib/esm/tw/natid';
import * as zaIdnr from 'stdnum/lib/esm/za/idnr';
import { describe, expect, it } from 'vitest';
import {
  matchNationalId,
  NATIONAL_ID_CHECKS as C,
} from '@/utils/detection/validators/national-ids';

type Check = (compact: string) => boolean;

describe('national ID checks: published numbers', () => {
  it.each([
    ['China RIC', C.chinaResidentId, '11010519491231002X', '11010519491231002Y'],
    ['Taiwan ID', C.taiwanId, 'A123456789', 'A123456788'],
    ['My Number', C.japanMyNumber, '123456789018', '123456789017'],
    ['Aadhaar', C.aadhaar, '234123412346', '234123412345'],
    ['Israel ID', C.israelId, '000000018', '000000019'],
    ['Thai ID', C.thaiId, '1101700207030', '1101700207031'],
    ['INN', C.russianInn, '7707083893', '7707083894'],
    ['SNILS', C.snils, '11223344595', '11223344596'],
    ['CPF', C.brazilCpf, '52998224725', '52998224726'],
    ['DNI', C.spainDni, '12345678Z', '12345678A'],
    ['NIE', C.spainNie, 'X1234567L', 'X1234567M'],
    ['BSN', C.dutchBsn, '111222333', '111222334'],
    ['PESEL', C.polishPesel, '44051401359', '44051401358'],
    ['T.C. Kimlik', C.turkishId, '10000000146', '10000000147'],
    ['NIR', C.frenchNir, '255081416802538', '255081416802539'],
    ['NRIC', C.singaporeNric, 'S1234567D', 'S1234567E'],
    ['PAN', C.indiaPan, 'ABCPE1234F', 'ABCXE1234F'],
    ['NINO', C.ukNino, 'AB123456C', 'QQ123456C'],
    ['CURP', C.mexicoCurp, 'BOXW310820HNERXN09', 'BOXW310820HNERXN08'],
  ] as const)('%s: %s passes and %s does not', (_name, check: Check, valid, invalid) => {
    expect(check(valid)).toBe(true);
    expect(check(invalid)).toBe(false);
  });

  it('reads a number with the separators it is written with, and names whose it is', () => {
    expect(matchNationalId('110105 19491231 002x')).toEqual({ name: "China's resident ID" });
    expect(matchNationalId('112-233-445 95')).toEqual({ name: "Russia's SNILS" });
    expect(matchNationalId('529.982.247-25')).toEqual({ name: "Brazil's CPF" });
    expect(matchNationalId('2341 2341 2346')).toEqual({ name: "India's Aadhaar number" });
    // Canada's published example SIN, written in its three groups.
    expect(matchNationalId('046 454 286')).toEqual({
      name: "Israel's identity number or Canada's SIN",
    });
  });

  it('turns down runs of one digit and what no check accepts', () => {
    expect(matchNationalId('000000000')).toBeNull();
    expect(matchNationalId('1111111111111')).toBeNull();
    expect(matchNationalId('hello world')).toBeNull();
    expect(matchNationalId('12345')).toBeNull();
  });
});

/** Digit strings of a length, and ones with a valid birth date at an offset. */
const digits = (length: number) =>
  fc
    .array(fc.integer({ min: 0, max: 9 }), { minLength: length, maxLength: length })
    .map((d) => d.join(''));
const pad = (n: number, width = 2) => String(n).padStart(width, '0');
const date = (minYear: number, maxYear: number) =>
  fc
    .record({
      y: fc.integer({ min: minYear, max: maxYear }),
      m: fc.integer({ min: 1, max: 12 }),
      d: fc.integer({ min: 1, max: 31 }),
    })
    .map(({ y, m, d }) => ({ y, m: pad(m), d: pad(d) }));

describe('national ID checks agree with stdnum on every number of their shape', () => {
  const oracle = (lib: { validate: (v: string) => { isValid: boolean } }) => (v: string) =>
    lib.validate(v).isValid;
  const cases: ReadonlyArray<
    readonly [string, Check, (v: string) => boolean, fc.Arbitrary<string>]
  > = [
    [
      'China RIC',
      C.chinaResidentId,
      oracle(cnRic),
      fc
        .tuple(digits(6), date(1900, 2025), digits(3), fc.constantFrom(...'0123456789X'))
        .map(([r, { y, m, d }, q, c]) => `${r}${y}${m}${d}${q}${c}`),
    ],
    [
      'Taiwan ID',
      C.taiwanId,
      oracle(twNatid),
      fc
        .tuple(
          fc.constantFrom(...'ABCDEFGHIJKLMNOPQRSTUVWXYZ'),
          fc.constantFrom(...'1289'),
          digits(8),
        )
        .map(([a, b, c]) => a + b + c),
    ],
    [
      'Korean RRN',
      C.koreanRrn,
      oracle(krRrn),
      fc
        .tuple(date(1900, 1999), fc.constantFrom('1', '2'), digits(6))
        .map(([{ y, m, d }, s, rest]) => `${pad(y % 100)}${m}${d}${s}${rest}`),
    ],
    ['Aadhaar', C.aadhaar, oracle(inAadhaar), digits(12)],
    ['Israel ID', C.israelId, oracle(ilIdnr), digits(9)],
    ['Canada SIN (the same check)', C.israelId, oracle(caSin), digits(9)],
    ['Thai ID', C.thaiId, oracle(thIdnr), digits(13)],
    ['INN (10)', C.russianInn, oracle(ruInn), digits(10)],
    ['INN (12)', C.russianInn, oracle(ruInn), digits(12)],
    ['CPF', C.brazilCpf, oracle(brCpf), digits(11)],
    [
      'DNI',
      C.spainDni,
      oracle(esDni),
      fc.tuple(digits(8), fc.constantFrom(...'TRWAGMYFPDXBNJZSQVHLCKE')).map(([a, b]) => a + b),
    ],
    [
      'NIE',
      C.spainNie,
      oracle(esNie),
      fc
        .tuple(
          fc.constantFrom('X', 'Y', 'Z'),
          digits(7),
          fc.constantFrom(...'TRWAGMYFPDXBNJZSQVHLCKE'),
        )
        .map(([a, b, c]) => a + b + c),
    ],
    ['BSN', C.dutchBsn, oracle(nlBsn), digits(9)],
    [
      'PESEL',
      C.polishPesel,
      oracle(plPesel),
      fc
        .tuple(date(1900, 2025), digits(5))
        .map(
          ([{ y, m, d }, rest]) => `${pad(y % 100)}${pad(+m + (y >= 2000 ? 20 : 0))}${d}${rest}`,
        ),
    ],
    ['T.C. Kimlik', C.turkishId, oracle(trTckimlik), digits(11)],
    [
      'NIR',
      C.frenchNir,
      oracle(frNir),
      fc
        .tuple(
          fc.constantFrom('1', '2'),
          digits(2),
          fc.integer({ min: 1, max: 12 }),
          digits(8),
          digits(2),
        )
        .map(([s, y, m, body, key]) => `${s}${y}${pad(m)}${body}${key}`),
    ],
    [
      'South Africa ID',
      C.southAfricanId,
      oracle(zaIdnr),
      fc
        .tuple(date(1930, 2019), digits(4), fc.constantFrom('0', '1'), digits(2))
        .map(([{ y, m, d }, q, c, rest]) => `${pad(y % 100)}${m}${d}${q}${c}${rest}`),
    ],
    [
      'PAN',
      C.indiaPan,
      oracle(inPan),
      fc
        .tuple(fc.stringMatching(/^[A-Z]{5}$/), digits(4), fc.stringMatching(/^[A-Z]$/))
        .map(([a, b, c]) => a + b + c),
    ],
    [
      'CURP',
      C.mexicoCurp,
      oracle(mxCurp),
      // Names stdnum refuses as words (its blacklist) are left out: the check does not read them.
      fc
        .tuple(
          fc.constantFrom('BOXW', 'GOMA', 'PEHL', 'ROSA', 'MAAR'),
          date(1930, 2019).filter(({ d }) => +d <= 28),
          fc.constantFrom('H', 'M', 'X'),
          fc.constantFrom('DF', 'NE', 'MN', 'JC', 'ZZ'),
          fc.stringMatching(/^[A-Z]{3}$/),
          fc.integer({ min: 0, max: 9 }),
          fc.constantFrom(...'0123456789'),
        )
        .map(
          ([name, { y, m, d }, sex, state, consonants, century, check]) =>
            `${name}${pad(y % 100)}${m}${d}${sex}${state}${consonants}${y < 2000 ? century : 'A'}${check}`,
        ),
    ],
    [
      'NINO',
      C.ukNino,
      oracle(gbNino),
      fc
        .tuple(fc.stringMatching(/^[A-Z]{2}$/), digits(6), fc.constantFrom('A', 'B', 'C', 'D'))
        .map(([a, b, c]) => a + b + c),
    ],
  ];

  it.each(cases)('%s', (_name, mine, theirs, values) => {
    let valid = 0;
    fc.assert(
      fc.property(values, (v) => {
        const verdict = mine(v);
        if (verdict) valid++;
        expect(verdict, v).toBe(theirs(v));
      }),
      { numRuns: 4000 },
    );
    // The generator reaches valid numbers, so agreement is tested on both sides.
    expect(valid).toBeGreaterThan(10);
  });
});
