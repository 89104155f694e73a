import { describe, expect, it } from 'vitest';
import { checkImoNumber, imoCheckDigit, isValidImoNumber, normaliseImoNumber } from '../../../shared/domain/imo';

describe('IMO ship numbers', () => {
  it.each(['IMO 9074729', 'IMO9074729', 'imo 9074729', '9074729', 'IMO No. 9074729', 'IMO: 9074729', ' IMO 9074729 '])(
    '%j is IMO 9074729',
    (text) => {
      expect(normaliseImoNumber(text)).toBe('9074729');
      expect(isValidImoNumber(text)).toBe(true);
    },
  );

  it('computes the check digit from the first six digits with weights 7 to 2', () => {
    // 9×7 + 0×6 + 7×5 + 4×4 + 7×3 + 2×2 = 139
    expect(imoCheckDigit('907472')).toBe(9);
    expect(imoCheckDigit('930380')).toBe(7);
    expect(imoCheckDigit('90747')).toBeNull();
  });

  it('rejects a wrong last digit and says which one was expected', () => {
    expect(checkImoNumber('IMO 9074728')).toEqual({ valid: false, reason: 'CHECK_DIGIT', number: '9074728', expected: 9 });
    expect(isValidImoNumber('IMO 9047729')).toBe(false); // two digits swapped
  });

  it.each(['IMO 907472', 'IMO 90747290', 'MMSI 9074729', 'IMO 9O74729', ''])('%j is not an IMO number', (text) => {
    expect(checkImoNumber(text)).toEqual({ valid: false, reason: 'FORMAT' });
  });
});
