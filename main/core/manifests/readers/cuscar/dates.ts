import { type Segment } from './lexer';
import { component } from './segment';

/**
 * DTM C507: 2005 qualifier, 2380 value, 2379 format (code list 2379).
 * The reader turns the formats it knows into ISO 8601 text, because only it
 * knows the format code; validation then checks the calendar. A value that
 * does not fit its format is passed on as written, for validation to report.
 * - 102 CCYYMMDD, 203 CCYYMMDDHHMM, 204 CCYYMMDDHHMMSS
 * - 101 YYMMDD and 201 YYMMDDHHMM: the century is taken as 20 (a cargo report
 *   is about this week's vessel)
 * - no format code: 8 digits read as 102, 12 as 203
 */
export function dateOf(dtm: Segment): { readonly qualifier: string; readonly text: string } {
  const qualifier = component(dtm, 0, 0);
  const value = component(dtm, 0, 1);
  const format = component(dtm, 0, 2) || (value.length === 8 ? '102' : value.length === 12 ? '203' : '');
  return { qualifier, text: isoText(value, format) };
}

const patterns: Readonly<Record<string, { readonly pattern: RegExp; readonly century: string }>> = {
  '102': { pattern: /^(\d{4})(\d{2})(\d{2})$/, century: '' },
  '203': { pattern: /^(\d{4})(\d{2})(\d{2})(\d{2})(\d{2})$/, century: '' },
  '204': { pattern: /^(\d{4})(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})$/, century: '' },
  '101': { pattern: /^(\d{2})(\d{2})(\d{2})$/, century: '20' },
  '201': { pattern: /^(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})$/, century: '20' },
};

function isoText(value: string, format: string): string {
  const known = patterns[format];
  const match = known?.pattern.exec(value);
  if (!known || !match) return value;
  const [, year = '', month = '', day = '', hour, minute, second] = match;
  const date = `${known.century}${year}-${month}-${day}`;
  if (hour === undefined) return date;
  return `${date}T${hour}:${minute ?? '00'}${second === undefined ? '' : `:${second}`}`;
}
