import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import * as arCbu from 'stdnum/lib/esm/ar/cbu';
import * as mxClabe from 'stdnum/lib/esm/mx/clabe';
import { isAbaRoutingNumber, isCbu, isClabe, isIban } from '@/utils/detection/validators/bank';
import { passesLuhn, shannonEntropy } from '@/utils/detection/validators/checksums';
import {
  isCptCodeShape,
  isDeaNumber,
  isIcd10CodeShape,
  isMedicareMbi,
  isNpi,
} from '@/utils/detection/validators/health-ids';
import { matchPaymentCard } from '@/utils/detection/validators/payment-card';
import { findSecret } from '@/utils/detection/validators/secrets';
import { isUsPassportShape } from '@/utils/detection/validators/travel-ids';
import { matchTaxId } from '@/utils/detection/validators/us-tax-ids';

describe('SSN, ITIN and EIN', () => {
  it.each([
    ['078-05-1123', 'ssn', true],
    ['078.05.1123', 'ssn', true],
    ['078 05 1123', 'ssn', true],
    ['078051121', 'ssn', false],
    ['536-22-1234', 'ssn', true],
    ['911-70-1234', 'itin', true],
    ['911-53-1234', 'itin', true],
    ['911-64-1234', 'itin', true],
    ['911701234', 'itin', false],
    ['12-3456789', 'ein', true],
  ])('%s is a %s (delimited: %s)', (value, kind, delimited) => {
    expect(matchTaxId(value)).toEqual({ kind, delimited });
  });

  it.each([
    ['000-12-3456', 'area 000'],
    ['666-12-3456', 'area 666'],
    ['900-12-3456', 'area 9xx outside the ITIN groups'],
    ['999-45-6789', 'area 999'],
    ['911-89-1234', 'ITIN group 89 is not issued'],
    ['911-93-1234', 'ITIN group 93 is not issued'],
    ['078-00-1123', 'group 00'],
    ['078 00 1123', 'group 00, spaced'],
    ['078-05-0000', 'serial 0000'],
    ['111-11-1111', 'all digits the same'],
    ['078-05-1120', 'the Woolworth wallet card'],
    ['219-09-9999', 'an SSA advertising number'],
    ['457-55-5462', 'a number made public in an ad'],
    ['123-45-6789', 'the best-known sample number'],
    ['987-65-4321', 'reserved for advertising'],
    ['693-09.4444', 'mixed delimiters'],
    ['078-051121', 'a half-delimited number'],
    ['07805-1121', 'a half-delimited number'],
    ['0780511201', 'ten digits'],
    ['078051120', 'the Woolworth number undelimited'],
    ['000000000', 'all zeros'],
    ['00-1234567', 'EIN prefix 00 was never assigned'],
    ['07-1234567', 'EIN prefix 07 was never assigned'],
    ['96-1234567', 'EIN prefix 96 was never assigned'],
  ])('%s is rejected (%s)', (value) => {
    expect(matchTaxId(value)).toBeNull();
  });

  it('reads a bare number that fails the SSN rules as an EIN at most (which needs EIN words)', () => {
    expect(matchTaxId('666000000')).toEqual({ kind: 'ein', delimited: false });
    expect(matchTaxId('966000000')).toBeNull();
  });
});

