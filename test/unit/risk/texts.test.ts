import { describe, expect, it } from 'vitest';
import { allIndicators } from '../../../main/core/risk/indicators';
import { indicatorCategories } from '../../../main/core/risk/types';
import { catalogues, languages, translate, type MessageKey } from '../../../shared/i18n';
import { riskEn } from '../../../shared/i18n/risk.en';
import { riskRu } from '../../../shared/i18n/risk.ru';
import { indicatorCases } from './cases';

const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((match) => match[1] ?? '');
const message = (language: (typeof languages)[number], key: string): unknown => (catalogues[language] as Record<string, unknown>)[key];

describe('indicator texts', () => {
  it('name and explain every indicator in every language', () => {
    for (const indicator of allIndicators) {
      for (const language of languages) {
        for (const part of ['name', 'reason']) {
          const text = message(language, `indicator.${indicator.id}.${part}`);
          expect(typeof text, `${language} indicator.${indicator.id}.${part}`).toBe('string');
          expect(String(text).trim()).not.toBe('');
        }
      }
    }
  });

  it('name the six categories in every language', () => {
    for (const category of indicatorCategories) {
      for (const language of languages) expect(message(language, `indicator.category.${category}`), `${language} ${category}`).toBeTruthy();
    }
  });

  it('have no texts for indicators that do not exist', () => {
    const known = new Set([...allIndicators.map((indicator) => indicator.id), 'category']);
    for (const key of Object.keys(riskEn)) {
      const id = key.replace(/^indicator\./, '').replace(/\.(name|reason|routing|goods|weight|parties|equipment|amendments)$/, '');
      expect(known.has(id), key).toBe(true);
    }
    expect(Object.keys(riskRu).sort()).toEqual(Object.keys(riskEn).sort());
  });

  it('use the same placeholders in English and Russian', () => {
    for (const [key, english] of Object.entries(riskEn)) {
      expect(placeholders(riskRu[key as keyof typeof riskRu]).sort(), key).toEqual(placeholders(english).sort());
    }
  });

  it('only interpolate evidence the indicator really returns', () => {
    for (const indicator of allIndicators) {
      const firing = indicatorCases.filter((each) => each.id === indicator.id && each.evidence !== null);
      const keys = new Set(firing.flatMap((each) => Object.keys(each.evidence ?? {})));
      for (const language of languages) {
        const reason = String(message(language, `indicator.${indicator.id}.reason`));
        for (const name of placeholders(reason)) expect(keys.has(name), `${language} ${indicator.id}: {${name}}`).toBe(true);
      }
    }
  });

  it('read as Russian in Russian, with the customs terms', () => {
    for (const indicator of allIndicators) {
      const key = `indicator.${indicator.id}.name` as MessageKey;
      expect(translate('ru', key)).toMatch(/[А-Яа-яЁё]/);
      expect(translate('ru', key)).not.toBe(translate('en', key));
    }
    const russian = Object.values(riskRu).join(' ').toLowerCase();
    for (const term of ['грузополучател', 'коносамент', 'тн вэд', 'перевалк', 'судозаход', 'пломб']) expect(russian).toContain(term);
  });

  it('fill a reason with evidence', () => {
    expect(translate('ru', 'indicator.weight.heavy-empty-container.reason', { container: 'CSQU3054383', weight: 9000, limit: 4250 })).toBe(
      'Контейнер CSQU3054383 заявлен порожним, но весит 9000 кг (более 4250 кг)',
    );
  });
});
