import { z } from 'zod';
import type { Access } from '../domain/roles';
import { AlertSeverity, ExchangeConsignment, ExchangeParty, RequestedAction } from '../exchange/payload';

/**
 * IPC channels of the exchange between units: this unit's exchange
 * certificate, partner units (trusted certificates), packages exported
 * (alerts, seizure notices) and packages received. Spread into the one
 * contract table (contract.ts); the same rules apply there.
 *
 * Refusals of a package (tampered, unknown sender, revoked or expired partner,
 * addressed to another unit, unknown schema, already imported) are errors with
 * their own codes (EXCHANGE_*), so the renderer translates the reason; nothing
 * of a refused package is stored.
 */
const channel = <I extends z.ZodType, O extends z.ZodType>(def: { input: I; output: O; access: Access; summary: string }) => def;

const NoInput = z.undefined();
const Id = z.number().int().positive();
const Reason = z.string().trim().min(1).max(2000);
const IsoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'a date YYYY-MM-DD');
/** A file as the renderer sends it: certificates are a few KB; packages with photos up to 48 MiB (PACKAGE_LIMIT_BYTES), whose base64 is 4/3 of that. */
const Base64 = (maxChars: number) => z.string().min(1).max(maxChars).regex(/^[A-Za-z0-9+/]+={0,2}$/, 'base64');
const FileName = z.string().trim().min(1).max(260);

export const CertificateSummary = z.object({
  subject: z.string(),
  /** SHA-256 of the DER certificate, colon-separated upper-case hex (what people read out to each other). */
  fingerprint: z.string(),
  notBefore: z.string(),
  notAfter: z.string(),
});

export const UnitExchangeCertificate = CertificateSummary.extend({
  createdAt: z.string(),
  /** The public certificate, PEM, for the partner unit to import. */
  certificatePem: z.string(),
  fileName: z.string(),
});
export type UnitExchangeCertificate = z.infer<typeof UnitExchangeCertificate>;

export const Partner = CertificateSummary.extend({
  id: Id,
  name: z.string(),
  addedAt: z.string(),
  addedBy: z.string(),
  revokedAt: z.string().nullable(),
  revokedBy: z.string().nullable(),
  revokeReason: z.string().nullable(),
  /** 'trusted', 'revoked', or 'expired' (certificate outside its validity today). */
  state: z.enum(['trusted', 'revoked', 'expired']),
});
export type Partner = z.infer<typeof Partner>;

export const ExportRequest = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('alert'),
    consignmentId: Id,
    /** Empty: signed but not encrypted, for any partner. */
    recipients: z.array(Id).max(50),
    severity: AlertSeverity,
    reason: Reason,
    requestedAction: RequestedAction,
    expectedArrival: IsoDate.nullable(),
    validUntil: IsoDate,
  }),
  z.object({
    kind: z.literal('seizure-notice'),
    seizureId: Id,
    recipients: z.array(Id).max(50),
    includePersonalData: z.boolean(),
    includePhotos: z.boolean(),
    note: z.string().trim().max(2000).default(''),
  }),
]);
export type ExportRequest = z.infer<typeof ExportRequest>;

/** What would leave the unit, shown before the officer creates the package. */
export const ExportPreview = z.object({
  kind: z.enum(['alert', 'seizure-notice']),
  consignment: ExchangeConsignment.nullable(),
  parties: z.array(ExchangeParty),
  /** Parties the unit treats as private persons (masked unless personal data is included). */
  privatePersons: z.number().int(),
  attachments: z.array(z.object({ fileName: z.string(), caption: z.string(), sizeBytes: z.number().int() })),
  recipients: z.array(z.object({ partnerId: Id, name: z.string() })),
  encrypted: z.boolean(),
});
export type ExportPreview = z.infer<typeof ExportPreview>;

export const ExportedPackage = z.object({
  id: Id,
  packageId: z.string(),
  kind: z.enum(['alert', 'seizure-notice']),
  fileName: z.string(),
  /** SHA-256 of the package file, hex. */
  sha256: z.string(),
  recipients: z.array(z.string()),
  encrypted: z.boolean(),
  personalData: z.enum(['masked', 'included', 'none']),
  subject: z.string(),
  createdAt: z.string(),
  createdBy: z.string(),
});
export type ExportedPackage = z.infer<typeof ExportedPackage>;

