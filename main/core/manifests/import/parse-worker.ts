import { parentPort, workerData } from 'node:worker_threads';
import { DomainError } from '../../../../shared/ipc/errors';
import type { SavedMapping } from '../mapping/header-detect';
import { allProblemsOf, type ParsedManifest } from '../consignment';
import { isUnreadableDatabaseError, openDatabase, type Db } from '../../db/open';
import { commitManifest } from './commit-manifest';
import type { CommitRequest, WorkerMessage, WorkerOutcome } from './parse-in-worker';
import { readManifest } from './read-manifest';

/**
 * Worker entry: one file in, one message out. With `commit`, it also stores
 * the manifest through its own connection to the encrypted database, so only
 * a summary travels back to the main thread.
 */
const { fileName, savedMappings, override, sender, commit } = workerData as {
  fileName: string;
  savedMappings: Record<string, SavedMapping>;
  override?: SavedMapping;
  sender?: string;
  commit?: CommitRequest;
};

function store(manifest: ParsedManifest, request: CommitRequest): WorkerOutcome {
  const key = Buffer.from(request.key);
  try {
    return storeWith(openDatabase(request.dbFile, key), manifest, request);
  } catch (error) {
    if (error instanceof DomainError) throw error;
    // Not the file's fault: the database refused the write (disk full, damaged page). Nothing was stored.
    throw new DomainError(isUnreadableDatabaseError(error) ? 'DB_CORRUPT' : 'INTERNAL', `${fileName}: storing failed: ${(error as Error).message}`, {
      file: fileName,
      detail: (error as Error).message,
    });
  } finally {
    key.fill(0);
  }
}

function storeWith(db: Db, manifest: ParsedManifest, request: CommitRequest): WorkerOutcome {
  try {
    const outcome = commitManifest(db, manifest, {
      actor: request.actor,
      now: new Date(request.nowIso),
      ...(request.saveMapping && override ? { mappingOverride: override } : {}),
    });
    const { consignments, ...rest } = manifest;
    return {
      kind: 'stored',
      outcome,
      summary: { ...rest, lineCount: consignments.length, allProblems: allProblemsOf(manifest) },
    };
  } finally {
    db.close();
  }
}

const post = (message: WorkerMessage) => parentPort?.postMessage(message);

parentPort?.once('message', (bytes: Uint8Array) => {
  try {
    const manifest = readManifest({ fileName, bytes, savedMappings, ...(override ? { override } : {}), ...(sender ? { sender } : {}) }, (stage, done, total) =>
      post({ type: 'progress', stage, done, total }),
    );
    if (commit && manifest.consignments.length > 0) {
      post({ type: 'progress', stage: 'storing', done: 0, total: manifest.consignments.length });
      post({ type: 'done', outcome: store(manifest, commit) });
    } else {
      post({ type: 'done', outcome: { kind: 'parsed', manifest } });
    }
  } catch (error) {
    if (error instanceof DomainError) {
      post({ type: 'refused', code: error.code, message: error.message, details: error.details });
    } else {
      post({ type: 'refused', code: 'FILE_CORRUPT', message: `${fileName}: ${(error as Error).message}`, details: { file: fileName, detail: (error as Error).message } });
    }
  }
});
