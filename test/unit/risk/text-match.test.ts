import { describe, expect, it } from 'vitest';
import { compilePhrases, foldText, foldWords, phraseWords } from '../../../main/core/risk/indicators/text-match';
import { PrefixIndex } from '../../../main/core/risk/indicators/prefix-index';
import { allIndicators } from '../../../main/core/risk/indicators';
import { riskContext, riskLine } from './line-factory';

describe('foldText', () => {
  it('folds case, ё, punctuation and full-width forms', () => {
    expect(foldText('  P.O.BOX 12,  Dubai ')).toBe('p o box 12 dubai');
    expect(foldText('Ёлки «Порожний»')).toBe('елки порожний');
    expect(foldText('ＢＡＮＡＮＡＳ')).toBe('bananas');
    expect(foldText(' - / ')).toBe('');
  });
});

describe('phrase matching', () => {
  const matcher = compilePhrases([
    { phrase: 'tea', value: 'tea' },
    { phrase: 'рис', value: 'rice' },
    { phrase: 'банан*', value: 'banana' },
    { phrase: 'рыба морожен*', value: 'frozen fish' },
    { phrase: 'а/я', value: 'po box' },
  ]);

  it('matches whole words only, in Latin and Cyrillic alike', () => {
    expect(matcher.find(foldWords('GREEN TEA')).map((hit) => hit.value)).toEqual(['tea']);
    expect(matcher.test(foldWords('STEAM BOILERS'))).toBe(false);
    expect(matcher.test(foldWords('TEAK WOOD'))).toBe(false);
    expect(matcher.test(foldWords('Рис шлифованный'))).toBe(true);
    expect(matcher.test(foldWords('Рисунки детские'))).toBe(false);
  });

  it('lets a star take any ending, which Russian declension needs', () => {
    expect(matcher.find(foldWords('1200 коробок бананов')).map((hit) => hit.matched)).toEqual(['бананов']);
    expect(matcher.find(foldWords('РЫБА МОРОЖЕНАЯ (минтай)')).map((hit) => hit.matched)).toEqual(['рыба мороженая']);
    expect(matcher.test(foldWords('Рыба солёная'))).toBe(false);
  });

  it('reads punctuation in a phrase as a space, like in the text', () => {
    expect(matcher.test(foldWords('а/я 15, Алматы'))).toBe(true);
    expect(matcher.test(foldWords('А.Я. 15'))).toBe(true);
  });

  it('anchors whole names and name starts', () => {
    const names = compilePhrases([
      { phrase: 'ORDER', anchor: 'whole', value: 'order' },
      { phrase: 'TO THE ORDER OF', anchor: 'start', value: 'to the order of' },
    ]);
    expect(names.test(foldWords('Order'))).toBe(true);
    expect(names.test(foldWords('ORDER LOGISTICS'))).toBe(false);
    expect(names.test(foldWords('TO THE ORDER OF HALYK BANK'))).toBe(true);
    expect(names.test(foldWords('SHIPPED TO THE ORDER OF'))).toBe(false);
  });

  it('strips longest phrases first', () => {
    const noise = compilePhrases([
      { phrase: 'cargo', value: 1 },
      { phrase: 'general cargo', value: 2 },
    ]);
    expect(noise.strip(foldWords('general cargo cargo x'))).toEqual(['x']);
  });

  it('refuses phrases that fold to nothing', () => {
    expect(phraseWords(' - ')).toBeNull();
    expect(compilePhrases([{ phrase: '--', value: 1 }]).size).toBe(0);
  });
});

describe('PrefixIndex', () => {
  it('answers with the longest listed prefix', () => {
    const index = new PrefixIndex([
      ['03', 'fish'],
      ['0305', 'dried fish'],
      ['4', 'any 40-foot'],
    ] as const);
    expect(index.first('030549')).toBe('dried fish');
    expect(index.first('030389')).toBe('fish');
    expect(index.first('45R1')).toBe('any 40-foot');
    expect(index.first('22G1')).toBeUndefined();
  });
});

describe('the baseline test line', () => {
  it('fires no indicator, so every case changes only what it is about', () => {
    const fired = allIndicators.filter((indicator) => indicator.evaluate(riskLine(), riskContext(), indicator.defaultParams) !== null);
    expect(fired.map((indicator) => indicator.id)).toEqual([]);
  });
});
