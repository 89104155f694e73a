import type { MessagePort } from 'node:worker_threads';
import { DomainError } from '../../../../shared/ipc/errors';
import type { Actor } from '../../audit/audit-log';
import { isUnreadableDatabaseError, openDatabase, type Db } from '../../db/open';
import type { ManifestHead, ManifestTotals } from '../consignment';
import type { SavedMapping } from '../mapping/header-detect';
import { beginManifestCommit, type ManifestCommit } from './commit-manifest';
import type { PackedChunk } from './packed-line';
import type { StoreOutcome } from './store-manifest';

/**
 * The storing half of an import, in a thread of its own beside the reading
 * thread (parse-worker.ts): the reader validates chunk n+1 while this thread
 * writes chunk n, so on two cores storing no longer follows reading. Started
 * by the reading thread, inside it: cancelling or timing out the import ends
 * both, and a transaction cut off that way is rolled back when the thread's
 * connection closes.
 */

export interface StoreThreadData {
  readonly role: 'store';
  readonly fileName: string;
  readonly dbFile: string;
  /** A copy of the database key; wiped as soon as the connection is open. */
  readonly key: Uint8Array;
  readonly actor: Actor;
  readonly nowIso: string;
  readonly mappingOverride?: SavedMapping;
}

/** Reading thread → storing thread. */
export type ToStoreThread =
  | { readonly type: 'begin'; readonly head: ManifestHead }
  | { readonly type: 'lines'; readonly chunk: PackedChunk }
  | { readonly type: 'finish'; readonly totals: ManifestTotals }
  | { readonly type: 'abort' };

/** Storing thread → reading thread. */
export type FromStoreThread =
  | { readonly type: 'stored'; readonly lines: number }
  | { readonly type: 'done'; readonly outcome: StoreOutcome }
  | { readonly type: 'failed'; readonly code: string; readonly message: string; readonly details: unknown };

/** A database refusal is not the file's fault: the codes the import reported before storing had its own thread. */
function failure(error: unknown, fileName: string): Extract<FromStoreThread, { type: 'failed' }> {
  if (error instanceof DomainError) return { type: 'failed', code: error.code, message: error.message, details: error.details };
  const detail = error instanceof Error ? error.message : String(error);
  return {
    type: 'failed',
    code: isUnreadableDatabaseError(error) ? 'DB_CORRUPT' : 'INTERNAL',
    message: `${fileName}: storing failed: ${detail}`,
    details: { file: fileName, detail },
  };
}

export function runStoreThread(port: MessagePort, data: StoreThreadData): void {
  const post = (message: FromStoreThread) => port.postMessage(message);
  let db: Db | null = null;
  let commit: ManifestCommit | null = null;
  // A refusal or abort closes the connection (rolling back) before the last message goes out.
  // After a commit the answer goes first and the checkpoint and close follow: neither holds a
  // lock another connection waits for (the main process keeps its own connection open).
  const closeDatabase = () => {
    try {
      commit?.abort();
    } finally {
      commit = null;
      db?.close();
      db = null;
    }
  };
  const end = (last: FromStoreThread | null) => {
    try {
      closeDatabase();
    } finally {
      if (last) post(last);
      port.close();
    }
  };

  const key = Buffer.from(data.key);
  try {
    // Opened while the reading thread is still parsing; the write lock is taken only at 'begin'.
    db = openDatabase(data.dbFile, key);
    // The commit does not wait for a checkpoint (see 'finish').
    db.pragma('wal_autocheckpoint = 0');
  } catch (error) {
    end(failure(error, data.fileName));
    return;
  } finally {
    key.fill(0);
  }

  port.on('message', (message: ToStoreThread) => {
    try {
      switch (message.type) {
        case 'begin':
          if (!db || commit) throw new Error('begin out of order');
          commit = beginManifestCommit(db, message.head, {
            actor: data.actor,
            now: new Date(data.nowIso),
            ...(data.mappingOverride ? { mappingOverride: data.mappingOverride } : {}),
          });
          break;
        case 'lines':
          if (!commit) throw new Error('lines before begin');
          commit.addChunk(message.chunk);
          post({ type: 'stored', lines: message.chunk.lines.length });
          break;
        case 'finish': {
          if (!commit) throw new Error('finish before begin');
          const outcome = commit.finish(message.totals);
          commit = null;
          // Committed and durable (the WAL is synced). Copying the new pages into the database
          // file (a checkpoint: 30 MB for 100,000 lines) is housekeeping; it runs after the answer.
          post({ type: 'done', outcome });
          try {
            db?.pragma('wal_checkpoint(PASSIVE)');
          } catch {
            // A checkpoint that cannot run now runs at a later commit.
          }
          end(null);
          break;
        }
        case 'abort':
          end(null);
          break;
      }
    } catch (error) {
      end(failure(error, data.fileName));
    }
  });
}
