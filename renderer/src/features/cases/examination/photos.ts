import { toBase64 } from '../../manifests/import/file-upload';

/** Largest side of a thumbnail, in pixels. */
export const THUMBNAIL_MAX = 320;
/** The contract takes up to 25 MB per attachment. */
export const PHOTO_MAX_BYTES = 25 * 1024 * 1024;

export interface PhotoDraft {
  readonly key: number;
  readonly file: File;
  readonly caption: string;
  /** data:image/jpeg URL made here, or null when the browser could not decode the picture. */
  readonly thumbnail: string | null;
  readonly state: 'ready' | 'sending' | 'stored' | 'failed';
  readonly sha256?: string;
  readonly attachmentId?: number;
  readonly error?: string;
}

/**
 * A small JPEG preview drawn on a canvas, so the case view and the report
 * show photos without decoding 12-megapixel originals. The original bytes are
 * sent untouched (their SHA-256 is the evidence); this is only a picture of them.
 */
export async function makeThumbnail(file: Blob): Promise<string | null> {
  let bitmap: ImageBitmap;
  try {
    bitmap = await createImageBitmap(file);
  } catch {
    return null;
  }
  try {
    const scale = Math.min(1, THUMBNAIL_MAX / Math.max(bitmap.width, bitmap.height));
    const width = Math.max(1, Math.round(bitmap.width * scale));
    const height = Math.max(1, Math.round(bitmap.height * scale));
    const canvas = document.createElement('canvas');
    canvas.width = width;
    canvas.height = height;
    const context = canvas.getContext('2d');
    if (!context) return null;
    // JPEG has no transparency: a white ground instead of black behind transparent PNG pixels.
    context.fillStyle = '#ffffff';
    context.fillRect(0, 0, width, height);
    context.drawImage(bitmap, 0, 0, width, height);
    return canvas.toDataURL('image/jpeg', 0.82);
  } finally {
    bitmap.close();
  }
}

/** The media type the contract accepts (`type/subtype`), or a neutral one for files the system did not type. */
export function mediaTypeOf(file: File): string {
  return /^[a-z]+\/[a-z0-9.+-]+$/.test(file.type) ? file.type : 'application/octet-stream';
}

export async function fileBase64(file: Blob): Promise<string> {
  return toBase64(new Uint8Array(await file.arrayBuffer()));
}

/** When the camera wrote the file, as far as the file system knows (a hint, not evidence). */
export function capturedAt(file: File): string | undefined {
  return file.lastModified > 0 ? new Date(file.lastModified).toISOString() : undefined;
}
