import { MIN_PASSWORD_LENGTH, passwordLength } from '../../../../shared/domain/password-rule';
import type { Translate } from '../../../../shared/i18n';
import { UnitSetupInput, Username } from '../../../../shared/ipc/contract';

/**
 * The obvious checks, made before a call so the officer is not kept waiting
 * for a one-second password derivation to learn a field is empty. The
 * patterns are the contract's own, so the client cannot disagree with main.
 */
export type Check = (value: string) => string | null;

export const required =
  (t: Translate): Check =>
  (value) =>
    value.trim() === '' ? t('validation.required') : null;

const matching =
  (t: Translate, schema: { safeParse(value: unknown): { success: boolean } }, message: Parameters<Translate>[0]): Check =>
  (value) =>
    value.trim() === '' ? t('validation.required') : schema.safeParse(value).success ? null : t(message);

export const countryCode = (t: Translate) => matching(t, UnitSetupInput.shape.country, 'validation.country');
export const locode = (t: Translate) => matching(t, UnitSetupInput.shape.locode, 'validation.locode');
export const username = (t: Translate) => matching(t, Username, 'validation.username');

export const newPassword =
  (t: Translate): Check =>
  (value) =>
    passwordLength(value) < MIN_PASSWORD_LENGTH ? t('validation.passwordShort', { min: MIN_PASSWORD_LENGTH }) : null;

export const sameAs =
  (t: Translate, other: string): Check =>
  (value) =>
    value === other ? null : t('validation.passwordMismatch');

/** Runs one check per field and keeps only the failures. */
export function checkAll<F extends string>(values: Record<F, string>, checks: Partial<Record<F, Check>>): Partial<Record<F, string>> {
  const problems: Partial<Record<F, string>> = {};
  for (const field of Object.keys(checks) as F[]) {
    const problem = checks[field]?.(values[field]);
    if (problem) problems[field] = problem;
  }
  return problems;
}
