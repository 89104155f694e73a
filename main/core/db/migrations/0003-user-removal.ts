import type { Migration } from '../migration';

/**
 * Removing an account deletes its key slot but keeps its row: the audit trail,
 * cases and examinations still name who did what. `removed_at` marks it.
 */
export const userRemoval: Migration = {
  id: 3,
  name: 'user-removal',
  up(db) {
    db.exec('ALTER TABLE users ADD COLUMN removed_at TEXT');
  },
};
