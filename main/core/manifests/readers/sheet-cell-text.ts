import { sheetJs, type SheetJs } from './sheetjs';

type CellObject = SheetJs.CellObject;

/**
 * The text an officer should see for one spreadsheet cell, from SheetJS's raw
 * value (we read with cellText: false: formatting every cell is slow, and Excel's
 * display text is locale- and format-dependent: "21 559,6", "2.16E+04", "15/03").
 *
 * - Text cells: as stored, line breaks included.
 * - Numbers: printed the way Excel's General format keeps them, 15 significant
 *   digits, so 21559.600000000002 (float noise from a formula) is "21559.6" and an
 *   integer has no ".0". Always '.' as decimal mark, never thousands separators:
 *   validation parses these.
 * - Except numbers under a zero-padded "code" format (000000, 0000\.00\.00, 00000-0000):
 *   those are HS codes, postcodes, reference numbers whose leading zeros the officer
 *   sees ("090111", stored as 90111), so the format is applied.
 * - Dates (cellDates turns date-formatted numbers into Date objects): ISO 8601,
 *   "YYYY-MM-DD", with "THH:MM[:SS]" only when there is a time of day, and
 *   "HH:MM[:SS]" for a time alone. SheetJS 0.20 builds these Dates so that their UTC
 *   fields hold the sheet's wall-clock value, so UTC getters are used: local-time
 *   getters would shift 15 March to 14 March on a workstation west of Greenwich.
 * - Booleans: "TRUE" / "FALSE". Errors (#N/A, #REF!) and empty cells: ''.
 * - Formulas: only their cached result is ever read (cellFormula: false); nothing
 *   is evaluated. A formula saved without a result reads as ''.
 */

interface DateParts {
  readonly y: number;
  readonly m: number;
  readonly d: number;
  readonly H: number;
  readonly M: number;
  readonly S: number;
}

/** The part of SheetJS's SSF formatter we use (its type is `any`). */
interface NumberFormatter {
  format(format: string, value: number): string;
  is_date(format: string): boolean;
  parse_date_code(value: number, options?: { date1904?: boolean }): DateParts | null;
}
const ssf = (): NumberFormatter => sheetJs().SSF as NumberFormatter;

/** True for a plain decimal ("1234.5", "-0.000125": no exponent) of at most 15 significant digits. */
function fitsFifteenDigits(text: string): boolean {
  let digits = 0;
  let leading = true;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if ((c === 45 && i === 0) || c === 46) continue; // a leading '-', the '.'
    if (c < 48 || c > 57) return false; // 'e', 'Infinity'
    if (leading && c === 48) continue; // zeros before the first significant digit
    leading = false;
    digits += 1;
  }
  return digits <= 15;
}

/** Excel shows and computes with 15 significant digits; digits past that are binary noise. */
export function numberText(value: number): string {
  // Integers below 10^15 have at most 15 digits: rounding leaves them as they are (the common case, counts and codes).
  if (Number.isInteger(value) && Math.abs(value) < 1e15) return value === 0 ? '0' : String(value);
  if (!Number.isFinite(value)) return '';
  // The shortest text that reads back as the same double: when it has at most 15 significant digits,
  // rounding to 15 digits gives that same text (a double is nearer to it than half a unit of the 15th digit).
  const shortest = String(value);
  if (fitsFifteenDigits(shortest)) return shortest;
  const rounded = Number(value.toPrecision(15));
  return rounded === 0 ? '0' : String(rounded);
}

/** The format's first section with literals removed: quoted text, \x escapes, [colour]/[condition], _x and *x fillers. */
function placeholders(format: string): string {
  const first = format.split(';')[0] ?? '';
  return first.replace(/"[^"]*"|\\.|\[[^\]]*\]|_.|\*./g, '');
}

/**
 * A zero-padded pattern: at least two 0 before any decimal point, and no optional
 * digits (#, ?), grouping, percent, exponent or text placeholder, which all mark a
 * quantity rather than a code.
 */
export function isCodeFormat(format: string): boolean {
  const p = placeholders(format);
  if (/[#?,%Ee@]/.test(p)) return false;
  const integerPart = p.split('.')[0] ?? '';
  return (integerPart.match(/0/g)?.length ?? 0) >= 2;
}

const pad = (n: number, width = 2): string => String(n).padStart(width, '0');

function isoText({ y, m, d, H, M, S }: DateParts, timeOnly: boolean): string {
  const time = `${pad(H)}:${pad(M)}${S ? `:${pad(S)}` : ''}`;
  if (timeOnly) return time;
  const date = `${pad(y, 4)}-${pad(m)}-${pad(d)}`;
  return H || M || S ? `${date}T${time}` : date;
}

function dateText(value: Date): string {
  // Round to the second: serial-number arithmetic leaves 14:29:59.999 for 14:30.
  const t = Math.round(value.getTime() / 1000) * 1000;
  if (!Number.isFinite(t)) return '';
  const u = new Date(t);
  const parts = {
    y: u.getUTCFullYear(),
    m: u.getUTCMonth() + 1,
    d: u.getUTCDate(),
    H: u.getUTCHours(),
    M: u.getUTCMinutes(),
    S: u.getUTCSeconds(),
  };
  // A time with no date is stored as day 0, which SheetJS places on 1899-12-30/31 (1904-01-01 in 1904 workbooks).
  const dayZero = (parts.y === 1899 && parts.m === 12 && parts.d >= 30) || (parts.y === 1904 && parts.m === 1 && parts.d === 1);
  return isoText(parts, dayZero);
}

function numberCellText(value: number, format: string | undefined, date1904: boolean): string {
  if (format && format !== 'General') {
    if (isCodeFormat(format)) return ssf().format(format, value);
    // A date format that cellDates did not convert (some ODS and BIFF paths).
    if (ssf().is_date(format)) {
      const parts = ssf().parse_date_code(value, { date1904 });
      if (parts) return isoText(parts, value < 1 && value >= 0);
    }
  }
  return numberText(value);
}

export function cellText(cell: CellObject | undefined, date1904: boolean): string {
  if (!cell) return '';
  const { v } = cell;
  switch (cell.t) {
    case 's':
      return typeof v === 'string' ? v : v === undefined ? '' : String(v);
    case 'n':
      return typeof v === 'number' ? numberCellText(v, typeof cell.z === 'string' ? cell.z : undefined, date1904) : '';
    case 'd':
      return v instanceof Date ? dateText(v) : typeof v === 'string' ? v : '';
    case 'b':
      return v ? 'TRUE' : 'FALSE';
    case 'e':
    case 'z':
      return '';
  }
  return '';
}
