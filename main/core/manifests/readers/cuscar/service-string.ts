import { CuscarUnreadable } from './errors';

/** The characters that structure an interchange (ISO 9735 service characters). */
export interface ServiceCharacters {
  readonly component: string;
  readonly element: string;
  readonly decimalMark: string;
  /** null when the UNA says no release character is used (a space in its position). */
  readonly release: string | null;
  readonly terminator: string;
}

/** ISO 9735 level A defaults, which apply when the interchange has no UNA. */
export const defaultServiceCharacters: ServiceCharacters = {
  component: ':',
  element: '+',
  decimalMark: '.',
  release: '?',
  terminator: "'",
};

/** "UNA" plus its six characters. */
export const serviceStringAdviceLength = 9;

const letterOrDigit = /^[A-Za-z0-9]$/;

/**
 * Reads the UNA service string advice at `offset`, if there is one: "UNA"
 * then, in this order, component separator, data element separator, decimal
 * mark, release character, a reserved position (the repetition separator in
 * syntax version 4, which the D.95B-D.01B directories do not use) and segment
 * terminator. UNA has no data element separators of its own: its six
 * positions are fixed.
 */
export function readServiceStringAdvice(bytes: Uint8Array, offset: number): ServiceCharacters | null {
  if (!startsWithAscii(bytes, offset, 'UNA')) return null;
  if (bytes.length < offset + serviceStringAdviceLength) {
    throw new CuscarUnreadable('TRUNCATED', 'the data ends inside the UNA service string advice');
  }
  const chars: string[] = [];
  for (let i = offset + 3; i < offset + serviceStringAdviceLength; i++) {
    const byte = bytes[i] ?? 0;
    // The service characters must be the same in every character set the
    // interchange may use, so only 7-bit ones can be compared after decoding.
    if (byte > 0x7e) throw new CuscarUnreadable('NOT_EDIFACT', 'UNA names a service character outside ASCII');
    chars.push(String.fromCharCode(byte));
  }
  const [component = '', element = '', decimalMark = '', release = '', , terminator = ''] = chars;
  const structural = [component, element, terminator];
  // A separator that is a letter, a digit or a space could not be told apart
  // from data; two equal separators would make segments ambiguous.
  const unusable =
    structural.some((char) => letterOrDigit.test(char) || char === ' ') ||
    new Set(structural).size !== structural.length ||
    (release !== ' ' && (structural.includes(release) || letterOrDigit.test(release)));
  if (unusable) throw new CuscarUnreadable('NOT_EDIFACT', 'UNA service characters are ambiguous');
  return { component, element, decimalMark, release: release === ' ' ? null : release, terminator };
}

export function startsWithAscii(bytes: Uint8Array, offset: number, text: string): boolean {
  if (bytes.length < offset + text.length) return false;
  for (let i = 0; i < text.length; i++) {
    if (bytes[offset + i] !== text.charCodeAt(i)) return false;
  }
  return true;
}