describe('payment cards', () => {
  it.each([
    '4012888888881881',
    '4012-8888-8888-1881',
    '4012 8888 8888 1881',
    '122000000000003',
    '371449635398431',
    '5555555555554444',
    '5019717010103742',
    '30569309025904',
    '6011000400000000',
    '3528000700000000',
    '6759649826438453',
    '4111111111111111',
    '4917300800000000',
    '4484070000000000',
    '2221000000000009',
    '2223003122003222',
    '6011000990139424',
    '4222222222222',
    '6062826786276634',
    '4000056655665556',
    '3530111333300000',
    '6212345678901265',
    '4111111111111111110',
  ])('accepts %s', (value) => {
    expect(matchPaymentCard(value)).not.toBeNull();
  });

  it.each([
    ['1748503543012', 'a 13-digit number starting with 1'],
    ['4012-8888-8888-1882', 'fails Luhn'],
    ['36168002586008', 'fails Luhn'],
    ['2720990000000003', 'outside 2221–2720 by brand? no: fails Luhn'],
    ['2721000000000004', 'above the Mastercard 2-series range'],
    ['9111111111111111', 'no brand starts with 9'],
    ['0000000000000000', 'all zeros'],
    ['4012 8888-8888 1881', 'mixed separators'],
    ['41111111111', 'too short'],
  ])('rejects %s (%s)', (value) => {
    expect(matchPaymentCard(value)).toBeNull();
  });

  it('names the brand', () => {
    expect(matchPaymentCard('2221000000000009')?.brand).toBe('Mastercard');
    expect(matchPaymentCard('371449635398431')?.brand).toBe('American Express');
  });
});

describe('ABA routing numbers', () => {
  it.each(['121000358', '3222-7162-7', '121042882', '0711-0130-7', '011000015', '021000021'])(
    'accepts %s',
    (value) => expect(isAbaRoutingNumber(value)).toBe(true),
  );
  it.each(['421042111', '1234-0000-0', '121000359', '000000000', '123456789', '12100035'])(
    'rejects %s',
    (value) => expect(isAbaRoutingNumber(value)).toBe(false),
  );
});

describe("Mexico's CLABE", () => {
  it.each(['002010077777777771', '032180000118359719', '014027000005555558'])(
    'accepts %s, as stdnum does',
    (value) => {
      expect(isClabe(value)).toBe(true);
      expect(mxClabe.validate(value).isValid).toBe(true);
    },
  );
  it.each(['002010077777777772', '00201007777777777', '000000000000000000', '0020100777777777711'])(
    'rejects %s',
    (value) => expect(isClabe(value)).toBe(false),
  );
});

describe("Argentina's CBU", () => {
  it.each(['2850590940090418135201', '0170099220000012345678', '285 0590 9 40090418135201'])(
    'accepts %s, as stdnum does',
    (value) => {
      expect(isCbu(value)).toBe(true);
      expect(arCbu.validate(value).isValid).toBe(true);
    },
  );
  it('accepts a CBU whose bank block checks to 0, which stdnum refuses', () => {
    expect(isCbu('1700998020000012345678')).toBe(true);
    expect(arCbu.validate('1700998020000012345678').isValid).toBe(false);
  });
  it.each(['2850590940090418135202', '285059094009041813520', '0000000000000000000000'])(
    'rejects %s',
    (value) => expect(isCbu(value)).toBe(false),
  );

  it('agrees with stdnum on every 22 digits, where a check digit is not 0', () => {
    // stdnum writes a block's check as 10 − (sum mod 10) without the last mod 10, so it refuses
    // every CBU whose check digit is 0; the banks' rule (and Tally) accept them.
    let valid = 0;
    fc.assert(
      fc.property(
        fc.tuple(fc.stringMatching(/^\d{7}$/), fc.stringMatching(/^\d{13}$/), fc.nat(9), fc.nat(9)),
        ([bank, account, c1, c2]) => {
          const v = `${bank}${c1}${account}${c2}`;
          if (c1 === 0 || c2 === 0) return;
          if (isCbu(v)) valid++;
          expect(isCbu(v), v).toBe(arCbu.validate(v).isValid);
        },
      ),
      { numRuns: 20_000 },
    );
    expect(valid).toBeGreaterThan(10);
  });
});

describe('IBAN', () => {
  it.each([
    'GB82 WEST 1234 5698 7654 32',
    'DE89370400440532013000',
    'ES9121000418450200051332',
    'FR1420041010050500013M02606',
  ])('accepts %s', (value) => expect(isIban(value)).toBe(true));
  it.each([
    'GB82 WEST 1234 5698 7654 33',
    'DE8937040044053201300',
    'XX89370400440532013000',
    'GB82WEST',
  ])('rejects %s', (value) => expect(isIban(value)).toBe(false));
});

