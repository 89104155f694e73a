import { normaliseImoNumber } from '../../../shared/domain/imo';
import {
  EXCHANGE_SCHEMA_V1,
  type AlertPayload,
  type ExchangeConsignment,
  type ExchangeParty,
  type RequestedAction,
  type SeizureNoticePayload,
} from '../../../shared/exchange/payload';
import type { WatchSeverity } from '../risk/profile';
import type { WatchEntryInput } from '../risk/watchlist-store';
import { watchKey } from '../risk/watchlist-match';
import { classifyParty } from './classify-party';

/**
 * Pure builders of the exchange payload (shared/exchange/payload.ts) from
 * plain records read out of the database (exchange-records.ts), and of the
 * watch-list entries an accepted alert makes. Every value is fitted to the
 * published schema here (bounded text, codes that are codes or null), so a
 * long goods description or an odd stored country never makes an export fail.
 */

export interface PartyRecord {
  readonly role: ExchangeParty['role'];
  /** The seizure record's own words for the role when it is none of the manifest roles. */
  readonly roleText: string | null;
  readonly name: string;
  readonly address: string | null;
  readonly country: string | null;
}

export interface ConsignmentRecord {
  readonly containerNumber: string | null;
  readonly containerType: string | null;
  readonly blNumber: string | null;
  readonly masterBl: string | null;
  readonly vesselName: string | null;
  readonly imo: string | null;
  readonly voyage: string | null;
  readonly placeOfReceipt: string | null;
  readonly portOfLoading: string | null;
  readonly transshipmentPorts: readonly string[];
  readonly portOfDischarge: string | null;
  readonly placeOfDelivery: string | null;
  readonly originCountry: string | null;
  readonly parties: readonly PartyRecord[];
  readonly goodsDescription: string;
  readonly hsCode: string | null;
  readonly packages: number | null;
  readonly packageType: string | null;
  /** The exact decimal text as stored (never a float). */
  readonly grossWeightKg: string | null;
  readonly seals: readonly string[];
}

export interface EnvelopeRecord {
  readonly packageId: string;
  readonly createdAt: string;
  readonly sender: { unitUid: string; name: string; country: string; locode: string; certificateSha256: string };
  readonly sentBy: { fullName: string; role: string };
  readonly recipients: readonly string[];
}

export interface ScoreRecord {
  readonly total: number;
  readonly lane: 'red' | 'yellow' | 'green';
  readonly fired: readonly { id: string; weight: number; evidence: Record<string, unknown> }[];
}

export interface AlertChoices {
  readonly severity: AlertPayload['alert']['severity'];
  readonly reason: string;
  readonly requestedAction: RequestedAction;
  readonly expectedArrival: string | null;
  readonly validUntil: string;
}

export interface SeizureRecordForExchange {
  readonly caseReference: string;
  readonly category: string;
  readonly description: string;
  readonly quantity: string;
  readonly quantityUnit: SeizureNoticePayload['seizure']['quantityUnit'];
  readonly concealmentMethod: string | null;
  readonly concealmentLocation: string | null;
  /** When the goods were seized: the end of the examination they came from (as the case timeline has it), else when recorded. */
  readonly seizedAt: string;
  readonly unitLocode: string;
  /** Where it was found: the examination's location, or '' without an examination. */
  readonly placeText: string;
}

export interface PhotoRecord {
  readonly id: string;
  readonly fileName: string;
  readonly mediaType: 'image/jpeg' | 'image/png' | 'image/webp';
  readonly sha256: string;
  readonly caption: string;
  readonly bytes: Uint8Array;
}

// ---------------------------------------------------------------------------
// Fitting values to the schema

const clip = (text: string, max: number): string => (text.length > max ? text.slice(0, max) : text);
const clipOrNull = (text: string | null | undefined, max: number): string | null => {
  const trimmed = text?.trim() ?? '';
  return trimmed ? clip(trimmed, max) : null;
};
const locodeOrNull = (value: string | null | undefined): string | null => {
  const code = value?.trim().toUpperCase().replace(/\s+/g, '') ?? '';
  return /^[A-Z]{2}[A-Z2-9]{3}$/.test(code) ? code : null;
};
const countryOrNull = (value: string | null | undefined): string | null => {
  const code = value?.trim().toUpperCase() ?? '';
  return /^[A-Z]{2}$/.test(code) ? code : null;
};
const decimalOrNull = (value: string | null | undefined): string | null => {
  const text = value?.trim() ?? '';
  return /^\d{1,12}(\.\d{1,6})?$/.test(text) ? text : null;
};

