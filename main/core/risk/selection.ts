import { DomainError } from '../../../shared/ipc/errors';
import type { Db } from '../db/open';
import type { Decision } from './targets';

export interface DecisionRecord {
  readonly id: number;
  readonly consignmentId: number;
  readonly decision: Decision;
  readonly reason: string;
  readonly decidedBy: string;
  readonly decidedAt: string;
  readonly score: number | null;
  readonly lane: string | null;
}

/**
 * Records an officer's choice on a line: select for examination or waive,
 * always with a reason. A selection of a line that the profile picked at
 * random (and that was not red anyway) is recorded as 'random', so hit rates
 * can tell targeting from the honesty sample. Decisions are rows, never
 * edits: a later decision supersedes, the earlier stays in the record.
 */
export function recordDecision(
  db: Db,
  input: { consignmentId: number; versionId: number | null; choice: 'select' | 'waive'; reason: string; userId: number; at: string },
): DecisionRecord {
  const reason = input.reason.trim();
  if (!reason) throw new DomainError('INVALID_INPUT', 'A reason is required', { field: 'reason' });
  const line = db.prepare('SELECT id FROM consignments WHERE id = ?').get(input.consignmentId);
  if (!line) throw new DomainError('NOT_FOUND', `There is no consignment ${input.consignmentId}`, { what: 'consignment', id: input.consignmentId });
  const score =
    input.versionId === null
      ? undefined
      : (db.prepare('SELECT id, total, band, random_pick FROM scores WHERE consignment_id = ? AND profile_version_id = ?').get(input.consignmentId, input.versionId) as
          | { id: number; total: number; band: string; random_pick: number }
          | undefined);
  const decision: Decision = input.choice === 'waive' ? 'waived' : score && score.random_pick === 1 && score.band !== 'red' ? 'random' : 'targeted';
  const id = Number(
    db
      .prepare('INSERT INTO selections (consignment_id, score_id, decision, reason, decided_by, decided_at) VALUES (?, ?, ?, ?, ?, ?)')
      .run(input.consignmentId, score?.id ?? null, decision, reason, input.userId, input.at).lastInsertRowid,
  );
  return decisionsOf(db, input.consignmentId).find((record) => record.id === id)!;
}

export function decisionsOf(db: Db, consignmentId: number): DecisionRecord[] {
  return (db
    .prepare(
      `SELECT x.id, x.consignment_id, x.decision, x.reason, u.username, x.decided_at, s.total, s.band
       FROM selections x JOIN users u ON u.id = x.decided_by LEFT JOIN scores s ON s.id = x.score_id
       WHERE x.consignment_id = ? ORDER BY x.id`,
    )
    .all(consignmentId) as { id: number; consignment_id: number; decision: Decision; reason: string; username: string; decided_at: string; total: number | null; band: string | null }[]).map(
    (row) => ({
      id: row.id,
      consignmentId: row.consignment_id,
      decision: row.decision,
      reason: row.reason,
      decidedBy: row.username,
      decidedAt: row.decided_at,
      score: row.total,
      lane: row.band,
    }),
  );
}

export interface ConsigneeHistoryLine {
  readonly consignmentId: number;
  readonly manifestId: number;
  readonly receivedAt: string;
  readonly container: string | null;
  readonly goods: string;
  readonly hsCode: string | null;
  readonly decision: Decision | null;
  readonly result: string | null;
}

/** Earlier lines of the same consignee (by matching key), newest first, with what came of them. */
export function consigneeHistory(db: Db, consignmentId: number, limit = 20): { total: number; lines: ConsigneeHistoryLine[] } {
  const key = db
    .prepare('SELECT p.name_normalised AS key, c.manifest_id FROM consignments c JOIN parties p ON p.id = c.consignee_id WHERE c.id = ?')
    .get(consignmentId) as { key: string; manifest_id: number } | undefined;
  if (!key) return { total: 0, lines: [] };
  const from = `FROM consignments c JOIN parties p ON p.id = c.consignee_id JOIN manifests m ON m.id = c.manifest_id
                WHERE p.name_normalised = ? AND c.id <> ? AND c.manifest_id <= ?`;
  const total = (db.prepare(`SELECT count(*) AS n ${from}`).get(key.key, consignmentId, key.manifest_id) as { n: number }).n;
  const lines = (db
    .prepare(
      `SELECT c.id, c.manifest_id, m.received_at, c.container_number, c.goods_description, c.hs_code,
              (SELECT decision FROM selections x WHERE x.consignment_id = c.id ORDER BY x.id DESC LIMIT 1) AS decision,
              (SELECT result FROM examinations e WHERE e.consignment_id = c.id ORDER BY e.id DESC LIMIT 1) AS result
       ${from} ORDER BY c.manifest_id DESC, c.line_no LIMIT ?`,
    )
    .all(key.key, consignmentId, key.manifest_id, limit) as {
    id: number;
    manifest_id: number;
    received_at: string;
    container_number: string | null;
    goods_description: string;
    hs_code: string | null;
    decision: Decision | null;
    result: string | null;
  }[]).map((row) => ({
    consignmentId: row.id,
    manifestId: row.manifest_id,
    receivedAt: row.received_at,
    container: row.container_number,
    goods: row.goods_description,
    hsCode: row.hs_code,
    decision: row.decision,
    result: row.result,
  }));
  return { total, lines };
}
