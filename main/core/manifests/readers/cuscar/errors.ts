/**
 * Why a file cannot be read as a CUSCAR interchange at all. Anything less
 * serious becomes a Problem on the result instead, so the officer still sees
 * the lines that could be read.
 */
export const cuscarUnreadableReasons = [
  /** No bytes, or only a byte-order mark and white space. */
  'EMPTY',
  /** Does not start with UNA or UNB, or its UNA service string advice is unusable. */
  'NOT_EDIFACT',
  /** The data ends before anything usable: inside UNA/UNB, or before the first line. */
  'TRUNCATED',
  /** A well-formed interchange, but it holds no CUSCAR message (e.g. INVOIC). */
  'NOT_CUSCAR',
] as const;
export type CuscarUnreadableReason = (typeof cuscarUnreadableReasons)[number];

/**
 * Thrown by `readCuscar` only; the import turns `reason` into a translated
 * message. The text names structure, never party names or goods (personal and
 * commercial data stay out of logs).
 */
export class CuscarUnreadable extends Error {
  override readonly name = 'CuscarUnreadable';

  constructor(
    readonly reason: CuscarUnreadableReason,
    detail: string,
    /** 1-based segment where reading stopped, when known (UNB is segment 1). */
    readonly segment?: number,
  ) {
    super(`${reason}: ${detail}`);
  }
}
