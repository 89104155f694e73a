import { tokenizeDelimited } from './csv-tokenize';

/**
 * Guesses the delimiter from the file's first records. Russian-locale Excel writes
 * ';' (the comma is its decimal mark), most other programs ',', Excel's "Unicode
 * Text" a tab, some carrier systems '|'. Counting characters would be fooled by
 * decimal commas and by delimiters inside quoted goods descriptions, so each
 * candidate tokenizes the sample (quotes respected) and is judged by the field
 * count k that best describes the sample, weighing how many records have exactly k
 * fields against how many fields that is:
 *
 *   score = max over k ≥ 2 of (records with k fields) × (k − 1)
 *
 * A candidate that never splits a record scores 0. With ';' and decimal commas,
 * ',' may split every record into exactly two fields (score n) while ';' splits
 * them into ten (score 9n): the delimiter that carves the table wins. Title rows
 * above the header lower every candidate alike.
 */

export const delimiterCandidates = [';', ',', '\t', '|'] as const;
export type Delimiter = (typeof delimiterCandidates)[number];

/** Records looked at; enough to get past a title block, few enough to stay instant. */
const sampleRecords = 100;
const sampleChars = 64 * 1024;

function score(text: string, delimiter: Delimiter, complete: boolean): number {
  const { rows } = tokenizeDelimited(text, delimiter, { maxRecords: sampleRecords });
  // A sample cut mid-file may end mid-record: that record's count means nothing.
  const records = complete ? rows : rows.slice(0, -1);
  const counts = new Map<number, number>();
  for (const row of records) {
    if (row.length === 1 && row[0] === '') continue;
    counts.set(row.length, (counts.get(row.length) ?? 0) + 1);
  }
  let best = 0;
  for (const [fields, records] of counts) {
    if (fields > 1) best = Math.max(best, records * (fields - 1));
  }
  return best;
}

/**
 * The delimiter of `text`, or undefined when no candidate splits anything (a
 * one-column file). Ties keep the order of delimiterCandidates. `truncated`: the
 * text is only the start of the file, so its last record may be cut.
 */
export function sniffDelimiter(text: string, options: { truncated?: boolean } = {}): Delimiter | undefined {
  const complete = !options.truncated && text.length <= sampleChars;
  const sample = complete ? text : text.slice(0, sampleChars);
  let best: Delimiter | undefined;
  let bestScore = 0;
  for (const candidate of delimiterCandidates) {
    const s = score(sample, candidate, complete);
    if (s > bestScore) {
      best = candidate;
      bestScore = s;
    }
  }
  return best;
}

/** One-column text: the name is the only hint left (".tsv" or Excel's tab-separated ".txt" stay ambiguous, so only ".tsv"). */
export function fallbackDelimiter(fileName: string): Delimiter {
  return /\.tsv$/i.test(fileName) ? '\t' : ',';
}
