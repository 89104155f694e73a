/**
 * CSV and spreadsheet formula injection. A cell that starts with "=", "+",
 * "-", "@", a tab or a carriage return is run as a formula by Excel and
 * LibreOffice when an exported file is opened: a shipper name like
 * =HYPERLINK("http://…") in a manifest must never become a live formula in
 * the report an officer opens. The full-width forms (＝ ＋ － ＠) are included
 * because some spreadsheet locales convert them on entry.
 *
 * A negative number such as "-5" IS formula-like here: this module sees text
 * only and cannot tell "-5" from "-5+HYPERLINK(…)". Exporters write real
 * numbers as numeric cells; only text goes through {@link escapeForSpreadsheet},
 * where "-5" then reads '-5 (text) in the sheet, which is the safe direction.
 */

const FORMULA_START = /^[=+\-@\t\r＝＋－＠]/;

/** True when a spreadsheet would read the text as a formula. */
export function looksLikeFormula(text: string): boolean {
  return FORMULA_START.test(text);
}

/** The text to put in an exported cell: a leading single quote makes formula-like text inert. */
export function escapeForSpreadsheet(text: string): string {
  return looksLikeFormula(text) ? `'${text}` : text;
}
