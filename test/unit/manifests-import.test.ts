import { describe, expect, it } from 'vitest';
import { parseDecimalText, sumDecimals, type DecimalSeparator } from '../../shared/domain/decimal-text';
import { checkContainerNumber, containerCheckDigit } from '../../shared/domain/iso6346';
import { createDecimalTotal } from '../../main/core/manifests/import/decimal-total';
import { containerNumberCheck, weightOf } from '../../main/core/manifests/validate/validate-line';

describe('the weight total, added line by line', () => {
  const total = (values: string[]) => {
    const sum = createDecimalTotal();
    for (const value of values) sum.add(value);
    return sum.text();
  };

  it('is what summing every weight at once gives, to the last digit', () => {
    let seed = 3;
    const random = (n: number) => (seed = (seed * 16807) % 2147483647) % n;
    for (let round = 0; round < 200; round += 1) {
      const values = Array.from({ length: random(60) }, () => {
        const whole = String(random(10) === 0 ? 0 : random(10 ** (1 + random(12))));
        const fraction = random(3) === 0 ? '' : `.${String(random(10 ** (1 + random(6)))).padStart(1 + random(6), '0').replace(/0+$/, '') || '5'}`;
        return `${whole}${fraction}`;
      });
      expect(total(values)).toBe(sumDecimals(values));
    }
  });

  it('has no float drift and no trailing zeros', () => {
    expect(total(['0.1', '0.2'])).toBe('0.3');
    expect(total(['1.25', '2.75'])).toBe('4');
    expect(total([])).toBe('0');
    expect(total(['99999999999999999999.999', '0.001'])).toBe('100000000000000000000');
  });

  it('refuses text that is not a plain non-negative decimal (validation never stores one)', () => {
    expect(() => total(['1,5'])).toThrow(RangeError);
    expect(() => total(['-1'])).toThrow(RangeError);
  });
});

describe('the container number check, with its shortcut for numbers already canonical', () => {
  it('answers exactly as checkContainerNumber does', () => {
    let seed = 5;
    const random = (n: number) => (seed = (seed * 16807) % 2147483647) % n;
    const letters = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ';
    const samples = ['MSCU1234566', 'MSCU1234567', 'MSCA1234566', 'mscu1234566', 'MSCU 123456-6', 'МSCU1234566', 'MSCU123456', 'MSCU12345666', '', 'MSCJ0000000', 'MSCZ9999999'];
    for (let i = 0; i < 20_000; i += 1) {
      const owner = Array.from({ length: 3 }, () => letters.charAt(random(26))).join('') + 'UJZUJZX'.charAt(random(7));
      const serial = String(random(1_000_000)).padStart(6, '0');
      const digit = random(4) === 0 ? random(10) : (containerCheckDigit(`${owner}${serial}`) ?? 0);
      samples.push(`${owner}${serial}${digit}`);
    }
    for (const text of samples) expect(containerNumberCheck(text)).toEqual(checkContainerNumber(text));
  });
});

describe('a weight already written canonically is taken as written', () => {
  it('reads every text as parseDecimalText does (zero being no weight)', () => {
    let seed = 9;
    const random = (n: number) => (seed = (seed * 16807) % 2147483647) % n;
    const pieces = ['0', '1', '7', '00', '12', '123', '1234', '.', ',', ' ', '\u00A0', "'", '5', '0', '9', '-', 'e'];
    const texts = ['0', '0.0', '10', '1234.5', '1234.50', '01234.5', '1,234', '1.234', '21 559,6', '0.5', '.5', '5.', '1e5', '9'.repeat(64), '9'.repeat(65), `1.${'9'.repeat(62)}`];
    for (let i = 0; i < 20_000; i += 1) texts.push(Array.from({ length: 1 + random(8) }, () => pieces[random(pieces.length)]).join(''));
    for (const separator of [',', '.'] as DecimalSeparator[]) {
      for (const text of texts) {
        const expected = parseDecimalText(text, { decimalSeparator: separator });
        expect(weightOf(text, { decimalSeparator: separator })).toBe(expected === null || /^0+(\.0+)?$/.test(expected) ? null : expected);
      }
    }
  });
});
