/**
 * What an OLE2 compound file (D0 CF 11 E0 A1 B1 1A E1) holds: Excel 97-2003 (.xls)
 * keeps its cells in a stream named "Workbook" (Excel 5/95: "Book"); Word documents,
 * Outlook messages and password-protected .xlsx files (an "EncryptedPackage") use
 * the same container.
 *
 * Without loading SheetJS (the app loads it only when a workbook is actually read)
 * and without walking the sector allocation table: directory entries are 128-byte
 * records that always start on a 128-byte boundary of the file (sectors are 512 or
 * 4096 bytes and sector k starts at (k + 1) × sector size), each with a UTF-16LE
 * name, its byte length at +64 and its type at +66 (2 = stream). Scanning those
 * boundaries for a stream entry with the exact name and length is as precise as
 * parsing the directory, for our purpose, and cannot loop on a crafted FAT chain.
 */

export type Ole2Content = 'workbook' | 'encrypted-package' | 'other';

const magic = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
const entrySize = 128;
const typeStream = 2;

export const isOle2 = (bytes: Uint8Array): boolean => bytes.length >= 512 && magic.every((b, i) => bytes[i] === b);

function streamNamed(bytes: Uint8Array, at: number, name: string): boolean {
  const nameBytes = (name.length + 1) * 2; // UTF-16LE with its terminating NUL
  if (bytes[at + 64] !== nameBytes || bytes[at + 65] !== 0 || bytes[at + 66] !== typeStream) return false;
  for (let i = 0; i < name.length; i++) {
    const lo = bytes[at + 2 * i] ?? 0;
    if (bytes[at + 2 * i + 1] !== 0 || String.fromCharCode(lo).toLowerCase() !== name[i]) return false;
  }
  return true;
}

export function ole2Content(bytes: Uint8Array): Ole2Content {
  if (!isOle2(bytes)) return 'other';
  // Sector shift at offset 30: 9 (512-byte sectors, v3) or 12 (4096-byte, v4).
  const shift = bytes[30];
  if (shift !== 9 && shift !== 12) return 'other';
  let encrypted = false;
  for (let at = 1 << shift; at + entrySize <= bytes.length; at += entrySize) {
    if (streamNamed(bytes, at, 'workbook') || streamNamed(bytes, at, 'book')) return 'workbook';
    if (streamNamed(bytes, at, 'encryptedpackage')) encrypted = true;
  }
  return encrypted ? 'encrypted-package' : 'other';
}
