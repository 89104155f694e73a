import type { Db } from '../db/open';
import { voidMarks, type VoidMark } from './void-store';

export interface NoteRecord {
  readonly id: number;
  readonly text: string;
  readonly by: string;
  readonly at: string;
  readonly voided: VoidMark | null;
}

export function insertNote(db: Db, input: { caseId: number; text: string; writtenBy: number; at: string }): number {
  return Number(db.prepare('INSERT INTO case_notes (case_id, text, written_by, written_at) VALUES (?, ?, ?, ?)').run(input.caseId, input.text, input.writtenBy, input.at).lastInsertRowid);
}

export function notesOfCase(db: Db, caseId: number): NoteRecord[] {
  const rows = db
    .prepare('SELECT n.id, n.text, u.username, n.written_at FROM case_notes n JOIN users u ON u.id = n.written_by WHERE n.case_id = ? ORDER BY n.id')
    .all(caseId) as { id: number; text: string; username: string; written_at: string }[];
  const voided = voidMarks(db, 'note', caseId);
  return rows.map((row) => ({ id: row.id, text: row.text, by: row.username, at: row.written_at, voided: voided.get(row.id) ?? null }));
}
