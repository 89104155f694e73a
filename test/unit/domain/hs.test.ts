import { describe, expect, it } from 'vitest';
import { hsChapter, hsHeading, hsSubheading, isValidHsCode, normaliseHsCode } from '../../../shared/domain/hs';

describe('HS codes as text', () => {
  it.each([
    ['0901.11', '090111'],
    ['0901 11', '090111'],
    ['0901.11.00', '09011100'],
    ['8471.30.00.00', '8471300000'],
    ['09', '09'],
    ['2402', '2402'],
  ])('%j is %s, leading zero kept', (text, code) => {
    expect(normaliseHsCode(text)).toBe(code);
  });

  it('rejects a code whose leading zero Excel dropped instead of guessing it back', () => {
    expect(normaliseHsCode('90111')).toBeNull();
    expect(normaliseHsCode('901110')).toBe('901110'); // a real chapter-90 code stays chapter 90
    expect(hsChapter('901110')).toBe('90');
  });

  it.each(['1', '123', '12345', '1234567', '123456789', '12345678901', '00', '0012', '7701', '98', '9901', 'coffee', ''])(
    '%j is not an HS code',
    (text) => {
      expect(isValidHsCode(text)).toBe(false);
    },
  );

  it('accepts chapter 97 and the chapters either side of the reserved 77', () => {
    expect(isValidHsCode('9701')).toBe(true);
    expect(isValidHsCode('7601')).toBe(true);
    expect(isValidHsCode('7801')).toBe(true);
  });

  it('splits a code into chapter, heading and subheading', () => {
    expect(hsChapter('0901.11')).toBe('09');
    expect(hsHeading('0901.11')).toBe('0901');
    expect(hsSubheading('0901.11.00')).toBe('090111');
  });

  it('has no heading or subheading for a code that stops short of one', () => {
    expect(hsHeading('09')).toBeNull();
    expect(hsSubheading('0901')).toBeNull();
    expect(hsChapter('7701')).toBeNull();
  });
});
