/**
 * PAdES B-B signing of a PDF: @signpdf/placeholder-plain appends the signature
 * dictionary (SubFilter ETSI.CAdES.detached, /M = the signing time) as an
 * incremental update; a second revision of ours gives the widget its visible
 * appearance (text in an embedded DejaVu Sans subset, appearance-form.ts) and
 * places it on the last page; @signpdf/signpdf fixes the
 * /ByteRange and hands the covered bytes to our CAdES signer (cms.ts).
 * Signing an already signed PDF appends again, so earlier signatures stay valid.
 */
import crypto from 'node:crypto';
import { plainAddPlaceholder } from '@signpdf/placeholder-plain';
import { SignPdf } from '@signpdf/signpdf';
import { Signer, SUBFILTER_ETSI_CADES_DETACHED } from '@signpdf/utils';
import { createCadesSignature, type CmsSigner } from './cms';
import { appearanceLines, latinForAppearance, type SignatureAppearance } from './appearance';
import { appearanceForm, type AppearanceForm } from './appearance-form';
import { appendRevision, objectText, pageNumbers, readXref, refNumber } from './pdf-revision';

/** Bytes reserved for the CMS (hex-doubled in the file): room for a chain of several 4096-bit certificates. */
export const SIGNATURE_BYTES = 24 * 1024;

/** Where the first signature block goes when the report does not say: bottom left of the last page. */
export const DEFAULT_SIGNATURE_RECT: readonly [number, number, number, number] = [40, 40, 300, 110];
const SIGNATURE_GAP = 12;

export type Rect = readonly [number, number, number, number];

export interface SignPdfOptions {
  signer: CmsSigner;
  appearance: SignatureAppearance;
  /** Rect of the FIRST signature; later signatures sit beside it, to the right (then above). */
  rect?: Rect;
  /** Slots by signature order (first signature, countersignature…); past the list, `rect` rules apply. */
  rects?: readonly Rect[];
  reason?: string;
  location?: string;
}

class CadesSigner extends Signer {
  constructor(private readonly signer: CmsSigner) {
    super();
  }
  override sign(pdfBuffer: Buffer): Promise<Buffer> {
    const digest = crypto.createHash('sha256').update(pdfBuffer).digest();
    return Promise.resolve(createCadesSignature(digest, this.signer));
  }
}

export function certificateFingerprint(certificateDer: Buffer): string {
  return new crypto.X509Certificate(certificateDer).fingerprint256;
}

