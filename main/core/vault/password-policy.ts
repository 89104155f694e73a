import { MIN_PASSWORD_LENGTH, passwordLength } from '../../../shared/domain/password-rule';
import { DomainError } from '../../../shared/ipc/errors';

export { MIN_PASSWORD_LENGTH };

/** The same rule the forms check before sending (shared/domain/password-rule.ts), enforced where it counts. */
export function assertAcceptablePassword(password: string): void {
  if (passwordLength(password) < MIN_PASSWORD_LENGTH) {
    throw new DomainError('WEAK_PASSWORD', `A password needs at least ${MIN_PASSWORD_LENGTH} characters`, {
      min: MIN_PASSWORD_LENGTH,
    });
  }
}
