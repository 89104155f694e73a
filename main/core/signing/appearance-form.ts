/**
 * The visible signature block as a form XObject whose text is set in a subset
 * of DejaVu Sans (resources/fonts), so a name in Cyrillic or Tajik (Ҷӯраев
 * Ғайрат) appears as written and `pdftotext` gives it back exactly.
 *
 * Rather than a TrueType subsetter of our own, pdfmake (already used for the
 * reports, with the same font) lays the block out as a one-page PDF the size
 * of the box; that page's content stream becomes the appearance stream and
 * its resources (the Type0 font, its CIDFont, descriptor, FontFile2 subset and
 * ToUnicode map) are copied over, renumbered after the signed PDF's own
 * objects. pdfkit writes classic xref tables and direct /Length values, which
 * is all this reader supports; anything else fails loudly before signing.
 */
import { createHash } from 'node:crypto';
import { REPORT_FONT } from '../reports/documents/common';
import { renderPdf } from '../reports/render';
import { pageNumbers, readXref, refNumber, type RevisionObject, type XrefInfo } from './pdf-revision';

interface RawObject {
  /** The dictionary (or other value) text, without `N 0 obj` and, for a stream, without the data. */
  readonly dict: string;
  /** The stream's bytes exactly as stored (still encoded by its /Filter); null when not a stream. */
  readonly stream: Buffer | null;
}

function rawObject(pdf: Buffer, xref: XrefInfo, num: number): RawObject {
  const offset = xref.offsets.get(num);
  if (offset === undefined) throw new Error(`appearance: object ${num} missing`);
  const head = /^\s*\d+\s+\d+\s+obj\b/.exec(pdf.subarray(offset, offset + 40).toString('latin1'));
  if (!head) throw new Error(`appearance: object ${num} is not where the xref says`);
  const start = offset + head[0].length;
  const end = pdf.indexOf('endobj', start);
  const streamAt = pdf.indexOf('stream', start);
  if (streamAt < 0 || (end >= 0 && end < streamAt)) {
    return { dict: pdf.subarray(start, end).toString('latin1').trim(), stream: null };
  }
  const dict = pdf.subarray(start, streamAt).toString('latin1').trim();
  const length = /\/Length\s+(\d+)(?!\s+\d+\s+R)/.exec(dict)?.[1];
  if (length === undefined) throw new Error(`appearance: stream ${num} without a direct /Length`);
  let data = streamAt + 'stream'.length;
  if (pdf[data] === 0x0d) data += 1;
  if (pdf[data] === 0x0a) data += 1;
  return { dict, stream: pdf.subarray(data, data + Number(length)) };
}

const references = (text: string): number[] => [...text.matchAll(/(\d+)\s+0\s+R\b/g)].map((match) => Number(match[1]));

/** Six capital letters from the subset's bytes: each distinct subset gets its own font name (ISO 32000 9.6.4). */
function subsetTag(bytes: Buffer): string {
  const digest = createHash('sha256').update(bytes).digest();
  return [...digest.subarray(0, 6)].map((byte) => String.fromCharCode(65 + (byte % 26))).join('');
}

export interface AppearanceForm {
  /** The form XObject to name in the widget's /AP /N. */
  readonly formNum: number;
  /** Every new object: the form, its resources and the embedded font subset. */
  readonly objects: RevisionObject[];
}

/** Point size that fits `lines` into a box `height` tall (as the Helvetica block did). */
export const appearanceFontSize = (lines: number, height: number): number => Math.max(5, Math.min(8, (height - 8) / (lines * 1.25)));

/** The smallest point size the block may shrink to: still legible on print. */
const MIN_FONT_SIZE = 4.5;

/** Lays the block out at `fontSize`, lines wrapping at the box's width; the page count says whether it fitted. */
function layOut(lines: readonly string[], width: number, height: number, fontSize: number) {
  return renderPdf({
    pageSize: { width, height },
    pageMargins: [4, 4, 4, 4],
    info: { title: 'signature appearance' },
    defaultStyle: { font: REPORT_FONT, fontSize, lineHeight: 1.05 },
    content: [
      { canvas: [{ type: 'rect', x: 0.5, y: 0.5, w: width - 1, h: height - 1, lineColor: '#595959', lineWidth: 0.6 }], absolutePosition: { x: 0, y: 0 } },
      ...lines.map((line) => ({ text: line })),
    ],
  });
}

