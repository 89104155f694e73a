import type { Actor } from '../../audit/audit-log';
import { appendAudit } from '../../audit/audit-log';
import type { Db } from '../../db/open';
import type { ManifestHead, ManifestTotals, ParsedManifest } from '../consignment';
import type { SavedMapping } from '../mapping/header-detect';
import { createLinePacker, type PackedChunk } from './packed-line';
import { openManifest, type StoreOutcome } from './store-manifest';

export interface CommitOptions {
  readonly actor: Actor;
  readonly now: Date;
  /** The officer's column choices, saved for the file's layout when given. */
  readonly mappingOverride?: SavedMapping;
}

/** One manifest being stored: its lines as they are validated, then everything else and COMMIT. */
export interface ManifestCommit {
  /** In file order, chunks from one packer (createLinePacker). */
  addChunk(chunk: PackedChunk): void;
  /** Stores the totals, the column choices and the audit entry, and commits. */
  finish(totals: ManifestTotals): StoreOutcome;
  /** Rolls everything back; nothing of the file stays. */
  abort(): void;
}

/**
 * Stores a manifest, the column choices and the audit entry in ONE immediate
 * transaction: all of it commits or none. IMMEDIATE because the import worker
 * and the main process each have a connection: a deferred transaction that
 * upgrades to writing could lose that race. The transaction is opened here and
 * closed by finish() or abort(); between them the caller feeds the lines. Any
 * error thrown by a step rolls back at once.
 */
export function beginManifestCommit(db: Db, head: ManifestHead, options: CommitOptions): ManifestCommit {
  db.exec('BEGIN IMMEDIATE');
  let open = true;
  const rollback = () => {
    if (!open) return;
    open = false;
    if (db.inTransaction) db.exec('ROLLBACK');
  };
  const guarded = <T>(step: () => T): T => {
    if (!open) throw new Error('the manifest transaction is closed');
    try {
      return step();
    } catch (error) {
      rollback();
      throw error;
    }
  };
  const opened = guarded(() => openManifest(db, head, options.actor.userId ?? 0, options.now));
  return {
    addChunk(chunk) {
      // A duplicate stores nothing: its lines are read only for the summary.
      if (opened.status === 'writing') guarded(() => opened.writer.addChunk(chunk));
    },
    finish(totals) {
      return guarded(() => {
        const result = opened.status === 'writing' ? opened.writer.finish(totals) : opened;
        if (options.mappingOverride && head.mapping) {
          db.prepare(
            `INSERT INTO column_mappings (sender, mapping_json, updated_at, updated_by) VALUES (?, ?, ?, ?)
             ON CONFLICT (sender) DO UPDATE SET mapping_json = excluded.mapping_json, updated_at = excluded.updated_at, updated_by = excluded.updated_by`,
          ).run(head.mapping.fingerprint, JSON.stringify(options.mappingOverride), options.now.toISOString(), options.actor.userId);
        }
        appendAudit(db, options.now, options.actor, {
          action: result.status === 'duplicate' ? 'manifest.duplicate' : result.amendment ? 'manifest.amendment' : 'manifest.import',
          subject: String(result.manifestId),
          details: { file: head.fileName, sha256: head.sha256, format: head.format, lines: totals.lineCount },
        });
        db.exec('COMMIT');
        open = false;
        return result;
      });
    },
    abort: rollback,
  };
}

/** Stores a parsed manifest with all its lines at once, in one transaction (see beginManifestCommit). */
export function commitManifest(db: Db, manifest: ParsedManifest, options: CommitOptions): StoreOutcome {
  const commit = beginManifestCommit(db, manifest, options);
  commit.addChunk(createLinePacker().pack(manifest.consignments));
  return commit.finish({ ...manifest, lineCount: manifest.consignments.length });
}
