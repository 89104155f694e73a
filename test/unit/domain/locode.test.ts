import { describe, expect, it } from 'vitest';
import { countryOf, createLocodeLookup, isValidLocode, normaliseLocode } from '../../../shared/domain/locode';

describe('UN/LOCODE spelling', () => {
  it.each(['uz tas', 'UZ-TAS', 'UZ TAS', 'UZTAS', ' uztas ', 'UZ.TAS', 'UZ ТАS' /* Cyrillic Т and А */])('%j is UZTAS', (text) => {
    expect(normaliseLocode(text)).toBe('UZTAS');
  });

  it('accepts the digits 2-9 in the location part', () => {
    expect(isValidLocode('DE 2AB')).toBe(true);
    expect(normaliseLocode('us9zz')).toBe('US9ZZ');
  });

  it.each(['UZTA', 'UZTASH', 'U1TAS', 'UZTA0', 'UZTA1', '12TAS', 'Tashkent', ''])('%j is not a UN/LOCODE', (text) => {
    expect(normaliseLocode(text)).toBeNull();
    expect(isValidLocode(text)).toBe(false);
  });

  it('gives the country of a code', () => {
    expect(countryOf('pk khi')).toBe('PK');
    expect(countryOf('PK-KH1')).toBeNull();
  });
});

describe('looking codes up', () => {
  const table = {
    UZTAS: { n: 'Tashkent', c: 'UZ', k: 'inland' },
    PKKHI: { n: 'Karachi', c: 'PK', k: 'sea' },
  };

  it('finds a place whatever way the code is written', () => {
    const locodes = createLocodeLookup(table);
    expect(locodes.lookup('uz tas')).toEqual({ code: 'UZTAS', name: 'Tashkent', country: 'UZ', kind: 'inland' });
    expect(locodes.lookup('PK-KHI')?.kind).toBe('sea');
    expect(locodes.size).toBe(2);
  });

  it('answers null for codes it does not know and for text that is no code', () => {
    const locodes = createLocodeLookup(table);
    expect(locodes.lookup('UZSKD')).toBeNull();
    expect(locodes.lookup('__proto__')).toBeNull();
    expect(locodes.lookup('constructor')).toBeNull();
  });

  it.each([
    ['a key that is not a code', { UZTA1: { n: 'x', c: 'UZ', k: 'sea' } }],
    ['a country that is not the code’s own', { UZTAS: { n: 'Tashkent', c: 'KZ', k: 'inland' } }],
    ['an unknown kind', { UZTAS: { n: 'Tashkent', c: 'UZ', k: 'river' } }],
    ['an empty name', { UZTAS: { n: ' ', c: 'UZ', k: 'inland' } }],
    ['an extra field', { UZTAS: { n: 'Tashkent', c: 'UZ', k: 'inland', x: 1 } }],
    ['no object at all', null],
  ])('refuses a damaged table: %s', (_what, damaged) => {
    expect(() => createLocodeLookup(damaged)).toThrow();
  });
});
