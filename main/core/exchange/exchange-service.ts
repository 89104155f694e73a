import crypto from 'node:crypto';
import { exchangeSchemas, ExchangePayload, type AlertPayload, type RequestedAction, type SeizureNoticePayload } from '../../../shared/exchange/payload';
import type {
  ExportedPackage,
  ExportPreview,
  ExportRequest,
  Partner,
  ReceivedPackage,
  ReceivedPackageDetail,
  UnitExchangeCertificate,
} from '../../../shared/ipc/exchange-contract';
import { DomainError, type ErrorCode } from '../../../shared/ipc/errors';
import type { Actor } from '../audit/audit-log';
import type { Db } from '../db/open';
import { certificatePem, describeCertificate } from '../signing/certificates';
import { getUnit } from '../unit/unit-repository';
import { findUserById } from '../vault/accounts';
import type { UnitStore } from '../vault/vault';
import { addWatchEntries } from '../risk/watchlist-store';
import { classifyParty } from './classify-party';
import {
  consignmentRecord,
  latestScore,
  seizurePhotos,
  seizureSource,
} from './exchange-records';
import {
  insertIdentity,
  insertPartner,
  insertReceived,
  insertReceivedAttachment,
  insertSent,
  linkWatchEntries,
  listPartnerRows,
  listReceived,
  listSent,
  partnerByFingerprint,
  partnerById,
  partnerByName,
  readIdentity,
  receivedAttachmentData,
  receivedAttachments,
  receivedById,
  receivedByPackageId,
  revokePartnerRow,
  type IdentityRow,
  type PartnerRow,
  type ReceivedRow,
  type SentRow,
} from './exchange-store';
import {
  certificateSha256,
  createExchangeCertificate,
  isAddressedTo,
  openContent,
  PACKAGE_LIMIT_BYTES,
  readCertificateFile,
  sealPackage,
  verifyPackage,
  type ExchangeKeyPair,
  type VerifiedPackage,
} from './package';
import { alertWatchEntries, buildAlertPayload, buildSeizureNoticePayload, packageSubject, type EnvelopeRecord, type PartyRecord } from './payload-builders';

/**
 * The exchange between units: this unit's identity, partners, export of
 * alerts and seizure notices, and the import checks. Every change runs in one
 * audited `UnitStore.change`; a refused import stores nothing and leaves one
 * audit entry (`exchange.import-refused`: file, its SHA-256, the code).
 */

export interface ExchangeScope {
  readonly store: UnitStore;
  readonly actor: Actor;
  readonly userId: number;
  readonly clock: () => Date;
}

/** Largest package file accepted (photos included); checked before anything parses it. */
export const MAX_PACKAGE_BYTES = PACKAGE_LIMIT_BYTES;
const MAX_PACKAGE_TEXT = `${Math.round(PACKAGE_LIMIT_BYTES / 1024 / 1024)} MiB`;

/** "ab12…" → "AB:12:…", what people read out to each other. */
export const displayFingerprint = (hex: string): string => (hex.toUpperCase().match(/.{2}/g) ?? []).join(':');

const sha256 = (bytes: Uint8Array): string => crypto.createHash('sha256').update(bytes).digest('hex');
const today = (now: Date): string => now.toISOString().slice(0, 10);

