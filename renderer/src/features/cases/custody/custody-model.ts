import type { MessageKey } from '../../../../../shared/i18n';
import type { ChannelInput, ChannelOutput } from '../../../../../shared/ipc/contract';
import { wallClock, wallToInstant } from '../time';

type CaseDetail = ChannelOutput<'cases.get'>;
export type CustodyEvent = CaseDetail['custody'][number];

/** What was handed over: a seizure or a sample, as `seizure:12` / `sample:3` ('' until chosen: main needs exactly one). */
export type ItemRef = string;

export interface CustodyDraft {
  readonly item: ItemRef;
  readonly fromPerson: string;
  readonly fromAgency: string;
  readonly toPerson: string;
  readonly toAgency: string;
  readonly handedOverAt: string;
  readonly place: string;
  readonly bagNumbers: string;
  readonly sealNumbers: string;
  readonly condition: string;
  readonly correctionReason: string;
}

export type CustodyErrors = Readonly<Record<string, MessageKey>>;

export function itemOf(event: { seizureId?: number | null; sampleId?: number | null }): ItemRef {
  if (event.seizureId) return `seizure:${event.seizureId}`;
  if (event.sampleId) return `sample:${event.sampleId}`;
  return '';
}

/** Live entries: not voided and not replaced by a correction. */
export function liveEntries(custody: readonly CustodyEvent[]): CustodyEvent[] {
  return custody.filter((event) => !event.voided && event.correctedBy === null);
}

/**
 * A new hand-over continues the chain: the item that has one, from whoever
 * held it last (or the officer, for the first entry), with the same bags
 * and seals, now, here.
 */
export function newCustodyDraft(options: {
  readonly custody: readonly CustodyEvent[];
  readonly item: ItemRef;
  readonly officer: { readonly name: string; readonly agency: string };
  readonly now: string;
  readonly place: string;
}): CustodyDraft {
  const previous = liveEntries(options.custody)
    .filter((event) => itemOf(event) === options.item)
    .sort((a, b) => Date.parse(a.handedOverAt) - Date.parse(b.handedOverAt))
    .at(-1);
  return {
    item: options.item,
    fromPerson: previous ? previous.toPerson : options.officer.name,
    fromAgency: previous ? previous.toAgency : options.officer.agency,
    toPerson: '',
    toAgency: '',
    handedOverAt: options.now,
    place: previous ? previous.place : options.place,
    bagNumbers: previous?.bagNumbers ?? '',
    sealNumbers: previous?.sealNumbers ?? '',
    condition: '',
    correctionReason: '',
  };
}

/** A correction starts as a copy of the entry it corrects. */
export function correctionDraft(event: CustodyEvent, timeZone: string): CustodyDraft {
  return {
    item: itemOf(event),
    fromPerson: event.fromPerson,
    fromAgency: event.fromAgency,
    toPerson: event.toPerson,
    toAgency: event.toAgency,
    handedOverAt: wallClock(event.handedOverAt, timeZone),
    place: event.place,
    bagNumbers: event.bagNumbers ?? '',
    sealNumbers: event.sealNumbers ?? '',
    condition: event.condition ?? '',
    correctionReason: '',
  };
}

/** One item, both parties (person and agency, two different people), a valid time not in the future, a place; a correction says why. */
export function validateCustody(draft: CustodyDraft, timeZone: string, correcting: boolean, now: Date = new Date()): CustodyErrors {
  const errors: Record<string, MessageKey> = {};
  if (draft.item === '') errors.item = 'custody.validation.item';
  if (draft.fromPerson.trim() === '') errors.fromPerson = 'custody.validation.from';
  if (draft.fromAgency.trim() === '') errors.fromAgency = 'custody.validation.from';
  if (draft.toPerson.trim() === '') errors.toPerson = 'custody.validation.to';
  if (draft.toAgency.trim() === '') errors.toAgency = 'custody.validation.to';
  const samePerson = draft.fromPerson.trim() !== '' && draft.fromPerson.trim().toLowerCase() === draft.toPerson.trim().toLowerCase();
  if (samePerson && !errors.toPerson) errors.toPerson = 'custody.validation.samePerson';
  if (draft.handedOverAt.trim() === '') errors.handedOverAt = 'validation.required';
  else {
    const instant = wallToInstant(draft.handedOverAt, timeZone);
    if (instant === null) errors.handedOverAt = 'examination.validation.time';
    // A few minutes of clock drift between the officer's watch and this computer are normal.
    else if (Date.parse(instant) > now.getTime() + 10 * 60_000) errors.handedOverAt = 'custody.validation.future';
  }
  if (draft.place.trim() === '') errors.place = 'validation.required';
  if (correcting && draft.correctionReason.trim() === '') errors.correctionReason = 'custody.validation.reason';
  return errors;
}

export function custodyInput(caseId: number, draft: CustodyDraft, timeZone: string, corrects: CustodyEvent | null): ChannelInput<'custody.record'> {
  const [kind, id] = draft.item.split(':');
  return {
    caseId,
    seizureId: kind === 'seizure' ? Number(id) : null,
    sampleId: kind === 'sample' ? Number(id) : null,
    fromPerson: draft.fromPerson.trim(),
    fromAgency: draft.fromAgency.trim(),
    toPerson: draft.toPerson.trim(),
    toAgency: draft.toAgency.trim(),
    handedOverAt: wallToInstant(draft.handedOverAt, timeZone) ?? '',
    place: draft.place.trim(),
    bagNumbers: draft.bagNumbers.trim(),
    sealNumbers: draft.sealNumbers.trim(),
    condition: draft.condition.trim(),
    ...(corrects ? { correctsEventId: corrects.id, correctionReason: draft.correctionReason.trim() } : {}),
  };
}
