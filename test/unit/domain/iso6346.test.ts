import { describe, expect, it } from 'vitest';
import {
  checkContainerNumber,
  containerCategory,
  containerCheckDigit,
  isValidContainerNumber,
  normaliseContainerNumber,
} from '../../../shared/domain/iso6346';

describe('container numbers as manifests write them', () => {
  it.each([
    ['MSCU 123456-7', 'MSCU1234567'],
    ['mscu1234567', 'MSCU1234567'],
    ['MSCU.123456.7', 'MSCU1234567'],
    ['  MSCU 123456 7 ', 'MSCU1234567'],
    ['MSCU123456/7', 'MSCU1234567'],
    ['ＭＳＣＵ１２３４５６７', 'MSCU1234567'], // full-width, as some Asian systems export
    ['МSСU1234567', 'MSCU1234567'], // Cyrillic М and С typed on a Russian layout
  ])('%j is %s', (text, canonical) => {
    expect(normaliseContainerNumber(text)).toBe(canonical);
  });

  it.each(['', 'MSCU123456', 'MSCU12345678', 'MSC1234567', '1234MSCU567', 'MSCU12345A7', 'ЗSCU1234567'])(
    '%j is not a container number',
    (text) => {
      expect(normaliseContainerNumber(text)).toBeNull();
    },
  );
});

describe('ISO 6346 check digit', () => {
  it('gives 3 for the standard example CSQU3054383', () => {
    expect(containerCheckDigit('CSQU305438')).toBe(3);
    expect(isValidContainerNumber('CSQU 305438 3')).toBe(true);
  });

  // Worked out by hand with the standard's letter values (A=10, B=12 … skipping multiples of 11).
  it.each([
    ['MSKU907032', 3],
    ['MAEU123456', 7],
    ['TGHU883941', 5],
    ['CMAU512345', 0],
    ['MSCU123456', 6],
    ['TCNU778899', 1],
    ['HLXU314159', 7],
    ['TEMU000010', 9],
  ])('%s → %i', (first10, digit) => {
    expect(containerCheckDigit(first10)).toBe(digit);
    expect(isValidContainerNumber(`${first10}${digit}`)).toBe(true);
  });

  it('reads a remainder of 10 as check digit 0', () => {
    // weighted sum of MSKJ100100 is 10 mod 11
    expect(containerCheckDigit('MSKJ100100')).toBe(0);
    expect(isValidContainerNumber('MSKJ1001000')).toBe(true);
  });

  it('refuses input that is not 4 letters and 6 digits', () => {
    expect(containerCheckDigit('CSQU30543')).toBeNull();
    expect(containerCheckDigit('csqu305438')).toBeNull();
  });
});

describe('checking one cell', () => {
  it('reports the digit the number should end in when one digit is wrong', () => {
    expect(checkContainerNumber('CSQU3054384')).toEqual({ valid: false, reason: 'CHECK_DIGIT', number: 'CSQU3054384', expected: 3 });
    expect(isValidContainerNumber('MSKU9070324')).toBe(false);
  });

  it('catches two swapped serial digits', () => {
    expect(isValidContainerNumber('CSQU3045383')).toBe(false);
  });

  it('tells a malformed number from a wrong category letter', () => {
    expect(checkContainerNumber('CSQ3054383')).toEqual({ valid: false, reason: 'FORMAT' });
    expect(checkContainerNumber('CSQA3054383')).toEqual({ valid: false, reason: 'CATEGORY', number: 'CSQA3054383' });
  });

  it('returns the category for U, J and Z equipment', () => {
    expect(checkContainerNumber('csqu 305438 3')).toEqual({ valid: true, number: 'CSQU3054383', category: 'U' });
    expect(containerCategory('MSKJ1001000')).toBe('J');
    expect(containerCategory('ABCZ6543210')).toBe('Z');
    expect(containerCategory('ABCD6543210')).toBeNull();
  });
});
