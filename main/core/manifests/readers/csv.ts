import { type RawTable } from '../../../../shared/domain/manifest';
import { decodeManifestText, type TextEncodingName } from './csv-decode';
import { fallbackDelimiter, sniffDelimiter, type Delimiter } from './csv-sniff';
import { tokenizeDelimited, type CsvWarning } from './csv-tokenize';

/**
 * Reads a CSV or tab-separated manifest into one RawTable of text cells.
 *
 * Deliberately NOT SheetJS: its CSV path guesses types, so under code page 1251
 * "21559,6" became 215596, "0901" lost its zero and "=HYPERLINK(...)" became a live
 * formula. Here every cell is the file's text, exactly (only the byte-order mark
 * is removed); trimming and number parsing belong to the mapping and validation
 * layers, which can report what they changed.
 *
 * Rows are as long as the record: a missing trailing cell reads as ''.
 */

export interface DelimitedTextRead {
  readonly format: 'csv' | 'tsv';
  readonly encoding: TextEncodingName;
  readonly delimiter: Delimiter;
  readonly table: RawTable;
  readonly warnings: readonly CsvWarning[];
}

/** The file's own name without folders: RawTable.sheet for a one-table file. */
function tableName(fileName: string): string {
  return fileName.split(/[\\/]/).pop() ?? fileName;
}

export function readDelimitedText(bytes: Uint8Array, fileName: string): DelimitedTextRead {
  const { text, encoding } = decodeManifestText(bytes);
  const delimiter = sniffDelimiter(text) ?? fallbackDelimiter(fileName);
  const { rows, warnings } = tokenizeDelimited(text, delimiter);
  return {
    format: delimiter === '\t' ? 'tsv' : 'csv',
    encoding,
    delimiter,
    table: { sheet: tableName(fileName), rows },
    warnings,
  };
}
