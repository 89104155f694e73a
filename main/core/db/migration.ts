import type { Database } from 'better-sqlite3-multiple-ciphers';

/** One schema step. Append-only: a released migration is never edited, only followed. */
export interface Migration {
  readonly id: number;
  readonly name: string;
  up(db: Database): void;
}
