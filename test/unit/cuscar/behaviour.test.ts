import { describe, expect, it } from 'vitest';
import { readCuscar } from '../../../main/core/manifests/readers/cuscar';
import { ascii } from './support';

/** UNH..UNT around `body` with the right segment count. */
const message = (reference: string, body: readonly string[]) => [`UNH+${reference}+CUSCAR:D:96B:UN`, ...body, `UNT+${body.length + 2}+${reference}`];

/** A complete interchange, one segment per line, from messages' segments. */
function interchange(...messages: readonly (readonly string[])[]): Uint8Array {
  const segments = ['UNB+UNOA:3+SENDER+PCU+250301:1000+REF1', ...messages.flat(), `UNZ+${messages.length}+REF1`];
  return ascii(segments.map((segment) => `${segment}'\n`).join(''));
}

const read = (...messages: readonly (readonly string[])[]) => readCuscar(interchange(...messages));

describe('the vessel call', () => {
  it('reads the IMO number however C222 states it, and never a call sign', () => {
    const imoOf = (c222: string) => read(message('1', ['BGM+785+X+9', `TDT+20+V1+1+++++${c222}`, 'CNI+1+BL1'])).header.imo;
    expect(imoOf('9454436:146:11:MSC ANNA')).toBe('9454436');
    expect(imoOf('IMO9454436:::MSC ANNA')).toBe('9454436');
    expect(imoOf('IMO 9454436')).toBe('9454436');
    expect(imoOf('9454436:::MSC ANNA')).toBe('9454436');
    // Declared IMO but not seven digits: passed on for validation to report.
    expect(imoOf('945443:IMO')).toBe('945443');
    expect(imoOf('9HA2954:103::MSC ANNA')).toBeUndefined();
    expect(imoOf('1234567:103')).toBeUndefined();
  });

  it('takes the vessel name from 8213 when 8212 is empty and 8213 is clearly a name', () => {
    expect(read(message('1', ['TDT+20+V1+1+++++MSC ANNA', 'CNI+1+BL1'])).header.vesselName).toBe('MSC ANNA');
  });

  it('reads the mode from C220 and YYMMDD dates in this century', () => {
    const result = read(message('1', ['TDT+20+V1+2', 'DTM+132:250314:101', 'DTM+133:2503101830:201', 'CNI+1+BL1']));
    expect(result.header).toMatchObject({ mode: 'rail', arrivalDate: '2025-03-14', departureDate: '2025-03-10T18:30' });
  });

  it('passes a date that does not fit its format on as written, for validation to report', () => {
    expect(read(message('1', ['TDT+20+V1', 'DTM+132:2025-3-14:102', 'CNI+1+BL1'])).header.arrivalDate).toBe('2025-3-14');
  });

  it('takes a TDT without stage 20 as the vessel when there is no other, and says so', () => {
    const result = read(message('1', ['TDT+1+V1+1+++++9454436', 'CNI+1+BL1']));
    expect(result.header).toMatchObject({ voyage: 'V1', imo: '9454436' });
    expect(result.problems).toEqual([{ code: 'QUALIFIER_UNEXPECTED', segment: 3, params: { tag: 'TDT', qualifier: '1', expected: '20' } }]);
  });

  it('falls back to RFF+VON for the voyage', () => {
    expect(read(message('1', ['RFF+VON:0425E', 'TDT+20++1', 'CNI+1+BL1'])).header.voyage).toBe('0425E');
  });
});

describe('several messages in one interchange', () => {
  it('merge their lines; each header field comes from the first message that states it', () => {
    const result = read(
      message('1', ['BGM+785+X+9', 'TDT+20+V1+1', 'LOC+5+PKKHI', 'EQD+CN+MSCU6451836+45G1', 'CNI+1+BL1', 'GID+1+1:PK', 'SGP+MSCU6451836+1']),
      message('2', ['BGM+785+X+9', 'TDT+20+V2+1+++++9454436:146::MSC ANNA', 'LOC+60+IRBND', 'CNI+1+BL2', 'GID+1+2:PK', 'SGP+MSCU6451836+2', 'EQD+CN+MSCU6451836', 'SEL+S2']),
    );
    expect(result.header).toMatchObject({ voyage: 'V1', vesselName: 'MSC ANNA', imo: '9454436', portOfLoading: 'PKKHI', portOfDischarge: 'IRBND' });
    expect(result.lines.map((line) => [line.blNumber, line.containerNumber, line.containerType, line.seals, line.packages])).toEqual([
      ['BL1', 'MSCU6451836', '45G1', ['S2'], '1'],
      ['BL2', 'MSCU6451836', '45G1', ['S2'], '2'],
    ]);
    expect(result.problems).toEqual([]);
  });
});