export const ReceivedState = z.enum(['active', 'expired', 'stored']);

export const ReceivedPackage = z.object({
  id: Id,
  packageId: z.string(),
  kind: z.enum(['alert', 'seizure-notice']),
  partnerId: Id,
  partnerName: z.string(),
  senderUnit: z.string(),
  createdAt: z.string(),
  receivedAt: z.string(),
  receivedBy: z.string(),
  encrypted: z.boolean(),
  /** 'active': an alert whose watch-list entries still match; 'expired': past its validity; 'stored': a seizure notice. */
  state: ReceivedState,
  /** Container, B/L or category, as a one-line summary in the inbox. */
  subject: z.string(),
  watchEntries: z.number().int(),
});
export type ReceivedPackage = z.infer<typeof ReceivedPackage>;

export const ReceivedPackageDetail = ReceivedPackage.extend({
  /** The payload as received, attachments without their data (fetched one by one). */
  payload: z.record(z.string(), z.unknown()),
  attachments: z.array(z.object({ id: z.string(), fileName: z.string(), mediaType: z.string(), sha256: z.string(), caption: z.string(), sizeBytes: z.number().int() })),
});
export type ReceivedPackageDetail = z.infer<typeof ReceivedPackageDetail>;

export const exchangeChannels = {
  'exchange.unitCertificate': channel({
    input: NoInput,
    output: UnitExchangeCertificate,
    access: 'officer',
    summary: 'This unit\'s exchange certificate (created on first use): fingerprint to read out and the PEM to give partner units.',
  }),
  'exchange.partners.list': channel({
    input: NoInput,
    output: z.array(Partner),
    access: 'officer',
    summary: 'Partner units whose packages this unit accepts, with their certificate and state.',
  }),
  'exchange.partners.add': channel({
    input: z.object({ name: z.string().trim().min(1).max(200), certificateBase64: Base64(200_000), fileName: FileName.optional() }),
    output: Partner,
    access: 'administrator',
    summary: 'Trust a partner unit\'s exchange certificate (PEM or DER file, exchanged in person) under a name.',
  }),
  'exchange.partners.revoke': channel({
    input: z.object({ partnerId: Id, reason: Reason }),
    output: Partner,
    access: 'administrator',
    summary: 'Stop accepting packages from a partner; what was received before stays.',
  }),
  'exchange.preview': channel({
    input: ExportRequest,
    output: ExportPreview,
    access: 'officer',
    summary: 'What an alert or seizure notice would carry, with private persons masked or not, before it is created.',
  }),
  'exchange.export': channel({
    input: ExportRequest,
    output: ExportedPackage.extend({ packageBase64: z.string() }),
    access: 'officer',
    summary: 'Create a signed (and, with recipients, encrypted) package file; the export and the personal-data choice are audited.',
  }),
  'exchange.sent': channel({
    input: NoInput,
    output: z.array(ExportedPackage),
    access: 'officer',
    summary: 'Packages this unit exported, newest first.',
  }),
  'exchange.import': channel({
    input: z.object({ fileName: FileName, packageBase64: Base64(Math.ceil((48 * 1024 * 1024) / 3) * 4 + 4) }),
    output: ReceivedPackage,
    access: 'officer',
    summary: 'Verify, decrypt and accept a package from a trusted partner: an alert becomes watch-list entries, a seizure notice is stored.',
  }),
  'exchange.inbox': channel({
    input: NoInput,
    output: z.array(ReceivedPackage),
    access: 'officer',
    summary: 'Packages received from partner units, newest first, with their state.',
  }),
  'exchange.received': channel({
    input: z.object({ id: Id }),
    output: ReceivedPackageDetail,
    access: 'officer',
    summary: 'One received package with its payload (attachments listed, not included).',
  }),
  'exchange.attachment': channel({
    input: z.object({ receivedId: Id, attachmentId: z.string().min(1).max(50) }),
    output: z.object({ mediaType: z.string(), dataBase64: z.string() }),
    access: 'officer',
    summary: 'One photo of a received seizure notice.',
  }),
} as const;
