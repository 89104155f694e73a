import type { MessageKey } from '../../../../../shared/i18n';
import type { ChannelInput } from '../../../../../shared/ipc/contract';
import {
  ConditionPart,
  type ConditionState,
  type Examination,
  type ExaminationMethod,
  type ExaminationResult,
  type SealStatus,
} from '../../../../../shared/ipc/casework-contract';
import type { z } from 'zod';
import { inconsistentSealCheck, sealKey } from '../../../../../shared/domain/seal-check';
import { isTimeZone, wallClock, wallToInstant } from '../time';

type Method = z.infer<typeof ExaminationMethod>;
type Result = z.infer<typeof ExaminationResult>;
type Seal = z.infer<typeof SealStatus>;
type Part = z.infer<typeof ConditionPart>;
type State = z.infer<typeof ConditionState>;

export const conditionParts: readonly Part[] = ConditionPart.options;

/** One row of a list in the form; `key` keeps React's identity while rows come and go. */
interface Row {
  readonly key: number;
}

export interface ParticipantDraft extends Row {
  readonly name: string;
  readonly agency: string;
  readonly role: string;
  readonly userId: number | null;
}

export interface SealDraft extends Row {
  readonly seal: string;
  readonly status: Seal;
  /** Pre-filled from the manifest's declared seals (kept as the reference the check compares with). */
  readonly declared: string | null;
}

export interface SampleDraft extends Row {
  readonly bagNumber: string;
  readonly sealNumber: string;
  readonly description: string;
  readonly takenAt: string;
}

/** What the officer types: everything as text until it is checked and sent. */
export interface ExaminationDraft {
  readonly method: Method | '';
  readonly scanImageRef: string;
  readonly location: string;
  readonly startedAt: string;
  readonly endedAt: string;
  readonly timeZone: string;
  readonly participants: readonly ParticipantDraft[];
  readonly seals: readonly SealDraft[];
  readonly newSeal: string;
  readonly condition: Readonly<Record<Part, State>>;
  readonly samples: readonly SampleDraft[];
  readonly result: Result | '';
  readonly notes: string;
  /** Only when correcting a recorded examination: why (mandatory). */
  readonly correctionReason: string;
}

/** Problems by field path (`location`, `participants.1.agency`), as catalogue keys. */
export type DraftErrors = Readonly<Record<string, MessageKey>>;

let nextKey = 1;
export const rowKey = () => nextKey++;

export function emptyCondition(): Record<Part, State> {
  return Object.fromEntries(conditionParts.map((part) => [part, 'not_checked'])) as Record<Part, State>;
}

export interface DraftDefaults {
  readonly now: string;
  readonly timeZone: string;
  readonly location: string;
  readonly officer: { readonly name: string; readonly agency: string; readonly role: string; readonly userId: number };
  readonly declaredSeals: readonly string[];
}

/** The manifest's seals, ready to be checked: most arrive intact, so each starts as "match". */
export function declaredSealRows(seals: readonly string[]): SealDraft[] {
  return seals.map((seal) => ({ key: rowKey(), seal, status: 'match', declared: seal }));
}

/**
 * What a row may say, as main checks it (shared/domain/seal-check): a
 * declared seal is found (match), not found (missing) or broken; a seal the
 * manifest does not declare is a mismatch, or broken.
 */
export function sealStatusesFor(row: Pick<SealDraft, 'declared'>): readonly Seal[] {
  return row.declared !== null ? ['match', 'missing', 'broken'] : ['mismatch', 'broken'];
}

/** A new examination as the officer finds it: start now, own zone, self as first participant, declared seals to check. */
export function newDraft(defaults: DraftDefaults): ExaminationDraft {
  return {
    method: 'physical_partial',
    scanImageRef: '',
    location: defaults.location,
    startedAt: defaults.now,
    endedAt: '',
    timeZone: defaults.timeZone,
    participants: [{ key: rowKey(), ...defaults.officer }],
    seals: declaredSealRows(defaults.declaredSeals),
    newSeal: '',
    condition: emptyCondition(),
    samples: [],
    result: '',
    notes: '',
    correctionReason: '',
  };
}

/** A correction starts from the record it corrects, in the zone it was taken in. */
export function draftFrom(examination: Examination): ExaminationDraft {
  const zone = examination.timeZone;
  const declared = new Map(examination.sealsDeclared.map((seal) => [sealKey(seal), seal]));
  return {
    method: examination.method,
    scanImageRef: examination.scanImageRef ?? '',
    location: examination.location,
    startedAt: wallClock(examination.startedAt, zone),
    endedAt: examination.endedAt ? wallClock(examination.endedAt, zone) : '',
    timeZone: zone,
    participants: examination.participants.map((person) => ({
      key: rowKey(),
      name: person.name,
      agency: person.agency,
      role: person.role,
      userId: person.userId ?? null,
    })),
    seals: examination.sealsFound.map((check) => ({ key: rowKey(), seal: check.seal, status: check.status, declared: declared.get(sealKey(check.seal)) ?? null })),
    newSeal: examination.newSeal ?? '',
    condition: { ...emptyCondition(), ...examination.condition },
    samples: examination.samples.map((sample) => ({
      key: rowKey(),
      bagNumber: sample.bagNumber,
      sealNumber: sample.sealNumber ?? '',
      description: sample.description,
      takenAt: wallClock(sample.takenAt, zone),
    })),
    result: examination.result,
    notes: examination.notes,
    correctionReason: '',
  };
}

