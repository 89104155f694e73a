/**
 * IMO ship identification numbers: seven digits, written "IMO 9074729". The
 * last digit checks the first six (weights 7, 6, 5, 4, 3, 2; the sum's last
 * digit). A vessel that changes name and flag keeps its IMO number, which is
 * why watch lists key vessels on it: a wrong digit must not pass unnoticed.
 */

/** "IMO 9074729", "IMO9074729", "IMO No. 9074729", "imo: 9074729" or just "9074729". */
const IMO_TEXT = /^(?:IMO\s*(?:NO\.?|NR\.?|№|#)?\s*[:.\-]?\s*)?(\d{7})$/;

/** The seven digits, or null when the text is not an IMO number's shape. The check digit is not tested here. */
export function normaliseImoNumber(text: string): string | null {
  const match = IMO_TEXT.exec(text.normalize('NFKC').trim().toUpperCase());
  return match?.[1] ?? null;
}

/** The check digit for the first six digits, or null when they are not six digits. */
export function imoCheckDigit(first6: string): number | null {
  if (!/^\d{6}$/.test(first6)) return null;
  const weights = [7, 6, 5, 4, 3, 2] as const;
  let sum = 0;
  weights.forEach((weight, index) => {
    sum += weight * Number(first6.charAt(index));
  });
  return sum % 10;
}

export type ImoNumberCheck =
  | { readonly valid: true; readonly number: string }
  | { readonly valid: false; readonly reason: 'FORMAT' }
  | { readonly valid: false; readonly reason: 'CHECK_DIGIT'; readonly number: string; readonly expected: number };

export function checkImoNumber(text: string): ImoNumberCheck {
  const number = normaliseImoNumber(text);
  if (number === null) return { valid: false, reason: 'FORMAT' };
  const expected = imoCheckDigit(number.slice(0, 6));
  if (expected === null) return { valid: false, reason: 'FORMAT' };
  if (expected !== Number(number.charAt(6))) return { valid: false, reason: 'CHECK_DIGIT', number, expected };
  return { valid: true, number };
}

export function isValidImoNumber(text: string): boolean {
  return checkImoNumber(text).valid;
}
