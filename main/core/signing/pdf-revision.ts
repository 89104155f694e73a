/**
 * Just enough PDF structure to add one incremental revision: the cross-reference
 * chain (classic xref tables, as pdfmake/pdfkit and @signpdf/placeholder-plain
 * write them), an object's text by number, the page list, and an appended
 * revision (objects + xref section + trailer with /Prev). Earlier bytes are never
 * touched, which is what keeps earlier signatures valid.
 */
import { DomainError } from '../../../shared/ipc/errors';

export interface XrefInfo {
  offsets: Map<number, number>;
  size: number;
  root: string;
  info: string | undefined;
  lastXref: number;
}

const unsupported = (why: string): DomainError =>
  new DomainError('SIGNING_PDF_UNSUPPORTED', `This PDF cannot be signed here: ${why}.`);

export function lastStartXref(pdf: Buffer): number {
  const at = pdf.lastIndexOf('startxref');
  if (at < 0) throw unsupported('no startxref');
  const match = /startxref\s+(\d+)/.exec(pdf.subarray(at, at + 40).toString('latin1'));
  if (!match?.[1]) throw unsupported('unreadable startxref');
  return Number(match[1]);
}

function readSection(pdf: Buffer, at: number): { entries: Map<number, number>; trailer: string } {
  // Tolerate whitespace before `xref`: reports signed before sign-pdf.ts corrected placeholder-plain's startxref point at the newline before it.
  let position = at;
  while (position < pdf.length && position < at + 4 && /\s/.test(String.fromCharCode(pdf[position] ?? 0))) position += 1;
  const head = pdf.subarray(position, position + 4).toString('latin1');
  if (head !== 'xref') throw unsupported('cross-reference streams are not supported (expected an xref table)');
  const end = pdf.indexOf('trailer', position);
  const eof = pdf.indexOf('%%EOF', end);
  if (end < 0 || eof < 0) throw unsupported('no trailer');
  const lines = pdf.subarray(position + 4, end).toString('latin1').split(/\r\n|\r|\n/).map((l) => l.trim()).filter(Boolean);
  const entries = new Map<number, number>();
  let index = 0;
  for (const line of lines) {
    const parts = line.split(/\s+/);
    if (parts.length === 2) {
      index = Number(parts[0]);
      continue;
    }
    if (parts[2] === 'n') entries.set(index, Number(parts[0]));
    index += 1;
  }
  return { entries, trailer: pdf.subarray(end, eof).toString('latin1') };
}

export function readXref(pdf: Buffer): XrefInfo {
  const lastXref = lastStartXref(pdf);
  const offsets = new Map<number, number>();
  let position: number | undefined = lastXref;
  let newestTrailer: string | undefined;
  const seen = new Set<number>();
  while (position !== undefined) {
    if (seen.has(position)) throw unsupported('cross-reference loop');
    seen.add(position);
    const { entries, trailer } = readSection(pdf, position);
    newestTrailer ??= trailer;
    for (const [num, offset] of entries) if (!offsets.has(num)) offsets.set(num, offset);
    const prev = /\/Prev\s+(\d+)/.exec(trailer);
    position = prev?.[1] ? Number(prev[1]) : undefined;
  }
  const trailer = newestTrailer ?? '';
  const size = /\/Size\s+(\d+)/.exec(trailer)?.[1];
  const root = /\/Root\s+(\d+\s+\d+\s+R)/.exec(trailer)?.[1];
  if (!size || !root) throw unsupported('trailer without /Size or /Root');
  return { offsets, size: Number(size), root, info: /\/Info\s+(\d+\s+\d+\s+R)/.exec(trailer)?.[1], lastXref };
}

export const refNumber = (ref: string): number => Number(ref.trim().split(/\s+/)[0]);

/** The text between `N 0 obj` and `endobj` (dictionary objects only; streams are not read here). */
export function objectText(pdf: Buffer, xref: XrefInfo, num: number): string {
  const offset = xref.offsets.get(num);
  if (offset === undefined) throw unsupported(`object ${num} not found`);
  const end = pdf.indexOf('endobj', offset);
  const text = pdf.subarray(offset, end).toString('latin1');
  const body = /^\s*\d+\s+\d+\s+obj\b/.exec(text);
  if (!body) throw unsupported(`object ${num} is not where the xref says`);
  return text.slice(body[0].length).trim();
}

/** Page object numbers in document order (walks /Kids; inherited-nothing, just the tree). */
export function pageNumbers(pdf: Buffer, xref: XrefInfo): number[] {
  const catalog = objectText(pdf, xref, refNumber(xref.root));
  const pagesRef = /\/Pages\s+(\d+\s+\d+\s+R)/.exec(catalog)?.[1];
  if (!pagesRef) throw unsupported('catalog without /Pages');
  const pages: number[] = [];
  const walk = (num: number, depth: number): void => {
    if (depth > 32) throw unsupported('page tree too deep');
    const text = objectText(pdf, xref, num);
    if (/\/Type\s*\/Pages\b/.test(text)) {
      const kids = /\/Kids\s*\[([^\]]*)\]/.exec(text)?.[1] ?? '';
      for (const match of kids.matchAll(/(\d+)\s+\d+\s+R/g)) walk(Number(match[1]), depth + 1);
    } else {
      pages.push(num);
    }
  };
  walk(refNumber(pagesRef), 0);
  return pages;
}

export interface RevisionObject {
  num: number;
  /** Everything between `N 0 obj\n` and `\nendobj`. */
  body: Buffer;
}

/** Appends objects as one incremental update (classic xref table, one entry per subsection). */
export function appendRevision(pdf: Buffer, objects: readonly RevisionObject[]): Buffer {
  const xref = readXref(pdf);
  const chunks: Buffer[] = [pdf];
  let length = pdf.length;
  const push = (chunk: Buffer): void => {
    chunks.push(chunk);
    length += chunk.length;
  };
  if (pdf[pdf.length - 1] !== 0x0a) push(Buffer.from('\n'));
  const offsets: [number, number][] = [];
  for (const object of objects) {
    offsets.push([object.num, length]);
    push(Buffer.concat([Buffer.from(`${object.num} 0 obj\n`), object.body, Buffer.from('\nendobj\n')]));
  }
  const xrefAt = length;
  const rows = ['xref', '0 1', '0000000000 65535 f '];
  for (const [num, offset] of [...offsets].sort((a, b) => a[0] - b[0])) {
    rows.push(`${num} 1`, `${String(offset).padStart(10, '0')} 00000 n `);
  }
  const size = Math.max(xref.size, ...objects.map((o) => o.num + 1));
  rows.push(
    'trailer',
    '<<',
    `/Size ${size}`,
    `/Root ${xref.root}`,
    ...(xref.info ? [`/Info ${xref.info}`] : []),
    `/Prev ${xref.lastXref}`,
    '>>',
    'startxref',
    String(xrefAt),
    '%%EOF',
  );
  push(Buffer.from(`${rows.join('\n')}\n`));
  return Buffer.concat(chunks, length);
}