describe('health identifiers', () => {
  it.each(['1234567893', '1245319599', '1003000126', '1234-567-893', '1234 567 893'])(
    'NPI %s',
    (v) => expect(isNpi(v)).toBe(true),
  );
  it.each([
    '0234567893',
    '3234567893',
    '9234567893',
    '123456789',
    '12345678934',
    '1111111112',
    '1234567890',
  ])('not an NPI: %s', (v) => expect(isNpi(v)).toBe(false));
  it.each(['AB1234563', 'BJ6125341', 'F91234563'])('DEA %s', (v) =>
    expect(isDeaNumber(v)).toBe(true),
  );
  it.each(['AB1234564', 'IB1234563', 'ZB1234563', 'AB123456', 'A11234563'])(
    'not a DEA number: %s',
    (v) => expect(isDeaNumber(v)).toBe(false),
  );
  it.each(['1EG4-TE5-MK73', '1EG4TE5MK73', '1eg4-te5-mk73'])('MBI %s', (v) =>
    expect(isMedicareMbi(v)).toBe(true),
  );
  it.each([
    '1SG4-TE5-MK73',
    '1EG4-TE5-MK7',
    '1EG4-TE5-MK733',
    '0EG4-TE5-MK73',
    '1EG4-TE5MK73',
    'AEG4TE5MK73',
    '1EG4TL5MK73',
  ])('not an MBI: %s', (v) => expect(isMedicareMbi(v)).toBe(false));
  it.each(['E11.9', 'J45.909', 'S72.001A', 'Z00.00', 'F32', 'O09.511'])('ICD-10-CM shape %s', (v) =>
    expect(isIcd10CodeShape(v)).toBe(true),
  );
  it.each(['U07.1', '11.9', 'E1.9', 'E11.99999', 'hello'])('not an ICD-10-CM shape: %s', (v) =>
    expect(isIcd10CodeShape(v)).toBe(false),
  );
  it.each(['99213', '0001F', '0075T'])('CPT shape %s', (v) => expect(isCptCodeShape(v)).toBe(true));
  it.each(['9921', '992134', 'A9921'])('not a CPT shape: %s', (v) =>
    expect(isCptCodeShape(v)).toBe(false),
  );
});

describe('US passports', () => {
  it.each(['912803456', 'A12803456', 'c03005988'])('shape %s', (v) =>
    expect(isUsPassportShape(v)).toBe(true),
  );
  it.each(['A1234567', '12345678', '111111111', 'AB1234567'])('not a passport shape: %s', (v) =>
    expect(isUsPassportShape(v)).toBe(false),
  );
});

