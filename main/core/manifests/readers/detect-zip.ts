import { inflateRawSync } from 'node:zlib';
import { latin1, readZipDirectory, view } from './zip-guard-directory';
import { locateEntry, unpackEntry } from './zip-guard-entry';

/**
 * Which office format a ZIP holds, by its entries: .xlsx has `[Content_Types].xml`
 * and parts under `xl/`; .ods has a `mimetype` entry naming the OpenDocument
 * spreadsheet type. A .docx, .pptx, .odt or any other ZIP is not a manifest.
 *
 * Detection never refuses: when the central directory cannot be read (a copy cut
 * short, a ZIP64 archive) the entry names come from walking the local headers from
 * the start instead, so a truncated .xlsx is still called 'xlsx' and the zip guard
 * can then tell the officer it is truncated, rather than "unknown format".
 *
 * .xlsb (Excel binary workbook, `xl/workbook.bin`) is answered 'unknown' on
 * purpose: carriers do not send it, and it would put SheetJS's binary-record parser
 * in front of untrusted files for no benefit.
 */

const odsMimeType = 'application/vnd.oasis.opendocument.spreadsheet';
/** Enough for the longest OpenDocument MIME type; a bigger `mimetype` entry is not one. */
const maxMimeTypeBytes = 128;
/** The local-header walk stops here: the first entries are the telling ones. */
const maxScannedEntries = 64;

interface NamedEntry {
  readonly name: string;
  /** The `mimetype` entry's text, when it could be read. */
  readonly content?: string;
}

function fromCentralDirectory(bytes: Uint8Array): NamedEntry[] {
  const directory = readZipDirectory(bytes, '');
  return directory.entries.map((entry) => {
    if (entry.name !== 'mimetype') return { name: entry.name };
    try {
      const span = locateEntry(bytes, entry, directory, '');
      return { name: entry.name, content: latin1(unpackEntry(bytes, entry, span, '', maxMimeTypeBytes)) };
    } catch {
      return { name: entry.name };
    }
  });
}

/** Offset of the next local-header signature at or after `from`, or -1. */
function nextLocalHeader(bytes: Uint8Array, from: number): number {
  for (let at = from; at + 4 <= bytes.length; at++) {
    if (bytes[at] === 0x50 && bytes[at + 1] === 0x4b && bytes[at + 2] === 0x03 && bytes[at + 3] === 0x04) return at;
  }
  return -1;
}

/**
 * Walks local headers from offset 0. An entry written with a data descriptor (as
 * LibreOffice writes every .xlsx entry) has no size in its header, so the walk
 * skips to the next header signature: a guess that is good enough to name entries,
 * and used for nothing else.
 */
function fromLocalHeaders(bytes: Uint8Array): NamedEntry[] {
  const dv = view(bytes);
  const found: NamedEntry[] = [];
  let at = 0;
  while (found.length < maxScannedEntries && at + 30 <= bytes.length && dv.getUint32(at, true) === 0x04034b50) {
    const flags = dv.getUint16(at + 6, true);
    const method = dv.getUint16(at + 8, true);
    const compressed = dv.getUint32(at + 18, true);
    const nameLength = dv.getUint16(at + 26, true);
    const extraLength = dv.getUint16(at + 28, true);
    const dataStart = at + 30 + nameLength + extraLength;
    const name = latin1(bytes.subarray(at + 30, Math.min(bytes.length, at + 30 + nameLength)));
    let content: string | undefined;
    if (name === 'mimetype' && !(flags & 0x0008) && compressed <= maxMimeTypeBytes && dataStart + compressed <= bytes.length) {
      const data = bytes.subarray(dataStart, dataStart + compressed);
      try {
        content = latin1(method === 8 ? inflateRawSync(data, { maxOutputLength: maxMimeTypeBytes }) : data);
      } catch {
        content = undefined;
      }
    }
    found.push(content === undefined ? { name } : { name, content });
    at = flags & 0x0008 ? nextLocalHeader(bytes, dataStart) : dataStart + compressed;
    if (at < 0) break;
  }
  return found;
}

export function zipOfficeFormat(bytes: Uint8Array): 'xlsx' | 'ods' | 'unknown' {
  let entries: NamedEntry[];
  let intact = true;
  try {
    entries = fromCentralDirectory(bytes);
  } catch {
    entries = fromLocalHeaders(bytes);
    intact = false;
  }
  const names = new Set(entries.map((e) => e.name));
  if (names.has('xl/workbook.bin')) return 'unknown';
  const officeXml = names.has('[Content_Types].xml') && entries.some((e) => e.name.startsWith('xl/'));
  // A damaged copy may have lost [Content_Types].xml (LibreOffice writes it last).
  if (officeXml || (!intact && names.has('xl/workbook.xml'))) return 'xlsx';
  const mimetype = entries.find((e) => e.name === 'mimetype')?.content;
  if (mimetype?.startsWith(odsMimeType)) return 'ods';
  return 'unknown';
}
