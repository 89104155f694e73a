import { z } from 'zod';
import type { Access } from '../domain/roles';
import { quantityUnits, seizureCategoryCodes } from '../domain/seizure-categories';

/**
 * IPC channels of casework: the examination queue, cases, examinations,
 * photos, seizures, chain of custody, approval and voiding. Spread into the
 * one contract table (contract.ts); the same rules apply there.
 *
 * Times cross as ISO 8601 instants (UTC) plus, where the officer worked, the
 * IANA time zone they worked in, so a record reads in local 24-hour time and
 * still sorts correctly. Quantities and money are exact decimal strings.
 */
const channel = <I extends z.ZodType, O extends z.ZodType>(def: { input: I; output: O; access: Access; summary: string }) => def;

const Id = z.number().int().positive();
const Instant = z.string().datetime({ offset: true });
const TimeZone = z.string().min(1).max(64);
const Text = (max: number) => z.string().trim().max(max);
const Required = (max: number) => z.string().trim().min(1).max(max);
const Decimal = z.string().trim().regex(/^\d{1,12}(\.\d{1,6})?$/, 'a number such as 12.5');

export const CaseStatus = z.enum(['open', 'under_examination', 'seizure', 'no_finding', 'referred', 'closed']);
export const ExaminationMethod = z.enum(['documentary', 'nii_scan', 'physical_partial', 'physical_full', 'detector_dog', 'trace_detector', 'sampling']);
export const ExaminationResult = z.enum(['nothing_found', 'discrepancy', 'seizure']);
export const SealStatus = z.enum(['match', 'mismatch', 'missing', 'broken']);
export const ConditionPart = z.enum(['doors', 'floor', 'roof', 'walls', 'frontWall', 'undercarriage', 'refrigerationUnit']);
export const ConditionState = z.enum(['ok', 'damaged', 'modified', 'not_checked']);
export const SeizureCategory = z.enum(seizureCategoryCodes as [string, ...string[]]);
export const QuantityUnit = z.enum(quantityUnits);
export const VoidableKind = z.enum(['examination', 'seizure', 'custody', 'note', 'attachment']);

export const Participant = z.object({
  name: Required(200),
  agency: Required(200),
  role: Required(200),
  userId: Id.nullable().optional(),
});

export const SealCheck = z.object({
  seal: Required(50),
  /** Compared with the manifest's seals: match, mismatch, missing (declared, not found), broken. */
  status: SealStatus,
});

export const SampleInput = z.object({ bagNumber: Required(50), sealNumber: Text(50).optional(), description: Required(500), takenAt: Instant });

export const ExaminationInput = z.object({
  /** The case it belongs to; omitted: a case is opened for the consignment (or its open case is used). */
  caseId: Id.optional(),
  consignmentId: Id,
  method: ExaminationMethod,
  scanImageRef: Text(200).optional(),
  location: Required(300),
  startedAt: Instant,
  endedAt: Instant.nullable().optional(),
  timeZone: TimeZone,
  participants: z.array(Participant).max(50),
  sealsFound: z.array(SealCheck).max(50),
  newSeal: Text(50).optional(),
  condition: z.record(ConditionPart, ConditionState),
  samples: z.array(SampleInput).max(100),
  result: ExaminationResult,
  notes: Text(10_000).default(''),
});
export type ExaminationInput = z.infer<typeof ExaminationInput>;

export const Examination = ExaminationInput.omit({ caseId: true }).extend({
  id: Id,
  caseId: Id,
  sealsDeclared: z.array(z.string()),
  samples: z.array(SampleInput.extend({ id: Id })),
  recordedBy: z.string(),
  recordedAt: z.string(),
  approvedBy: z.string().nullable(),
  approvedAt: z.string().nullable(),
  correctsExaminationId: Id.nullable(),
  correctionReason: z.string().nullable(),
  /** A later record corrects this one: the correction is what counts. */
  correctedBy: Id.nullable(),
  voided: z.object({ reason: z.string(), by: z.string(), at: z.string() }).nullable(),
});
export type Examination = z.infer<typeof Examination>;

export const SeizureInput = z.object({
  caseId: Id,
  examinationId: Id.nullable().optional(),
  category: SeizureCategory,
  description: Text(2000).default(''),
  quantity: Decimal,
  quantityUnit: QuantityUnit,
  concealmentMethod: Text(500).optional(),
  concealmentLocation: Text(500).optional(),
  estimatedValue: Decimal.optional(),
  currency: z.string().regex(/^[A-Z]{3}$/, 'an ISO 4217 code such as USD').optional(),
  /** Persons and companies linked to the seizure: an existing party, or a name. */
  parties: z.array(z.object({ partyId: Id.optional(), name: Text(300).optional(), role: Required(100) })).max(50).default([]),
});
export const Seizure = SeizureInput.extend({
  id: Id,
  parties: z.array(z.object({ partyId: Id, name: z.string(), role: z.string() })),
  recordedBy: z.string(),
  recordedAt: z.string(),
  voided: z.object({ reason: z.string(), by: z.string(), at: z.string() }).nullable(),
});

