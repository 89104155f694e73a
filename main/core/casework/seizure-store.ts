import type { z } from 'zod';
import type { Seizure, SeizureInput } from '../../../shared/ipc/casework-contract';
import { DomainError } from '../../../shared/ipc/errors';
import type { Db } from '../db/open';
import { normalisePartyKey } from '../manifests/import/party-key';
import { voidMarks } from './void-store';

export type SeizureRecord = z.output<typeof Seizure>;
export type SeizureContent = z.output<typeof SeizureInput>;
type PartyLink = SeizureContent['parties'][number];

/** A decimal string that is zero ("0", "0.000"): a seizure of nothing is not a seizure. */
export const isZeroQuantity = (quantity: string): boolean => /^0*(\.0*)?$/.test(quantity.trim());

/** Value and currency come together, or not at all (an amount without a currency means nothing in court). */
export function assertSeizureFigures(content: Pick<SeizureContent, 'quantity' | 'estimatedValue' | 'currency'>): void {
  if (isZeroQuantity(content.quantity)) throw new DomainError('SEIZURE_QUANTITY_REQUIRED', 'A seizure needs a quantity above zero', { field: 'quantity' });
  if (Boolean(content.estimatedValue) !== Boolean(content.currency)) {
    throw new DomainError('SEIZURE_CURRENCY_REQUIRED', 'An estimated value needs a currency and a currency a value', {
      field: content.estimatedValue ? 'currency' : 'estimatedValue',
    });
  }
}

/**
 * A person or company linked to a seizure: an existing party (from the
 * manifests, or linked before), or a name, stored as a new party unless the
 * same name without an address is already known (parties are keyed by
 * normalised name and address).
 */
export function resolveParty(db: Db, link: PartyLink, index: number, at: string): { id: number; name: string } {
  if (link.partyId !== undefined) {
    const row = db.prepare('SELECT id, name FROM parties WHERE id = ?').get(link.partyId) as { id: number; name: string } | undefined;
    if (!row) throw new DomainError('NOT_FOUND', `There is no party ${link.partyId}`, { what: 'party', id: link.partyId });
    return row;
  }
  const name = link.name?.trim() ?? '';
  const key = normalisePartyKey(name);
  if (!name || !key) throw new DomainError('SEIZURE_PARTY_INVALID', `Linked party ${index} has neither an id nor a name`, { field: 'parties', index });
  const known = db.prepare("SELECT id, name FROM parties WHERE name_normalised = ? AND address = ''").get(key) as { id: number; name: string } | undefined;
  if (known) return known;
  const id = Number(db.prepare("INSERT INTO parties (name, name_normalised, address, first_seen_at) VALUES (?, ?, '', ?)").run(name, key, at).lastInsertRowid);
  return { id, name };
}

export function insertSeizure(db: Db, input: { content: SeizureContent; examinationId: number | null; recordedBy: number; recordedAt: string }): number {
  const { content } = input;
  const id = Number(
    db
      .prepare(
        `INSERT INTO seizures (case_id, examination_id, category, description, quantity, quantity_unit, concealment_method, concealment_location,
           estimated_value, currency, recorded_by, recorded_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(
        content.caseId,
        input.examinationId,
        content.category,
        content.description,
        content.quantity,
        content.quantityUnit,
        content.concealmentMethod || null,
        content.concealmentLocation || null,
        content.estimatedValue || null,
        content.currency || null,
        input.recordedBy,
        input.recordedAt,
      ).lastInsertRowid,
  );
  const link = db.prepare('INSERT OR IGNORE INTO seizure_parties (seizure_id, party_id, role) VALUES (?, ?, ?)');
  content.parties.forEach((party, index) => link.run(id, resolveParty(db, party, index + 1, input.recordedAt).id, party.role));
  return id;
}

/** The case a seizure belongs to, or null when there is no such seizure. */
export function seizureCase(db: Db, seizureId: number): number | null {
  const row = db.prepare('SELECT case_id FROM seizures WHERE id = ?').get(seizureId) as { case_id: number } | undefined;
  return row?.case_id ?? null;
}

export function seizuresOfCase(db: Db, caseId: number): SeizureRecord[] {
  const rows = db
    .prepare(
      `SELECT z.id, z.case_id, z.examination_id, z.category, z.description, z.quantity, z.quantity_unit, z.concealment_method, z.concealment_location,
              z.estimated_value, z.currency, u.username, z.recorded_at
       FROM seizures z JOIN users u ON u.id = z.recorded_by WHERE z.case_id = ? ORDER BY z.id`,
    )
    .all(caseId) as {
    id: number;
    case_id: number;
    examination_id: number | null;
    category: string;
    description: string;
    quantity: string;
    quantity_unit: SeizureRecord['quantityUnit'];
    concealment_method: string | null;
    concealment_location: string | null;
    estimated_value: string | null;
    currency: string | null;
    username: string;
    recorded_at: string;
  }[];
  const parties = db
    .prepare('SELECT sp.seizure_id, p.id, p.name, sp.role FROM seizure_parties sp JOIN parties p ON p.id = sp.party_id JOIN seizures z ON z.id = sp.seizure_id WHERE z.case_id = ? ORDER BY sp.rowid')
    .all(caseId) as { seizure_id: number; id: number; name: string; role: string }[];
  const voided = voidMarks(db, 'seizure', caseId);
  return rows.map((row) => ({
    id: row.id,
    caseId: row.case_id,
    examinationId: row.examination_id,
    category: row.category,
    description: row.description,
    quantity: row.quantity,
    quantityUnit: row.quantity_unit,
    ...(row.concealment_method ? { concealmentMethod: row.concealment_method } : {}),
    ...(row.concealment_location ? { concealmentLocation: row.concealment_location } : {}),
    ...(row.estimated_value ? { estimatedValue: row.estimated_value } : {}),
    ...(row.currency ? { currency: row.currency } : {}),
    parties: parties.filter((party) => party.seizure_id === row.id).map((party) => ({ partyId: party.id, name: party.name, role: party.role })),
    recordedBy: row.username,
    recordedAt: row.recorded_at,
    voided: voided.get(row.id) ?? null,
  }));
}
