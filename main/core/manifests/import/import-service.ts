import { translate, type Language, type MessageKey } from '../../../../shared/i18n';
import { errorMessage } from '../../../../shared/i18n/error-message';
import { MAX_MANIFEST_BYTES, MAX_MANIFEST_MB, type Problem } from '../../../../shared/domain/manifest';
import { DomainError } from '../../../../shared/ipc/errors';
import type { Actor } from '../../audit/audit-log';
import type { UnitStore } from '../../vault/vault';
import { allProblemsOf } from '../consignment';
import type { SavedMapping } from '../mapping/header-detect';
import { loadSavedMappings } from './mapping-store';
import { normaliseMappingKeys } from '../mapping/synonyms';
import { defaultParseLimits, parseInWorker, parseOnly, type ParseLimits } from './parse-in-worker';
import { refuse } from './refusal';
import type { ImportFileResult } from '../../../../shared/ipc/contract';
import { emptyImportResult } from '../../../../shared/ipc/import-result';

/** Empty and oversized files are refused before a worker is started for them. */
function assertImportableSize(file: { readonly name: string; readonly bytes: Uint8Array }): void {
  if (file.bytes.length === 0) throw refuse('FILE_EMPTY', file.name, 'the file is empty');
  if (file.bytes.length > MAX_MANIFEST_BYTES) {
    throw refuse('FILE_TOO_LARGE', file.name, `larger than ${MAX_MANIFEST_MB} MB`, { limitMb: MAX_MANIFEST_MB });
  }
}

export type ImportedProblem = ImportFileResult['problems'][number];

/** The per-file answer of `pcu import --json` and of the import screen (the contract's shape). */
export type { ImportFileResult };

export function describeProblem(language: Language, problem: Problem): ImportedProblem {
  const params: Record<string, string | number> = { ...(problem.params ?? {}) };
  const message = translate(language, `problem.${problem.code}` as MessageKey, params);
  return {
    code: problem.code,
    ...(problem.sheet !== undefined && { sheet: problem.sheet }),
    ...(problem.row !== undefined && { row: problem.row }),
    ...(problem.column !== undefined && { column: problem.column }),
    ...(problem.segment !== undefined && { segment: problem.segment }),
    message,
  };
}


/** Reads a file in the worker and describes it, storing nothing (the mapping wizard's live preview). */
export async function previewManifestFile(
  store: UnitStore,
  file: { readonly name: string; readonly bytes: Uint8Array },
  options: { readonly language: Language; readonly mappingOverride?: SavedMapping },
) {
  assertImportableSize(file);
  const manifest = await parseOnly({
    fileName: file.name,
    bytes: file.bytes,
    savedMappings: loadSavedMappings(store.db),
    ...(options.mappingOverride ? { override: normaliseMappingKeys(options.mappingOverride) } : {}),
  }).result;
  return {
    file: file.name,
    format: manifest.format,
    vessel: manifest.header.vesselName ?? null,
    voyage: manifest.header.voyage ?? null,
    imo: manifest.header.imo ?? null,
    lines: manifest.consignments.length,
    containers: manifest.containerCount,
    totalGrossWeightKg: manifest.totalGrossWeightKg,
    mapping: manifest.mapping
      ? {
          sheet: manifest.mapping.sheet,
          headerRow: manifest.mapping.headerRow,
          columns: { ...manifest.mapping.columns },
          headers: [...manifest.mapping.headers],
          sample: manifest.mapping.sample.map((row) => [...row]),
        }
      : null,
    problems: allProblemsOf(manifest).slice(0, 50).map((problem) => describeProblem(options.language, problem)),
  };
}

export interface ImportOptions {
  readonly language: Language;
  readonly onProgress?: (stage: string, done: number, total: number) => void;
  readonly limits?: ParseLimits;
  /** Set by the caller to stop a long import; the worker is terminated. */
  readonly register?: (cancel: () => void) => void;
  readonly sender?: string;
  /** The officer's column choices (mapping wizard, `--mapping`): header text → field; saved for next time under the layout's fingerprint. */
  readonly mappingOverride?: SavedMapping;
  readonly clock: () => Date;
}

/**
 * Imports one file: refuses empty and oversized files at once, parses in a
 * worker, then stores the manifest and its audit entry in ONE transaction.
 * Nothing of a refused file is stored; a duplicate is reported, not stored twice.
 */
export async function importManifestFile(
  store: UnitStore,
  actor: Actor,
  file: { readonly name: string; readonly bytes: Uint8Array },
  options: ImportOptions,
): Promise<ImportFileResult> {
  const empty = emptyImportResult(file.name);
  try {
    assertImportableSize(file);
    const override = options.mappingOverride ? normaliseMappingKeys(options.mappingOverride) : undefined;
    const handle = parseInWorker(
      {
        fileName: file.name,
        bytes: file.bytes,
        savedMappings: loadSavedMappings(store.db),
        ...(override ? { override } : {}),
        ...(options.sender ? { sender: options.sender } : {}),
        commit: { ...store.workerAccess(), actor, nowIso: options.clock().toISOString(), saveMapping: override !== undefined },
      },
      (progress) => options.onProgress?.(progress.stage, progress.done, progress.total),
      options.limits ?? defaultParseLimits,
    );
    options.register?.(handle.cancel);
    const result = await handle.result;
    if (result.kind !== 'stored') throw refuse('MANIFEST_NO_LINES', file.name, 'no manifest lines found');
    // The worker committed the manifest and its audit entry; move the chain head kept outside the database.
    await store.publishAuditHead();
    const { outcome, summary } = result;
    return {
      ...empty,
      format: summary.format,
      status: outcome.status,
      manifestId: outcome.manifestId,
      vessel: summary.header.vesselName ?? null,
      voyage: summary.header.voyage ?? null,
      lines: summary.lineCount,
      containers: summary.containerCount,
      badCheckDigitContainers: [...summary.badCheckDigitContainers],
      totalGrossWeightKg: summary.totalGrossWeightKg,
      problems: summary.allProblems.map((problem) => describeProblem(options.language, problem)),
      amendment: outcome.status === 'imported' ? outcome.amendment : null,
    };
  } catch (error) {
    if (!(error instanceof DomainError)) throw error;
    return rejectedResult(file.name, error, options.language);
  }
}

/** The answer for a file refused as a whole: nothing stored, the reason translated. */
export function rejectedResult(file: string, error: DomainError, language: Language): ImportFileResult {
  return { ...emptyImportResult(file), status: 'rejected', error: { code: error.code, message: errorMessage(language, error) } };
}
