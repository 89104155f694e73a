/**
 * The type of a file as its first bytes say, for the formats casework
 * accepts. The renderer's declared type comes from the file name, which
 * anyone can rename; what is stored and later shown must be what the bytes are.
 */
export type SniffedMediaType = 'image/jpeg' | 'image/png' | 'application/pdf';

const startsWith = (bytes: Uint8Array, signature: readonly number[], offset = 0): boolean =>
  bytes.length >= offset + signature.length && signature.every((byte, index) => bytes[offset + index] === byte);

export function sniffMediaType(bytes: Uint8Array): SniffedMediaType | null {
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return 'image/jpeg';
  if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'image/png';
  // "%PDF-": readers accept it within the first KiB, behind a BOM or junk; so do we.
  const head = Buffer.from(bytes.subarray(0, 1024)).toString('latin1');
  if (head.includes('%PDF-')) return 'application/pdf';
  return null;
}
