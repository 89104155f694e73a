/**
 * IATA air waybill numbers: a 3-digit airline prefix (176 is Emirates) and an
 * 8-digit serial whose last digit is the first seven taken modulo 7, written
 * "176-12345675". Air cargo units see them where sea units see B/L numbers.
 */

const SEPARATORS = /[\s.\-‐‑‒–—_/]/g;

/** The canonical "PPP-SSSSSSSS" form, or null when the text is not 11 digits once spaces and dashes are gone. */
export function normaliseAirWaybill(text: string): string | null {
  const digits = text.normalize('NFKC').replace(SEPARATORS, '');
  if (!/^\d{11}$/.test(digits)) return null;
  return `${digits.slice(0, 3)}-${digits.slice(3)}`;
}

/** The check digit (0-6) for the first seven digits of the serial, or null when they are not seven digits. */
export function awbCheckDigit(serial7: string): number | null {
  if (!/^\d{7}$/.test(serial7)) return null;
  return Number(serial7) % 7;
}

/** The airline prefix of an air waybill number, or null when the text is not one. */
export function awbAirlinePrefix(text: string): string | null {
  return normaliseAirWaybill(text)?.slice(0, 3) ?? null;
}

export type AirWaybillCheck =
  | { readonly valid: true; readonly number: string }
  | { readonly valid: false; readonly reason: 'FORMAT' }
  | { readonly valid: false; readonly reason: 'CHECK_DIGIT'; readonly number: string; readonly expected: number };

export function checkAirWaybill(text: string): AirWaybillCheck {
  const number = normaliseAirWaybill(text);
  if (number === null) return { valid: false, reason: 'FORMAT' };
  const serial = number.slice(4);
  const expected = awbCheckDigit(serial.slice(0, 7));
  if (expected === null) return { valid: false, reason: 'FORMAT' };
  if (expected !== Number(serial.charAt(7))) return { valid: false, reason: 'CHECK_DIGIT', number, expected };
  return { valid: true, number };
}

export function isValidAirWaybill(text: string): boolean {
  return checkAirWaybill(text).valid;
}
