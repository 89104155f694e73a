import { DomainError } from '../../../shared/ipc/errors';

/** Long rather than complex: a passphrase an officer can type at a port terminal. */
export const MIN_PASSWORD_LENGTH = 10;

export function assertAcceptablePassword(password: string): void {
  if ([...password.normalize('NFC')].length < MIN_PASSWORD_LENGTH) {
    throw new DomainError('WEAK_PASSWORD', `A password needs at least ${MIN_PASSWORD_LENGTH} characters`, {
      min: MIN_PASSWORD_LENGTH,
    });
  }
}
