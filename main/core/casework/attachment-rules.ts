import { createHash } from 'node:crypto';
import { DomainError } from '../../../shared/ipc/errors';
import { sniffMediaType, type SniffedMediaType } from './media-sniff';

export const ATTACHMENT_LIMIT_MB = 25;
export const ATTACHMENT_LIMIT_BYTES = ATTACHMENT_LIMIT_MB * 1024 * 1024;

const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;

/** Strict base64: Buffer.from silently skips what is not base64, which would change the bytes whose hash we record. */
export function decodeBase64(text: string, field: string): Buffer {
  const compact = text.replace(/\s+/g, '');
  if (compact.length % 4 !== 0 || !BASE64.test(compact)) {
    throw new DomainError('INVALID_INPUT', `${field} is not base64`, { issues: [{ path: [field], message: 'base64 data' }] });
  }
  return Buffer.from(compact, 'base64');
}

export interface CheckedAttachment {
  readonly bytes: Buffer;
  readonly sha256: string;
  readonly mediaType: SniffedMediaType;
}

/**
 * What may be stored as evidence: bytes that arrived whole (their SHA-256
 * taken here, before anything else touches them), within the size limit, and
 * really a JPEG or PNG photo or a PDF document. A file whose declared type
 * says image but whose bytes are something else is refused outright, so a
 * renamed executable never sits in a case file looking like a photo. The
 * stored type is the sniffed one (a PNG saved as .jpg is still a PNG).
 */
export function checkAttachment(input: { fileName: string; mediaType: string; dataBase64: string }): CheckedAttachment {
  // 4 base64 characters carry 3 bytes: refuse oversize files before decoding them.
  if (Math.floor((input.dataBase64.length * 3) / 4) > ATTACHMENT_LIMIT_BYTES + 3) throw tooLarge(input.fileName);
  const bytes = decodeBase64(input.dataBase64, 'dataBase64');
  if (bytes.length === 0) throw new DomainError('FILE_EMPTY', `${input.fileName} is empty`, { file: input.fileName, field: 'dataBase64' });
  if (bytes.length > ATTACHMENT_LIMIT_BYTES) throw tooLarge(input.fileName);
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  const sniffed = sniffMediaType(bytes);
  const claimsImage = input.mediaType.startsWith('image/');
  const fits = sniffed !== null && (claimsImage ? sniffed.startsWith('image/') : input.mediaType === 'application/pdf' ? sniffed === 'application/pdf' : true);
  if (!sniffed || !fits) {
    throw new DomainError('ATTACHMENT_TYPE_MISMATCH', `${input.fileName} is declared ${input.mediaType} but its content is ${sniffed ?? 'not a JPEG, PNG or PDF'}`, {
      field: 'dataBase64',
      fileName: input.fileName,
      mediaType: input.mediaType,
      detected: sniffed ?? 'unknown',
    });
  }
  return { bytes, sha256, mediaType: sniffed };
}

/**
 * The renderer's preview: a data: URL of a small JPEG or PNG. Stored as
 * bytes; its content must be the image type its URL names.
 */
export function decodeThumbnail(dataUrl: string, fileName: string): { bytes: Buffer; mediaType: SniffedMediaType } {
  const match = /^data:(image\/(?:jpeg|png));base64,(.*)$/s.exec(dataUrl);
  const declared = match?.[1] ?? 'unknown';
  const bytes = decodeBase64(match?.[2] ?? '', 'thumbnailDataUrl');
  const sniffed = sniffMediaType(bytes);
  if (!match || sniffed !== declared) {
    throw new DomainError('ATTACHMENT_TYPE_MISMATCH', `The preview of ${fileName} is not the ${declared} it claims to be`, {
      field: 'thumbnailDataUrl',
      fileName,
      mediaType: declared,
      detected: sniffed ?? 'unknown',
    });
  }
  return { bytes, mediaType: sniffed };
}

export const thumbnailDataUrl = (bytes: Uint8Array | null): string | null => {
  if (!bytes || bytes.length === 0) return null;
  const type = sniffMediaType(bytes);
  return type?.startsWith('image/') ? `data:${type};base64,${Buffer.from(bytes).toString('base64')}` : null;
};

function tooLarge(fileName: string): DomainError {
  return new DomainError('ATTACHMENT_TOO_LARGE', `${fileName} is larger than ${ATTACHMENT_LIMIT_MB} MB`, { field: 'dataBase64', fileName, limitMb: ATTACHMENT_LIMIT_MB });
}
