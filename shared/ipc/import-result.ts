import type { ImportFileResult } from './contract';

/** A file's import result before anything is known about it: the base of every refusal, in main and in the renderer. */
export function emptyImportResult(file: string): Omit<ImportFileResult, 'status' | 'error'> {
  return {
    file,
    format: null,
    manifestId: null,
    vessel: null,
    voyage: null,
    lines: 0,
    containers: 0,
    badCheckDigitContainers: [],
    totalGrossWeightKg: '0',
    problems: [],
    amendment: null,
  };
}
