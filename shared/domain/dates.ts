/**
 * Dates as manifests write them, read to ISO "YYYY-MM-DD" text. Day-first
 * only: the CCP regions (Central Asia, Pakistan, the Black Sea) write
 * 12.11.2026 and 12/11/2026 for 12 November, never the US month-first order,
 * so "11/12/2026" is the 11th of December here.
 *
 * Accepted: DD.MM.YYYY, DD/MM/YYYY, DD-MM-YYYY (one or two digits for day and
 * month), YYYY-MM-DD, YYYYMMDD (UN/EDIFACT format 102), YYMMDD (format 101),
 * DD-MMM-YYYY and DD-MMM-YY with English month abbreviations ("12-NOV-2026"),
 * each optionally followed by a time of day, which is dropped. Excel serial
 * day numbers ("46353") only when the caller says the column holds them.
 *
 * Two-digit years: 00-69 are 2000-2069, 70-99 are 1970-1999 (the usual pivot).
 * Years outside 1900-2099 are rejected: on a manifest they are typing slips.
 * Impossible calendar dates (31.02.2026, 29.02.2025) are rejected, not rolled over.
 */

export interface ManifestDateOptions {
  /**
   * Read whole numbers of 1-5 digits as Excel serial day numbers in the 1900
   * date system (what a date column becomes when a sheet is read as raw values).
   * Off by default: in a text column "20261112" or "46353" is not a date.
   */
  readonly excelSerial?: boolean;
}

const MONTHS = ['JAN', 'FEB', 'MAR', 'APR', 'MAY', 'JUN', 'JUL', 'AUG', 'SEP', 'OCT', 'NOV', 'DEC'] as const;
const MIN_YEAR = 1900;
const MAX_YEAR = 2099;
const DAY_MS = 86_400_000;

/**
 * "12.11.2026 14:30", "2026-11-12T00:00:00Z": the time of day is not part of
 * the date. The colon is required, or the " 2026" of "12 NOV 2026" would pass for a time.
 */
const TIME_OF_DAY = /[ T]\d{1,2}:\d{2}(?::\d{2}(?:[.,]\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?$/;

function isLeapYear(year: number): boolean {
  return year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
}

function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

/** ISO text for a real calendar date in the accepted years, else null. */
function isoDate(year: number, month: number, day: number): string | null {
  if (year < MIN_YEAR || year > MAX_YEAR || month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return null;
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

function fullYear(twoDigits: number): number {
  return twoDigits < 70 ? 2000 + twoDigits : 1900 + twoDigits;
}

/**
 * Excel's 1900 date system: serial 1 is 1900-01-01, and serial 60 is
 * 1900-02-29, a day that never existed (kept from Lotus 1-2-3 for
 * compatibility), so every serial from 61 on is one day ahead of a plain count.
 */
function fromExcelSerial(serial: number): string | null {
  if (!Number.isSafeInteger(serial) || serial < 1 || serial === 60) return null;
  const daysAfterNewYear1900 = serial < 60 ? serial - 1 : serial - 2;
  const date = new Date(Date.UTC(1900, 0, 1) + daysAfterNewYear1900 * DAY_MS);
  return isoDate(date.getUTCFullYear(), date.getUTCMonth() + 1, date.getUTCDate());
}

/** The date as "YYYY-MM-DD", or null when the text is not one unambiguous, real date. */
export function parseManifestDate(text: string, options: ManifestDateOptions = {}): string | null {
  const value = text.normalize('NFKC').trim().toUpperCase();
  if (options.excelSerial === true) {
    const serial = /^(\d{1,5})(?:[.,]\d+)?$/.exec(value);
    if (serial) return fromExcelSerial(Number(serial[1]));
  }
  const date = value.replace(TIME_OF_DAY, '').trim();
  let match: RegExpExecArray | null;
  if ((match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date))) return isoDate(Number(match[1]), Number(match[2]), Number(match[3]));
  if ((match = /^(\d{1,2})([./-])(\d{1,2})\2(\d{4})$/.exec(date))) {
    return isoDate(Number(match[4]), Number(match[3]), Number(match[1]));
  }
  if ((match = /^(\d{1,2})([-\s])([A-Z]{3})\2(\d{4}|\d{2})$/.exec(date))) {
    const month = MONTHS.indexOf(match[3] as (typeof MONTHS)[number]) + 1;
    const year = Number(match[4]);
    return month === 0 ? null : isoDate(match[4]?.length === 2 ? fullYear(year) : year, month, Number(match[1]));
  }
  if ((match = /^(\d{4})(\d{2})(\d{2})$/.exec(date))) return isoDate(Number(match[1]), Number(match[2]), Number(match[3]));
  if ((match = /^(\d{2})(\d{2})(\d{2})$/.exec(date))) return isoDate(fullYear(Number(match[1])), Number(match[2]), Number(match[3]));
  return null;
}
