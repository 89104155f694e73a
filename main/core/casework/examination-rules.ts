import { inconsistentSealCheck, type SealCheck } from '../../../shared/domain/seal-check';
import { DomainError } from '../../../shared/ipc/errors';

/** Clocks of a port terminal drift; a time this far ahead of ours is still accepted as now. */
export const CLOCK_TOLERANCE_MS = 10 * 60_000;

/** `2026-11-29 13:05` in the zone the officer worked in (24-hour), for messages. */
export function localTimeText(instant: string, timeZone = 'UTC'): string {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-GB', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' })
      .formatToParts(new Date(instant))
      .map((part) => [part.type, part.value]),
  );
  return `${parts.year}-${parts.month}-${parts.day} ${parts.hour}:${parts.minute}${timeZone === 'UTC' ? ' UTC' : ''}`;
}

export function isTimeZone(name: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: name });
    return true;
  } catch {
    return false;
  }
}

/** Instants cross the contract with any offset; stored in UTC so they sort as text. */
export const toUtc = (instant: string): string => new Date(instant).toISOString();

export function assertNotInFuture(field: string, instant: string, now: Date): void {
  if (Date.parse(instant) > now.getTime() + CLOCK_TOLERANCE_MS) {
    throw new DomainError('TIME_IN_FUTURE', `${field} ${instant} is in the future`, { field, at: localTimeText(instant) });
  }
}

export interface ExaminationTimes {
  readonly startedAt: string;
  readonly endedAt?: string | null | undefined;
  readonly timeZone: string;
  readonly samples: readonly { readonly takenAt: string }[];
}

/**
 * The times of an examination as a court would check them: a real zone, none
 * in the future, and the end not before the start (the message shows both in
 * the officer's local time and names the end field).
 */
export function assertExaminationTimes(times: ExaminationTimes, now: Date): void {
  if (!isTimeZone(times.timeZone)) {
    throw new DomainError('INVALID_INPUT', `Unknown time zone ${times.timeZone}`, { issues: [{ path: ['timeZone'], message: 'an IANA time zone such as Asia/Dushanbe' }] });
  }
  assertNotInFuture('startedAt', times.startedAt, now);
  if (times.endedAt) {
    assertNotInFuture('endedAt', times.endedAt, now);
    if (Date.parse(times.endedAt) < Date.parse(times.startedAt)) {
      throw new DomainError('EXAMINATION_END_BEFORE_START', `The examination ends (${times.endedAt}) before it starts (${times.startedAt})`, {
        field: 'endedAt',
        startedAt: localTimeText(times.startedAt, times.timeZone),
        endedAt: localTimeText(times.endedAt, times.timeZone),
      });
    }
  }
  for (const sample of times.samples) assertNotInFuture('takenAt', sample.takenAt, now);
}

/** The officer's seal findings must agree with what the manifest declares (see shared/domain/seal-check). */
export function assertSealChecks(declared: readonly string[], checks: readonly SealCheck[]): void {
  const wrong = inconsistentSealCheck(declared, checks);
  if (wrong) {
    throw new DomainError('SEAL_CHECK_INCONSISTENT', `Seal ${wrong.seal} marked ${wrong.status} contradicts the declared seals`, {
      field: 'sealsFound',
      seal: wrong.seal,
      status: wrong.status,
    });
  }
}
