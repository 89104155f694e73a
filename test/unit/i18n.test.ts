import { describe, expect, it } from 'vitest';
import { catalogues, languageFromLocale, languages, translate, type MessageKey } from '../../shared/i18n';
import { errorCodes } from '../../shared/ipc/errors';

const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((match) => match[1]).sort();
const texts = (message: unknown): string[] => (typeof message === 'string' ? [message] : Object.values(message as object));

describe('catalogues', () => {
  it('have the same keys in every language, none empty', () => {
    const english = Object.keys(catalogues.en).sort();
    for (const language of languages) {
      expect(Object.keys(catalogues[language]).sort()).toEqual(english);
      for (const message of Object.values(catalogues[language])) {
        for (const text of texts(message)) expect(text.trim()).not.toBe('');
      }
    }
  });

  it('use the same placeholders in every language', () => {
    for (const key of Object.keys(catalogues.en) as MessageKey[]) {
      const expected = placeholders(texts(catalogues.en[key])[0] ?? '');
      for (const language of languages) {
        for (const text of texts(catalogues[language][key])) expect(placeholders(text), `${language} ${key}`).toEqual(expected);
      }
    }
  });

  it('translate every error code the contract can return', () => {
    for (const code of errorCodes) {
      expect(Object.keys(catalogues.en)).toContain(`error.${code}`);
    }
  });

  it('are really translated: Russian navigation is in Cyrillic', () => {
    for (const key of ['nav.targeting', 'nav.cases', 'nav.reports', 'error.FORBIDDEN'] as const) {
      expect(translate('ru', key)).toMatch(/[А-Яа-яЁё]/);
      expect(translate('ru', key)).not.toBe(translate('en', key));
    }
  });
});

describe('translate', () => {
  it('fills placeholders and leaves unknown ones visible', () => {
    expect(translate('en', 'nav.shortcut', { key: 3 })).toBe('Ctrl+3');
    expect(translate('en', 'nav.shortcut')).toBe('Ctrl+{key}');
  });

  it('chooses Russian plural forms by number', () => {
    expect(translate('ru', 'count.lines', { count: 1 })).toBe('1 строка');
    expect(translate('ru', 'count.lines', { count: 3 })).toBe('3 строки');
    expect(translate('ru', 'count.lines', { count: 11 })).toBe('11 строк');
    expect(translate('ru', 'count.lines', { count: 21 })).toBe('21 строка');
    expect(translate('en', 'count.lines', { count: 1 })).toBe('1 line');
    expect(translate('en', 'count.lines', { count: 2 })).toBe('2 lines');
  });
});

describe('languageFromLocale', () => {
  it('starts Russian-speaking and Central Asian desktops in Russian, others in English', () => {
    expect(languageFromLocale('ru-RU')).toBe('ru');
    expect(languageFromLocale('tg_TJ.UTF-8')).toBe('ru');
    expect(languageFromLocale('uz-Latn-UZ')).toBe('ru');
    expect(languageFromLocale('en-US')).toBe('en');
    expect(languageFromLocale('ka-GE')).toBe('en');
    expect(languageFromLocale(undefined)).toBe('en');
  });
});
