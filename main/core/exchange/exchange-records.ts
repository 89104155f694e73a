import { DomainError } from '../../../shared/ipc/errors';
import { quantityUnits } from '../../../shared/domain/seizure-categories';
import { attachmentContent } from '../casework/attachment-store';
import { voidMarks } from '../casework/void-store';
import type { Db } from '../db/open';
import { activeVersion } from '../risk/profile-store';
import { riskLineById } from '../risk/risk-lines';
import { decisionsOf } from '../risk/selection';
import { firedIndicatorsOf } from '../risk/targets';
import type { ConsignmentRecord, PartyRecord, PhotoRecord, ScoreRecord, SeizureRecordForExchange } from './payload-builders';

/**
 * Reads what an export carries out of the database as plain records for the
 * pure builders (payload-builders.ts): the stored line with its manifest, its
 * latest score, a seizure with its case and examination, and photos.
 */

export function consignmentRecord(db: Db, consignmentId: number): ConsignmentRecord {
  const line = riskLineById(db, consignmentId);
  if (!line) throw new DomainError('NOT_FOUND', `There is no consignment ${consignmentId}`, { what: 'consignment', id: consignmentId });
  // The exact decimal text, not RiskLine's float.
  const stored = db.prepare('SELECT gross_weight_kg FROM consignments WHERE id = ?').get(consignmentId) as { gross_weight_kg: string | null };
  const party = (role: PartyRecord['role'], p: typeof line.shipper): PartyRecord[] =>
    p ? [{ role, roleText: null, name: p.name, address: p.address || null, country: p.country }] : [];
  return {
    containerNumber: line.containerNumber,
    containerType: line.containerType,
    blNumber: line.blNumber,
    masterBl: line.masterBl,
    vesselName: line.vessel.name,
    imo: line.vessel.imo,
    voyage: line.vessel.voyage,
    placeOfReceipt: line.placeOfReceipt,
    portOfLoading: line.portOfLoading,
    transshipmentPorts: line.transshipmentPorts,
    portOfDischarge: line.portOfDischarge,
    placeOfDelivery: line.placeOfDelivery,
    originCountry: line.originCountry,
    parties: [...party('shipper', line.shipper), ...party('consignee', line.consignee), ...party('notify', line.notify)],
    goodsDescription: line.goodsDescription,
    hsCode: line.hsCode,
    packages: line.packages,
    packageType: line.packageType,
    grossWeightKg: stored.gross_weight_kg,
    seals: line.seals,
  };
}

/** The line's score under the active profile version (what the workspace shows), else its latest score of any version. */
export function latestScore(db: Db, consignmentId: number): ScoreRecord | null {
  const version = activeVersion(db);
  const row = ((version
    ? db.prepare('SELECT id, total, band FROM scores WHERE consignment_id = ? AND profile_version_id = ?').get(consignmentId, version.id)
    : undefined) ?? db.prepare('SELECT id, total, band FROM scores WHERE consignment_id = ? ORDER BY scored_at DESC, id DESC LIMIT 1').get(consignmentId)) as
    | { id: number; total: number; band: ScoreRecord['lane'] }
    | undefined;
  if (!row) return null;
  return { total: row.total, lane: row.band, fired: firedIndicatorsOf(db, row.id) };
}

/** The latest recorded selection reason for the line, if any. */
export function latestSelectionReason(db: Db, consignmentId: number): string | null {
  const decisions = decisionsOf(db, consignmentId);
  return decisions.at(-1)?.reason ?? null;
}

export interface SeizureSource {
  readonly seizure: SeizureRecordForExchange;
  readonly consignmentId: number | null;
  readonly parties: PartyRecord[];
  readonly caseId: number;
  readonly examinationId: number | null;
}

const manifestRoles = new Set(['shipper', 'consignee', 'notify']);

export function seizureSource(db: Db, seizureId: number, unitLocode: string): SeizureSource {
  const row = db
    .prepare(
      `SELECT z.id, z.case_id, z.examination_id, z.category, z.description, z.quantity, z.quantity_unit, z.concealment_method, z.concealment_location, z.recorded_at,
              k.reference, e.location, e.consignment_id, e.started_at, e.ended_at
       FROM seizures z JOIN cases k ON k.id = z.case_id LEFT JOIN examinations e ON e.id = z.examination_id WHERE z.id = ?`,
    )
    .get(seizureId) as
    | {
        id: number;
        case_id: number;
        examination_id: number | null;
        category: string;
        description: string;
        quantity: string;
        quantity_unit: string;
        concealment_method: string | null;
        concealment_location: string | null;
        recorded_at: string;
        reference: string;
        location: string | null;
        consignment_id: number | null;
        started_at: string | null;
        ended_at: string | null;
      }
    | undefined;
  if (!row) throw new DomainError('NOT_FOUND', `There is no seizure ${seizureId}`, { what: 'seizure', id: seizureId });
  if (voidMarks(db, 'seizure', row.case_id).has(row.id)) {
    throw new DomainError('NOT_FOUND', `Seizure ${seizureId} was voided`, { what: 'seizure', id: seizureId });
  }
  const parties = (db
    .prepare('SELECT p.name, p.address, p.country, sp.role FROM seizure_parties sp JOIN parties p ON p.id = sp.party_id WHERE sp.seizure_id = ? ORDER BY sp.rowid')
    .all(seizureId) as { name: string; address: string; country: string | null; role: string }[]).map((party): PartyRecord => {
    const role = party.role.trim().toLowerCase();
    return manifestRoles.has(role)
      ? { role: role as PartyRecord['role'], roleText: null, name: party.name, address: party.address || null, country: party.country }
      : { role: 'other', roleText: party.role, name: party.name, address: party.address || null, country: party.country };
  });
  const unit = (quantityUnits as readonly string[]).includes(row.quantity_unit) ? (row.quantity_unit as SeizureRecordForExchange['quantityUnit']) : 'pieces';
  return {
    seizure: {
      caseReference: row.reference,
      category: row.category,
      description: row.description,
      quantity: row.quantity,
      quantityUnit: unit,
      concealmentMethod: row.concealment_method,
      concealmentLocation: row.concealment_location,
      seizedAt: row.ended_at ?? row.started_at ?? row.recorded_at,
      unitLocode,
      placeText: row.location ?? '',
    },
    consignmentId: row.consignment_id,
    parties,
    caseId: row.case_id,
    examinationId: row.examination_id,
  };
}

const photoTypes = new Set(['image/jpeg', 'image/png', 'image/webp']);

/** Photos of the seizure's examination (of the whole case when the seizure names none), voided ones left out; at most 20. */
export function seizurePhotos(db: Db, source: Pick<SeizureSource, 'caseId' | 'examinationId'>): PhotoRecord[] {
  const rows = db
    .prepare(
      `SELECT id, caption FROM attachments WHERE case_id = ? AND (? IS NULL OR examination_id = ?) ORDER BY id`,
    )
    .all(source.caseId, source.examinationId, source.examinationId) as { id: number; caption: string }[];
  const voided = voidMarks(db, 'attachment', source.caseId);
  return rows
    .filter((row) => !voided.has(row.id))
    .slice(0, 20)
    .flatMap((row) => {
      const content = attachmentContent(db, row.id);
      if (!photoTypes.has(content.mediaType)) return [];
      return [{ id: `photo-${row.id}`, fileName: content.fileName, mediaType: content.mediaType as PhotoRecord['mediaType'], sha256: content.sha256, caption: row.caption, bytes: content.bytes }];
    });
}
