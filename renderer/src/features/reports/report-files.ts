import type { ReportListItem } from '../../../../shared/ipc/reports-contract';
import type { z } from 'zod';

type ReportItem = z.infer<typeof ReportListItem>;

export const PDF_TYPE = 'application/pdf';
export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** PDFs and workbooks cross the bridge as base64 (see reports-contract.ts). */
export function base64ToBytes(base64: string): Uint8Array<ArrayBuffer> {
  const text = atob(base64);
  const bytes = new Uint8Array(text.length);
  for (let index = 0; index < text.length; index += 1) bytes[index] = text.charCodeAt(index);
  return bytes;
}

/**
 * Saves bytes as a file through a blob download link: Electron shows its save
 * dialog, Chromium its download bar. Nothing navigates and nothing is framed
 * (the CSP allows neither), and the URL is revoked once the click has been
 * handled, so the report does not stay addressable in the page.
 */
export function downloadBytes(fileName: string, bytes: Uint8Array<ArrayBuffer>, mediaType: string): void {
  const url = URL.createObjectURL(new Blob([bytes], { type: mediaType }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.rel = 'noopener';
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 0);
}

/** The first block of a report id: enough to tell reports apart on screen and in file names. */
export const shortUid = (uid: string): string => uid.split('-')[0] ?? uid;

/** Case references are free text of the unit ("PCU-DYU/2026/0007"): keep letters, digits, dot, dash, underscore. */
const safePart = (text: string): string => text.replace(/[^\p{L}\p{N}._-]+/gu, '-').replace(/^-+|-+$/g, '');

/** `examination-report-PCU-DYU-2026-0007-1a2b3c4d.pdf`, `case-file-….pdf`, `statistics-….pdf`. */
export function reportFileName(report: Pick<ReportItem, 'kind' | 'caseReference' | 'reportUid'>): string {
  const stem = report.kind === 'examination' ? 'examination-report' : report.kind === 'case_file' ? 'case-file' : 'statistics';
  const reference = report.caseReference ? safePart(report.caseReference) : '';
  return [stem, reference, shortUid(report.reportUid)].filter(Boolean).join('-') + '.pdf';
}

/** Lower-case hex SHA-256, or null where WebCrypto is unavailable (not a secure context). */
export async function sha256Hex(bytes: Uint8Array<ArrayBuffer>): Promise<string | null> {
  if (!globalThis.crypto?.subtle) return null;
  const digest = await globalThis.crypto.subtle.digest('SHA-256', bytes);
  return Array.from(new Uint8Array(digest), (byte) => byte.toString(16).padStart(2, '0')).join('');
}

/** `%PDF-` at byte 0: what every PDF reader checks first. */
export const looksLikePdf = (bytes: Uint8Array): boolean =>
  bytes.length > 5 && bytes[0] === 0x25 && bytes[1] === 0x50 && bytes[2] === 0x44 && bytes[3] === 0x46 && bytes[4] === 0x2d;

const pad = (value: number) => String(value).padStart(2, '0');

/** A local calendar day as a date input writes it (`2026-03-31`). */
export function localDay(date: Date): string {
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

export const isDay = (text: string): boolean => /^\d{4}-\d{2}-\d{2}$/.test(text) && !Number.isNaN(new Date(`${text}T00:00:00`).getTime());
