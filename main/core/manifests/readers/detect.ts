import { type ManifestFormat } from '../../../../shared/domain/manifest';
import { decodeManifestText } from './csv-decode';
import { fallbackDelimiter, sniffDelimiter } from './csv-sniff';
import { isOle2, ole2Content } from './detect-ole2';
import { zipOfficeFormat } from './detect-zip';

/**
 * Which reader a received file needs, decided by its CONTENT. The extension is
 * never trusted: carriers' systems and officers rename files (.xls that are
 * HTML, .csv that are EDIFACT, .xlsx that are PDFs), and a wrong guess hands
 * untrusted bytes to a parser that was never meant for them.
 *
 * The file name only breaks one tie: a text with a single column has no delimiter
 * to sniff, and then ".tsv" means 'tsv' (as readDelimitedText decides, too).
 *
 * Never throws. A damaged .xlsx/.ods is still named as such so that the zip guard
 * can refuse it with its real reason (truncated, corrupt) instead of "unknown".
 */

export type DetectedFormat = ManifestFormat | 'unknown';

/** Text detection decodes only the start: 128 KB holds at least 32K characters in any supported encoding. */
const textSampleBytes = 128 * 1024;
/** Share of control characters (other than tab/CR/LF/FF) above which a "text" is binary. */
const maxControlShare = 0.02;

const startsWith = (bytes: Uint8Array, prefix: readonly number[]): boolean => prefix.every((b, i) => bytes[i] === b);
const zipLocal = [0x50, 0x4b, 0x03, 0x04];
/** PDF allows junk before its header within the first 1024 bytes. */
function isPdf(bytes: Uint8Array): boolean {
  return Buffer.from(bytes.buffer, bytes.byteOffset, Math.min(bytes.length, 1024)).includes('%PDF-');
}

/** C0/C1 control characters (bar tab, CR, LF, form feed, DOS end-of-file) and U+FFFD. */
function controlShare(text: string): number {
  let controls = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if ((c < 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0d && c !== 0x0c && c !== 0x1a) || (c >= 0x7f && c < 0xa0) || c === 0xfffd) {
      controls++;
    }
  }
  return text.length ? controls / text.length : 0;
}

/**
 * UN/EDIFACT: an optional UNA service string advice ("UNA:+.? '") then the UNB
 * interchange header. Any EDIFACT interchange lands here; the CUSCAR reader checks
 * the message type in UNH and reports anything else.
 */
function isEdifact(text: string): boolean {
  const head = text.trimStart();
  if (head.startsWith('UNA')) return head.length >= 9;
  return head.startsWith('UNB') && head.length > 3 && !/[A-Za-z0-9]/.test(head.charAt(3));
}

function detectText(bytes: Uint8Array, fileName: string): DetectedFormat {
  const sample = bytes.subarray(0, textSampleBytes);
  const truncated = sample.length < bytes.length;
  const { text, encoding } = decodeManifestText(sample, { partial: truncated });
  // NUL bytes in text that is not UTF-16: a binary file (archive, image, executable).
  if (!encoding.startsWith('utf-16') && sample.includes(0)) return 'unknown';
  if (text.includes('\u0000') || controlShare(text) > maxControlShare) return 'unknown';
  if (isEdifact(text)) return 'cuscar';
  const head = text.trimStart();
  if (head === '') return 'unknown';
  // HTML tables and SpreadsheetML 2003 saved as .xls by web portals: refused rather
  // than read, because their cells are already formatted display text (leading zeros
  // and decimal marks decided by someone else's locale) and reading them means an
  // HTML/XML parser in front of untrusted input. Excel opens them; save as .xlsx.
  if (head.startsWith('<')) return 'unknown';
  // Excel "Single File Web Page" (.mht): MIME-wrapped HTML, same reasons.
  if (/^MIME-Version:/i.test(head)) return 'unknown';
  return (sniffDelimiter(text, { truncated }) ?? fallbackDelimiter(fileName)) === '\t' ? 'tsv' : 'csv';
}

export function detectFormat(bytes: Uint8Array, fileName: string): DetectedFormat {
  if (bytes.length === 0) return 'unknown';
  if (startsWith(bytes, zipLocal)) return zipOfficeFormat(bytes);
  if (isOle2(bytes)) return ole2Content(bytes) === 'workbook' ? 'xls' : 'unknown';
  if (isPdf(bytes)) return 'unknown';
  return detectText(bytes, fileName);
}
