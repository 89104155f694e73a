/**
 * The password rule the setup wizard and the account forms show and check
 * before sending. Long rather than complex: a passphrase an officer can type
 * at a port terminal. The main process enforces the same number
 * by importing this rule (main/core/vault/password-policy.ts).
 */
export const MIN_PASSWORD_LENGTH = 10;

/** Characters as a person counts them: code points after NFC, so "ё" typed either way counts once. */
export function passwordLength(password: string): number {
  return [...password.normalize('NFC')].length;
}
