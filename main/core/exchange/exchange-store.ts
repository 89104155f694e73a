import type { Db } from '../db/open';

/**
 * Repositories of the exchange tables (migration 0007). Plain `(db, …)`
 * functions; the exchange service owns the transactions and audit entries.
 * `fingerprint` is the SHA-256 of the DER certificate, lower-case hex.
 */

export interface IdentityRow {
  readonly certificate: Buffer;
  readonly privateKey: Buffer;
  readonly fingerprint: string;
  readonly subject: string;
  readonly notBefore: string;
  readonly notAfter: string;
  readonly createdAt: string;
}

export function readIdentity(db: Db): IdentityRow | null {
  const row = db.prepare('SELECT certificate, private_key, fingerprint, subject, not_before, not_after, created_at FROM exchange_identity WHERE id = 1').get() as
    | { certificate: Buffer; private_key: Buffer; fingerprint: string; subject: string; not_before: string; not_after: string; created_at: string }
    | undefined;
  if (!row) return null;
  return { certificate: row.certificate, privateKey: row.private_key, fingerprint: row.fingerprint, subject: row.subject, notBefore: row.not_before, notAfter: row.not_after, createdAt: row.created_at };
}

export function insertIdentity(db: Db, identity: Omit<IdentityRow, 'createdAt'> & { createdAt: string; createdBy: number | null }): void {
  db.prepare(
    'INSERT INTO exchange_identity (id, certificate, private_key, fingerprint, subject, not_before, not_after, created_at, created_by) VALUES (1, ?, ?, ?, ?, ?, ?, ?, ?)',
  ).run(identity.certificate, identity.privateKey, identity.fingerprint, identity.subject, identity.notBefore, identity.notAfter, identity.createdAt, identity.createdBy);
}

export interface PartnerRow {
  readonly id: number;
  readonly name: string;
  readonly certificate: Buffer;
  readonly fingerprint: string;
  readonly subject: string;
  readonly notBefore: string;
  readonly notAfter: string;
  readonly addedAt: string;
  readonly addedBy: string;
  readonly revokedAt: string | null;
  readonly revokedBy: string | null;
  readonly revokeReason: string | null;
}

const PARTNER_SQL = `SELECT p.id, p.name, p.certificate, p.fingerprint, p.subject, p.not_before, p.not_after, p.added_at, a.username AS added_by,
  p.revoked_at, r.username AS revoked_by, p.revoke_reason
FROM exchange_partners p JOIN users a ON a.id = p.added_by LEFT JOIN users r ON r.id = p.revoked_by`;

interface PartnerDbRow {
  id: number;
  name: string;
  certificate: Buffer;
  fingerprint: string;
  subject: string;
  not_before: string;
  not_after: string;
  added_at: string;
  added_by: string;
  revoked_at: string | null;
  revoked_by: string | null;
  revoke_reason: string | null;
}

const toPartner = (row: PartnerDbRow): PartnerRow => ({
  id: row.id,
  name: row.name,
  certificate: row.certificate,
  fingerprint: row.fingerprint,
  subject: row.subject,
  notBefore: row.not_before,
  notAfter: row.not_after,
  addedAt: row.added_at,
  addedBy: row.added_by,
  revokedAt: row.revoked_at,
  revokedBy: row.revoked_by,
  revokeReason: row.revoke_reason,
});

export function listPartnerRows(db: Db): PartnerRow[] {
  return (db.prepare(`${PARTNER_SQL} ORDER BY p.name COLLATE NOCASE, p.id`).all() as PartnerDbRow[]).map(toPartner);
}

export function partnerById(db: Db, id: number): PartnerRow | null {
  const row = db.prepare(`${PARTNER_SQL} WHERE p.id = ?`).get(id) as PartnerDbRow | undefined;
  return row ? toPartner(row) : null;
}

export function partnerByFingerprint(db: Db, fingerprint: string): PartnerRow | null {
  const row = db.prepare(`${PARTNER_SQL} WHERE p.fingerprint = ?`).get(fingerprint) as PartnerDbRow | undefined;
  return row ? toPartner(row) : null;
}

export function partnerByName(db: Db, name: string): PartnerRow | null {
  const row = db.prepare(`${PARTNER_SQL} WHERE p.name = ?`).get(name) as PartnerDbRow | undefined;
  return row ? toPartner(row) : null;
}

export function insertPartner(
  db: Db,
  partner: { name: string; certificate: Buffer; fingerprint: string; subject: string; notBefore: string; notAfter: string; addedAt: string; addedBy: number },
): number {
  return Number(
    db
      .prepare('INSERT INTO exchange_partners (name, certificate, fingerprint, subject, not_before, not_after, added_at, added_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?)')
      .run(partner.name, partner.certificate, partner.fingerprint, partner.subject, partner.notBefore, partner.notAfter, partner.addedAt, partner.addedBy).lastInsertRowid,
  );
}