/** A party as it leaves the unit: a private person's name and address withheld unless personal data is included. */
export function exchangeParty(party: PartyRecord, includePersonalData: boolean): ExchangeParty {
  const masked = !includePersonalData && classifyParty(party.name) === 'person';
  return {
    role: party.role,
    roleText: clipOrNull(party.roleText, 100),
    name: masked ? null : clip(party.name.trim(), 300),
    address: masked ? null : clipOrNull(party.address, 500),
    country: countryOrNull(party.country),
    masked,
  };
}

/** The consignment part of a payload. Parties go through exchangeParty with the same personal-data choice. */
export function exchangeConsignment(record: ConsignmentRecord, includePersonalData: boolean): ExchangeConsignment {
  return {
    containerNumber: clipOrNull(record.containerNumber, 20),
    containerType: clipOrNull(record.containerType, 10),
    blNumber: clipOrNull(record.blNumber, 100),
    masterBl: clipOrNull(record.masterBl, 100),
    vessel: { name: clipOrNull(record.vesselName, 200), imo: record.imo ? normaliseImoNumber(record.imo) : null },
    voyage: clipOrNull(record.voyage, 50),
    route: {
      placeOfReceipt: locodeOrNull(record.placeOfReceipt),
      portOfLoading: locodeOrNull(record.portOfLoading),
      transshipmentPorts: record.transshipmentPorts.flatMap((port) => locodeOrNull(port) ?? []).slice(0, 20),
      portOfDischarge: locodeOrNull(record.portOfDischarge),
      placeOfDelivery: locodeOrNull(record.placeOfDelivery),
      originCountry: countryOrNull(record.originCountry),
    },
    parties: record.parties.slice(0, 50).map((party) => exchangeParty(party, includePersonalData)),
    goods: {
      description: clip(record.goodsDescription, 2000),
      hsCode: clipOrNull(record.hsCode, 20),
      packages: record.packages !== null && Number.isInteger(record.packages) && record.packages >= 0 ? record.packages : null,
      packageType: clipOrNull(record.packageType, 50),
      grossWeightKg: decimalOrNull(record.grossWeightKg),
    },
    seals: record.seals.map((seal) => clip(seal.trim(), 50)).filter(Boolean).slice(0, 20),
  };
}

const envelope = (record: EnvelopeRecord) => ({
  schema: EXCHANGE_SCHEMA_V1 as typeof EXCHANGE_SCHEMA_V1,
  packageId: record.packageId,
  createdAt: record.createdAt,
  sender: {
    unitUid: clip(record.sender.unitUid, 100),
    name: clip(record.sender.name, 300),
    country: record.sender.country,
    locode: record.sender.locode,
    certificateSha256: record.sender.certificateSha256,
  },
  sentBy: { fullName: clip(record.sentBy.fullName, 200), role: clip(record.sentBy.role, 50) },
  recipients: [...record.recipients],
});

/** Alerts carry the manifest's parties as they are (trade data); the personal-data choice is the seizure notice's. */
export function buildAlertPayload(meta: EnvelopeRecord, consignment: ConsignmentRecord, choices: AlertChoices, score: ScoreRecord | null): AlertPayload {
  return {
    ...envelope(meta),
    kind: 'alert',
    alert: {
      consignment: exchangeConsignment(consignment, true),
      severity: choices.severity,
      reason: clip(choices.reason.trim(), 2000),
      requestedAction: choices.requestedAction,
      expectedArrival: choices.expectedArrival,
      validUntil: choices.validUntil,
      score: score ? { total: score.total, lane: score.lane } : null,
      indicators: (score?.fired ?? []).slice(0, 100).map((fired) => ({ id: clip(fired.id, 100), weight: fired.weight, evidence: { ...fired.evidence } })),
    },
  };
}