/** Clocks at a terminal drift: main accepts a time this far ahead of its own as "now". */
const CLOCK_TOLERANCE_MS = 10 * 60_000;

function timeProblem(text: string, zone: string, now: Date): MessageKey | null {
  if (text.trim() === '') return 'validation.required';
  const instant = wallToInstant(text, zone);
  if (instant === null) return 'examination.validation.time';
  return Date.parse(instant) > now.getTime() + CLOCK_TOLERANCE_MS ? 'examination.validation.future' : null;
}

/**
 * The rules a court will hold the record to, checked before sending (main
 * checks them again): a place, a valid start, an end not before the start,
 * every listed person and sample complete, a result.
 */
export function validateExamination(draft: ExaminationDraft, correcting: boolean, now: Date = new Date()): DraftErrors {
  const errors: Record<string, MessageKey> = {};
  const zoneOk = isTimeZone(draft.timeZone);
  if (!zoneOk) errors.timeZone = 'examination.validation.timeZone';
  if (draft.method === '') errors.method = 'examination.validation.method';
  if (draft.location.trim() === '') errors.location = 'validation.required';
  if (zoneOk) {
    const started = timeProblem(draft.startedAt, draft.timeZone, now);
    if (started) errors.startedAt = started;
    if (draft.endedAt.trim() !== '') {
      const ended = wallToInstant(draft.endedAt, draft.timeZone);
      const start = wallToInstant(draft.startedAt, draft.timeZone);
      const endProblem = timeProblem(draft.endedAt, draft.timeZone, now);
      if (endProblem) errors.endedAt = endProblem;
      else if (ended !== null && start !== null && Date.parse(ended) < Date.parse(start)) errors.endedAt = 'examination.validation.endBeforeStart';
    }
  }
  if (draft.participants.length === 0) errors.participants = 'examination.validation.participants';
  draft.participants.forEach((person, index) => {
    if (person.name.trim() === '') errors[`participants.${index}.name`] = 'validation.required';
    if (person.agency.trim() === '') errors[`participants.${index}.agency`] = 'validation.required';
    if (person.role.trim() === '') errors[`participants.${index}.role`] = 'validation.required';
  });
  const declared = draft.seals.flatMap((check) => (check.declared !== null ? [check.declared] : []));
  draft.seals.forEach((check, index) => {
    if (check.seal.trim() === '') errors[`sealsFound.${index}.seal`] = 'validation.required';
    // A seal typed as "not declared" that is in fact one of the manifest's (another spelling) contradicts the check.
    else if (inconsistentSealCheck(declared, [{ seal: check.seal, status: check.status }])) errors[`sealsFound.${index}.seal`] = 'examination.validation.sealDeclared';
  });
  draft.samples.forEach((sample, index) => {
    if (sample.bagNumber.trim() === '') errors[`samples.${index}.bagNumber`] = 'validation.required';
    if (sample.description.trim() === '') errors[`samples.${index}.description`] = 'validation.required';
    if (zoneOk) {
      const taken = timeProblem(sample.takenAt, draft.timeZone, now);
      if (taken) errors[`samples.${index}.takenAt`] = taken;
    }
  });
  if (draft.result === '') errors.result = 'examination.validation.result';
  if (correcting && draft.correctionReason.trim() === '') errors.correctionReason = 'examination.validation.reason';
  return errors;
}

type RecordInput = ChannelInput<'examinations.record'>;
export type ExaminationFields = Omit<RecordInput, 'caseId' | 'consignmentId'>;

const optional = (text: string) => (text.trim() === '' ? undefined : text.trim());

/** The contract's input from a draft that passed validateExamination. */
export function examinationFields(draft: ExaminationDraft): ExaminationFields {
  const instant = (text: string) => wallToInstant(text, draft.timeZone) ?? '';
  return {
    method: draft.method === '' ? 'documentary' : draft.method,
    scanImageRef: draft.method === 'nii_scan' ? optional(draft.scanImageRef) : undefined,
    location: draft.location.trim(),
    startedAt: instant(draft.startedAt),
    endedAt: draft.endedAt.trim() === '' ? null : instant(draft.endedAt),
    timeZone: draft.timeZone,
    participants: draft.participants.map((person) => ({
      name: person.name.trim(),
      agency: person.agency.trim(),
      role: person.role.trim(),
      userId: person.userId,
    })),
    sealsFound: draft.seals.map((check) => ({ seal: check.seal.trim(), status: check.status })),
    newSeal: optional(draft.newSeal),
    condition: { ...draft.condition },
    samples: draft.samples.map((sample) => ({
      bagNumber: sample.bagNumber.trim(),
      sealNumber: optional(sample.sealNumber),
      description: sample.description.trim(),
      takenAt: instant(sample.takenAt),
    })),
    result: draft.result === '' ? 'nothing_found' : draft.result,
    notes: draft.notes.trim(),
  };
}

/**
 * Field paths main named in an INVALID_INPUT refusal (zod issue paths), so the
 * message stands next to the field. A correction's fields sit under `correction`.
 */
export function serverFieldPaths(details: unknown): string[] {
  const issues = (details as { issues?: unknown } | undefined)?.issues;
  if (!Array.isArray(issues)) return [];
  const paths: string[] = [];
  for (const issue of issues) {
    const path = (issue as { path?: unknown }).path;
    if (!Array.isArray(path)) continue;
    const parts = path.filter((part): part is string | number => typeof part === 'string' || typeof part === 'number');
    if (parts[0] === 'correction') parts.shift();
    if (parts.length > 0) paths.push(parts.join('.'));
  }
  return paths;
}