/** Revokes once; false when the partner was already revoked. */
export function revokePartnerRow(db: Db, id: number, input: { at: string; by: number; reason: string }): boolean {
  return db.prepare('UPDATE exchange_partners SET revoked_at = ?, revoked_by = ?, revoke_reason = ? WHERE id = ? AND revoked_at IS NULL').run(input.at, input.by, input.reason, id).changes === 1;
}

export interface SentRow {
  readonly id: number;
  readonly packageId: string;
  readonly kind: 'alert' | 'seizure-notice';
  readonly fileName: string;
  readonly sha256: string;
  readonly recipients: string[];
  readonly encrypted: boolean;
  readonly personalData: 'masked' | 'included' | 'none';
  readonly subject: string;
  readonly createdAt: string;
  readonly createdBy: string;
}

const SENT_SQL = `SELECT s.id, s.package_id, s.kind, s.file_name, s.sha256, s.recipients_json, s.encrypted, s.personal_data, s.subject, s.created_at, u.username
FROM exchange_sent s JOIN users u ON u.id = s.created_by`;

interface SentDbRow {
  id: number;
  package_id: string;
  kind: SentRow['kind'];
  file_name: string;
  sha256: string;
  recipients_json: string;
  encrypted: number;
  personal_data: SentRow['personalData'];
  subject: string;
  created_at: string;
  username: string;
}

const toSent = (row: SentDbRow): SentRow => ({
  id: row.id,
  packageId: row.package_id,
  kind: row.kind,
  fileName: row.file_name,
  sha256: row.sha256,
  recipients: JSON.parse(row.recipients_json) as string[],
  encrypted: row.encrypted === 1,
  personalData: row.personal_data,
  subject: row.subject,
  createdAt: row.created_at,
  createdBy: row.username,
});

