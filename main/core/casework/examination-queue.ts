import type { z } from 'zod';
import type { QueueRow } from '../../../shared/ipc/casework-contract';
import type { Db } from '../db/open';
import { notVoided } from './live-records';

export type QueueEntry = z.output<typeof QueueRow>;

/**
 * The examination queue: consignments whose latest decision selected them
 * (targeted or random) and that have no examination on record yet, voided
 * ones not counting (a voided examination means it still has to be done).
 * Oldest decision first: what waits longest at the terminal comes first.
 */
export function examinationQueue(db: Db, page: { limit: number; offset: number }): QueueEntry[] {
  return (db
    .prepare(
      `WITH latest AS (
         SELECT x.consignment_id, max(x.id) AS id FROM selections x GROUP BY x.consignment_id
       )
       SELECT c.id AS consignmentId, c.manifest_id AS manifestId, m.vessel_name AS vessel, m.voyage, c.container_number AS container, c.bl_number AS bl,
              p.name AS consignee, c.goods_description AS goods, s.total AS score, s.band AS lane, x.decision, x.reason, u.username AS decidedBy,
              x.decided_at AS decidedAt, k.id AS caseId, k.reference AS caseReference
       FROM latest JOIN selections x ON x.id = latest.id
       JOIN consignments c ON c.id = x.consignment_id
       JOIN manifests m ON m.id = c.manifest_id
       JOIN users u ON u.id = x.decided_by
       LEFT JOIN parties p ON p.id = c.consignee_id
       LEFT JOIN scores s ON s.id = x.score_id
       LEFT JOIN cases k ON k.id = (SELECT max(cc.case_id) FROM case_consignments cc JOIN cases open_case ON open_case.id = cc.case_id
                                    WHERE cc.consignment_id = c.id AND open_case.status <> 'closed')
       WHERE x.decision IN ('targeted', 'random')
         AND NOT EXISTS (SELECT 1 FROM examinations e WHERE e.consignment_id = c.id AND ${notVoided('examination', 'e')})
       ORDER BY x.decided_at, x.id
       LIMIT ? OFFSET ?`,
    )
    .all(page.limit, page.offset) as QueueEntry[]);
}
