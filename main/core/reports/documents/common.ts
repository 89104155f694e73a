import type { Content, ContentTable, TDocumentDefinitions, TableCell } from 'pdfmake/interfaces';
import { translate, type MessageKey, type MessageParams } from '../../../../shared/i18n';
import type { Language } from '../../../../shared/i18n/languages';
import { A4, PAGE_MARGINS, SIGNATURE_AREA_HEIGHT, SIGNATURE_AREA_TOP_FROM_PAGE_TOP, signaturePlacement, type SignaturePlacement } from '../signature-box';

/** The font family the renderer registers (DejaVu Sans: Latin, Cyrillic and the Central Asian letters). */
export const REPORT_FONT = 'DejaVuSans';

/** What every report prints beside its data: its id, the data's SHA-256 and the audit chain head at issue. */
export interface ReportStamp {
  readonly reportUid: string;
  readonly dataSha256: string;
  readonly auditHead: string;
}

export interface BuiltDocument {
  readonly docDefinition: TDocumentDefinitions;
  /** Set for documents with a signature area (examination report, case file). */
  readonly signature: SignaturePlacement | null;
  /** The text the QR code carries. */
  readonly qr: string;
}

export type T = (key: string, params?: MessageParams) => string;
export const translatorFor =
  (language: Language): T =>
  (key, params) =>
    translate(language, key as MessageKey, params);

/** The QR code's text: enough to find the record (`pcu report verify`) and to check the printed line against it. */
export const qrText = (stamp: ReportStamp): string => `PCU-REPORT:${stamp.reportUid};DATA-SHA256:${stamp.dataSha256};AUDIT-HEAD:${stamp.auditHead}`;

