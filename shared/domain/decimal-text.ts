import Decimal from 'decimal.js';

/**
 * Numbers as officers' files write them, read into exact decimal STRINGS.
 * Gross weights are summed per container and compared with declared totals;
 * a JS float would turn 0.1 + 0.2 into 0.30000000000000004 and, worse, a
 * reader that guesses wrong turns "21559,6" kg into 215596 kg. So: text in,
 * canonical decimal text out ("21559.6"), null whenever the text is not
 * unambiguously one non-negative number.
 *
 * Accepted: "21559,6", "21 559,6" (space, no-break space U+00A0, narrow
 * no-break space U+202F or thin space U+2009 between groups), "21.559,6"
 * (European), "21,559.6" (English), "1'234.5" (Swiss), "21559.60", "1200".
 * Rejected: text, signs ("-5", "+5"), exponents ("1e5"), empty cells, more
 * than one decimal separator ("1,5,5"), groups that are not 3 digits
 * ("1 23 456"), a bare separator at either end (",5", "5,").
 *
 * Which character is the decimal separator:
 * 1. Both "," and "." present: the last one is decimal and must occur once;
 *    the other one groups thousands.
 * 2. One of them, more than once: it groups thousands ("1.234.567").
 * 3. One of them, once: it is decimal, EXCEPT when it is not the file's
 *    decimal separator (the hint) and is followed by exactly three digits
 *    after a lone 1-3 digit group not starting with 0: then it groups
 *    thousands. With the default hint "," (CSV saved by Russian-locale Excel)
 *    "21,559" is 21.559; with hint "." (English files) it is 21559; "0,500"
 *    is 0.5 under either hint because no grouped number starts with a 0 group.
 */

export type DecimalSeparator = ',' | '.';

export interface DecimalTextOptions {
  /** The file's decimal separator; "," unless the file is known to be English-style. */
  readonly decimalSeparator?: DecimalSeparator;
}

/** Longer cells are not weights or counts; the cap also bounds the arithmetic below. */
const MAX_LENGTH = 64;
const ALLOWED = /^[0-9.,'’ \u00A0\u202F\u2009]+$/;
/** A number written without grouping: what parseDecimalText returns and what the arithmetic accepts. */
const PLAIN_DECIMAL = /^-?\d+(?:\.\d+)?$/;

/** Exact arithmetic: addition rounds only beyond this many significant digits, which the length cap never reaches. */
const Exact = Decimal.clone({ precision: 1000 });

function count(text: string, character: string): number {
  return text.split(character).length - 1;
}

/** The class a grouping character belongs to: all spaces are one class, all apostrophes another. */
function groupingClass(character: string): string {
  if (/[ \u00A0\u202F\u2009]/.test(character)) return ' ';
  if (/['’]/.test(character)) return "'";
  return character;
}

/** The integer part without its thousands separators, or null when its groups are not 1-3 digits then threes. */
function ungroup(integer: string): string | null {
  if (/^\d+$/.test(integer)) return integer;
  const separators = integer.replace(/\d/g, '');
  if (separators === '' || new Set([...separators].map(groupingClass)).size !== 1) return null;
  const groups = integer.split(/\D/);
  const [lead, ...rest] = groups;
  if (lead === undefined || !/^[1-9]\d{0,2}$/.test(lead) || rest.some((group) => !/^\d{3}$/.test(group))) return null;
  return groups.join('');
}

/** Integer text and fraction digits (null: no decimal separator), before any checking of their contents. */
function splitAtDecimal(text: string, hint: DecimalSeparator): { integer: string; fraction: string | null } {
  const commas = count(text, ',');
  const dots = count(text, '.');
  if (commas > 0 && dots > 0) {
    const at = Math.max(text.lastIndexOf(','), text.lastIndexOf('.'));
    // Every earlier separator, including a second decimal one, stays in the integer part, where mixed grouping characters fail.
    return { integer: text.slice(0, at), fraction: text.slice(at + 1) };
  }
  if (commas + dots === 0 || commas > 1 || dots > 1) return { integer: text, fraction: null };
  const separator = commas > 0 ? ',' : '.';
  const at = text.indexOf(separator);
  const integer = text.slice(0, at);
  const fraction = text.slice(at + 1);
  if (separator !== hint && /^\d{3}$/.test(fraction) && /^[1-9]\d{0,2}$/.test(integer)) return { integer: text, fraction: null };
  return { integer, fraction };
}

/** "007.50" → "7.5": one spelling per value, so equal values compare equal as text. */
function canonical(integer: string, fraction: string): string {
  const whole = integer.replace(/^0+(?=\d)/, '');
  const decimals = fraction.replace(/0+$/, '');
  return decimals === '' ? whole : `${whole}.${decimals}`;
}

/** The exact value as canonical decimal text ("21559.6"), or null when the cell is not one non-negative number. */
export function parseDecimalText(text: string, options: DecimalTextOptions = {}): string | null {
  const trimmed = text.trim();
  if (trimmed === '' || trimmed.length > MAX_LENGTH || !ALLOWED.test(trimmed)) return null;
  const { integer, fraction } = splitAtDecimal(trimmed, options.decimalSeparator ?? ',');
  if (fraction !== null && !/^\d+$/.test(fraction)) return null;
  const digits = ungroup(integer);
  if (digits === null) return null;
  return canonical(digits, fraction ?? '');
}

/**
 * A count of packages: a whole number above zero ("1 200" → 1200). "12.5" is
 * not a count; "1,200" under the default decimal-comma hint is 1.2 and so not
 * a count either, which the officer then sees flagged rather than silently
 * read as 1200.
 */
export function parsePositiveInteger(text: string, options: DecimalTextOptions = {}): number | null {
  const value = parseDecimalText(text, options);
  if (value === null || value.includes('.')) return null;
  const number = Number(value);
  return number > 0 && Number.isSafeInteger(number) ? number : null;
}

function exact(value: string): Decimal {
  // Only plain decimal text may reach the arithmetic; anything else is a caller's bug, not data.
  if (!PLAIN_DECIMAL.test(value)) throw new RangeError(`Not a plain decimal: ${JSON.stringify(value).slice(0, 40)}`);
  return new Exact(value);
}

/** The exact sum of plain decimal strings: sumDecimals(['0.1', '0.2']) is '0.3'. Throws on anything else. */
export function sumDecimals(values: readonly string[]): string {
  return values.reduce((total, value) => total.plus(exact(value)), new Exact(0)).toFixed();
}

/** -1, 0 or 1 as a is less than, equal to or greater than b. Throws on text that is not a plain decimal. */
export function compareDecimal(a: string, b: string): -1 | 0 | 1 {
  return exact(a).comparedTo(exact(b)) as -1 | 0 | 1;
}
