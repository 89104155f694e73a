/**
 * Where the signatures go, agreed between the document builders (which keep
 * this area empty at the foot of the LAST page, under the "Signatures"
 * heading) and the signing code (which places its visible signature blocks
 * over it). Page size A4 in PDF points; rectangles are PDF user space
 * (origin bottom-left): [x1, y1, x2, y2].
 */
export const A4 = { width: 595.28, height: 841.89 } as const;

/** Page margins [left, top, right, bottom]: 17.6 mm at the sides, room for the footer (id line and page x of y) below. */
export const PAGE_MARGINS: readonly [number, number, number, number] = [50, 56, 50, 78];

/** The whole signature area: full text width, this tall, sitting on the bottom margin of the last page. */
export const SIGNATURE_AREA_HEIGHT = 120;
const left = PAGE_MARGINS[0];
const right = A4.width - PAGE_MARGINS[2];
const bottom = PAGE_MARGINS[3];
const gap = 10;
const half = (right - left - gap) / 2;

export type PdfRect = readonly [number, number, number, number];

export const SIGNATURE_AREA: PdfRect = [left, bottom, right, bottom + SIGNATURE_AREA_HEIGHT];

/** Two slots: the officer who signs first (left) and the supervisor's countersignature (right). */
export const SIGNATURE_SLOTS = {
  officer: [left, bottom, left + half, bottom + SIGNATURE_AREA_HEIGHT] as PdfRect,
  countersign: [left + half + gap, bottom, right, bottom + SIGNATURE_AREA_HEIGHT] as PdfRect,
} as const;
export type SignatureSlot = keyof typeof SIGNATURE_SLOTS;

/** The area's top edge in pdfmake's coordinates (origin top-left), for the builders. */
export const SIGNATURE_AREA_TOP_FROM_PAGE_TOP = A4.height - bottom - SIGNATURE_AREA_HEIGHT;

/** What a built document says about its signature area: on the last page (its number is known once rendered). */
export interface SignaturePlacement {
  readonly page: 'last';
  readonly area: PdfRect;
  readonly slots: typeof SIGNATURE_SLOTS;
}

export const signaturePlacement: SignaturePlacement = { page: 'last', area: SIGNATURE_AREA, slots: SIGNATURE_SLOTS };
