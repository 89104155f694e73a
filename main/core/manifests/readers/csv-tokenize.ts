/**
 * Splits delimited text into records of text fields: RFC 4180, plus what real
 * exports do. Every field stays text, byte for byte as the file has it: no number,
 * date or formula is ever interpreted (a cell `=HYPERLINK(...)` is a string here,
 * and "21559,6" is never 215596).
 *
 * - A field is quoted only when its first character is '"'; a quote elsewhere in an
 *   unquoted field is an ordinary character (`12" PIPE`).
 * - Inside quotes: delimiters and line breaks are data, `""` is one quote.
 * - Text after a closing quote up to the next delimiter is kept (`"ab"c` → `abc`),
 *   as Excel does, rather than dropped.
 * - Records end at CRLF, LF or a lone CR (old Mac exports, hand edits), in any mix.
 *   Line breaks inside quoted fields are kept as they are.
 * - An unclosed quote runs to the end of the file (there is nowhere else for it to
 *   end) and is reported, with the record where it opened, because it swallows
 *   every record after it: the officer must see that rows went missing.
 * - Blank lines at the end are dropped; blank lines in between are kept as records,
 *   so record numbers stay the file's line-of-record numbers.
 */

export interface CsvWarning {
  readonly code: 'UNCLOSED_QUOTE';
  /** 1-based record number where the quoted field began. */
  readonly row: number;
}

export interface TokenizedText {
  readonly rows: string[][];
  readonly warnings: CsvWarning[];
}

const QUOTE = 0x22;
const CR = 0x0d;
const LF = 0x0a;

export interface TokenizeOptions {
  /** Stop after this many records (delimiter sniffing looks only at the start). */
  readonly maxRecords?: number;
}

export function tokenizeDelimited(text: string, delimiter: string, options: TokenizeOptions = {}): TokenizedText {
  if (delimiter.length !== 1 || delimiter === '"' || delimiter === '\r' || delimiter === '\n') {
    throw new Error(`unusable delimiter ${JSON.stringify(delimiter)}`);
  }
  const rows: string[][] = [];
  const warnings: CsvWarning[] = [];
  const n = text.length;
  const delim = delimiter.charCodeAt(0);
  const maxRecords = options.maxRecords ?? Infinity;
  if (n === 0) return { rows, warnings };

  /** Index of the next delimiter, CR or LF at or after `from`, or n. */
  const fieldEnd = (from: number): number => {
    let k = from;
    while (k < n) {
      const c = text.charCodeAt(k);
      if (c === delim || c === LF || c === CR) break;
      k++;
    }
    return k;
  };

  let row: string[] = [];
  let i = 0;
  for (;;) {
    let value: string;
    if (i < n && text.charCodeAt(i) === QUOTE) {
      const parts: string[] = [];
      let j = i + 1;
      for (;;) {
        const q = text.indexOf('"', j);
        if (q === -1) {
          parts.push(text.slice(j));
          warnings.push({ code: 'UNCLOSED_QUOTE', row: rows.length + 1 });
          j = n;
          break;
        }
        if (text.charCodeAt(q + 1) === QUOTE) {
          parts.push(text.slice(j, q + 1));
          j = q + 2;
          continue;
        }
        parts.push(text.slice(j, q));
        j = q + 1;
        break;
      }
      const end = fieldEnd(j);
      parts.push(text.slice(j, end));
      value = parts.join('');
      i = end;
    } else {
      const end = fieldEnd(i);
      value = text.slice(i, end);
      i = end;
    }
    row.push(value);

    if (i >= n) {
      rows.push(row);
      break;
    }
    const c = text.charCodeAt(i);
    if (c === delim) {
      i++;
      continue;
    }
    rows.push(row);
    row = [];
    i += c === CR && text.charCodeAt(i + 1) === LF ? 2 : 1;
    if (i >= n || rows.length >= maxRecords) break;
  }

  while (rows.length > 0 && isBlankLine(rows[rows.length - 1])) rows.pop();
  return { rows, warnings };
}

const isBlankLine = (row: readonly string[] | undefined): boolean => row !== undefined && row.length === 1 && row[0] === '';