describe('the envelope', () => {
  it('reports a UNT reference that does not repeat the UNH one', () => {
    const segments = ['UNB+UNOA:3+S+R+250301:1000+REF1', 'UNH+1+CUSCAR:D:96B:UN', 'CNI+1+BL1', 'UNT+3+2', 'UNZ+1+REF9'];
    const result = readCuscar(ascii(segments.map((segment) => `${segment}'`).join('')));
    expect(result.problems).toEqual([
      { code: 'CONTROL_COUNT_MISMATCH', segment: 4, params: { tag: 'UNT', element: '0062', stated: '2', expected: '1' } },
      { code: 'CONTROL_COUNT_MISMATCH', segment: 5, params: { tag: 'UNZ', element: '0020', stated: 'REF9', expected: 'REF1' } },
    ]);
  });

  it('reports a message that stops without UNT where the next one starts', () => {
    const segments = ['UNB+UNOA:3+S+R+250301:1000+R', 'UNH+1+CUSCAR:D:96B:UN', 'CNI+1+BL1', ...message('2', ['CNI+1+BL2']), 'UNZ+2+R'];
    const result = readCuscar(ascii(segments.map((segment) => `${segment}'`).join('')));
    expect(result.lines.map((line) => line.blNumber)).toEqual(['BL1', 'BL2']);
    expect(result.problems).toEqual([{ code: 'INTERCHANGE_TRUNCATED', segment: 4, params: { missing: 'UNT' } }]);
  });

  it('accepts a UNZ without its final terminator, and reports data after UNZ', () => {
    const bytes = interchange(message('1', ['CNI+1+BL1']));
    const text = new TextDecoder().decode(bytes).trimEnd();
    expect(readCuscar(ascii(text.slice(0, -1))).problems).toEqual([]);
    expect(readCuscar(ascii(`${text}\nBGM+785+X'`)).problems).toEqual([{ code: 'SEGMENT_UNKNOWN', segment: 6, params: { tag: 'BGM', after: 'UNZ' } }]);
  });

  it('reports a malformed tag and reads on', () => {
    const result = read(message('1', ['CNI+1+BL1', 'l0c+9+PKKHI', 'LOC+9+PKKHI']));
    expect(result.lines[0]?.portOfLoading).toBe('PKKHI');
    expect(result.problems).toEqual([{ code: 'SEGMENT_MALFORMED', segment: 4, params: { tag: 'l0c' } }]);
  });
});

