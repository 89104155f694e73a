import { describe, expect, it } from 'vitest';
import { readCuscar } from '../../../main/core/manifests/readers/cuscar';
import { decodeInterchange } from '../../../main/core/manifests/readers/cuscar/charset';
import { encodeIso88595 } from '../../fixtures/cuscar/make-cuscar';

/** A one-bill CUSCAR whose consignee name is `name`, under syntax identifier `identifier`. */
function withConsignee(identifier: string, name: string): string {
  const body = ["BGM+785+X+9'", "CNI+1+BL1'", `NAD+CN+++${name}'`];
  return [`UNB+${identifier}:3+S+R+250301:1000+1'`, "UNH+1+CUSCAR:D:96B:UN'", ...body, `UNT+${body.length + 2}+1'`, "UNZ+1+1'"].join('\n');
}

const consigneeOf = (bytes: Uint8Array) => readCuscar(bytes).lines[0]?.consignee?.name;

describe('character sets declared in UNB S001', () => {
  it('UNOE is ISO 8859-5: Russian names come out in Cyrillic', () => {
    expect(consigneeOf(encodeIso88595(withConsignee('UNOE', 'ООО "Памир Транзит", Душанбе')))).toBe('ООО "Памир Транзит", Душанбе');
  });

  it('UNOC is ISO 8859-1 and UNOD ISO 8859-2', () => {
    expect(consigneeOf(Buffer.from(withConsignee('UNOC', 'SOCIÉTÉ GÉNÉRALE'), 'latin1'))).toBe('SOCIÉTÉ GÉNÉRALE');
    const latin2 = Uint8Array.from(Buffer.from(withConsignee('UNOD', 'GDANSK #'), 'latin1'));
    latin2[latin2.indexOf(0x23)] = 0xa3; // Ł in ISO 8859-2
    expect(consigneeOf(latin2)).toBe('GDANSK Ł');
  });

  it('UNOF is ISO 8859-7 (Greek)', () => {
    const bytes = Uint8Array.from(Buffer.from(withConsignee('UNOF', '#'), 'latin1'));
    bytes[bytes.indexOf(0x23)] = 0xc1; // Α
    expect(consigneeOf(bytes)).toBe('Α');
  });

  it('UNOW and UNOY are UTF-8', () => {
    for (const identifier of ['UNOW', 'UNOY']) {
      expect(consigneeOf(new TextEncoder().encode(withConsignee(identifier, 'ҶДММ «Ғалла»')))).toBe('ҶДММ «Ғалла»');
    }
  });

  it('UNOB carrying Windows Cyrillic is read as windows-1251 and reported at UNB', () => {
    // "ТЕСТ" in windows-1251: the bytes senders produce when a guide tells them to use UNOB for Russian.
    const bytes = Uint8Array.from(Buffer.from(withConsignee('UNOB', '####'), 'latin1'));
    bytes.set([0xd2, 0xc5, 0xd1, 0xd2], bytes.indexOf(0x23));
    const result = readCuscar(bytes);
    expect(result.lines[0]?.consignee?.name).toBe('ТЕСТ');
    expect(result.problems).toEqual([{ code: 'SEGMENT_MALFORMED', segment: 1, params: { tag: 'UNB', element: '0001', value: 'UNOB', decodedAs: 'windows-1251' } }]);
  });

  it('UNOA carrying UTF-8 is read as UTF-8 and reported', () => {
    const result = readCuscar(new TextEncoder().encode(withConsignee('UNOA', 'Душанбе')));
    expect(result.lines[0]?.consignee?.name).toBe('Душанбе');
    expect(result.problems[0]).toMatchObject({ code: 'SEGMENT_MALFORMED', params: { value: 'UNOA', decodedAs: 'utf-8' } });
  });

  it('an unknown identifier is decoded as UTF-8 when it is, and reported', () => {
    expect(decodeInterchange(new TextEncoder().encode('Ёё'), 'UNOZ')).toEqual({ text: 'Ёё', decodedAs: 'utf-8', mismatch: true });
    expect(decodeInterchange(Uint8Array.from([0xc9]), 'XXXX')).toEqual({ text: 'É', decodedAs: 'windows-1252', mismatch: true });
  });

  it('invalid UTF-8 under UNOY is decoded with replacement characters and reported', () => {
    expect(decodeInterchange(Uint8Array.from([0x41, 0xff, 0x42]), 'UNOY')).toEqual({ text: 'A\uFFFDB', decodedAs: 'utf-8', mismatch: true });
  });
});