export function insertSent(
  db: Db,
  sent: {
    packageId: string;
    kind: SentRow['kind'];
    consignmentId: number | null;
    seizureId: number | null;
    fileName: string;
    sha256: string;
    recipients: readonly string[];
    encrypted: boolean;
    personalData: SentRow['personalData'];
    subject: string;
    createdAt: string;
    createdBy: number;
  },
): SentRow {
  const id = Number(
    db
      .prepare(
        `INSERT INTO exchange_sent (package_id, kind, consignment_id, seizure_id, file_name, sha256, recipients_json, encrypted, personal_data, subject, created_at, created_by)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(
        sent.packageId,
        sent.kind,
        sent.consignmentId,
        sent.seizureId,
        sent.fileName,
        sent.sha256,
        JSON.stringify(sent.recipients),
        sent.encrypted ? 1 : 0,
        sent.personalData,
        sent.subject,
        sent.createdAt,
        sent.createdBy,
      ).lastInsertRowid,
  );
  return toSent(db.prepare(`${SENT_SQL} WHERE s.id = ?`).get(id) as SentDbRow);
}

export function listSent(db: Db): SentRow[] {
  return (db.prepare(`${SENT_SQL} ORDER BY s.id DESC`).all() as SentDbRow[]).map(toSent);
}

export interface ReceivedRow {
  readonly id: number;
  readonly packageId: string;
  readonly kind: 'alert' | 'seizure-notice';
  readonly partnerId: number;
  readonly partnerName: string;
  readonly senderUnit: string;
  readonly createdAt: string;
  readonly receivedAt: string;
  readonly receivedBy: string;
  readonly encrypted: boolean;
  readonly subject: string;
  readonly validUntil: string | null;
  readonly payloadJson: string;
  /** Watch-list entries the alert made, and how many of them still match (active, not expired). */
  readonly watchEntries: number;
  readonly activeWatchEntries: number;
}

const RECEIVED_SQL = `SELECT r.id, r.package_id, r.kind, r.partner_id, p.name AS partner_name, r.sender_unit, r.created_at, r.received_at, u.username AS received_by,
  r.encrypted, r.subject, r.valid_until, r.payload_json,
  (SELECT count(*) FROM exchange_alert_watch_entries l WHERE l.received_id = r.id) AS watch_entries,
  (SELECT count(*) FROM exchange_alert_watch_entries l JOIN watch_list_entries e ON e.id = l.watch_entry_id
    WHERE l.received_id = r.id AND e.active = 1 AND (e.expires_at IS NULL OR e.expires_at >= ?)) AS active_watch_entries
FROM exchange_received r JOIN exchange_partners p ON p.id = r.partner_id JOIN users u ON u.id = r.received_by`;

interface ReceivedDbRow {
  id: number;
  package_id: string;
  kind: ReceivedRow['kind'];
  partner_id: number;
  partner_name: string;
  sender_unit: string;
  created_at: string;
  received_at: string;
  received_by: string;
  encrypted: number;
  subject: string;
  valid_until: string | null;
  payload_json: string;
  watch_entries: number;
  active_watch_entries: number;
}

const toReceived = (row: ReceivedDbRow): ReceivedRow => ({
  id: row.id,
  packageId: row.package_id,
  kind: row.kind,
  partnerId: row.partner_id,
  partnerName: row.partner_name,
  senderUnit: row.sender_unit,
  createdAt: row.created_at,
  receivedAt: row.received_at,
  receivedBy: row.received_by,
  encrypted: row.encrypted === 1,
  subject: row.subject,
  validUntil: row.valid_until,
  payloadJson: row.payload_json,
  watchEntries: row.watch_entries,
  activeWatchEntries: row.active_watch_entries,
});

/** `today` (YYYY-MM-DD) decides which watch-list entries still match. */
export function listReceived(db: Db, today: string): ReceivedRow[] {
  return (db.prepare(`${RECEIVED_SQL} ORDER BY r.id DESC`).all(today) as ReceivedDbRow[]).map(toReceived);
}

export function receivedById(db: Db, id: number, today: string): ReceivedRow | null {
  const row = db.prepare(`${RECEIVED_SQL} WHERE r.id = ?`).get(today, id) as ReceivedDbRow | undefined;
  return row ? toReceived(row) : null;
}

export function receivedByPackageId(db: Db, packageId: string): { id: number; receivedAt: string } | null {
  const row = db.prepare('SELECT id, received_at FROM exchange_received WHERE package_id = ?').get(packageId) as { id: number; received_at: string } | undefined;
  return row ? { id: row.id, receivedAt: row.received_at } : null;
}

export function insertReceived(
  db: Db,
  received: {
    packageId: string;
    kind: ReceivedRow['kind'];
    partnerId: number;
    senderUnit: string;
    senderUnitUid: string;
    createdAt: string;
    receivedAt: string;
    receivedBy: number;
    encrypted: boolean;
    fileName: string;
    sha256: string;
    payloadJson: string;
    subject: string;
    validUntil: string | null;
  },
): number {
  return Number(
    db
      .prepare(
        `INSERT INTO exchange_received (package_id, kind, partner_id, sender_unit, sender_unit_uid, created_at, received_at, received_by, encrypted, file_name, sha256, payload_json, subject, valid_until)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(
        received.packageId,
        received.kind,
        received.partnerId,
        received.senderUnit,
        received.senderUnitUid,
        received.createdAt,
        received.receivedAt,
        received.receivedBy,
        received.encrypted ? 1 : 0,
        received.fileName,
        received.sha256,
        received.payloadJson,
        received.subject,
        received.validUntil,
      ).lastInsertRowid,
  );
}

export function insertReceivedAttachment(
  db: Db,
  attachment: { receivedId: number; attachmentId: string; fileName: string; mediaType: string; caption: string; data: Buffer; sha256: string },
): void {
  db.prepare(
    'INSERT INTO exchange_received_attachments (received_id, attachment_id, file_name, media_type, caption, data, byte_length, sha256) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
  ).run(attachment.receivedId, attachment.attachmentId, attachment.fileName, attachment.mediaType, attachment.caption, attachment.data, attachment.data.length, attachment.sha256);
}

export interface ReceivedAttachmentInfo {
  readonly id: string;
  readonly fileName: string;
  readonly mediaType: string;
  readonly sha256: string;
  readonly caption: string;
  readonly sizeBytes: number;
}

export function receivedAttachments(db: Db, receivedId: number): ReceivedAttachmentInfo[] {
  return (db
    .prepare('SELECT attachment_id, file_name, media_type, sha256, caption, byte_length FROM exchange_received_attachments WHERE received_id = ? ORDER BY id')
    .all(receivedId) as { attachment_id: string; file_name: string; media_type: string; sha256: string; caption: string; byte_length: number }[]).map((row) => ({
    id: row.attachment_id,
    fileName: row.file_name,
    mediaType: row.media_type,
    sha256: row.sha256,
    caption: row.caption,
    sizeBytes: row.byte_length,
  }));
}

export function receivedAttachmentData(db: Db, receivedId: number, attachmentId: string): { mediaType: string; data: Buffer; sha256: string } | null {
  const row = db.prepare('SELECT media_type, data, sha256 FROM exchange_received_attachments WHERE received_id = ? AND attachment_id = ?').get(receivedId, attachmentId) as
    | { media_type: string; data: Buffer; sha256: string }
    | undefined;
  return row ? { mediaType: row.media_type, data: row.data, sha256: row.sha256 } : null;
}

export function linkWatchEntries(db: Db, receivedId: number, entryIds: readonly number[]): void {
  const insert = db.prepare('INSERT INTO exchange_alert_watch_entries (received_id, watch_entry_id) VALUES (?, ?)');
  for (const id of entryIds) insert.run(receivedId, id);
}
