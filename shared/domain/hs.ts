/**
 * Harmonized System commodity codes, kept as TEXT: chapter (2 digits),
 * heading (4), subheading (6), then 8-10 digits in national tariffs. As a
 * number, Excel turns coffee's 0901.11 into 90111 and the chapter is lost;
 * such a code is rejected here, never padded back, because the officer must
 * see that the file was damaged.
 */

const VALID_LENGTHS: ReadonlySet<number> = new Set([2, 4, 6, 8, 10]);
/** What people put between the digit pairs: "0901.11", "0901 11", "0901-11-00". */
const SEPARATORS = /[\s.\-‐‑‒–—_/]/g;

/**
 * Chapters 01-97 exist; 77 is reserved by the HS for future use, and 98/99
 * are national special chapters that no foreign manifest should carry.
 */
function isHsChapter(chapter: number): boolean {
  return chapter >= 1 && chapter <= 97 && chapter !== 77;
}

/** The code as digits only (leading zeros kept), or null when it is not an HS code. */
export function normaliseHsCode(text: string): string | null {
  const digits = text.normalize('NFKC').replace(SEPARATORS, '');
  if (!/^\d+$/.test(digits) || !VALID_LENGTHS.has(digits.length)) return null;
  return isHsChapter(Number(digits.slice(0, 2))) ? digits : null;
}

export function isValidHsCode(text: string): boolean {
  return normaliseHsCode(text) !== null;
}

function prefix(text: string, length: number): string | null {
  const code = normaliseHsCode(text);
  return code !== null && code.length >= length ? code.slice(0, length) : null;
}

/** "09" for 0901.11; null when the text is not an HS code. */
export function hsChapter(text: string): string | null {
  return prefix(text, 2);
}

/** "0901" for 0901.11; null when the code is not valid or stops at the chapter. */
export function hsHeading(text: string): string | null {
  return prefix(text, 4);
}

/** "090111" for 0901.11.00; null when the code is not valid or shorter than six digits. */
export function hsSubheading(text: string): string | null {
  return prefix(text, 6);
}