/** Signatures already made (a filled-in /ByteRange each); decides where the next block goes. */
function existingSignatureCount(pdf: Buffer): number {
  return (pdf.toString('latin1').match(/\/ByteRange\s*\[\s*\d/g) ?? []).length;
}

function rectFor(index: number, first: Rect): Rect {
  const [x1, y1, x2, y2] = first;
  const width = x2 - x1;
  const height = y2 - y1;
  const perRow = Math.max(1, Math.floor((595 - x1) / (width + SIGNATURE_GAP)));
  const col = index % perRow;
  const row = Math.floor(index / perRow);
  const x = x1 + col * (width + SIGNATURE_GAP);
  const y = y1 + row * (height + SIGNATURE_GAP);
  return [x, y, x + width, y + height];
}

/** The newest signature widget (written by placeholder-plain on the first page with an empty rect), found after `since`. */
function newestWidget(pdf: Buffer, since: number): { num: number; text: string } {
  const xref = readXref(pdf);
  // placeholder-plain writes the widget right after the signature dictionary, in its own revision.
  const num = [...xref.offsets]
    .filter(([, offset]) => offset >= since)
    .map(([objectNum]) => objectNum)
    .filter((objectNum) => {
      const text = objectText(pdf, xref, objectNum);
      return /\/Subtype\s*\/Widget/.test(text) && /\/FT\s*\/Sig/.test(text);
    })
    .reduce((a, b) => Math.max(a, b), -1);
  if (num < 0) throw new Error('signature widget not found after placeholder');
  return { num, text: objectText(pdf, xref, num) };
}

/**
 * Gives the newest signature widget its rect, its appearance (`form`, built
 * by appearance-form.ts with its font) and the last page.
 */
function placeWidget(pdf: Buffer, widget: { num: number; text: string }, rect: Rect, form: AppearanceForm): Buffer {
  const xref = readXref(pdf);
  const widgetNum = widget.num;
  const firstPage = refNumber(/\/P\s+(\d+\s+\d+\s+R)/.exec(widget.text)?.[1] ?? '');
  const pages = pageNumbers(pdf, xref);
  const lastPage = pages[pages.length - 1] ?? firstPage;

  const [x1, y1, x2, y2] = rect;
  const newWidget = widget.text
    .replace(/\/Rect\s*\[0 0 0 0\]/, `/Rect [${x1} ${y1} ${x2} ${y2}]`)
    .replace(/\/P\s+\d+\s+\d+\s+R/, `/P ${lastPage} 0 R`)
    .replace(/>>\s*$/, `/AP << /N ${form.formNum} 0 R >>\n>>`);
  const objects = [...form.objects, { num: widgetNum, body: Buffer.from(newWidget, 'latin1') }];
  if (lastPage !== firstPage) {
    const widgetRef = new RegExp(`\\s${widgetNum}\\s+0\\s+R`);
    const first = objectText(pdf, xref, firstPage).replace(widgetRef, '');
    const last = objectText(pdf, xref, lastPage);
    const withAnnot = /\/Annots\s*\[/.test(last)
      ? last.replace(/\/Annots\s*\[/, `/Annots [${widgetNum} 0 R `)
      : last.replace(/>>\s*$/, `/Annots [${widgetNum} 0 R]\n>>`);
    objects.push({ num: firstPage, body: Buffer.from(first, 'latin1') }, { num: lastPage, body: Buffer.from(withAnnot, 'latin1') });
  }
  return appendRevision(pdf, objects);
}

/**
 * @signpdf/placeholder-plain writes its trailer's `startxref` one byte short:
 * at the newline it puts before `xref` (it takes the length before appending
 * that newline). Readers skip the whitespace, but validators flag it (qpdf:
 * "extraneous whitespace seen before xref"). Pointed at `xref` itself here,
 * before anything later is appended or signed, so every offset after it is
 * computed on the corrected bytes.
 */
export function correctPlaceholderStartxref(pdf: Buffer): Buffer {
  const at = pdf.lastIndexOf('startxref');
  const match = at < 0 ? null : /^startxref\r?\n(\d+)\r?\n%%EOF\s*$/.exec(pdf.subarray(at).toString('latin1'));
  if (!match?.[1]) return pdf;
  const offset = Number(match[1]);
  let xref = offset;
  while (xref < at && (pdf[xref] === 0x0a || pdf[xref] === 0x0d || pdf[xref] === 0x20)) xref += 1;
  if (xref === offset || pdf.subarray(xref, xref + 4).toString('latin1') !== 'xref') return pdf;
  return Buffer.concat([pdf.subarray(0, at), Buffer.from(`startxref\n${xref}\n%%EOF`, 'latin1')]);
}

/** Signs `pdf` (PAdES B-B, visible block). Returns the signed PDF and the signer certificate's fingerprint. */
export async function signPdf(pdf: Buffer, options: SignPdfOptions): Promise<{ pdf: Buffer; fingerprint: string }> {
  const fingerprint = certificateFingerprint(options.signer.certificate);
  const index = existingSignatureCount(pdf);
  const rect = options.rects?.[index] ?? rectFor(index, options.rect ?? DEFAULT_SIGNATURE_RECT);
  const withPlaceholder = correctPlaceholderStartxref(plainAddPlaceholder({
    pdfBuffer: pdf,
    reason: latinForAppearance(options.reason ?? 'Report issued'),
    contactInfo: '',
    name: latinForAppearance(options.appearance.name),
    location: latinForAppearance(options.location ?? options.appearance.unit),
    signingTime: options.appearance.signedAt,
    signatureLength: SIGNATURE_BYTES,
    subFilter: SUBFILTER_ETSI_CADES_DETACHED,
    widgetRect: [0, 0, 0, 0],
    appName: 'PCU-Workstation', // written as a PDF name: no spaces
  }));
  const widget = newestWidget(withPlaceholder, pdf.length - 2);
  const firstFree = Math.max(...readXref(withPlaceholder).offsets.keys()) + 1;
  const [x1, y1, x2, y2] = rect;
  const form = await appearanceForm(appearanceLines(options.appearance, fingerprint), x2 - x1, y2 - y1, firstFree);
  const placed = placeWidget(withPlaceholder, widget, rect, form);
  const signed = await new SignPdf().sign(placed, new CadesSigner(options.signer));
  return { pdf: signed, fingerprint };
}
