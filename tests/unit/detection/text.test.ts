import { describe, expect, it } from 'vitest';
import {
  identifierWords,
  isExampleValue,
  isQuestion,
  normalizeText,
  stemWord,
  withoutDoNotWrite,
  wordsOf,
} from '@/utils/detection/text';

describe('identifierWords', () => {
  it.each([
    ['w4.ssn.area', ['w', '4', 'ssn', 'area']],
    ['pt_ssn', ['pt', 'ssn']],
    ['socialSecurityNumber', ['social', 'security', 'number']],
    ['SSNNumber', ['ssn', 'number']],
    ['applicant[ssn][0]', ['applicant', 'ssn', '0']],
    ['cc-number', ['cc', 'number']],
    ['ssn1', ['ssn', '1']],
    // XForms paths (ODK, Enketo): the last step names the field, the others are its groups.
    ['/data/salud/agua', ['agua']],
    ['/data/hogar/jefe_cedula', ['jefe', 'cedula']],
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

describe('isExampleValue', () => {
  it('tells an example of what to type from a name for the box', () => {
    for (const example of [
      'e.g. Jane Appleseed',
      'e.g.123',
      'name@okbank',
      'https://example.com',
      '1234 5678 9012 3456',
      '170',
      '•••• ••••',
    ]) {
      expect(isExampleValue(example), example).toBe(true);
    }
    for (const name of ['Card number', 'MM/YY', 'XXX-XX-XXXX', 'Enter your email', 'Optional']) {
      expect(isExampleValue(name), name).toBe(false);
    }
  });
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

describe('text in other scripts', () => {
  it('keeps the letters of every script as words', () => {
    expect(wordsOf('Серия и номер паспорта')).toEqual(['серия', 'и', 'номер', 'паспорта']);
    expect(wordsOf('מספר תעודת זהות')).toEqual(['מספר', 'תעודת', 'זהות']);
    // Devanagari vowel signs are marks inside the word, not separators.
    expect(wordsOf('आधार संख्या')).toEqual(['आधार', 'संख्या']);
  });
  it('drops Greek accents, Hebrew points and Arabic hamza seats and vowel marks', () => {
    expect(wordsOf('Κωδικός πρόσβασης')).toEqual(['κωδικος', 'προσβασης']);
    expect(wordsOf('رقم الإقامة')).toEqual(wordsOf('رقم الاقامة'));
    expect(wordsOf('رَقْم')).toEqual(['رقم']);
  });
  it('splits scripts written without spaces, and Korean, a character to a word', () => {
    expect(wordsOf('振込先口座番号')).toEqual(['振', '込', '先', '口', '座', '番', '号']);
    expect(wordsOf('パスワード')).toEqual(['パ', 'ス', 'ワ', 'ー', 'ド']);
    // Hangul syllables stay whole, and a Latin word inside stays one word.
    expect(wordsOf('주민등록번호를')).toEqual(['주', '민', '등', '록', '번', '호', '를']);
    expect(wordsOf('รหัส OTP')).toEqual([...wordsOf('รหัส'), 'otp']);
  });
  it('keeps a break between such words, so no phrase is found across it', () => {
    // "계약 물건" (a contract's goods) is not "약물" (drugs) read across the space.
    expect(wordsOf('계약 물건')).toEqual(['계', '약', '\u318d', '물', '건']);
    expect(wordsOf('記号・番号')).toEqual(['記', '号', '\u318d', '番', '号']);
  });
  it('reads full-width letters and compatibility forms as their plain forms', () => {
    expect(wordsOf('ＳＳＮ（必須）')).toEqual(['ssn', '必', '須']);
    expect(wordsOf('№ паспорта')).toEqual(['no', 'паспорта']);
    // Half-width katakana is the same word as full-width.
    expect(wordsOf('ﾊﾟｽﾜｰﾄﾞ')).toEqual(wordsOf('パスワード'));
  });
  it('folds Latin letters that have no accent to strip', () => {
    expect(wordsOf('hasło')).toEqual(['haslo']);
    expect(wordsOf('Fødselsnummer')).toEqual(['fodselsnummer']);
  });
  it("drops Arabic's article and reads Persian's own letters as the Arabic ones", () => {
    expect(wordsOf('الأمراض المزمنة')).toEqual(wordsOf('أمراض مزمنة'));
    expect(wordsOf('الحساب')).toEqual(['حساب']);
    // Three letters or fewer stay as they are.
    expect(wordsOf('الم')).toEqual(['الم']);
    expect(wordsOf('کد ملی')).toEqual(wordsOf('كد ملي'));
  });
  it('reads full-width and Arabic question marks as questions', () => {
    expect(isQuestion('妊娠中、または妊娠の可能性はありますか？')).toBe(true);
    expect(isQuestion('هل تعاني من أي حساسية؟')).toBe(true);
    expect(isQuestion('症状はいつからですか？（任意）')).toBe(true);
    expect(isQuestion('口座番号')).toBe(false);
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

describe('withoutDoNotWrite', () => {
  it("drops a hint's sentences that say what to leave out, and only those", () => {
    expect(
      withoutDoNotWrite(
        'Please enter the details of your request. Please do not include bank account numbers.',
      ),
    ).toBe('Please enter the details of your request.');
    expect(withoutDoNotWrite('Describa el problema. No escriba datos médicos.')).toBe(
      'Describa el problema.',
    );
    // A warning to keep a code secret sits beside that code: kept.
    expect(withoutDoNotWrite('Never share this code with anyone.')).toBe(
      'Never share this code with anyone.',
    );
  });
});
