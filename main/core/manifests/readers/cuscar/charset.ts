import { type ServiceCharacters } from './service-string';

/** UNB S001: syntax identifier (0001) and syntax version number (0002). */
export interface SyntaxIdentifier {
  readonly identifier: string;
  readonly version: string;
}

/**
 * ISO 9735 syntax identifiers (UNB S001/0001) and the WHATWG encoding label
 * TextDecoder knows them by. UNOA and UNOB are 7-bit subsets of ISO 646;
 * UNOC..UNOK are the ISO 8859 parts; UNOW is ISO 10646 in UTF-8 and UNOY is
 * ISO 10646 without code extension, which senders transmit as UTF-8.
 * Note that WHATWG decodes "iso-8859-1" as windows-1252 and "iso-8859-9" as
 * windows-1254: they differ only at 0x80-0x9F, C1 controls the syntax forbids
 * in data anyway.
 */
const encodings: Readonly<Record<string, string>> = {
  UNOA: 'ascii',
  UNOB: 'ascii',
  UNOC: 'iso-8859-1',
  UNOD: 'iso-8859-2',
  UNOE: 'iso-8859-5', // Cyrillic: Russian, and Tajik or Uzbek names written in Russian letters
  UNOF: 'iso-8859-7',
  UNOG: 'iso-8859-3',
  UNOH: 'iso-8859-4',
  UNOI: 'iso-8859-6',
  UNOJ: 'iso-8859-8',
  UNOK: 'iso-8859-9',
  UNOW: 'utf-8',
  UNOY: 'utf-8',
};

/**
 * Reads S001 from the raw bytes of the UNB segment. Every character set above
 * agrees with ASCII on letters, digits and the service characters, so the
 * identifier can be read before the interchange is decoded, and must be: it
 * says how to decode the rest.
 */
export function readSyntaxIdentifier(bytes: Uint8Array, unbOffset: number, chars: ServiceCharacters): SyntaxIdentifier {
  const parts: string[] = [''];
  // "UNB" then the data element separator, then S001 (a short composite).
  for (let i = unbOffset + 4; i < Math.min(bytes.length, unbOffset + 40); i++) {
    const char = String.fromCharCode(bytes[i] ?? 0);
    if (char === chars.element || char === chars.terminator) break;
    if (char === chars.component) parts.push('');
    else parts[parts.length - 1] += char;
  }
  return { identifier: (parts[0] ?? '').trim().toUpperCase(), version: (parts[1] ?? '').trim() };
}

export interface DecodedInterchange {
  readonly text: string;
  /** The encoding actually used. */
  readonly decodedAs: string;
  /** The bytes did not fit the declared syntax identifier (or it is unknown). */
  readonly mismatch: boolean;
}

/**
 * Decodes the interchange as its UNB declares. Where the bytes contradict the
 * declaration, the most likely intent is taken and `mismatch` is set so the
 * reader reports it:
 * - UNOA/UNOB with bytes above 0x7F: UTF-8 if the bytes are valid UTF-8, else
 *   windows-1251, because Russian-language guides in the region have told
 *   senders to send Windows Cyrillic under UNOB;
 * - UNOW/UNOY that is not valid UTF-8: decoded with U+FFFD replacements;
 * - an unknown identifier: UTF-8 if valid, else windows-1252.
 */
export function decodeInterchange(bytes: Uint8Array, identifier: string): DecodedInterchange {
  const declared = encodings[identifier];
  if (declared === 'ascii') {
    if (bytes.every((byte) => byte < 0x80)) return { text: new TextDecoder('utf-8').decode(bytes), decodedAs: 'ascii', mismatch: false };
    return strictUtf8(bytes) ?? { text: new TextDecoder('windows-1251').decode(bytes), decodedAs: 'windows-1251', mismatch: true };
  }
  if (declared === 'utf-8') {
    const strict = strictUtf8(bytes);
    if (strict) return { ...strict, mismatch: false };
    return { text: new TextDecoder('utf-8').decode(bytes), decodedAs: 'utf-8', mismatch: true };
  }
  if (declared) return { text: new TextDecoder(declared).decode(bytes), decodedAs: declared, mismatch: false };
  return strictUtf8(bytes) ?? { text: new TextDecoder('windows-1252').decode(bytes), decodedAs: 'windows-1252', mismatch: true };
}

function strictUtf8(bytes: Uint8Array): DecodedInterchange | null {
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), decodedAs: 'utf-8', mismatch: true };
  } catch {
    return null;
  }
}
