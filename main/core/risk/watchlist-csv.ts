import { translate, type MessageKey } from '../../../shared/i18n';
import type { Language } from '../../../shared/i18n/languages';
import { parseWatchListCsv } from './watchlist-match';
import type { WatchEntryInput } from './watchlist-store';

export interface WatchCsvOutcome {
  readonly entries: WatchEntryInput[];
  /** Each names the row (1-based record of the file; 0 = the file) and the column, in the officer's language. */
  readonly problems: { row: number; field: string; code: string; message: string }[];
}

/** A watch-list CSV as the officer sent it, checked row by row; nothing is added while a problem remains. */
export function readWatchListCsv(bytes: Uint8Array, fileName: string, language: Language): WatchCsvOutcome {
  const read = parseWatchListCsv(bytes, fileName);
  return {
    entries: read.entries.map((entry) => ({ kind: entry.kind, value: entry.value, severity: entry.severity, reason: entry.reason, expiresAt: entry.expiresAt })),
    problems: read.problems.map((problem) => {
      const field = problem.field ? translate(language, `watchlistCsv.field.${problem.field}` as MessageKey) : '';
      return {
        row: problem.row,
        field: problem.field ?? '',
        code: problem.code,
        message: translate(language, `watchlistCsv.problem.${problem.code}` as MessageKey, { file: fileName, row: problem.row, field, ...problem.params }),
      };
    }),
  };
}
