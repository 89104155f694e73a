import { describe, expect, it } from 'vitest';
import { compareDecimal, parseDecimalText, parsePositiveInteger, sumDecimals } from '../../../shared/domain/decimal-text';

describe('weights as officers’ files write them', () => {
  it.each([
    ['21559,6', '21559.6'],
    ['21 559,6', '21559.6'],
    ['21\u00A0559,6', '21559.6'], // no-break space, Excel ru-RU
    ['21\u202F559,6', '21559.6'], // narrow no-break space, newer ru-RU and fr-FR
    ['21.559,6', '21559.6'],
    ['21,559.6', '21559.6'],
    ["1'234.5", '1234.5'],
    ['1’234.5', '1234.5'],
    ['21559.60', '21559.6'],
    ['21559', '21559'],
    ['1 234 567,89', '1234567.89'],
    ['1.234.567', '1234567'],
    ['1,234,567.5', '1234567.5'],
    ['0,5', '0.5'],
    ['007,50', '7.5'],
    ['0', '0'],
    ['  12,5  ', '12.5'],
  ])('%j is %s', (text, value) => {
    expect(parseDecimalText(text)).toBe(value);
  });

  describe('a single comma followed by three digits', () => {
    it('is a decimal comma by default (CSV from Russian-locale Excel)', () => {
      expect(parseDecimalText('21,559')).toBe('21.559');
      expect(parseDecimalText('21,559', { decimalSeparator: ',' })).toBe('21.559');
    });

    it('groups thousands when the file is English-style', () => {
      expect(parseDecimalText('21,559', { decimalSeparator: '.' })).toBe('21559');
      expect(parseDecimalText('21.559', { decimalSeparator: '.' })).toBe('21.559');
    });

    it('stays decimal when no grouped number could look like that', () => {
      expect(parseDecimalText('0,500', { decimalSeparator: '.' })).toBe('0.5');
      expect(parseDecimalText('21559,600', { decimalSeparator: '.' })).toBe('21559.6');
      expect(parseDecimalText('21,55', { decimalSeparator: '.' })).toBe('21.55');
    });
  });

  it.each([
    ['text', 'about 20 t'],
    ['a negative number', '-5'],
    ['a plus sign', '+5'],
    ['an exponent', '1e5'],
    ['an empty cell', ''],
    ['only spaces', '   '],
    ['two decimal commas', '1,5,5'],
    ['two decimal points', '1.5.5'],
    ['a decimal separator repeated after grouping', '1.234,5,6'],
    ['mixed grouping', '1 234.567,8'],
    ['groups that are not three digits', '1 23 456'],
    ['a leading separator', ',5'],
    ['a trailing separator', '5,'],
    ['a space inside the decimals', '1,23 4'],
    ['two numbers in one cell', '12 5'],
    ['a tab between groups', '21\t559'],
  ])('rejects %s (%j)', (_what, text) => {
    expect(parseDecimalText(text)).toBeNull();
  });
});

describe('package counts', () => {
  it.each([
    ['1 200', 1200],
    ['1200', 1200],
    ['12', 12],
    ['12,0', 12],
  ])('%j is %i', (text, count) => {
    expect(parsePositiveInteger(text)).toBe(count);
  });

  it.each(['12.5', '0', '-3', '', 'ten', '1,200'])('%j is not a count of packages (decimal-comma file)', (text) => {
    expect(parsePositiveInteger(text)).toBeNull();
  });

  it('reads "1,200" as 1200 in an English-style file', () => {
    expect(parsePositiveInteger('1,200', { decimalSeparator: '.' })).toBe(1200);
  });
});

describe('exact arithmetic on decimal text', () => {
  it('adds without binary rounding', () => {
    expect(sumDecimals(['0.1', '0.2'])).toBe('0.3');
    expect(sumDecimals(['21559.6', '10440.4', '0.01'])).toBe('32000.01');
    expect(sumDecimals([])).toBe('0');
  });

  it('keeps every digit of large totals', () => {
    expect(sumDecimals(['99999999999999999999.99', '0.01'])).toBe('100000000000000000000');
    expect(sumDecimals(['12345678901234567890.12', '0.01'])).toBe('12345678901234567890.13');
  });

  it('adds what parseDecimalText returns', () => {
    const values = ['21 559,6', '1.000,4'].map((text) => parseDecimalText(text) ?? 'unparsed');
    expect(sumDecimals(values)).toBe('22560');
  });

  it('compares values, not text', () => {
    expect(compareDecimal('10', '9.99')).toBe(1);
    expect(compareDecimal('2.50', '2.5')).toBe(0);
    expect(compareDecimal('0.3', '0.30000000000000004')).toBe(-1);
  });

  it('refuses text that was not parsed first', () => {
    expect(() => sumDecimals(['21 559,6'])).toThrow(RangeError);
    expect(() => compareDecimal('1e5', '1')).toThrow(RangeError);
  });
});
