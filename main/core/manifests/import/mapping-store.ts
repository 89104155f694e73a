import type { Db } from '../../db/open';
import type { SavedMapping } from '../mapping/header-detect';

/** Column choices officers saved, keyed by the header fingerprint of the sender's layout. */
export function loadSavedMappings(db: Db): Record<string, SavedMapping> {
  const saved: Record<string, SavedMapping> = {};
  for (const row of db.prepare('SELECT sender, mapping_json FROM column_mappings').all() as { sender: string; mapping_json: string }[]) {
    try {
      saved[row.sender] = JSON.parse(row.mapping_json) as SavedMapping;
    } catch {
      // A damaged entry is ignored: the officer maps the columns again.
    }
  }
  return saved;
}