describe('secrets', () => {
  it.each([
    ['AKIAIOSFODNN7EXAMPLE', 'aws-access-key'],
    ['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', 'github-token'],
    ['github_pat_11ABCDEFG0123456789_abcdefghijklmnopqrstuvwxyz0123456789ABCDEFGH', 'github-token'],
    ['xoxb-2637846232-2637846232346-abcdefABCDEF1234', 'slack-token'],
    [
      'https://hooks.slack.com/services/T00000000/B00000000/XXXXXXXXXXXXXXXXXXXXXXXX',
      'slack-token',
    ],
    ['sk_live_4eC39HqLyjWDarjtT1zdp7dc', 'stripe-secret-key'],
    ['whsec_abcdefghijklmnopqrstuvwxyz123456', 'stripe-secret-key'],
    ['AIzaSyDaGmWKa4JsXZ-HjGw7ISLn_3namBGewQe', 'google-api-key'],
    ['ya29.a0AfH6SMBx3kZ9Q4r2mT8sLp0vWnYqJcXe', 'google-oauth-token'],
    ['sk-proj-abcdefghijklmnopqrstuvwxyz0123456789ABCD', 'openai-style-key'],
    ['hf_abcdefghijklmnopqrstuvwxyzABCDEFGH', 'huggingface-token'],
    [
      'eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiIxMjM0NTY3ODkwIn0.dozjgNryP4J3jVmNHl0w5N_XgL0n3I9PlFUP0THsR8U',
      'jwt',
    ],
    ['-----BEGIN RSA PRIVATE KEY-----\nMIIEow...', 'pem-private-key'],
    ['-----BEGIN OPENSSH PRIVATE KEY-----', 'pem-private-key'],
    ['postgres://admin:s3cretPa55@db.internal:5432/app', 'database-url'],
    ['mongodb+srv://user:hunter22@cluster0.example.net/db', 'database-url'],
    ['Authorization: Bearer abcdefghijklmnopqrstuvwxyz012345', 'bearer-token'],
    ['password: hunter22', 'password-assignment'],
    // Typed notes (2026-12-05): short forms, other languages, a verb, what the password is for.
    ['pw: Hunter2!Hunter2', 'password-assignment'],
    ['pwd: x9!Kq2#mZ', 'password-assignment'],
    ['password is: hunter22', 'password-assignment'],
    ['my password is fluffy99', 'password-assignment'],
    ['Passwort: Sommer2026!', 'password-assignment'],
    ['Das Kennwort ist Blau#4711', 'password-assignment'],
    ['mot de passe : Soleil2026!', 'password-assignment'],
    ['a senha é Azul@2026', 'password-assignment'],
    ['hasło: Kot123!', 'password-assignment'],
    ['temp password for the new hire: Welcome2026!', 'password-assignment'],
    ['Wi-Fi password for guests: Cafe-2026', 'password-assignment'],
    ['La contraseña del portal es Luna#2026', 'password-assignment'],
    ['the 2FA code is 482913', 'one-time-code-assignment'],
    ['PIN de la tarjeta: 4821', 'pin-assignment'],
    ['PIN for my debit card is 4821', 'pin-assignment'],
    ['la clave del wifi es Caracol#88', 'password-assignment'],
    ['usuario: jperez / contraseña: Sol2026!', 'password-assignment'],
    // A sign-in written as a pair: "pass" names a password only after a user's name.
    ['db creds: user admin / pass Tr0ub4dor&3', 'password-assignment'],
    ['login: jsmith pw Summer#26', 'password-assignment'],
    ['usuario mgarcia, clave Verano2026!', 'password-assignment'],
    // A network and its password; a service, a user and a password; a superuser's (2026-12-05).
    ['wifi for the offsite: network Acme-Guest, password Sunset!2027', 'password-assignment'],
    ['VPN: jdoe / Winter2026!!', 'password-assignment'],
    ['root / P@ssw0rd-db01', 'password-assignment'],
    ['db: reporting/Rep0rt#2026', 'password-assignment'],
    ['código de verificación: 582113', 'one-time-code-assignment'],
    // Without a colon, and a card named with an adjective (typed notes, 2026-12-05).
    ['código de verificación 773104', 'one-time-code-assignment'],
    ['the verification code 482913 expires in 5 minutes', 'one-time-code-assignment'],
    ['El PIN de la tarjeta corporativa es 4829', 'pin-assignment'],
    ['recovery codes: 8f3k-29dj, 1kd9-3kd8, 0dk3-k39d', 'recovery-codes'],
    ['Backup codes = 12345678 87654321', 'recovery-codes'],
    ['my PIN is 4821', 'pin-assignment'],
    ['api_key = "Zx8f3KqLp0vW9nYtR2mB7cHs"', 'generic-secret'],
    // The key word inside an environment variable's name.
    ['GITLAB_TOKEN=Zx8f3KqLp0vW9nYtR2mB7cHs', 'generic-secret'],
    ['export SENDGRID_API_KEY_PROD="Zx8f3KqLp0vW9nYtR2mB7cHs"', 'generic-secret'],
    ['glpat-Ab12Cd34Ef56Gh78Ij90', 'gitlab-token'],
    ['//registry.npmjs.org/:_authToken=npm_Ab12Cd34Ef56Gh78Ij90Kl12Mn34Op56Qr78', 'npm-token'],
    ['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', 'sendgrid-key'],
    ['shpat_0123456789abcdef0123456789abcdef', 'shopify-token'],
    [`dop_v1_${'0123456789abcdef'.repeat(4)}`, 'digitalocean-token'],
    [`pypi-AgEIcHlwaS5vcmc${'A1b2C3d4E5'.repeat(6)}`, 'pypi-token'],
    [`ATATT3${'xFfGF0T1Ab'.repeat(18)}`, 'atlassian-token'],
    ['sq0atp-Ab12Cd34Ef56Gh78Ij90Kl', 'square-token'],
    [`AccountName=acct;AccountKey=${'Ab12Cd34Ef'.repeat(8)}Ab12Cd==;`, 'azure-storage-key'],
    // Every block a multiple of 11 below 720,896.
    ['key: 123453-654324-111111-222222-333333-444444-555555-666666', 'bitlocker-recovery-key'],
    ['000000-000011-720885-000022-000033-000044-000055-000066', 'bitlocker-recovery-key'],
  ])('finds %s', (text, kind) => {
    expect(findSecret(text)?.kind).toBe(kind);
  });

  it.each([
    'pk_live_4eC39HqLyjWDarjtT1zdp7dc',
    'postgres://db.internal:5432/app',
    'the token of our appreciation',
    'api_key = "aaaaaaaaaaaaaaaaaaaa"',
    'secret: the garden',
    'sk-short',
    // An Indian postcode, and a PIN that is a postcode's name.
    'Bengaluru, PIN: 560001',
    'PIN code 4821 area',
    // What state a password is in, and what to do for one, are not passwords.
    'my password is expired, please reset',
    'The password is incorrect when I try to log in',
    'Password is required for all accounts',
    'Password: required',
    'Password for the portal: see the onboarding email',
    'password for wifi: ask reception',
    'The password for the new portal is required to have 12 characters',
    'The password reset link expired',
    'Please send the 2FA setup guide to the team',
    'Palabra clave: marketing digital 2026',
    'clave de producto: ABC123',
    'PIN de la tarjeta: lo cambio mañana',
    'user guide / pass it along to the team',
    'user admin / pass required',
    // A path or breadcrumb, and a pair whose second half has no digit and symbol.
    'Admin / Users / 2024-q3!',
    'admin/settings/v2-beta',
    'VPN: jdoe / ask IT',
    'root / branch-2026 / docs',
    'network Acme-Guest, password on the whiteboard',
    'the user passed the test on 12/03',
    'usuario Juan clavel: 1234-rojo',
    'the 2FA code is required at every sign-in',
    'Enter the verification code we sent you',
    'El PIN de la tarjeta corporativa llega por correo',
    'Recovery codes: print them and keep them safe',
    'MONKEY_TOKEN=short',
    'npm_short',
    // Eight blocks of six digits that fail a block's check, or a ninth block.
    '123456-654321-111111-222222-333333-444444-555555-666666',
    '720896-000011-000022-000033-000044-000055-000066-000077',
    '111111-111111-111111-111111-111111-111111-111111-111111-111111',
  ])('leaves %s alone', (text) => {
    expect(findSecret(text)).toBeNull();
  });
});

describe('checksums', () => {
  it('Luhn', () => {
    expect(passesLuhn('79927398713')).toBe(true);
    expect(passesLuhn('79927398710')).toBe(false);
    expect(passesLuhn('')).toBe(false);
    expect(passesLuhn('12a4')).toBe(false);
  });
  it('entropy', () => {
    expect(shannonEntropy('aaaa')).toBe(0);
    expect(shannonEntropy('abcd')).toBe(2);
  });
});