export function buildSeizureNoticePayload(
  meta: EnvelopeRecord,
  seizure: SeizureRecordForExchange,
  consignment: ConsignmentRecord | null,
  parties: readonly PartyRecord[],
  options: { includePersonalData: boolean; note: string; photos: readonly PhotoRecord[] },
): SeizureNoticePayload {
  return {
    ...envelope(meta),
    kind: 'seizure-notice',
    seizure: {
      caseReference: clip(seizure.caseReference, 50),
      category: seizure.category,
      description: clip(seizure.description, 2000),
      quantity: seizure.quantity,
      quantityUnit: seizure.quantityUnit,
      concealmentMethod: clipOrNull(seizure.concealmentMethod, 500),
      concealmentLocation: clipOrNull(seizure.concealmentLocation, 500),
      seizedAt: seizure.seizedAt,
      place: { locode: seizure.unitLocode, text: clip(seizure.placeText, 300) },
      consignment: consignment ? exchangeConsignment(consignment, options.includePersonalData) : null,
      parties: parties.slice(0, 50).map((party) => exchangeParty(party, options.includePersonalData)),
      personalData: options.includePersonalData ? 'included' : 'masked',
      note: clip(options.note.trim(), 2000),
    },
    attachments: options.photos.slice(0, 20).map((photo) => ({
      id: clip(photo.id, 50),
      fileName: clip(photo.fileName, 200),
      mediaType: photo.mediaType,
      sha256: photo.sha256,
      caption: clip(photo.caption, 500),
      dataBase64: Buffer.from(photo.bytes).toString('base64'),
    })),
  };
}

/** One line for lists: what the package is about. */
export function packageSubject(payload: AlertPayload | SeizureNoticePayload): string {
  if (payload.kind === 'alert') {
    const { consignment } = payload.alert;
    return [consignment.containerNumber, consignment.blNumber, consignment.vessel.name].filter(Boolean).join(' / ') || payload.alert.reason.slice(0, 80);
  }
  const { seizure } = payload;
  const where = seizure.consignment?.containerNumber ?? seizure.place.locode;
  return `${seizure.category} ${seizure.quantity} ${seizure.quantityUnit}, ${where} (${seizure.caseReference})`;
}

/**
 * The watch-list entries an accepted alert makes: container, B/L, vessel (IMO
 * when known, else its name) and every party the sender did not mask, with
 * the alert's severity, the partner as source, expiring after validUntil.
 * Values that would match nothing (a party called just "OOO") are left out.
 */
export function alertWatchEntries(
  payload: AlertPayload,
  partnerName: string,
  /** The requested action in the receiving unit's language (the payload carries only its code). */
  actionLabel: (action: AlertPayload['alert']['requestedAction']) => string = (action) => action,
): WatchEntryInput[] {
  const { alert } = payload;
  const { consignment } = alert;
  const reason = `${partnerName} (${actionLabel(alert.requestedAction)}): ${alert.reason}`;
  const base = { severity: alert.severity as WatchSeverity, reason, source: partnerName, expiresAt: alert.validUntil };
  const candidates: { kind: WatchEntryInput['kind']; value: string | null }[] = [
    { kind: 'container', value: consignment.containerNumber },
    { kind: 'bl', value: consignment.blNumber },
    { kind: 'vessel', value: consignment.vessel.imo ? `IMO ${consignment.vessel.imo}` : consignment.vessel.name },
    ...consignment.parties.filter((party) => !party.masked).map((party) => ({ kind: 'party' as const, value: party.name })),
  ];
  const seen = new Set<string>();
  const entries: WatchEntryInput[] = [];
  for (const candidate of candidates) {
    const value = candidate.value?.trim();
    if (!value) continue;
    const key = watchKey(candidate.kind, value);
    if (!key || seen.has(`${candidate.kind}:${key}`)) continue;
    seen.add(`${candidate.kind}:${key}`);
    // A vessel carries hundreds of other lines: at the alert's severity it would
    // paint the whole call red. It only nudges; the container, B/L and parties carry the alert.
    entries.push({ kind: candidate.kind, value, ...base, ...(candidate.kind === 'vessel' ? { severity: 'low' as const } : {}) });
  }
  return entries;
}
