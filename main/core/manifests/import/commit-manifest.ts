import type { Actor } from '../../audit/audit-log';
import { appendAudit } from '../../audit/audit-log';
import type { Db } from '../../db/open';
import type { ParsedManifest } from '../consignment';
import type { SavedMapping } from '../mapping/header-detect';
import { storeManifest, type StoreOutcome } from './store-manifest';

export interface CommitOptions {
  readonly actor: Actor;
  readonly now: Date;
  /** The officer's column choices, saved for the file's layout when given. */
  readonly mappingOverride?: SavedMapping;
}

/**
 * Stores a parsed manifest, the column choices and the audit entry in ONE
 * immediate transaction: all of it commits or none. IMMEDIATE because the
 * import worker and the main process each have a connection: a deferred
 * transaction that upgrades to writing could lose that race.
 */
export function commitManifest(db: Db, manifest: ParsedManifest, options: CommitOptions): StoreOutcome {
  return db
    .transaction(() => {
      const result = storeManifest(db, manifest, options.actor.userId ?? 0, options.now);
      if (options.mappingOverride && manifest.mapping) {
        db.prepare(
          `INSERT INTO column_mappings (sender, mapping_json, updated_at, updated_by) VALUES (?, ?, ?, ?)
           ON CONFLICT (sender) DO UPDATE SET mapping_json = excluded.mapping_json, updated_at = excluded.updated_at, updated_by = excluded.updated_by`,
        ).run(manifest.mapping.fingerprint, JSON.stringify(options.mappingOverride), options.now.toISOString(), options.actor.userId);
      }
      appendAudit(db, options.now, options.actor, {
        action: result.status === 'duplicate' ? 'manifest.duplicate' : result.amendment ? 'manifest.amendment' : 'manifest.import',
        subject: String(result.manifestId),
        details: { file: manifest.fileName, sha256: manifest.sha256, format: manifest.format, lines: manifest.consignments.length },
      });
      return result;
    })
    .immediate();
}
