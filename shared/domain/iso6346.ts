import { latinLookalikes } from './latin-lookalikes';

/**
 * ISO 6346 freight container numbers: a 3-letter owner code, a category
 * identifier, a 6-digit serial number and a check digit, e.g. CSQU3054383.
 * A wrong check digit almost always means a typing slip in the manifest, but
 * it is also what a forged or "cloned" container number looks like: report it,
 * never correct it silently.
 */

/** Category identifiers: U freight container, J detachable container equipment, Z trailer or chassis. */
export const containerCategories = ['U', 'J', 'Z'] as const;
export type ContainerCategory = (typeof containerCategories)[number];

const CANONICAL = /^[A-Z]{4}\d{7}$/;
/** What people put between the parts: "MSCU 123456-7", "MSCU.123456.7", "MSCU 123456/7". */
const SEPARATORS = /[\s.\-‐‑‒–—_/]/g;

/**
 * Letter values of the standard: A=10 and upwards, skipping every multiple of
 * 11 (11, 22, 33) so that no letter is worth the modulus.
 */
const letterValues: ReadonlyMap<string, number> = (() => {
  const values = new Map<string, number>();
  let value = 10;
  for (const letter of 'ABCDEFGHIJKLMNOPQRSTUVWXYZ') {
    if (value % 11 === 0) value += 1;
    values.set(letter, value);
    value += 1;
  }
  return values;
})();

/**
 * The canonical form (4 letters + 7 digits, no spaces) or null when the text
 * cannot be one. Full-width characters (NFKC) and Cyrillic look-alike capitals
 * are folded first: both are typing accidents, not different containers.
 * Says nothing about the check digit: see {@link checkContainerNumber}.
 */
export function normaliseContainerNumber(text: string): string | null {
  const compact = latinLookalikes(text.normalize('NFKC').toUpperCase()).replace(SEPARATORS, '');
  return CANONICAL.test(compact) ? compact : null;
}

/**
 * The check digit for owner code + category + serial (10 characters, upper
 * case), or null when they are not 4 letters and 6 digits. Each character's
 * value is weighted by 2^position; the sum mod 11 is the digit, and a
 * remainder of 10 gives 0 (the standard asks owners not to issue such serials,
 * but they exist and are valid).
 */
export function containerCheckDigit(first10: string): number | null {
  if (!/^[A-Z]{4}\d{6}$/.test(first10)) return null;
  let sum = 0;
  for (let position = 0; position < 10; position += 1) {
    const character = first10.charAt(position);
    const value = position < 4 ? (letterValues.get(character) ?? 0) : Number(character);
    sum += value * 2 ** position;
  }
  return (sum % 11) % 10;
}

/** The category letter (U, J or Z) of a container number, or null when it has none of them. */
export function containerCategory(text: string): ContainerCategory | null {
  const number = normaliseContainerNumber(text);
  const letter = number?.charAt(3);
  return (containerCategories as readonly string[]).includes(letter ?? '') ? (letter as ContainerCategory) : null;
}

export type ContainerNumberCheck =
  | { readonly valid: true; readonly number: string; readonly category: ContainerCategory }
  /** Not 4 letters + 7 digits at all. */
  | { readonly valid: false; readonly reason: 'FORMAT' }
  /** Well formed, but the 4th letter is not U, J or Z. */
  | { readonly valid: false; readonly reason: 'CATEGORY'; readonly number: string }
  /** Well formed, but the last digit is not the one the other ten give. */
  | { readonly valid: false; readonly reason: 'CHECK_DIGIT'; readonly number: string; readonly expected: number };

/** Everything an officer needs to know about one container number cell. */
export function checkContainerNumber(text: string): ContainerNumberCheck {
  const number = normaliseContainerNumber(text);
  if (number === null) return { valid: false, reason: 'FORMAT' };
  const category = containerCategory(number);
  if (category === null) return { valid: false, reason: 'CATEGORY', number };
  // Cannot be null here (the canonical form starts with 4 letters and 6 digits); the test keeps TypeScript honest.
  const expected = containerCheckDigit(number.slice(0, 10));
  if (expected === null) return { valid: false, reason: 'FORMAT' };
  if (expected !== Number(number.charAt(10))) return { valid: false, reason: 'CHECK_DIGIT', number, expected };
  return { valid: true, number, category };
}

export function isValidContainerNumber(text: string): boolean {
  return checkContainerNumber(text).valid;
}
