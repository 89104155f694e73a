import { describe, expect, it } from 'vitest';
import { parseManifestDate } from '../../../shared/domain/dates';

describe('manifest dates', () => {
  it.each([
    ['12.11.2026', '2026-11-12'],
    ['1.2.2026', '2026-02-01'],
    ['12/11/2026', '2026-11-12'],
    ['12-11-2026', '2026-11-12'],
    ['2026-11-12', '2026-11-12'],
    ['20261112', '2026-11-12'], // UN/EDIFACT format 102
    ['261112', '2026-11-12'], // UN/EDIFACT format 101
    ['12-NOV-2026', '2026-11-12'],
    ['12-Nov-2026', '2026-11-12'],
    ['12 NOV 2026', '2026-11-12'],
    ['12-NOV-26', '2026-11-12'],
    ['12.11.2026 14:30', '2026-11-12'],
    ['2026-11-12T08:00:00Z', '2026-11-12'],
    ['29.02.2028', '2028-02-29'],
  ])('%j is %s', (text, iso) => {
    expect(parseManifestDate(text)).toBe(iso);
  });

  it('reads slashed dates day first, as the CCP regions write them', () => {
    expect(parseManifestDate('11/12/2026')).toBe('2026-12-11');
  });

  it('puts two-digit years 00-69 in this century and 70-99 in the last', () => {
    expect(parseManifestDate('691231')).toBe('2069-12-31');
    expect(parseManifestDate('700101')).toBe('1970-01-01');
  });

  it.each([
    ['31.02.2026', 'no 31 February'],
    ['29.02.2025', '2025 is not a leap year'],
    ['29.02.2100', '2100 is not a leap year'],
    ['00.11.2026', 'day 0'],
    ['12.13.2026', 'month 13'],
    ['2026-02-30', 'no 30 February'],
    ['20261332', 'month 13 in format 102'],
    ['12-NOX-2026', 'no such month'],
    ['12.11.26', 'two-digit years only in the EDIFACT and month-name formats'],
    ['12.11/2026', 'mixed separators'],
    ['12.11.1899', 'before 1900'],
    ['12.11.2126', 'after 2099'],
    ['2026-1-12', 'ISO needs two-digit months'],
    ['next Tuesday', 'text'],
    ['', 'empty'],
  ])('rejects %j (%s)', (text) => {
    expect(parseManifestDate(text)).toBeNull();
  });

  describe('Excel serial numbers', () => {
    it('are read only when the caller asks', () => {
      expect(parseManifestDate('46353')).toBeNull();
      expect(parseManifestDate('46353', { excelSerial: true })).toBe('2026-11-27');
    });

    it('ignore the time of day in the fraction', () => {
      expect(parseManifestDate('46353.75', { excelSerial: true })).toBe('2026-11-27');
    });

    it('follow the 1900 system, including its 29 February 1900 that never was', () => {
      expect(parseManifestDate('1', { excelSerial: true })).toBe('1900-01-01');
      expect(parseManifestDate('59', { excelSerial: true })).toBe('1900-02-28');
      expect(parseManifestDate('60', { excelSerial: true })).toBeNull();
      expect(parseManifestDate('61', { excelSerial: true })).toBe('1900-03-01');
      expect(parseManifestDate('0', { excelSerial: true })).toBeNull();
    });

    it('leave the EDIFACT digit formats alone', () => {
      expect(parseManifestDate('20261112', { excelSerial: true })).toBe('2026-11-12');
      expect(parseManifestDate('261112', { excelSerial: true })).toBe('2026-11-12');
    });
  });
});
