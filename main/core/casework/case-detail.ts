import type { z } from 'zod';
import type { CaseDetail } from '../../../shared/ipc/casework-contract';
import type { Db } from '../db/open';
import { attachmentsOfCase } from './attachment-store';
import { auditTimeline, caseTimeline, recordTimeline } from './case-timeline';
import { caseSummary } from './case-store';
import { custodyOfCase } from './custody-store';
import { examinationsOfCase } from './examination-store';
import { notesOfCase } from './note-store';
import { seizuresOfCase } from './seizure-store';

export type CaseDetailRecord = z.output<typeof CaseDetail>;

function consignmentsOfCase(db: Db, caseId: number): CaseDetailRecord['consignments'] {
  return (db
    .prepare(
      `SELECT c.id, c.manifest_id, c.container_number, c.bl_number, p.name AS consignee, c.goods_description, c.seals_json, m.vessel_name, m.voyage
       FROM case_consignments cc JOIN consignments c ON c.id = cc.consignment_id JOIN manifests m ON m.id = c.manifest_id
       LEFT JOIN parties p ON p.id = c.consignee_id WHERE cc.case_id = ? ORDER BY c.id`,
    )
    .all(caseId) as {
    id: number;
    manifest_id: number;
    container_number: string | null;
    bl_number: string | null;
    consignee: string | null;
    goods_description: string;
    seals_json: string;
    vessel_name: string | null;
    voyage: string | null;
  }[]).map((row) => ({
    id: row.id,
    manifestId: row.manifest_id,
    container: row.container_number,
    bl: row.bl_number,
    consignee: row.consignee,
    goods: row.goods_description,
    seals: JSON.parse(row.seals_json) as string[],
    vessel: row.vessel_name,
    voyage: row.voyage,
  }));
}

/** Everything about one case, voided and corrected records included and marked, with its timeline. */
export function caseDetail(db: Db, caseId: number): CaseDetailRecord {
  const summary = caseSummary(db, caseId);
  const consignments = consignmentsOfCase(db, caseId);
  const records = {
    examinations: examinationsOfCase(db, caseId),
    seizures: seizuresOfCase(db, caseId),
    custody: custodyOfCase(db, caseId),
    notes: notesOfCase(db, caseId),
    attachments: attachmentsOfCase(db, caseId),
  };
  return {
    case: summary,
    consignments,
    ...records,
    timeline: caseTimeline(
      recordTimeline(records),
      auditTimeline(
        db,
        caseId,
        consignments.map((consignment) => consignment.id),
      ),
    ),
  };
}
