import { errorMessage } from '../../../../../shared/i18n/error-message';
import type { Language } from '../../../../../shared/i18n';
import type { ImportFileResult } from '../../../../../shared/ipc/contract';
import { emptyImportResult } from '../../../../../shared/ipc/import-result';
import { MAX_MANIFEST_MB } from '../../../../../shared/domain/manifest';

/** A file as `manifests.import` and `manifests.preview` take it. */
export interface Upload {
  readonly name: string;
  readonly dataBase64: string;
}


/** The contract takes at most this many files per call; more are sent in turns. */
export const FILES_PER_CALL = 50;

/**
 * Bytes per btoa call: a multiple of 3, so the pieces' base64 joins without
 * padding in the middle, and small enough for String.fromCharCode's argument
 * list (spreading a whole 100 MB file would overflow the call stack).
 */
const CHUNK_BYTES = 3 * 16_384;

export function toBase64(bytes: Uint8Array): string {
  const pieces: string[] = [];
  for (let start = 0; start < bytes.length; start += CHUNK_BYTES) {
    pieces.push(btoa(String.fromCharCode(...bytes.subarray(start, start + CHUNK_BYTES))));
  }
  return pieces.join('');
}

export async function readUpload(file: File): Promise<Upload> {
  return { name: file.name, dataBase64: toBase64(new Uint8Array(await file.arrayBuffer())) };
}

/** The answer main would give, for a file refused before it was sent (too large, unreadable here, cancelled before its turn). */
export function refusedHere(language: Language, file: string, code: 'FILE_TOO_LARGE' | 'FILE_UNREADABLE' | 'IMPORT_CANCELLED', detail = ''): ImportFileResult {
  return {
    ...emptyImportResult(file),
    status: 'rejected',
    error: { code, message: errorMessage(language, { code, message: detail, details: { file, limitMb: MAX_MANIFEST_MB, detail } }) },
  };
}
