import { readdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatMessage, type LocaleMessages } from '@/utils/i18n/message-format';

const LOCALES = resolve(import.meta.dirname, '../../../public/_locales');
const read = (lang: string) =>
  JSON.parse(readFileSync(resolve(LOCALES, lang, 'messages.json'), 'utf8')) as LocaleMessages;
const english = read('en');
const placeholdersIn = (text: string) =>
  [...text.matchAll(/\$([A-Z0-9_]+)\$/g)].map((m) => m[1]?.toLowerCase()).sort();

describe('_locales', () => {
  const languages = readdirSync(LOCALES);
  it('ships English and Spanish', () => {
    expect(languages.sort()).toEqual(['en', 'es']);
  });

  it.each(languages)(
    '%s has every English message, no others, with the same placeholders',
    (lang) => {
      const messages = read(lang);
      expect(Object.keys(messages).sort()).toEqual(Object.keys(english).sort());
      for (const [key, entry] of Object.entries(messages)) {
        expect(key).toMatch(/^[A-Za-z0-9_]+$/);
        expect(entry.message.trim(), `${lang}.${key}`).not.toBe('');
        const used = placeholdersIn(entry.message);
        expect(used, `${lang}.${key}`).toEqual(placeholdersIn(english[key]?.message ?? ''));
        for (const name of used) {
          expect(entry.placeholders?.[name ?? ''], `${lang}.${key}.${name}`).toBeDefined();
        }
        expect(entry.placeholders ?? {}, `${lang}.${key}`).toEqual(
          english[key]?.placeholders ?? {},
        );
      }
    },
  );

  it('formats placeholders the way the browser does', () => {
    const entry = english.badgeTitlePaused;
    expect(entry && formatMessage(entry, ['Tally', '12'])).toBe(
      'Tally: recording PAUSED, 12 min left',
    );
    expect(formatMessage({ message: 'Costs $$5' })).toBe('Costs $5');
  });
});
