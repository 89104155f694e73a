import type { z } from 'zod';
import type { AttachmentInfo } from '../../../shared/ipc/casework-contract';
import { DomainError } from '../../../shared/ipc/errors';
import { createHash } from 'node:crypto';
import type { Db } from '../db/open';
import { thumbnailDataUrl } from './attachment-rules';
import { voidMarks } from './void-store';

export type AttachmentRecord = z.output<typeof AttachmentInfo>;

export function insertAttachment(
  db: Db,
  input: {
    caseId: number;
    examinationId: number | null;
    fileName: string;
    mediaType: string;
    bytes: Buffer;
    sha256: string;
    thumbnail: Buffer | null;
    caption: string;
    capturedAt: string | null;
    addedBy: number;
    addedAt: string;
  },
): number {
  return Number(
    db
      .prepare(
        `INSERT INTO attachments (case_id, examination_id, file_name, media_type, bytes, byte_length, sha256, thumbnail, caption, captured_at, added_by, added_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(
        input.caseId,
        input.examinationId,
        input.fileName,
        input.mediaType,
        input.bytes,
        input.bytes.length,
        input.sha256,
        input.thumbnail,
        input.caption,
        input.capturedAt,
        input.addedBy,
        input.addedAt,
      ).lastInsertRowid,
  );
}

/** Attachments of a case without their bytes (a case view must not pull 25 MB photos through IPC). */
export function attachmentsOfCase(db: Db, caseId: number): AttachmentRecord[] {
  const rows = db
    .prepare(
      `SELECT a.id, a.case_id, a.examination_id, a.file_name, a.media_type, a.byte_length, a.sha256, a.thumbnail, a.caption, a.captured_at, u.username, a.added_at
       FROM attachments a JOIN users u ON u.id = a.added_by WHERE a.case_id = ? ORDER BY a.id`,
    )
    .all(caseId) as {
    id: number;
    case_id: number;
    examination_id: number | null;
    file_name: string;
    media_type: string;
    byte_length: number;
    sha256: string;
    thumbnail: Buffer | null;
    caption: string;
    captured_at: string | null;
    username: string;
    added_at: string;
  }[];
  const voided = voidMarks(db, 'attachment', caseId);
  return rows.map((row) => ({
    id: row.id,
    caseId: row.case_id,
    examinationId: row.examination_id,
    fileName: row.file_name,
    mediaType: row.media_type,
    byteLength: row.byte_length,
    sha256: row.sha256,
    caption: row.caption,
    capturedAt: row.captured_at,
    addedBy: row.username,
    addedAt: row.added_at,
    thumbnail: thumbnailDataUrl(row.thumbnail),
    voided: voided.get(row.id) ?? null,
  }));
}

/**
 * The stored bytes, checked against the SHA-256 taken when they arrived:
 * evidence that no longer matches its hash is reported, never handed out as if
 * it were the original.
 */
export function attachmentContent(db: Db, id: number): { mediaType: string; fileName: string; bytes: Buffer; sha256: string } {
  const row = db.prepare('SELECT media_type, file_name, bytes, sha256 FROM attachments WHERE id = ?').get(id) as
    | { media_type: string; file_name: string; bytes: Buffer; sha256: string }
    | undefined;
  if (!row) throw new DomainError('NOT_FOUND', `There is no attachment ${id}`, { what: 'attachment', id });
  if (createHash('sha256').update(row.bytes).digest('hex') !== row.sha256) {
    throw new DomainError('DB_CORRUPT', `Attachment ${id} no longer matches the SHA-256 recorded when it was added`, { detail: `attachment ${id}` });
  }
  return { mediaType: row.media_type, fileName: row.file_name, bytes: row.bytes, sha256: row.sha256 };
}
