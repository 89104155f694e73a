import { createHash } from 'node:crypto';
import type { Db } from '../db/open';

export const GENESIS_HASH = '0'.repeat(64);

export interface Actor {
  readonly userId: number | null;
  readonly userName: string | null;
}

export interface AuditEvent {
  readonly action: string;
  readonly subject?: string;
  /** Facts about the change. Never passwords, keys or a person's case data beyond identifiers. */
  readonly details?: Readonly<Record<string, unknown>>;
}

export interface AuditEntry {
  readonly seq: number;
  readonly at: string;
  readonly userId: number | null;
  readonly userName: string | null;
  readonly action: string;
  readonly subject: string;
  readonly details: Record<string, unknown>;
  readonly prevHash: string;
  readonly hash: string;
}

interface AuditRow {
  seq: number;
  at: string;
  user_id: number | null;
  user_name: string | null;
  action: string;
  subject: string;
  details_json: string;
  prev_hash: string;
  hash: string;
}

/** The hash covers every column but itself, in a fixed order, as JSON (unambiguous field boundaries). */
export function entryHash(row: Omit<AuditRow, 'hash'>): string {
  return createHash('sha256')
    .update(JSON.stringify([row.seq, row.at, row.user_id, row.user_name, row.action, row.subject, row.details_json, row.prev_hash]))
    .digest('hex');
}

/**
 * Appends one entry chained to the previous one. Call inside the transaction
 * that makes the change, so the change and its record commit together.
 */
export function appendAudit(db: Db, at: Date, actor: Actor, event: AuditEvent): { seq: number; hash: string } {
  const last = db.prepare('SELECT seq, hash FROM audit_log ORDER BY seq DESC LIMIT 1').get() as
    | { seq: number; hash: string }
    | undefined;
  const row = {
    seq: (last?.seq ?? 0) + 1,
    at: at.toISOString(),
    user_id: actor.userId,
    user_name: actor.userName,
    action: event.action,
    subject: event.subject ?? '',
    details_json: JSON.stringify(event.details ?? {}),
    prev_hash: last?.hash ?? GENESIS_HASH,
  };
  const hash = entryHash(row);
  db.prepare(
    `INSERT INTO audit_log (seq, at, user_id, user_name, action, subject, details_json, prev_hash, hash)
     VALUES (@seq, @at, @user_id, @user_name, @action, @subject, @details_json, @prev_hash, @hash)`,
  ).run({ ...row, hash });
  return { seq: row.seq, hash };
}

export function auditChainHead(db: Db): { seq: number; hash: string } {
  const last = db.prepare('SELECT seq, hash FROM audit_log ORDER BY seq DESC LIMIT 1').get() as
    | { seq: number; hash: string }
    | undefined;
  return last ?? { seq: 0, hash: GENESIS_HASH };
}

export interface AuditFilter {
  readonly user?: string;
  readonly action?: string;
  readonly from?: string;
  readonly to?: string;
  readonly beforeSeq?: number;
  readonly limit: number;
}

export function listAudit(db: Db, filter: AuditFilter): AuditEntry[] {
  const where: string[] = [];
  const params: Record<string, unknown> = { limit: filter.limit };
  if (filter.user) {
    where.push('user_name = @user COLLATE NOCASE');
    params.user = filter.user;
  }
  if (filter.action) {
    where.push("action LIKE @action || '%'");
    params.action = filter.action;
  }
  if (filter.from) {
    where.push('at >= @from');
    params.from = filter.from;
  }
  if (filter.to) {
    where.push('at < @to');
    params.to = filter.to;
  }
  if (filter.beforeSeq) {
    where.push('seq < @beforeSeq');
    params.beforeSeq = filter.beforeSeq;
  }
  const rows = db
    .prepare(`SELECT * FROM audit_log ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY seq DESC LIMIT @limit`)
    .all(params) as AuditRow[];
  return rows.map(toEntry);
}

function toEntry(row: AuditRow): AuditEntry {
  let details: Record<string, unknown>;
  try {
    details = JSON.parse(row.details_json) as Record<string, unknown>;
  } catch {
    details = { unreadable: row.details_json };
  }
  return {
    seq: row.seq,
    at: row.at,
    userId: row.user_id,
    userName: row.user_name,
    action: row.action,
    subject: row.subject,
    details,
    prevHash: row.prev_hash,
    hash: row.hash,
  };
}

export type BrokenReason = 'hash-mismatch' | 'chain-broken' | 'sequence-gap' | 'missing-latest' | 'head-tampered';

export interface ChainVerdict {
  readonly ok: boolean;
  readonly entries: number;
  readonly firstBroken?: { readonly seq: number; readonly reason: BrokenReason };
}

/**
 * Walks the whole chain. `head` is the chain head kept outside the database
 * (null: not known, e.g. right after setup); with it, deleting the newest
 * entries is found too.
 */
export function verifyAuditChain(db: Db, head: { seq: number; hash: string; authentic: boolean } | null): ChainVerdict {
  let expectedSeq = 1;
  let prevHash = GENESIS_HASH;
  let entries = 0;
  let hashAtHead: string | null = null;
  for (const row of db.prepare('SELECT * FROM audit_log ORDER BY seq').iterate() as IterableIterator<AuditRow>) {
    entries += 1;
    if (row.seq !== expectedSeq) return { ok: false, entries, firstBroken: { seq: expectedSeq, reason: 'sequence-gap' } };
    if (row.prev_hash !== prevHash) return { ok: false, entries, firstBroken: { seq: row.seq, reason: 'chain-broken' } };
    const { hash, ...rest } = row;
    if (entryHash(rest) !== hash) return { ok: false, entries, firstBroken: { seq: row.seq, reason: 'hash-mismatch' } };
    if (head && row.seq === head.seq) hashAtHead = row.hash;
    prevHash = row.hash;
    expectedSeq += 1;
  }
  if (head) {
    if (!head.authentic) return { ok: false, entries, firstBroken: { seq: head.seq, reason: 'head-tampered' } };
    if (head.seq > entries) return { ok: false, entries, firstBroken: { seq: entries + 1, reason: 'missing-latest' } };
    if (head.seq > 0 && hashAtHead !== head.hash) {
      return { ok: false, entries, firstBroken: { seq: head.seq, reason: 'hash-mismatch' } };
    }
  }
  return { ok: true, entries };
}