export const CustodyInput = z.object({
  caseId: Id,
  seizureId: Id.nullable().optional(),
  sampleId: Id.nullable().optional(),
  fromPerson: Required(200),
  fromAgency: Required(200),
  toPerson: Required(200),
  toAgency: Required(200),
  handedOverAt: Instant,
  place: Required(300),
  bagNumbers: Text(500).default(''),
  sealNumbers: Text(500).default(''),
  condition: Text(1000).default(''),
  /** A correction names the entry it corrects and why; nothing is ever edited. */
  correctsEventId: Id.optional(),
  correctionReason: Text(2000).optional(),
});
export const CustodyEvent = CustodyInput.extend({
  id: Id,
  recordedBy: z.string(),
  recordedAt: z.string(),
  correctedBy: Id.nullable(),
  /** Hours since the previous hand-over of the same item when above the unit's gap threshold, else null. */
  gapHours: z.number().nullable(),
  voided: z.object({ reason: z.string(), by: z.string(), at: z.string() }).nullable(),
});

export const AttachmentInfo = z.object({
  id: Id,
  caseId: Id,
  examinationId: Id.nullable(),
  fileName: z.string(),
  mediaType: z.string(),
  byteLength: z.number().int(),
  /** Taken when the file was added, before anything else touched the bytes. */
  sha256: z.string(),
  caption: z.string(),
  capturedAt: z.string().nullable(),
  addedBy: z.string(),
  addedAt: z.string(),
  /** data: URL of a small JPEG/PNG preview made by the renderer, or null. */
  thumbnail: z.string().nullable(),
  voided: z.object({ reason: z.string(), by: z.string(), at: z.string() }).nullable(),
});

export const CaseSummary = z.object({
  id: Id,
  reference: z.string(),
  title: z.string(),
  status: CaseStatus,
  assignedTo: z.string().nullable(),
  openedBy: z.string(),
  openedAt: z.string(),
  closedAt: z.string().nullable(),
  consignments: z.number().int(),
  examinations: z.number().int(),
  seizures: z.number().int(),
  /** Examinations recorded and not yet approved by a supervisor. */
  awaitingApproval: z.number().int(),
});

export const TimelineEntry = z.object({
  at: z.string(),
  kind: z.string(),
  /** The audit action or record kind, for the UI to translate. */
  summary: z.string(),
  by: z.string().nullable(),
  recordId: z.number().int().nullable(),
  /** Added by casework: the audit entry's facts (reason, from/to status, record ids), or a record's key facts. */
  details: z.record(z.string(), z.unknown()).optional(),
});

export const CaseDetail = z.object({
  case: CaseSummary,
  consignments: z.array(
    z.object({
      id: Id,
      manifestId: Id,
      container: z.string().nullable(),
      bl: z.string().nullable(),
      consignee: z.string().nullable(),
      goods: z.string(),
      seals: z.array(z.string()),
      vessel: z.string().nullable(),
      voyage: z.string().nullable(),
    }),
  ),
  examinations: z.array(Examination),
  seizures: z.array(Seizure),
  custody: z.array(CustodyEvent),
  notes: z.array(z.object({ id: Id, text: z.string(), by: z.string(), at: z.string(), voided: z.object({ reason: z.string(), by: z.string(), at: z.string() }).nullable() })),
  attachments: z.array(AttachmentInfo),
  timeline: z.array(TimelineEntry),
});

export const QueueRow = z.object({
  consignmentId: Id,
  manifestId: Id,
  vessel: z.string().nullable(),
  voyage: z.string().nullable(),
  container: z.string().nullable(),
  bl: z.string().nullable(),
  consignee: z.string().nullable(),
  goods: z.string(),
  score: z.number().int().nullable(),
  lane: z.string().nullable(),
  decision: z.enum(['targeted', 'random']),
  reason: z.string(),
  decidedBy: z.string(),
  decidedAt: z.string(),
  caseId: Id.nullable(),
  caseReference: z.string().nullable(),
});

export const Person = z.object({ id: Id, username: z.string(), displayName: z.string(), role: z.string() });