/**
 * Lays out `lines` in a `width` × `height` box with a thin frame and returns
 * it as new objects numbered from `firstNum`. A long line (a long name, a long
 * unit name after the role) wraps rather than being cut at the box's edge; if
 * the block then no longer fits the box, it is set again half a point smaller,
 * down to MIN_FONT_SIZE, so the whole block is always on its one page.
 */
export async function appearanceForm(lines: readonly string[], width: number, height: number, firstNum: number): Promise<AppearanceForm> {
  let fontSize = appearanceFontSize(lines.length, height);
  let { pdf } = await layOut(lines, width, height, fontSize);
  let xref = readXref(pdf);
  let pages = pageNumbers(pdf, xref);
  while (pages.length > 1) {
    if (fontSize - 0.5 < MIN_FONT_SIZE) throw new Error('appearance: the signature block does not fit its box even at the smallest size');
    fontSize -= 0.5;
    ({ pdf } = await layOut(lines, width, height, fontSize));
    xref = readXref(pdf);
    pages = pageNumbers(pdf, xref);
  }
  const [page] = pages;
  if (page === undefined) throw new Error('appearance: laid out on no page');
  const pageDict = rawObject(pdf, xref, page).dict;
  const contentsRef = /\/Contents\s+(\d+\s+\d+\s+R)/.exec(pageDict)?.[1];
  const resourcesRef = /\/Resources\s+(\d+\s+\d+\s+R)/.exec(pageDict)?.[1];
  if (!contentsRef || !resourcesRef) throw new Error('appearance: page without indirect /Contents and /Resources');

  // Everything the resources reach (fonts and their parts, graphics states), in a stable order.
  const wanted: number[] = [];
  const queue = [refNumber(resourcesRef)];
  while (queue.length > 0) {
    const num = queue.shift() as number;
    if (wanted.includes(num)) continue;
    wanted.push(num);
    queue.push(...references(rawObject(pdf, xref, num).dict));
  }
  const renumber = new Map<number, number>(wanted.map((num, index) => [num, firstNum + 1 + index]));
  const mapRefs = (text: string) =>
    text.replace(/(\d+)(\s+0\s+R\b)/g, (whole, num: string, rest: string) => {
      const mapped = renumber.get(Number(num));
      if (mapped === undefined) throw new Error(`appearance: reference ${whole} outside the resources`);
      return `${mapped}${rest}`;
    });

  // The font program and its ToUnicode map are the resources' streams.
  const tag = subsetTag(Buffer.concat(wanted.map((num) => rawObject(pdf, xref, num).stream ?? Buffer.alloc(0))));
  const objects: RevisionObject[] = wanted.map((num) => {
    const object = rawObject(pdf, xref, num);
    // pdfkit names every subset alike (BZZZZZ+); two signatures' subsets must not share a name.
    const dict = mapRefs(object.dict).replace(/\/([A-Z]{6})\+/g, `/${tag}+`);
    const body = object.stream === null ? Buffer.from(dict, 'latin1') : Buffer.concat([Buffer.from(`${dict}\nstream\n`, 'latin1'), object.stream, Buffer.from('\nendstream')]);
    return { num: renumber.get(num) as number, body };
  });

  const contents = rawObject(pdf, xref, refNumber(contentsRef));
  if (contents.stream === null) throw new Error('appearance: page contents are not a stream');
  const filter = /\/Filter\s*(\/\w+|\[[^\]]*\])/.exec(contents.dict)?.[1];
  const form = Buffer.concat([
    Buffer.from(
      `<< /Type /XObject /Subtype /Form /BBox [0 0 ${width} ${height}] /Resources ${renumber.get(refNumber(resourcesRef))} 0 R` +
        `${filter ? ` /Filter ${filter}` : ''} /Length ${contents.stream.length} >>\nstream\n`,
      'latin1',
    ),
    contents.stream,
    Buffer.from('\nendstream'),
  ]);
  return { formNum: firstNum, objects: [{ num: firstNum, body: form }, ...objects] };
}
