import { z } from 'zod';
import { quantityUnits, seizureCategoryCodes } from '../domain/seizure-categories';

/**
 * The payload of an exchange package between units: what one unit tells
 * another about a high-risk consignment (alert) or a seizure it made
 * (seizure notice). Versioned by `schema`; a receiver refuses a version it does
 * not know rather than guess. Codes, never translated labels: each unit shows
 * them in its officers' language. The published JSON Schema under
 * `docs/exchange/` is generated from these definitions (and a test keeps it so).
 *
 * Strings are bounded so a hostile package cannot make the receiver store
 * megabytes of text; every field a partner's software may not have (an IMO
 * number, a weight) is nullable rather than optional, so "unknown" is explicit.
 */
export const EXCHANGE_SCHEMA_V1 = 'pcu-exchange/1';
/** Every schema version this build reads. */
export const exchangeSchemas = [EXCHANGE_SCHEMA_V1] as const;

const Text = (max: number) => z.string().max(max);
const Locode = z.string().regex(/^[A-Z]{2}[A-Z2-9]{3}$/, 'a UN/LOCODE such as PKKHI');
const Country = z.string().regex(/^[A-Z]{2}$/, 'an ISO 3166 alpha-2 country code');
const Decimal = z.string().regex(/^\d{1,12}(\.\d{1,6})?$/, 'an exact decimal such as 21559.6');
const IsoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'a date YYYY-MM-DD');
const IsoDateTime = z.string().datetime({ offset: true });
/** SHA-256 of a DER certificate, lower-case hex without separators. */
export const CertificateSha256 = z.string().regex(/^[0-9a-f]{64}$/);

/** The unit a package comes from, as its own settings name it. */
export const ExchangeUnit = z.object({
  unitUid: Text(100),
  name: Text(300),
  country: Country,
  locode: Locode,
  /** Must equal the SHA-256 of the certificate that signed the package (binds the inner payload to the outer signature). */
  certificateSha256: CertificateSha256,
});

export const ExchangeParty = z.object({
  role: z.enum(['shipper', 'consignee', 'notify', 'other']),
  /** Free text as the seizure record names the role when `role` is 'other' (e.g. driver, owner). */
  roleText: Text(100).nullable(),
  /** null when masked. */
  name: Text(300).nullable(),
  address: Text(500).nullable(),
  country: Country.nullable(),
  /** True when this party is a private person and its name and address were withheld. */
  masked: z.boolean(),
});
export type ExchangeParty = z.infer<typeof ExchangeParty>;

export const ExchangeRoute = z.object({
  placeOfReceipt: Locode.nullable(),
  portOfLoading: Locode.nullable(),
  transshipmentPorts: z.array(Locode).max(20),
  portOfDischarge: Locode.nullable(),
  placeOfDelivery: Locode.nullable(),
  originCountry: Country.nullable(),
});

export const ExchangeConsignment = z.object({
  containerNumber: Text(20).nullable(),
  containerType: Text(10).nullable(),
  blNumber: Text(100).nullable(),
  masterBl: Text(100).nullable(),
  vessel: z.object({ name: Text(200).nullable(), imo: z.string().regex(/^\d{7}$/).nullable() }),
  voyage: Text(50).nullable(),
  route: ExchangeRoute,
  parties: z.array(ExchangeParty).max(50),
  goods: z.object({
    description: Text(2000),
    hsCode: Text(20).nullable(),
    packages: z.number().int().nonnegative().nullable(),
    packageType: Text(50).nullable(),
    grossWeightKg: Decimal.nullable(),
  }),
  seals: z.array(Text(50)).max(20),
});
export type ExchangeConsignment = z.infer<typeof ExchangeConsignment>;

/** A fired indicator: its stable id (the receiver may not have it) and what it saw. */
export const ExchangeIndicator = z.object({
  id: Text(100),
  weight: z.number().int(),
  evidence: z.record(z.string(), z.unknown()),
});

export const RequestedAction = z.enum(['examine', 'scan', 'monitor', 'inform']);
export type RequestedAction = z.infer<typeof RequestedAction>;
export const AlertSeverity = z.enum(['critical', 'high', 'medium', 'low']);

export const ExchangeAttachment = z.object({
  id: Text(50),
  fileName: Text(200),
  mediaType: z.enum(['image/jpeg', 'image/png', 'image/webp']),
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
  caption: Text(500),
  /** Base64 of the file; its SHA-256 is checked on import. */
  dataBase64: z.string().max(35_000_000),
});

const Envelope = {
  schema: z.literal(EXCHANGE_SCHEMA_V1),
  /** Random UUID: the receiver refuses the same package twice. */
  packageId: z.string().uuid(),
  createdAt: IsoDateTime,
  sender: ExchangeUnit,
  sentBy: z.object({ fullName: Text(200), role: Text(50) }),
  /** The units it is addressed to (certificate SHA-256); empty: any partner. */
  recipients: z.array(CertificateSha256).max(50),
};

export const AlertPayload = z.object({
  ...Envelope,
  kind: z.literal('alert'),
  alert: z.object({
    consignment: ExchangeConsignment,
    severity: AlertSeverity,
    reason: Text(2000).min(1),
    requestedAction: RequestedAction,
    expectedArrival: IsoDate.nullable(),
    /** The receiver's watch-list entries made from the alert expire after this day. */
    validUntil: IsoDate,
    score: z.object({ total: z.number().int(), lane: z.enum(['red', 'yellow', 'green']) }).nullable(),
    indicators: z.array(ExchangeIndicator).max(100),
  }),
});
export type AlertPayload = z.infer<typeof AlertPayload>;

export const SeizureNoticePayload = z.object({
  ...Envelope,
  kind: z.literal('seizure-notice'),
  seizure: z.object({
    caseReference: Text(50),
    category: z.enum(seizureCategoryCodes as [string, ...string[]]),
    description: Text(2000),
    quantity: Decimal,
    quantityUnit: z.enum(quantityUnits),
    concealmentMethod: Text(500).nullable(),
    concealmentLocation: Text(500).nullable(),
    seizedAt: IsoDateTime,
    place: z.object({ locode: Locode, text: Text(300) }),
    consignment: ExchangeConsignment.nullable(),
    parties: z.array(ExchangeParty).max(50),
    /** The sending officer's choice, recorded: private persons' names withheld ('masked') or sent ('included'). */
    personalData: z.enum(['masked', 'included']),
    note: Text(2000),
  }),
  attachments: z.array(ExchangeAttachment).max(20),
});
export type SeizureNoticePayload = z.infer<typeof SeizureNoticePayload>;

export const ExchangePayload = z.discriminatedUnion('kind', [AlertPayload, SeizureNoticePayload]);
export type ExchangePayload = z.infer<typeof ExchangePayload>;