/** 24-hour local time with the zone named, as an examination record reads: 2026-03-04 14:05 (Asia/Dushanbe). */
export function formatTime(iso: string | null | undefined, timeZone: string): string {
  if (!iso) return '—';
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  let zone = timeZone;
  let parts: Intl.DateTimeFormatPart[];
  try {
    parts = new Intl.DateTimeFormat('en-GB', { timeZone: zone, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).formatToParts(date);
  } catch {
    zone = 'UTC';
    parts = new Intl.DateTimeFormat('en-GB', { timeZone: zone, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).formatToParts(date);
  }
  const part = (type: Intl.DateTimeFormatPartTypes) => parts.find((item) => item.type === type)?.value ?? '';
  return `${part('year')}-${part('month')}-${part('day')} ${part('hour')}:${part('minute')} (${zone})`;
}

export const dash = (value: string | number | null | undefined): string => (value === null || value === undefined || value === '' ? '—' : String(value));

export const heading = (text: string, toc = false): Content => ({ text, style: 'h2', ...(toc ? { tocItem: true } : {}) });
export const subheading = (text: string): Content => ({ text, style: 'h3' });

/** Label/value pairs as a two-column table without rules. */
export function facts(rows: readonly (readonly [string, string])[]): Content {
  return {
    table: { widths: [150, '*'], body: rows.map(([label, value]) => [{ text: label, style: 'label' }, { text: value }]) },
    layout: 'noBorders',
    margin: [0, 0, 0, 6],
  };
}

/** A ruled table with a repeated header row. */
export function grid(header: readonly string[], rows: readonly (readonly TableCell[])[], widths?: readonly (number | string)[]): Content {
  if (rows.length === 0) return { text: '—', margin: [0, 0, 0, 6] };
  const table: ContentTable = {
    table: {
      headerRows: 1,
      widths: widths ? [...widths] : header.map(() => '*'),
      body: [header.map((text) => ({ text, style: 'th' })), ...rows.map((row) => [...row])],
    },
    layout: 'lightHorizontalLines',
    fontSize: 8.5,
    margin: [0, 0, 0, 8],
  };
  return table;
}

/** The first block of every report: unit, title, subtitle lines, and the QR code on the right. */
export function titleBlock(t: T, options: { unit: string; title: string; lines: readonly string[]; stamp: ReportStamp }): Content {
  return {
    columns: [
      {
        width: '*',
        stack: [
          { text: `${t('report.unit')}: ${options.unit}`, style: 'small' },
          { text: options.title, style: 'h1' },
          ...options.lines.map((line) => ({ text: line })),
          { text: `${options.stamp.reportUid}`, style: 'small', margin: [0, 4, 0, 0] },
        ],
      },
      { width: 96, qr: qrText(options.stamp), fit: 96, eccLevel: 'M' },
    ],
    columnGap: 12,
    margin: [0, 0, 0, 12],
  };
}

/**
 * The signature area: a heading and a note that keep together with a spacer
 * as tall as the area, so flowing content always ends above it, and the
 * area's frames drawn after it at their fixed position (signatureFrames):
 * the signing code places its blocks in these frames (signature-box.ts).
 */
export function signatureSection(t: T): Content {
  return {
    unbreakable: true,
    stack: [
      heading(t('report.section.signatures')),
      { text: t('report.signatures.hint'), style: 'small' },
      { text: '', margin: [0, SIGNATURE_AREA_HEIGHT + 4, 0, 0] },
    ],
  };
}

/**
 * The footer's text starts this far below the bottom margin's top edge.
 * Printer-safe: the footer (two lines of id, then "page x of y") ends about
 * 15.3 mm above the paper's bottom edge, inside what office printers print
 * (their unprintable strip is 3-6 mm); with 14 it ended at 12.1 mm. Content
 * keeps 17.6 mm at the sides and 19.8 mm at the top (signature-box.ts).
 */
const FOOTER_TOP = 8;

/**
 * The two signature frames at their fixed place, as the document's last node
 * (so on the last page, after the section that kept the area free). Inside
 * an unbreakable stack pdfmake does not draw absolutely placed nodes.
 */
function signatureFrames(): Content {
  const width = A4.width - PAGE_MARGINS[0] - PAGE_MARGINS[2];
  const half = (width - 10) / 2;
  return {
    canvas: [
      { type: 'rect', x: 0, y: 0, w: half, h: SIGNATURE_AREA_HEIGHT, lineColor: '#8a8a8a', lineWidth: 0.75 },
      { type: 'rect', x: half + 10, y: 0, w: half, h: SIGNATURE_AREA_HEIGHT, lineColor: '#8a8a8a', lineWidth: 0.75 },
    ],
    absolutePosition: { x: PAGE_MARGINS[0], y: SIGNATURE_AREA_TOP_FROM_PAGE_TOP },
  };
}

/** A4 page setup, styles, the font, and the footer every page carries: the id line and "page x of y". */
export function documentFrame(t: T, options: { title: string; stamp: ReportStamp; content: Content[]; language: Language; signature: boolean }): BuiltDocument {
  const idLine = t('report.idLine', { id: options.stamp.reportUid, dataSha256: options.stamp.dataSha256, auditHead: options.stamp.auditHead });
  const docDefinition: TDocumentDefinitions = {
    pageSize: 'A4',
    pageOrientation: 'portrait',
    pageMargins: [...PAGE_MARGINS],
    info: { title: options.title, subject: idLine, creator: 'PCU Workstation', producer: 'PCU Workstation' },
    language: options.language,
    content: options.signature ? [...options.content, signatureSection(t), signatureFrames()] : options.content,
    footer: (currentPage: number, pageCount: number) => ({
      margin: [PAGE_MARGINS[0], FOOTER_TOP, PAGE_MARGINS[2], 0],
      stack: [
        { text: idLine, fontSize: 6.5, color: '#444444' },
        { text: t('report.page', { page: currentPage, pages: pageCount }), alignment: 'right', fontSize: 8 },
      ],
    }),
    defaultStyle: { font: REPORT_FONT, fontSize: 9.5, lineHeight: 1.15 },
    styles: {
      h1: { fontSize: 16, bold: true, margin: [0, 2, 0, 4] },
      h2: { fontSize: 12, bold: true, margin: [0, 10, 0, 4] },
      h3: { fontSize: 10, bold: true, margin: [0, 6, 0, 3] },
      label: { color: '#444444' },
      th: { bold: true, fontSize: 8.5 },
      small: { fontSize: 8, color: '#444444' },
      mono: { fontSize: 7.5 },
    },
  };
  return { docDefinition, signature: options.signature ? signaturePlacement : null, qr: qrText(options.stamp) };
}