export const caseworkChannels = {
  'examinations.queue': channel({
    input: z.object({ limit: z.number().int().min(1).max(500).default(200), offset: z.number().int().min(0).default(0) }).default({ limit: 200, offset: 0 }),
    output: z.array(QueueRow),
    access: 'officer',
    summary: 'Consignments selected for examination (targeted or random) and not examined yet, oldest decision first.',
  }),
  'cases.people': channel({
    input: z.undefined(),
    output: z.array(Person),
    access: 'officer',
    summary: 'Active users of the unit, for assignment and as examination participants.',
  }),
  'cases.list': channel({
    input: z
      .object({
        status: CaseStatus.optional(),
        assignedToMe: z.boolean().optional(),
        text: z.string().max(200).optional(),
        year: z.number().int().min(2000).max(2100).optional(),
        awaitingApproval: z.boolean().optional(),
        limit: z.number().int().min(1).max(500).default(100),
        offset: z.number().int().min(0).default(0),
      })
      .default({ limit: 100, offset: 0 }),
    output: z.array(CaseSummary),
    access: 'officer',
    summary: 'Cases, newest first, filtered by status, assignee, year, words (reference, title, container, B/L) and awaiting approval.',
  }),
  'cases.get': channel({
    input: z.object({ id: Id }),
    output: CaseDetail,
    access: 'officer',
    summary: 'One case with its consignments, examinations, seizures, custody log, notes, attachments and timeline.',
  }),
  'cases.open': channel({
    input: z.object({ consignmentIds: z.array(Id).min(1).max(100), title: Text(300).default(''), assignedTo: Id.nullable().optional() }),
    output: CaseSummary,
    access: 'officer',
    summary: 'Open a case for selected consignments; it gets the next reference of the unit and year (e.g. TJDYU-2026-0007).',
  }),
  'cases.assign': channel({
    input: z.object({ caseId: Id, userId: Id }),
    output: CaseSummary,
    access: 'supervisor',
    summary: 'Assign a case to an officer; audited.',
  }),
  'cases.setStatus': channel({
    input: z.object({ caseId: Id, status: CaseStatus, reason: Text(2000).default('') }),
    output: CaseSummary,
    access: 'officer',
    summary: 'Move a case along open → under examination → seizure / no finding → referred to prosecutor → closed; a referral needs an approved examination.',
  }),
  'cases.addNote': channel({
    input: z.object({ caseId: Id, text: Required(10_000) }),
    output: z.object({ id: Id }),
    access: 'officer',
    summary: 'Add a note to a case.',
  }),
  'examinations.record': channel({
    input: ExaminationInput,
    output: Examination,
    access: 'officer',
    summary: 'Record an examination of a consignment (type, place, times, people, seals, condition, samples, result); the end cannot precede the start.',
  }),
  'examinations.correct': channel({
    input: z.object({ examinationId: Id, correction: ExaminationInput.omit({ caseId: true, consignmentId: true }), reason: Required(2000) }),
    output: Examination,
    access: 'officer',
    summary: 'Correct an examination: a new record that names the one it corrects and why; the original stays.',
  }),
  'examinations.approve': channel({
    input: z.object({ examinationId: Id }),
    output: Examination,
    access: 'supervisor',
    summary: 'A supervisor approves an examination record (needed before the case is referred).',
  }),
  'attachments.add': channel({
    input: z.object({
      caseId: Id,
      examinationId: Id.nullable().optional(),
      fileName: Required(255),
      mediaType: z.string().regex(/^[a-z]+\/[a-z0-9.+-]+$/),
      dataBase64: z.string().min(1).max(40_000_000),
      thumbnailDataUrl: z.string().max(400_000).regex(/^data:image\/(jpeg|png);base64,/).optional(),
      caption: Text(1000).default(''),
      capturedAt: Instant.optional(),
    }),
    output: AttachmentInfo,
    access: 'officer',
    summary: 'Store a photo or document in the encrypted database; its SHA-256 is taken on arrival. Up to 25 MB.',
  }),
  'attachments.get': channel({
    input: z.object({ id: Id }),
    output: z.object({ mediaType: z.string(), fileName: z.string(), dataBase64: z.string(), sha256: z.string() }),
    access: 'officer',
    summary: 'The stored bytes of an attachment (to view or export).',
  }),
  'seizures.record': channel({
    input: SeizureInput,
    output: Seizure,
    access: 'officer',
    summary: 'Record a seizure: category (mapped to WCO CEN groups), quantity and unit, concealment, value, linked parties.',
  }),
  'custody.record': channel({
    input: CustodyInput,
    output: CustodyEvent,
    access: 'officer',
    summary: 'Append a hand-over of seized items or samples (from, to, when, where, bags, seals, condition); corrections are new entries.',
  }),
  'records.void': channel({
    input: z.object({ kind: VoidableKind, id: Id, reason: Required(2000) }),
    output: z.object({ kind: VoidableKind, id: Id }),
    access: 'supervisor',
    summary: 'Void a record with a reason: it stays, marked void, with who and why; audited.',
  }),
} as const;