/** A file name Windows and Linux accept, from a unit's name (any script). */
export const fileSafe = (name: string): string =>
  name
    .normalize('NFC')
    .replace(/[\\/:*?"<>|\p{Cc}]+/gu, '')
    .trim()
    .replace(/\s+/g, '-')
    .slice(0, 80) || 'unit';

/** Adds `file` (and more) to a DomainError thrown by the package layer, which does not know the file name. */
function withFile(error: unknown, file: string, extra: Record<string, unknown> = {}): never {
  if (error instanceof DomainError) throw new DomainError(error.code, error.message, { ...(error.details ?? {}), file, ...extra });
  throw error;
}

// ---------------------------------------------------------------------------
// Identity

function keyPairOf(identity: IdentityRow): ExchangeKeyPair {
  return { certificate: identity.certificate, privateKey: crypto.createPrivateKey({ key: identity.privateKey, format: 'der', type: 'pkcs8' }) };
}

/** This unit's exchange identity, created (and audited) on first use from the unit's settings. */
export async function ensureIdentity(scope: Pick<ExchangeScope, 'store' | 'actor' | 'clock'>): Promise<IdentityRow> {
  const db = scope.store.db;
  const existing = readIdentity(db);
  if (existing) return existing;
  const unit = getUnit(db);
  const now = scope.clock();
  // Synchronous from here to the insert: no second caller can slip in between.
  const pair = createExchangeCertificate({ unitName: unit.name, country: unit.country, locode: unit.locode, unitUid: unit.uid, now });
  const info = describeCertificate(pair.certificate);
  const fingerprint = certificateSha256(pair.certificate);
  await scope.store.change(
    scope.actor,
    { action: 'exchange.identity-created', subject: 'exchange-identity', details: { fingerprint: displayFingerprint(fingerprint), certificateSubject: info.subject, notAfter: info.notAfter } },
    (database) =>
      insertIdentity(database, {
        certificate: pair.certificate,
        privateKey: pair.privateKey.export({ type: 'pkcs8', format: 'der' }),
        fingerprint,
        subject: info.subject,
        notBefore: info.notBefore,
        notAfter: info.notAfter,
        createdAt: now.toISOString(),
        createdBy: scope.actor.userId,
      }),
  );
  const created = readIdentity(db);
  if (!created) throw new Error('the exchange identity was not stored');
  return created;
}

export async function unitCertificate(scope: Pick<ExchangeScope, 'store' | 'actor' | 'clock'>): Promise<UnitExchangeCertificate> {
  const identity = await ensureIdentity(scope);
  return {
    subject: identity.subject,
    fingerprint: displayFingerprint(identity.fingerprint),
    notBefore: identity.notBefore,
    notAfter: identity.notAfter,
    createdAt: identity.createdAt,
    certificatePem: certificatePem(identity.certificate),
    fileName: `${fileSafe(getUnit(scope.store.db).name)}-exchange.pem`,
  };
}

// ---------------------------------------------------------------------------
// Partners

export function partnerState(partner: Pick<PartnerRow, 'revokedAt' | 'notBefore' | 'notAfter'>, now: Date): Partner['state'] {
  if (partner.revokedAt) return 'revoked';
  const at = now.getTime();
  return at < Date.parse(partner.notBefore) || at > Date.parse(partner.notAfter) ? 'expired' : 'trusted';
}

export const toPartner = (row: PartnerRow, now: Date): Partner => ({
  id: row.id,
  name: row.name,
  subject: row.subject,
  fingerprint: displayFingerprint(row.fingerprint),
  notBefore: row.notBefore,
  notAfter: row.notAfter,
  addedAt: row.addedAt,
  addedBy: row.addedBy,
  revokedAt: row.revokedAt,
  revokedBy: row.revokedBy,
  revokeReason: row.revokeReason,
  state: partnerState(row, now),
});

export const listPartners = (db: Db, now: Date): Partner[] => listPartnerRows(db).map((row) => toPartner(row, now));

export async function addPartner(scope: ExchangeScope, input: { name: string; certificate: Buffer; fileName: string }): Promise<Partner> {
  const name = input.name.trim();
  let der: Buffer;
  try {
    der = readCertificateFile(input.certificate);
  } catch (error) {
    withFile(error, input.fileName);
  }
  const fingerprint = certificateSha256(der);
  const identity = await ensureIdentity(scope);
  if (fingerprint === identity.fingerprint) {
    throw new DomainError('EXCHANGE_OWN_CERTIFICATE', 'This is this unit\'s own exchange certificate', { file: input.fileName });
  }
  const db = scope.store.db;
  const known = partnerByFingerprint(db, fingerprint) ?? partnerByName(db, name);
  if (known) {
    if (known.fingerprint === fingerprint) throw new DomainError('EXCHANGE_PARTNER_EXISTS', `Already a partner: ${known.name}`, { partner: known.name, field: 'certificate' });
    throw new DomainError('EXCHANGE_PARTNER_NAME_TAKEN', `Another partner is already named ${known.name}`, { partner: known.name, field: 'name' });
  }
  const info = describeCertificate(der);
  const now = scope.clock();
  return scope.store.change(
    scope.actor,
    (partner: Partner) => ({
      action: 'exchange.partner-added',
      subject: `partner:${partner.id}`,
      details: { partnerId: partner.id, name: partner.name, fingerprint: partner.fingerprint, certificateSubject: partner.subject, notAfter: partner.notAfter },
    }),
    (database) => {
      const id = insertPartner(database, { name, certificate: der, fingerprint, subject: info.subject, notBefore: info.notBefore, notAfter: info.notAfter, addedAt: now.toISOString(), addedBy: scope.userId });
      const row = partnerById(database, id);
      if (!row) throw new Error('the partner was not stored');
      return toPartner(row, now);
    },
  );
}

export async function revokePartner(scope: ExchangeScope, input: { partnerId: number; reason: string }): Promise<Partner> {
  const db = scope.store.db;
  const found = partnerById(db, input.partnerId);
  if (!found) throw new DomainError('NOT_FOUND', `There is no partner ${input.partnerId}`, { what: 'partner', id: input.partnerId });
  const now = scope.clock();
  // Revoked once; asking again changes nothing and records nothing.
  if (found.revokedAt) return toPartner(found, now);
  return scope.store.change(
    scope.actor,
    (partner: Partner) => ({
      action: 'exchange.partner-revoked',
      subject: `partner:${partner.id}`,
      details: { partnerId: partner.id, name: partner.name, fingerprint: partner.fingerprint, reason: input.reason },
    }),
    (database) => {
      revokePartnerRow(database, found.id, { at: now.toISOString(), by: scope.userId, reason: input.reason.trim() });
      const row = partnerById(database, found.id);
      if (!row) throw new Error('the partner disappeared');
      return toPartner(row, now);
    },
  );
}

// ---------------------------------------------------------------------------
// Export

interface PreparedExport {
  readonly payload: AlertPayload | SeizureNoticePayload;
  readonly recipients: PartnerRow[];
  readonly identity: IdentityRow;
  readonly consignmentId: number | null;
  readonly seizureId: number | null;
  readonly personalData: ExportedPackage['personalData'];
  readonly privatePersons: number;
}

/** Recipients must be partners this unit trusts today: a revoked or expired certificate is not encrypted to. */
function trustedRecipients(db: Db, ids: readonly number[], now: Date): PartnerRow[] {
  const unique = [...new Set(ids)];
  return unique.map((id) => {
    const partner = partnerById(db, id);
    if (!partner || partnerState(partner, now) !== 'trusted') {
      throw new DomainError('EXCHANGE_NOT_A_PARTNER', `Partner ${id} is not a trusted partner`, { file: partner?.name ?? `partner ${id}`, partnerId: id });
    }
    return partner;
  });
}

async function prepareExport(scope: ExchangeScope, request: ExportRequest): Promise<PreparedExport> {
  const identity = await ensureIdentity(scope);
  const db = scope.store.db;
  const now = scope.clock();
  const unit = getUnit(db);
  const recipients = trustedRecipients(db, request.recipients, now);
  const user = findUserById(db, scope.userId);
  const meta: EnvelopeRecord = {
    packageId: crypto.randomUUID(),
    createdAt: now.toISOString(),
    sender: { unitUid: unit.uid, name: unit.name, country: unit.country, locode: unit.locode, certificateSha256: identity.fingerprint },
    sentBy: { fullName: user?.displayName ?? scope.actor.userName ?? '', role: user?.role ?? 'officer' },
    recipients: recipients.map((partner) => partner.fingerprint),
  };
  const persons = (parties: readonly PartyRecord[]) => parties.filter((party) => classifyParty(party.name) === 'person').length;
  if (request.kind === 'alert') {
    // An alert valid only in the past would make watch-list entries at the partner that never match.
    if (request.validUntil < today(now)) {
      throw new DomainError('EXCHANGE_VALID_UNTIL_PAST', `The alert would be valid only until ${request.validUntil}, before today`, { validUntil: request.validUntil, field: 'validUntil' });
    }
    const consignment = consignmentRecord(db, request.consignmentId);
    const payload = buildAlertPayload(meta, consignment, request, latestScore(db, request.consignmentId));
    return { payload, recipients, identity, consignmentId: request.consignmentId, seizureId: null, personalData: 'none', privatePersons: persons(consignment.parties) };
  }
  const source = seizureSource(db, request.seizureId, unit.locode);
  const consignment = source.consignmentId !== null ? consignmentRecord(db, source.consignmentId) : null;
  const photos = request.includePhotos ? seizurePhotos(db, source) : [];
  const payload = buildSeizureNoticePayload(meta, source.seizure, consignment, source.parties, {
    includePersonalData: request.includePersonalData,
    note: request.note,
    photos,
  });
  return {
    payload,
    recipients,
    identity,
    consignmentId: source.consignmentId,
    seizureId: request.seizureId,
    personalData: request.includePersonalData ? 'included' : 'masked',
    privatePersons: persons([...source.parties, ...(consignment?.parties ?? [])]),
  };
}

/** Checks what we built against the published schema: a failure here is our bug, never the officer's. */
function checkedPayload(payload: AlertPayload | SeizureNoticePayload): string {
  const parsed = ExchangePayload.safeParse(payload);
  if (!parsed.success) throw new Error(`the exchange payload breaks its schema at ${parsed.error.issues[0]?.path.join('.') ?? '?'}`);
  return JSON.stringify(payload);
}

export async function previewExport(scope: ExchangeScope, request: ExportRequest): Promise<ExportPreview> {
  const prepared = await prepareExport(scope, request);
  const { payload } = prepared;
  return {
    kind: payload.kind,
    consignment: payload.kind === 'alert' ? payload.alert.consignment : payload.seizure.consignment,
    parties: payload.kind === 'alert' ? payload.alert.consignment.parties : payload.seizure.parties,
    privatePersons: prepared.privatePersons,
    attachments:
      payload.kind === 'seizure-notice'
        ? payload.attachments.map((attachment) => ({ fileName: attachment.fileName, caption: attachment.caption, sizeBytes: Buffer.byteLength(attachment.dataBase64, 'base64') }))
        : [],
    recipients: prepared.recipients.map((partner) => ({ partnerId: partner.id, name: partner.name })),
    encrypted: prepared.recipients.length > 0,
  };
}

const toExported = (row: SentRow): ExportedPackage => ({
  id: row.id,
  packageId: row.packageId,
  kind: row.kind,
  fileName: row.fileName,
  sha256: row.sha256,
  recipients: row.recipients,
  encrypted: row.encrypted,
  personalData: row.personalData,
  subject: row.subject,
  createdAt: row.createdAt,
  createdBy: row.createdBy,
});

export async function exportPackage(scope: ExchangeScope, request: ExportRequest): Promise<ExportedPackage & { packageBytes: Buffer }> {
  const prepared = await prepareExport(scope, request);
  const { payload, identity, recipients } = prepared;
  const now = scope.clock();
  const bytes = sealPackage(Buffer.from(checkedPayload(payload), 'utf8'), keyPairOf(identity), recipients.map((partner) => partner.certificate), now);
  const fileSha256 = sha256(bytes);
  const unitName = getUnit(scope.store.db).name;
  const fileName = `${fileSafe(unitName)}-${payload.kind}-${payload.packageId.slice(0, 8)}.p7m`;
  const subject = packageSubject(payload);
  const sent = await scope.store.change(
    scope.actor,
    (row: SentRow) => ({
      action: 'exchange.exported',
      subject: `exchange:${row.packageId}`,
      details: {
        packageId: row.packageId,
        kind: row.kind,
        ...(prepared.consignmentId !== null ? { consignmentId: prepared.consignmentId } : {}),
        ...(prepared.seizureId !== null ? { seizureId: prepared.seizureId } : {}),
        recipients: recipients.map((partner) => partner.name),
        recipientFingerprints: recipients.map((partner) => displayFingerprint(partner.fingerprint)),
        encrypted: row.encrypted,
        personalData: row.personalData,
        photos: payload.kind === 'seizure-notice' ? payload.attachments.length : 0,
        sha256: row.sha256,
      },
    }),
    (database) =>
      insertSent(database, {
        packageId: payload.packageId,
        kind: payload.kind,
        consignmentId: prepared.consignmentId,
        seizureId: prepared.seizureId,
        fileName,
        sha256: fileSha256,
        recipients: recipients.map((partner) => partner.name),
        encrypted: recipients.length > 0,
        personalData: prepared.personalData,
        subject,
        createdAt: now.toISOString(),
        createdBy: scope.userId,
      }),
  );
  return { ...toExported(sent), packageBytes: bytes };
}

export const sentPackages = (db: Db): ExportedPackage[] => listSent(db).map(toExported);

// ---------------------------------------------------------------------------
// Import

function refuse(code: ErrorCode, message: string, details: Record<string, unknown>): never {
  throw new DomainError(code, message, details);
}

interface AcceptedPackage {
  readonly payload: ExchangePayload;
  /** What is stored: the payload without photo data. */
  readonly payloadJson: string;
  readonly partner: PartnerRow;
  readonly verified: VerifiedPackage;
  /** A seizure notice's photos, decoded once and checked against their SHA-256, by attachment id. */
  readonly photos: ReadonlyMap<string, Buffer>;
}

/**
 * The import checks, in order; each refusal is a DomainError with `file`.
 * Nothing is written here: the caller stores what passes.
 */
function checkPackage(db: Db, identity: IdentityRow, file: string, bytes: Buffer, now: Date): AcceptedPackage {
  if (bytes.length > MAX_PACKAGE_BYTES) refuse('EXCHANGE_PACKAGE_TOO_LARGE', `${file} is larger than ${MAX_PACKAGE_TEXT}`, { file, limit: MAX_PACKAGE_TEXT });
  let verified: VerifiedPackage;
  try {
    verified = verifyPackage(bytes);
  } catch (error) {
    withFile(error, file, error instanceof DomainError && error.code === 'EXCHANGE_PACKAGE_TOO_LARGE' ? { limit: MAX_PACKAGE_TEXT } : {});
  }
  // Trust before reading anything else: the signer must be a partner, by its certificate's SHA-256.
  const signer = certificateSha256(verified.signerCertificate);
  if (signer === identity.fingerprint) refuse('EXCHANGE_OWN_PACKAGE', `${file} was signed by this unit`, { file });
  const partner = partnerByFingerprint(db, signer);
  if (!partner) refuse('EXCHANGE_UNKNOWN_SENDER', `${file} was signed by an unknown unit`, { file, fingerprint: displayFingerprint(signer) });
  if (partner.revokedAt) refuse('EXCHANGE_PARTNER_REVOKED', `${file} comes from a revoked partner`, { file, partner: partner.name, revokedAt: partner.revokedAt });
  if (partnerState(partner, now) === 'expired') {
    refuse('EXCHANGE_CERTIFICATE_EXPIRED', `${file} was signed with a certificate not valid now`, { file, partner: partner.name, notBefore: partner.notBefore, notAfter: partner.notAfter });
  }
  if (verified.encrypted && !isAddressedTo(verified, identity.certificate)) refuse('EXCHANGE_NOT_FOR_THIS_UNIT', `${file} is encrypted to another unit`, { file });
  let content: Buffer;
  try {
    content = openContent(verified, keyPairOf(identity));
  } catch (error) {
    withFile(error, file);
  }
  let document: unknown;
  try {
    document = JSON.parse(content.toString('utf8'));
  } catch {
    refuse('EXCHANGE_PAYLOAD_INVALID', `${file} does not hold JSON`, { file, field: '(document)' });
  }
  if (typeof document !== 'object' || document === null || Array.isArray(document)) refuse('EXCHANGE_PAYLOAD_INVALID', `${file} does not hold a JSON object`, { file, field: '(document)' });
  const schema = (document as { schema?: unknown }).schema;
  if (typeof schema !== 'string' || !(exchangeSchemas as readonly string[]).includes(schema)) {
    const shown = typeof schema === 'string' ? schema.slice(0, 60) : '(none)';
    refuse('EXCHANGE_SCHEMA_UNKNOWN', `${file} uses schema ${shown}`, { file, schema: shown });
  }
  const parsed = ExchangePayload.safeParse(document);
  if (!parsed.success) {
    const field = parsed.error.issues[0]?.path.map(String).join('.').slice(0, 200) || '(document)';
    refuse('EXCHANGE_PAYLOAD_INVALID', `${file} is not valid at ${field}`, { file, field });
  }
  const payload = parsed.data;
  if (payload.sender.certificateSha256 !== signer) refuse('EXCHANGE_SENDER_MISMATCH', `${file} names another sender than its signer`, { file, partner: partner.name });
  if (payload.recipients.length > 0 && !payload.recipients.includes(identity.fingerprint)) refuse('EXCHANGE_NOT_FOR_THIS_UNIT', `${file} is addressed to other units`, { file });
  const earlier = receivedByPackageId(db, payload.packageId);
  if (earlier) refuse('EXCHANGE_ALREADY_IMPORTED', `${file} was already imported`, { file, receivedAt: earlier.receivedAt, packageId: payload.packageId });
  const photos = new Map<string, Buffer>();
  if (payload.kind === 'seizure-notice') {
    payload.attachments.forEach((attachment, index) => {
      const data = Buffer.from(attachment.dataBase64, 'base64');
      if (data.toString('base64') !== attachment.dataBase64.replace(/\s+/g, '') || sha256(data) !== attachment.sha256) {
        refuse('EXCHANGE_PAYLOAD_INVALID', `${file}: attachment ${index} does not match its SHA-256`, { file, field: `attachments.${index}.sha256` });
      }
      photos.set(attachment.id, data);
    });
    const ids = new Set(payload.attachments.map((attachment) => attachment.id));
    if (ids.size !== payload.attachments.length) refuse('EXCHANGE_PAYLOAD_INVALID', `${file}: attachment ids repeat`, { file, field: 'attachments' });
  }
  let payloadJson: string;
  try {
    payloadJson = storedPayloadJson(payload);
  } catch {
    // Evidence is free-form JSON: nesting deep enough to overflow the stack is refused, not a crash.
    refuse('EXCHANGE_PAYLOAD_INVALID', `${file} cannot be stored as JSON`, { file, field: '(document)' });
  }
  return { payload, payloadJson, partner, verified, photos };
}

/** The payload as stored: attachments without their data (kept in their own table). */
function storedPayloadJson(payload: ExchangePayload): string {
  if (payload.kind === 'alert') return JSON.stringify(payload);
  return JSON.stringify({ ...payload, attachments: payload.attachments.map(({ dataBase64: _data, ...rest }) => rest) });
}

function receivedState(row: ReceivedRow, now: Date): ReceivedPackage['state'] {
  if (row.kind === 'seizure-notice') return 'stored';
  if (row.validUntil !== null && row.validUntil < today(now)) return 'expired';
  return row.watchEntries === 0 || row.activeWatchEntries > 0 ? 'active' : 'expired';
}

const toReceivedPackage = (row: ReceivedRow, now: Date): ReceivedPackage => ({
  id: row.id,
  packageId: row.packageId,
  kind: row.kind,
  partnerId: row.partnerId,
  partnerName: row.partnerName,
  senderUnit: row.senderUnit,
  createdAt: row.createdAt,
  receivedAt: row.receivedAt,
  receivedBy: row.receivedBy,
  encrypted: row.encrypted,
  state: receivedState(row, now),
  subject: row.subject,
  watchEntries: row.watchEntries,
});

export async function importPackage(
  scope: ExchangeScope,
  file: { name: string; bytes: Buffer },
  options: { actionLabel?: (action: RequestedAction) => string } = {},
): Promise<ReceivedPackage> {
  const identity = await ensureIdentity(scope);
  const now = scope.clock();
  const at = now.toISOString();
  const fileSha256 = sha256(file.bytes);
  let accepted: AcceptedPackage;
  try {
    accepted = checkPackage(scope.store.db, identity, file.name, file.bytes, now);
  } catch (error) {
    if (error instanceof DomainError && error.code.startsWith('EXCHANGE_')) {
      await scope.store.record(scope.actor, { action: 'exchange.import-refused', subject: file.name, details: { file: file.name, sha256: fileSha256, code: error.code } });
    }
    throw error;
  }
  const { payload, payloadJson, partner, verified, photos } = accepted;
  const id = await scope.store.change(
    scope.actor,
    (receivedId: number) => ({
      action: 'exchange.imported',
      subject: `exchange:${payload.packageId}`,
      details: {
        receivedId,
        packageId: payload.packageId,
        kind: payload.kind,
        partnerId: partner.id,
        partner: partner.name,
        file: file.name,
        sha256: fileSha256,
        encrypted: verified.encrypted,
      },
    }),
    (db) => {
      const receivedId = insertReceived(db, {
        packageId: payload.packageId,
        kind: payload.kind,
        partnerId: partner.id,
        senderUnit: payload.sender.name,
        senderUnitUid: payload.sender.unitUid,
        createdAt: payload.createdAt,
        receivedAt: at,
        receivedBy: scope.userId,
        encrypted: verified.encrypted,
        fileName: file.name,
        sha256: fileSha256,
        payloadJson,
        subject: packageSubject(payload),
        validUntil: payload.kind === 'alert' ? payload.alert.validUntil : null,
      });
      if (payload.kind === 'alert') {
        const entries = addWatchEntries(db, alertWatchEntries(payload, partner.name, options.actionLabel), at, scope.userId);
        linkWatchEntries(db, receivedId, entries.map((entry) => entry.id));
      } else {
        for (const attachment of payload.attachments) {
          const data = photos.get(attachment.id);
          // checkPackage decoded every photo it passed: one missing is a bug here, never the file's fault.
          if (!data) throw new Error(`photo ${attachment.id} was not checked`);
          insertReceivedAttachment(db, {
            receivedId,
            attachmentId: attachment.id,
            fileName: attachment.fileName,
            mediaType: attachment.mediaType,
            caption: attachment.caption,
            data,
            sha256: attachment.sha256,
          });
        }
      }
      return receivedId;
    },
  );
  const row = receivedById(scope.store.db, id, today(now));
  if (!row) throw new Error('the received package was not stored');
  return toReceivedPackage(row, now);
}

export const inbox = (db: Db, now: Date): ReceivedPackage[] => listReceived(db, today(now)).map((row) => toReceivedPackage(row, now));

export function receivedDetail(db: Db, id: number, now: Date): ReceivedPackageDetail {
  const row = receivedById(db, id, today(now));
  if (!row) throw new DomainError('NOT_FOUND', `There is no received package ${id}`, { what: 'package', id });
  return { ...toReceivedPackage(row, now), payload: JSON.parse(row.payloadJson) as Record<string, unknown>, attachments: receivedAttachments(db, id) };
}

export function receivedAttachment(db: Db, receivedId: number, attachmentId: string): { mediaType: string; dataBase64: string } {
  const found = receivedAttachmentData(db, receivedId, attachmentId);
  if (!found) throw new DomainError('NOT_FOUND', `There is no attachment ${attachmentId}`, { what: 'attachment', id: attachmentId });
  if (sha256(found.data) !== found.sha256) throw new DomainError('DB_CORRUPT', `Attachment ${attachmentId} no longer matches its SHA-256`, { detail: `exchange attachment ${attachmentId}` });
  return { mediaType: found.mediaType, dataBase64: found.data.toString('base64') };
}
