import { startsWithAscii } from './service-string';

const utf8ByteOrderMark = [0xef, 0xbb, 0xbf];

/**
 * Where the interchange really starts: after a UTF-8 byte-order mark (some
 * Windows tools add one even to UNOA files) and any white space or control
 * bytes a mailbox or FTP transfer left in front.
 */
export function skipPreamble(bytes: Uint8Array): number {
  let offset = utf8ByteOrderMark.every((byte, i) => bytes[i] === byte) ? utf8ByteOrderMark.length : 0;
  while (offset < bytes.length && (bytes[offset] ?? 0) <= 0x20) offset++;
  return offset;
}

/**
 * For the format detector: true when the bytes start, after an optional BOM
 * and white space, with a UNA service string advice or a UNB interchange
 * header. The character after the tag must be a separator, not a letter or
 * digit, so a text file starting with "UNBOUND" is not taken for EDIFACT.
 */
export function looksLikeEdifact(bytes: Uint8Array): boolean {
  const offset = skipPreamble(bytes);
  if (!startsWithAscii(bytes, offset, 'UNA') && !startsWithAscii(bytes, offset, 'UNB')) return false;
  const next = bytes[offset + 3];
  return next === undefined || !isAsciiLetterOrDigit(next);
}

function isAsciiLetterOrDigit(byte: number): boolean {
  return (byte >= 0x30 && byte <= 0x39) || (byte >= 0x41 && byte <= 0x5a) || (byte >= 0x61 && byte <= 0x7a);
}
