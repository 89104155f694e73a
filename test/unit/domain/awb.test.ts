import { describe, expect, it } from 'vitest';
import { awbAirlinePrefix, awbCheckDigit, checkAirWaybill, isValidAirWaybill, normaliseAirWaybill } from '../../../shared/domain/awb';

describe('air waybill numbers', () => {
  it.each(['176-12345675', '17612345675', '176 1234 5675', '176-1234-5675', ' 176 12345675 '])('%j is 176-12345675', (text) => {
    expect(normaliseAirWaybill(text)).toBe('176-12345675');
    expect(isValidAirWaybill(text)).toBe(true);
  });

  it('takes the first seven serial digits modulo 7 as the check digit', () => {
    expect(awbCheckDigit('1234567')).toBe(5);
    expect(awbCheckDigit('8765432')).toBe(4);
    expect(awbCheckDigit('2000000')).toBe(2);
    expect(awbCheckDigit('123456')).toBeNull();
  });

  it('rejects a wrong check digit, including 7-9 which modulo 7 can never give', () => {
    expect(checkAirWaybill('176-12345674')).toEqual({ valid: false, reason: 'CHECK_DIGIT', number: '176-12345674', expected: 5 });
    expect(isValidAirWaybill('176-12345679')).toBe(false);
  });

  it.each(['176-1234567', '176-123456755', 'EK 12345675', ''])('%j is not an air waybill number', (text) => {
    expect(checkAirWaybill(text)).toEqual({ valid: false, reason: 'FORMAT' });
  });

  it('gives the airline prefix', () => {
    expect(awbAirlinePrefix('176 12345675')).toBe('176');
    expect(awbAirlinePrefix('nonsense')).toBeNull();
  });
});
