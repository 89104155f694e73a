import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { ATTACHMENT_LIMIT_BYTES, checkAttachment, decodeThumbnail, thumbnailDataUrl } from '../../../main/core/casework/attachment-rules';
import { sniffMediaType } from '../../../main/core/casework/media-sniff';
import { demoPhotoPng } from '../../../main/core/demo/demo-photo';

const jpeg = Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46, 0x00, 0x01, 0xff, 0xd9]);
const png = demoPhotoPng(16, 10);
const pdf = Buffer.from('%PDF-1.7\n1 0 obj <<>> endobj\n%%EOF\n');
const b64 = (bytes: Uint8Array) => Buffer.from(bytes).toString('base64');

describe('attachment content', () => {
  it('sniffs JPEG, PNG and PDF from their bytes', () => {
    expect(sniffMediaType(jpeg)).toBe('image/jpeg');
    expect(sniffMediaType(png)).toBe('image/png');
    expect(sniffMediaType(pdf)).toBe('application/pdf');
    expect(sniffMediaType(Buffer.from('MZ\x90\x00 this is an executable'))).toBeNull();
    expect(sniffMediaType(new Uint8Array())).toBeNull();
  });

  it('hashes the bytes as they arrived and stores the type the bytes have', () => {
    const checked = checkAttachment({ fileName: 'door.jpg', mediaType: 'image/jpeg', dataBase64: b64(png) });
    expect(checked.sha256).toBe(createHash('sha256').update(png).digest('hex'));
    expect(checked.mediaType).toBe('image/png');
    expect(checkAttachment({ fileName: 'letter.pdf', mediaType: 'application/pdf', dataBase64: b64(pdf) }).mediaType).toBe('application/pdf');
  });

  it('refuses a file that claims to be an image but is not, naming the file', () => {
    expect(() => checkAttachment({ fileName: 'photo.jpg', mediaType: 'image/jpeg', dataBase64: b64(Buffer.from('MZ fake')) })).toThrow(
      expect.objectContaining({ code: 'ATTACHMENT_TYPE_MISMATCH', details: expect.objectContaining({ fileName: 'photo.jpg', mediaType: 'image/jpeg' }) }),
    );
    expect(() => checkAttachment({ fileName: 'scan.png', mediaType: 'image/png', dataBase64: b64(pdf) })).toThrow(expect.objectContaining({ code: 'ATTACHMENT_TYPE_MISMATCH' }));
    expect(() => checkAttachment({ fileName: 'report.pdf', mediaType: 'application/pdf', dataBase64: b64(jpeg) })).toThrow(expect.objectContaining({ code: 'ATTACHMENT_TYPE_MISMATCH' }));
    expect(() => checkAttachment({ fileName: 'notes.txt', mediaType: 'text/plain', dataBase64: b64(Buffer.from('hello')) })).toThrow(expect.objectContaining({ code: 'ATTACHMENT_TYPE_MISMATCH' }));
  });

  it('refuses files over 25 MB before storing anything, and base64 that is not', () => {
    const big = Buffer.alloc(ATTACHMENT_LIMIT_BYTES + 1);
    jpeg.copy(big);
    expect(() => checkAttachment({ fileName: 'huge.jpg', mediaType: 'image/jpeg', dataBase64: b64(big) })).toThrow(
      expect.objectContaining({ code: 'ATTACHMENT_TOO_LARGE', details: expect.objectContaining({ fileName: 'huge.jpg', limitMb: 25 }) }),
    );
    const exactly = Buffer.alloc(ATTACHMENT_LIMIT_BYTES);
    jpeg.copy(exactly);
    expect(checkAttachment({ fileName: 'ok.jpg', mediaType: 'image/jpeg', dataBase64: b64(exactly) }).bytes.length).toBe(ATTACHMENT_LIMIT_BYTES);
    expect(() => checkAttachment({ fileName: 'x.jpg', mediaType: 'image/jpeg', dataBase64: '/9j/!!!!' })).toThrow(expect.objectContaining({ code: 'INVALID_INPUT' }));
  });

  it('keeps the renderer’s thumbnail as bytes only when it is the image its data URL names', () => {
    const thumbnail = decodeThumbnail(`data:image/png;base64,${b64(png)}`, 'door.jpg');
    expect(thumbnail.mediaType).toBe('image/png');
    expect(thumbnailDataUrl(thumbnail.bytes)).toBe(`data:image/png;base64,${b64(png)}`);
    expect(() => decodeThumbnail(`data:image/jpeg;base64,${b64(png)}`, 'door.jpg')).toThrow(expect.objectContaining({ code: 'ATTACHMENT_TYPE_MISMATCH', details: expect.objectContaining({ field: 'thumbnailDataUrl' }) }));
    expect(thumbnailDataUrl(null)).toBeNull();
  });
});
