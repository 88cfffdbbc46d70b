import { describe, expect, it } from 'vitest';
import { identifierWords, normalizeText, stemWord, wordsOf } from '@/utils/detection/text';

describe('identifierWords', () => {
  it.each([
    ['w4.ssn.area', ['w', '4', 'ssn', 'area']],
    ['pt_ssn', ['pt', 'ssn']],
    ['socialSecurityNumber', ['social', 'security', 'number']],
    ['SSNNumber', ['ssn', 'number']],
    ['applicant[ssn][0]', ['applicant', 'ssn', '0']],
    ['cc-number', ['cc', 'number']],
    ['ssn1', ['ssn', '1']],
  ])('splits %s', (id, words) => {
    expect(identifierWords(id)).toEqual(words);
  });

  it.each(['addressName', 'accessNumber', 'pricepassNr', 'classname', 'lessNotes'])(
    '%s never yields the word ssn',
    (id) => {
      expect(identifierWords(id)).not.toContain('ssn');
    },
  );
});

describe('normalizeText', () => {
  it('folds case and accents and keeps # as a word', () => {
    expect(normalizeText('Número de Seguro Social')).toBe('numero de seguro social');
    // ß has no accent to strip: German "Größe" is one word.
    expect(normalizeText('Größe (cm)')).toBe('grosse cm');
    expect(normalizeText('SS#')).toBe('ss #');
    expect(normalizeText('  Soc. Sec. No.:  ')).toBe('soc sec no');
  });
  it('reads initials written with dots as one word', () => {
    expect(normalizeText('Federal Tax I.D. Number')).toBe('federal tax id number');
    expect(normalizeText('U.S.-issued S.S.N')).toBe('us issued ssn');
    // Not a dotted name, nor a single letter in a list.
    expect(normalizeText('w4.ssn.area')).toBe('w4 ssn area');
    expect(normalizeText('A. Diagnosis')).toBe('a diagnosis');
  });
  it('stems plurals the same way on both sides', () => {
    expect(wordsOf('Medications')).toEqual(wordsOf('medication'));
    expect(wordsOf('alergias')).toEqual(wordsOf('alergia'));
    expect(wordsOf('SSNs')).toEqual(['ssn']);
  });
});

describe('wordsOf', () => {
  it('gives the same words on the ASCII fast path as through normalizeText', () => {
    for (const text of [
      'Social Security #',
      'SS#',
      '  Soc. Sec. No.:  ',
      'Card-number (16 digits)',
      'A#B',
      '',
      '###',
      'ICD-10 code',
      'Federal Tax I.D. Number',
    ]) {
      const slow = normalizeText(text);
      expect(wordsOf(text)).toEqual(slow === '' ? [] : slow.split(' ').map(stemWord));
    }
  });
});

describe('stemWord', () => {
  it.each([
    ['allergies', 'allergie'],
    ['medications', 'medication'],
    ['glass', 'glass'],
    ['bus', 'bus'],
    // Spanish -dad and -ión nouns take "es" in the plural.
    ['enfermedades', 'enfermedad'],
    ['afecciones', 'afeccion'],
    ['lesiones', 'lesion'],
    ['diabetes', 'diabete'],
  ])('%s -> %s', (word, stem) => {
    expect(stemWord(word)).toBe(stem);
  });
});
