import type { MessageKey } from '../../../../../shared/i18n';
import { quantityUnits, seizureCategories, type QuantityUnit, type SeizureCategory } from '../../../../../shared/domain/seizure-categories';
import type { ChannelInput } from '../../../../../shared/ipc/contract';

export interface SeizurePartyDraft {
  readonly key: number;
  readonly name: string;
  readonly role: string;
}

export interface SeizureDraft {
  /** '' when the seizure is not tied to one examination. */
  readonly examinationId: string;
  readonly category: SeizureCategory | '';
  readonly description: string;
  readonly quantity: string;
  readonly quantityUnit: QuantityUnit | '';
  readonly concealmentMethod: string;
  readonly concealmentLocation: string;
  readonly estimatedValue: string;
  readonly currency: string;
  readonly parties: readonly SeizurePartyDraft[];
}

export type SeizureErrors = Readonly<Record<string, MessageKey>>;

export function isCategory(code: string): code is SeizureCategory {
  return Object.hasOwn(seizureCategories, code);
}

export function isUnit(code: string): code is QuantityUnit {
  return (quantityUnits as readonly string[]).includes(code);
}

/**
 * "1 250,5" or "1250.5" → "1250.5": officers type numbers the way their
 * language writes them; the contract takes an exact decimal string. Null when
 * it is not a plain non-negative number.
 */
export function normaliseDecimal(text: string): string | null {
  const compact = text.replace(/[\s\u00a0\u202f]/g, '').replace(',', '.');
  return /^\d{1,12}(\.\d{1,6})?$/.test(compact) ? compact : null;
}

export function newSeizureDraft(examinationId: number | null, currency: string): SeizureDraft {
  return {
    examinationId: examinationId === null ? '' : String(examinationId),
    category: '',
    description: '',
    quantity: '',
    quantityUnit: '',
    concealmentMethod: '',
    concealmentLocation: '',
    estimatedValue: '',
    currency,
    parties: [],
  };
}

/** A seizure needs a category and a quantity with its unit; a value needs its currency; every linked party a name and a role. */
export function validateSeizure(draft: SeizureDraft): SeizureErrors {
  const errors: Record<string, MessageKey> = {};
  if (draft.category === '') errors.category = 'seizure.validation.category';
  if (draft.quantity.trim() === '') errors.quantity = 'seizure.validation.quantity';
  else {
    const quantity = normaliseDecimal(draft.quantity);
    if (quantity === null) errors.quantity = 'seizure.validation.number';
    else if (Number(quantity) <= 0) errors.quantity = 'seizure.validation.positive';
  }
  if (draft.quantityUnit === '') errors.quantityUnit = 'seizure.validation.unit';
  if (draft.estimatedValue.trim() !== '') {
    if (normaliseDecimal(draft.estimatedValue) === null) errors.estimatedValue = 'seizure.validation.number';
    if (!/^[A-Za-z]{3}$/.test(draft.currency.trim())) errors.currency = 'seizure.validation.currency';
  }
  draft.parties.forEach((party, index) => {
    if (party.name.trim() === '') errors[`parties.${index}.name`] = 'validation.required';
    if (party.role.trim() === '') errors[`parties.${index}.role`] = 'validation.required';
  });
  return errors;
}

const optional = (text: string) => (text.trim() === '' ? undefined : text.trim());

/** The contract's input from a draft that passed validateSeizure. */
export function seizureInput(caseId: number, draft: SeizureDraft): ChannelInput<'seizures.record'> {
  const value = draft.estimatedValue.trim() === '' ? undefined : (normaliseDecimal(draft.estimatedValue) ?? undefined);
  return {
    caseId,
    examinationId: draft.examinationId === '' ? null : Number(draft.examinationId),
    category: draft.category === '' ? 'other' : draft.category,
    description: draft.description.trim(),
    quantity: normaliseDecimal(draft.quantity) ?? draft.quantity.trim(),
    quantityUnit: draft.quantityUnit === '' ? 'pieces' : draft.quantityUnit,
    concealmentMethod: optional(draft.concealmentMethod),
    concealmentLocation: optional(draft.concealmentLocation),
    estimatedValue: value,
    currency: value === undefined ? undefined : draft.currency.trim().toUpperCase(),
    parties: draft.parties.map((party) => ({ name: party.name.trim(), role: party.role.trim() })),
  };
}