describe('lines from consignments and goods items', () => {
  it('gives a consignment without equipment one line without a container (validation flags it)', () => {
    const result = read(message('1', ['CNI+1+BL1', 'GID+1+12:PL', 'FTX+AAA+++STEEL BEAMS', 'MEA+AAE+G+KGM:15000', 'GID+2+3:PL', 'MEA+AAE+G+KGM:500.5']));
    expect(result.lines).toEqual([
      { source: { segment: 3 }, blNumber: 'BL1', seals: [], goodsDescription: 'STEEL BEAMS', packages: '15', packageType: 'PL', grossWeightKg: '15500.5', transshipmentPorts: [] },
    ]);
  });

  it('does not split a weight the file does not split', () => {
    const result = read(message('1', ['CNI+1+BL1', 'GID+1+10:PK', 'MEA+AAE+G+KGM:1000', 'SGP+MSCU6451836+6', 'SGP+MEDU4123979+4']));
    expect(result.lines.map((line) => [line.containerNumber, line.packages, line.grossWeightKg])).toEqual([
      ['MSCU6451836', '6', undefined],
      ['MEDU4123979', '4', undefined],
    ]);
  });

  it('counts a goods item no SGP places in every line of its consignment, but its quantities only when there is one container', () => {
    const result = read(
      message('1', ['CNI+1+BL1', 'GID+1+10:PK', 'FTX+AAA+++TILES', 'MEA+AAE+G+KGM:1000', 'SGP+MSCU6451836+10', 'GID+2+5:CT', 'FTX+AAA+++GROUT', 'MEA+AAE+G+KGM:50', 'SGP+MEDU4123979+5', 'GID+3+1:PK', 'FTX+AAA+++SPARE TILES']),
    );
    expect(result.lines.map((line) => [line.containerNumber, line.goodsDescription, line.packages, line.grossWeightKg])).toEqual([
      ['MSCU6451836', 'TILES; SPARE TILES', '10', '1000'],
      ['MEDU4123979', 'GROUT; SPARE TILES', '5', '50'],
    ]);
  });

  it('converts grams and pounds exactly and keeps a weight that is no number as written', () => {
    const weightOf = (mea: string) => read(message('1', ['CNI+1+BL1', 'GID+1+1:PK', mea])).lines[0]?.grossWeightKg;
    expect(weightOf('MEA+AAE+G+GRM:1250')).toBe('1.25');
    expect(weightOf('MEA+AAE+G+LBR:1000')).toBe('453.59237');
    expect(weightOf('MEA+AAE+G+KGM:12 500')).toBe('12 500');
    expect(weightOf('MEA+AAE+N+KGM:900')).toBeUndefined(); // a net weight is not the gross weight
    const mixed = read(message('1', ['CNI+1+BL1', 'GID+1+1:PK', 'MEA+AAE+G+KGM:abc', 'GID+2+1:PK', 'MEA+AAE+G+KGM:5']));
    expect(mixed.lines[0]?.grossWeightKg).toBe('abc + 5');
  });

  it('reports a unit it cannot convert and leaves the weight out', () => {
    const result = read(message('1', ['CNI+1+BL1', 'GID+1+1:PK', 'MEA+AAE+G+MTQ:12']));
    expect(result.lines[0]?.grossWeightKg).toBeUndefined();
    expect(result.problems).toEqual([{ code: 'QUALIFIER_UNEXPECTED', segment: 5, params: { tag: 'MEA', qualifier: 'MTQ', expected: 'KGM' } }]);
  });

  it('reads the HS code from PIA with item type HS, and seals from an identity number range', () => {
    const result = read(message('1', ['EQD+CN+MSCU6451836', 'SEL+S1+CA++S2:S3', 'CNI+1+BL1', 'GID+1+1:PK', 'PIA+5+ABC:SA+847130:HS', 'SGP+MSCU6451836']));
    expect(result.lines[0]).toMatchObject({ hsCode: '847130', seals: ['S1', 'S2', 'S3'] });
  });

  it('matches SGP to EQD whatever blanks and dashes are typed in the number', () => {
    const result = read(message('1', ['EQD+CN+MSCU 645183-6+22G1', 'CNI+1+BL1', 'GID+1+1:PK', 'SGP+MSCU6451836']));
    expect(result.lines[0]).toMatchObject({ containerNumber: 'MSCU 645183-6', containerType: '22G1' });
  });

  it('reads names from C058 when there is no C080, and stands in the coded id when there is neither', () => {
    const result = read(message('1', ['CNI+1+BL1', 'NAD+CZ++ACME LTD:1 HIGH ST:LONDON', 'NAD+CN+9876543210123:160:9']));
    expect(result.lines[0]).toMatchObject({ shipper: { name: 'ACME LTD', address: '1 HIGH ST, LONDON' }, consignee: { name: '9876543210123' } });
  });

  it('keeps goods that come before any CNI, and says so', () => {
    const result = read(message('1', ['GID+1+4:PK', 'FTX+AAA+++LOOSE GOODS']));
    expect(result.lines).toEqual([{ source: { segment: 3 }, seals: [], goodsDescription: 'LOOSE GOODS', packages: '4', packageType: 'PK', transshipmentPorts: [] }]);
    expect(result.problems).toEqual([{ code: 'SEGMENT_MALFORMED', segment: 3, params: { tag: 'GID', missing: 'CNI' } }]);
  });
});
