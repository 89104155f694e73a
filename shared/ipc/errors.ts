import { z } from 'zod';

/**
 * Every error that crosses a boundary carries one of these stable codes.
 * The renderer translates the code (catalogue key `error.<CODE>`); the message
 * is an English fallback for logs and the CLI, never a stack or a secret.
 */
export const errorCodes = [
  'UNKNOWN_CHANNEL',
  'INVALID_INPUT',
  'INVALID_OUTPUT',
  'UNAUTHENTICATED',
  'FORBIDDEN',
  'UNTRUSTED_SENDER',
  'SETTINGS_UNREADABLE',
  'INTERNAL',
  // Accounts and sessions
  'NOT_SET_UP',
  'ALREADY_SET_UP',
  'UNKNOWN_USER',
  'PASSWORD_RESET_REQUIRED',
  'WRONG_PASSWORD',
  'USER_DISABLED',
  'USER_EXISTS',
  'LOGIN_THROTTLED',
  'SESSION_LOCKED',
  'LAST_ADMINISTRATOR',
  'CANNOT_REMOVE_SELF',
  'WEAK_PASSWORD',
  'INVALID_RECOVERY_KEY',
  'PASSWORD_REQUIRED',
  'INVALID_ARGUMENT',
  // Key slots and the database file
  'KEYSLOTS_UNREADABLE',
  'KEYSLOT_TAMPERED',
  'KEYSLOT_SWAPPED',
  'KEYSLOT_WEAKENED',
  'DB_MISSING',
  'DB_FOREIGN',
  'DB_CORRUPT',
  'DB_UNREADABLE',
  'DB_TOO_NEW',
  // Backup and restore
  'BACKUP_INVALID',
  'BACKUP_TARGET_INVALID',
  // Manifest files refused as a whole (nothing of them is stored)
  'FILE_EMPTY',
  'FILE_TOO_LARGE',
  'FILE_UNRECOGNISED',
  'FILE_CORRUPT',
  'FILE_TRUNCATED',
  'FILE_ENCRYPTED',
  'ARCHIVE_TOO_LARGE',
  'EDIFACT_NOT_CUSCAR',
  'MANIFEST_NO_HEADER',
  'MANIFEST_NO_LINES',
  'IMPORT_TIMEOUT',
  'IMPORT_OUT_OF_MEMORY',
  'IMPORT_CANCELLED',
  'FILE_UNREADABLE',
  // Program updates and release signing
  'UPDATE_NOT_CONFIGURED',
  'UPDATE_NOT_READY',
  'RELEASE_KEY_INVALID',
  'RELEASE_KEY_EXISTS',
  'RELEASE_NOTHING_TO_SIGN',
  'RELEASE_INSTALLER_MISMATCH',
  // Risk engine and targeting
  'REFERENCE_TABLE_INVALID',
  'PROFILE_INVALID',
  'NOT_FOUND',
  // Casework: cases, examinations, seizures, chain of custody, attachments
  'CASE_REASON_REQUIRED',
  'CASE_CLOSED',
  'CASE_NO_SEIZURE',
  'CASE_HAS_SEIZURE',
  'CASE_NOT_EXAMINED',
  'REFERRAL_NEEDS_APPROVAL',
  'CONSIGNMENT_ALREADY_IN_CASE',
  'RECORD_NOT_IN_CASE',
  'RECORD_VOIDED',
  'RECORD_SUPERSEDED',
  'TIME_IN_FUTURE',
  'EXAMINATION_END_BEFORE_START',
  'EXAMINATION_NOT_FINISHED',
  'EXAMINATION_OWN_APPROVAL',
  'EXAMINATION_ALREADY_APPROVED',
  'SEAL_CHECK_INCONSISTENT',
  'SEIZURE_QUANTITY_REQUIRED',
  'SEIZURE_CURRENCY_REQUIRED',
  'SEIZURE_PARTY_INVALID',
  'CUSTODY_ITEM_REQUIRED',
  'CUSTODY_SAME_PERSON',
  'CORRECTION_REASON_REQUIRED',
  'ATTACHMENT_TOO_LARGE',
  'ATTACHMENT_TYPE_MISMATCH',
  'SIGNING_PDF_UNSUPPORTED',
  'SIGNING_P12_INVALID',
  'SIGNING_P12_PASSWORD_WRONG',
  'SIGNING_NO_CREDENTIAL',
  'SIGNING_CERTIFICATE_NOT_VALID_NOW',
  'SIGNING_UNIT_CA_EXISTS',
  'SIGNING_NO_UNIT_CA',
  // Issued reports: integrity of the stored PDF, printing, countersignature
  'REPORT_ALTERED',
  'PRINT_UNAVAILABLE',
  'PRINT_FAILED',
  'REPORT_NOT_COUNTERSIGNABLE',
  'REPORT_NOT_SIGNED',
  'REPORT_ALREADY_COUNTERSIGNED',
  'REPORT_OWN_COUNTERSIGNATURE',
  // Exchange packages between units (each refusal stores nothing)
  'EXCHANGE_NOT_A_PACKAGE',
  'EXCHANGE_PACKAGE_TOO_LARGE',
  'EXCHANGE_TAMPERED',
  'EXCHANGE_UNKNOWN_SENDER',
  'EXCHANGE_PARTNER_REVOKED',
  'EXCHANGE_CERTIFICATE_EXPIRED',
  'EXCHANGE_NOT_FOR_THIS_UNIT',
  'EXCHANGE_SENDER_MISMATCH',
  'EXCHANGE_SCHEMA_UNKNOWN',
  'EXCHANGE_PAYLOAD_INVALID',
  'EXCHANGE_ALREADY_IMPORTED',
  'EXCHANGE_OWN_PACKAGE',
  'EXCHANGE_CERTIFICATE_INVALID',
  'EXCHANGE_PARTNER_EXISTS',
  'EXCHANGE_NOT_A_PARTNER',
  'EXCHANGE_OWN_CERTIFICATE',
  'EXCHANGE_PARTNER_NAME_TAKEN',
  'EXCHANGE_VALID_UNTIL_PAST',
] as const;

export const ErrorCode = z.enum(errorCodes);
export type ErrorCode = z.infer<typeof ErrorCode>;

export const AppError = z.object({
  code: ErrorCode,
  message: z.string(),
  details: z.unknown().optional(),
});
export type AppError = z.infer<typeof AppError>;

export type Result<T> = { ok: true; value: T } | { ok: false; error: AppError };

export const ok = <T>(value: T): Result<T> => ({ ok: true, value });
export const fail = (code: ErrorCode, message: string, details?: unknown): Result<never> => ({
  ok: false,
  error: details === undefined ? { code, message } : { code, message, details },
});

/**
 * Thrown by services for expected failures; `dispatch` turns it into a
 * Result. Anything else thrown is an INTERNAL error whose text stays in the log.
 */
export class DomainError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
    this.name = 'DomainError';
  }
}

export function assertNever(value: never, what = 'value'): never {
  throw new Error(`Unexpected ${what}: ${JSON.stringify(value)}`);
}
