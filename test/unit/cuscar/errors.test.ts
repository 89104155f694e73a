import { describe, expect, it } from 'vitest';
import { CuscarUnreadable, looksLikeEdifact, readCuscar, type CuscarUnreadableReason } from '../../../main/core/manifests/readers/cuscar';
import { ascii, fixture, seededRandom } from './support';

function reasonFor(bytes: Uint8Array): CuscarUnreadableReason | 'read' {
  try {
    readCuscar(bytes);
    return 'read';
  } catch (error) {
    if (error instanceof CuscarUnreadable) return error.reason;
    throw error;
  }
}

const invoic = [
  "UNB+UNOA:3+SUPPLIER+BUYER+250301:1000+INV1'",
  "UNH+1+INVOIC:D:96A:UN'",
  "BGM+380+INV-0001+9'",
  "DTM+137:20250301:102'",
  "UNT+4+1'",
  "UNZ+1+INV1'",
].join('\n');

describe('files that are no usable CUSCAR throw CuscarUnreadable with a reason', () => {
  it('EMPTY: no bytes, or only a BOM and white space', () => {
    expect(reasonFor(new Uint8Array())).toBe('EMPTY');
    expect(reasonFor(Uint8Array.from([0xef, 0xbb, 0xbf, 0x20, 0x0d, 0x0a, 0x09]))).toBe('EMPTY');
  });

  it('NOT_EDIFACT: a PDF, a spreadsheet, text, random bytes', () => {
    expect(reasonFor(ascii('%PDF-1.7\n%âãÏÓ\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n'))).toBe('NOT_EDIFACT');
    expect(reasonFor(Uint8Array.from([0x50, 0x4b, 0x03, 0x04, 0x14, 0x00, 0x06, 0x00]))).toBe('NOT_EDIFACT');
    expect(reasonFor(ascii('B/L;Container;Shipper\nMEDU1;MSCU6451836;ACME\n'))).toBe('NOT_EDIFACT');
    expect(reasonFor(ascii('UNBOUND CARGO LIST'))).toBe('NOT_EDIFACT');
    const random = seededRandom(42);
    for (let round = 0; round < 50; round++) {
      const bytes = Uint8Array.from({ length: 1 + Math.floor(random() * 2000) }, () => Math.floor(random() * 256));
      expect(reasonFor(bytes), `round ${round}`).not.toBe('read');
    }
  });

  it('NOT_EDIFACT: a UNA whose service characters are ambiguous, or no UNB after it', () => {
    expect(reasonFor(ascii("UNA++.? 'UNB+UNOA:3+A+B+250301:1000+1'"))).toBe('NOT_EDIFACT');
    expect(reasonFor(ascii("UNA:+.A 'UNB+UNOA:3+A+B+250301:1000+1'"))).toBe('NOT_EDIFACT');
    expect(reasonFor(ascii("UNA:+.? 'UNH+1+CUSCAR:D:96B:UN'"))).toBe('NOT_EDIFACT');
  });

  it('TRUNCATED: the data ends inside UNA or UNB, or before the first consignment', () => {
    expect(reasonFor(ascii('UNA:+'))).toBe('TRUNCATED');
    expect(reasonFor(ascii("UNA:+.? '\n"))).toBe('TRUNCATED');
    expect(reasonFor(ascii('UNB+UNOA:3+MSCUKHI+PCU+2503'))).toBe('TRUNCATED');
    expect(reasonFor(ascii("UNB+UNOA:3+MSCUKHI+PCU+250309:1412+1'\nUNH+1+CUSCAR:D:96B:UN'\nBGM+785+X+9'\nTDT+20+425E'"))).toBe('TRUNCATED');
    const whole = fixture('a-d96b-unoa-lines.edi');
    expect(reasonFor(whole.subarray(0, whole.indexOf('CNI+1')))).toBe('TRUNCATED');
  });

  it('NOT_CUSCAR: an interchange of INVOIC, or of no message at all', () => {
    expect(reasonFor(ascii(invoic))).toBe('NOT_CUSCAR');
    expect(() => readCuscar(ascii(invoic))).toThrow(/INVOIC/);
    expect(reasonFor(ascii("UNB+UNOA:3+A+B+250301:1000+1'UNZ+0+1'"))).toBe('NOT_CUSCAR');
  });

  it('skips a foreign message next to a CUSCAR one and says so at its UNH', () => {
    const cuscar = fixture('a-d96b-unoa-lines.edi').toString('latin1').replace("UNZ+1+000000417'", "UNH+9+CUSRES:D:96B:UN'\nBGM+962+X+9'\nUNT+3+9'\nUNZ+2+000000417'");
    const result = readCuscar(Buffer.from(cuscar, 'latin1'));
    expect(result.lines).toHaveLength(6);
    expect(result.problems).toEqual([{ code: 'SEGMENT_UNKNOWN', segment: 92, params: { tag: 'UNH', messageType: 'CUSRES' } }]);
  });

  it('carries the reason and the segment, and a message without party data', () => {
    try {
      readCuscar(ascii(invoic));
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(CuscarUnreadable);
      expect(error).toMatchObject({ name: 'CuscarUnreadable', reason: 'NOT_CUSCAR', segment: 2 });
    }
  });
});

describe('looksLikeEdifact (for the format detector)', () => {
  it('recognises UNA or UNB after an optional BOM and white space', () => {
    for (const name of ['a-d96b-unoa-lines.edi', 'b-d01b-unoe-one-line.edi', 'f-release-stress.edi'] as const) expect(looksLikeEdifact(fixture(name))).toBe(true);
    expect(looksLikeEdifact(Uint8Array.from([0xef, 0xbb, 0xbf, ...ascii("\r\n  UNB+UNOA:3+A+B+250301:1000+1'")]))).toBe(true);
    expect(looksLikeEdifact(ascii("UNA:+.? 'UNB"))).toBe(true);
  });

  it('refuses everything else, including text that merely starts with the letters', () => {
    for (const text of ['', '%PDF-1.7', 'UNBOUND', 'UNAVAILABLE', 'Container;B/L', ' UN', 'unb+unoa']) expect(looksLikeEdifact(ascii(text)), text).toBe(false);
  });
});
