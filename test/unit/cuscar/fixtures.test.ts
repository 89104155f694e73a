import { describe, expect, it } from 'vitest';
import { readCuscar } from '../../../main/core/manifests/readers/cuscar';
import { type ManifestLineInput } from '../../../shared/domain/manifest';
import { buildFixtures, encodeIso88595, imoCheckDigit, iso6346CheckDigit } from '../../fixtures/cuscar/make-cuscar';
import { fixture, fixtureNames } from './support';

describe('the committed fixtures', () => {
  it('are what make-cuscar.ts builds (regenerate with npx tsx test/fixtures/cuscar/make-cuscar.ts)', () => {
    const built = buildFixtures();
    expect(Object.keys(built).sort()).toEqual([...fixtureNames]);
    for (const name of fixtureNames) expect(Buffer.from(built[name] ?? []).equals(fixture(name)), name).toBe(true);
  });

  it('use container numbers with valid ISO 6346 check digits, except the one meant to be wrong', () => {
    expect(iso6346CheckDigit('CSQU305438')).toBe(3); // the standard's worked example
    for (const number of ['MSCU6451836', 'MEDU4123979', 'TGHU8820410', 'CAIU5531207', 'TCLU3066226', 'CMAU5188446', 'GESU6115022', 'SEGU4012760', 'CSNU6315520', 'FSCU9923100']) {
      expect(iso6346CheckDigit(number.slice(0, 10)), number).toBe(Number(number[10]));
    }
    expect(iso6346CheckDigit('MSMU700218')).toBe(8); // the fixture says 3
  });

  it('use IMO numbers with valid check digits', () => {
    for (const imo of ['9454436', '9321483', '9704362', '9353369']) expect(imoCheckDigit(imo.slice(0, 6)), imo).toBe(Number(imo[6]));
  });

  it('encode ISO 8859-5 so that TextDecoder reads every Cyrillic letter back', () => {
    const cyrillic = Array.from({ length: 0x60 }, (_, i) => 0x0400 + i)
      .filter((code) => code !== 0x0400 && code !== 0x040d && code !== 0x0450 && code !== 0x045d)
      .map((code) => String.fromCodePoint(code))
      .join('');
    const text = `${cyrillic} №§ ООО "Памир Транзит", Душанбе, Ёё`;
    const bytes = encodeIso88595(text);
    expect(bytes.length).toBe([...text].length);
    expect(bytes[text.indexOf('А')]).toBe(0xb0);
    expect(bytes[text.indexOf('а')]).toBe(0xd0);
    expect(bytes[text.indexOf('Ё')]).toBe(0xa1);
    expect(bytes[text.indexOf('ё')]).toBe(0xf1);
    expect(new TextDecoder('iso-8859-5').decode(bytes)).toBe(text);
    // Tajik letters and guillemets have no byte in ISO 8859-5.
    expect(() => encodeIso88595('Хуҷанд')).toThrow(/U\+04B7/);
    expect(() => encodeIso88595('«Памир»')).toThrow(/U\+00AB/);
  });
});

const mscAnnaShipper = { name: 'KARACHI TEXTILE MILLS LTD', address: 'PLOT 14 SITE AREA, KARACHI, 75700', country: 'PK' };
const bandarConsignee = { name: 'BANDAR TRADING CO', address: 'BLVD PASDARAN 22, BANDAR ABBAS, 7914', country: 'IR' };
const ningboBill = {
  source: { segment: 60 },
  blNumber: 'MEDUKH250003',
  shipper: { name: 'NINGBO HONGDA ELECTRIC CO LTD', address: '88 JIANGNAN ROAD, NINGBO, 315000', country: 'CN' },
  consignee: { name: 'DUSHANBE ELECTRO LLC', address: 'RUDAKI AVE 137, DUSHANBE, 734025', country: 'TJ' },
  notify: { name: 'TAJTRANS SERVICE', address: 'AYNI STREET 14, DUSHANBE', country: 'TJ' },
  // LOC+76 CNNGB is the B/L port of loading; LOC+13 Colombo, then LOC+9 Karachi where this vessel loaded it.
  portOfLoading: 'CNNGB',
  transshipmentPorts: ['LKCMB', 'PKKHI'],
  portOfDischarge: 'IRBND',
  placeOfDelivery: 'TJDYU',
  originCountry: 'CN',
} as const;

describe('(a) D.96B, UNOA, one segment per line', () => {
  const result = readCuscar(fixture('a-d96b-unoa-lines.edi'));

  it('reads the vessel call and the interchange header', () => {
    expect(result.format).toBe('cuscar');
    expect(result.header).toEqual({
      mode: 'sea',
      vesselName: 'MSC ANNA',
      imo: '9454436',
      voyage: '425E',
      carrier: 'MEDITERRANEAN SHIPPING COMPANY',
      portOfLoading: 'PKKHI',
      portOfDischarge: 'IRBND',
      departureDate: '2025-03-10T18:00',
      arrivalDate: '2025-03-14',
      sender: 'MSCUKHI',
    });
    expect(result.syntax).toEqual({ identifier: 'UNOA', version: '2', sender: 'MSCUKHI', recipient: 'PCUBND', controlRef: '000000417' });
    expect(result.problems).toEqual([]);
  });

  it('gives one line per bill and container: 3 bills, 5 containers, 6 lines', () => {
    expect(result.lines.map((line) => [line.blNumber, line.containerNumber])).toEqual([
      ['MEDUKH250001', 'MSCU6451836'],
      ['MEDUKH250001', 'MEDU4123979'],
      ['MEDUKH250002', 'TGHU8820410'],
      ['MEDUKH250003', 'TGHU8820410'],
      ['MEDUKH250003', 'MSMU7002183'],
      ['MEDUKH250003', 'CAIU5531207'],
    ]);
    expect(new Set(result.lines.map((line) => line.containerNumber)).size).toBe(5);
  });

  it('splits a goods item over two containers by its SGP counts and weights (TNE converted exactly)', () => {
    const common = {
      source: { segment: 26 },
      blNumber: 'MEDUKH250001',
      shipper: mscAnnaShipper,
      consignee: bandarConsignee,
      notify: { name: 'SAME AS CONSIGNEE' },
      goodsDescription: '100% COTTON YARN NE 30/1 FOR WEAVING',
      hsCode: '520512',
      packageType: 'CT',
      placeOfReceipt: 'PKKHI',
      portOfLoading: 'PKKHI',
      transshipmentPorts: [],
      portOfDischarge: 'IRBND',
      placeOfDelivery: 'IRTHR',
      originCountry: 'PK',
    };
    expect(result.lines.slice(0, 2)).toEqual<ManifestLineInput[]>([
      { ...common, containerNumber: 'MSCU6451836', containerType: '45G1', seals: ['PK0412231'], packages: '250', grossWeightKg: '12590.4' },
      { ...common, containerNumber: 'MEDU4123979', containerType: '22G1', seals: ['PK0412232', 'KTM0098811'], packages: '150', grossWeightKg: '7560.1' },
    ]);
  });

  it('puts the groupage container under both bills, each with its own goods, count and weight', () => {
    expect(result.lines[2]).toEqual<ManifestLineInput>({
      source: { segment: 44 },
      blNumber: 'MEDUKH250002',
      masterBl: 'MEDUKH25M100',
      containerNumber: 'TGHU8820410',
      containerType: '42G1',
      seals: ['PK0412233'],
      shipper: { name: 'LAHORE SURGICAL INSTRUMENTS', address: 'KOT LAKHPAT, INDUSTRIAL ESTATE, LAHORE, 54770', country: 'PK' },
      consignee: { name: 'KISH MEDICAL SUPPLY', address: 'NO 5 SAFA STREET, TEHRAN', country: 'IR' },
      notify: { name: 'KISH MEDICAL SUPPLY' },
      goodsDescription: 'SURGICAL INSTRUMENTS STAINLESS STEEL SCISSORS AND FORCEPS',
      hsCode: '901890',
      packages: '50',
      packageType: 'PK',
      grossWeightKg: '2500.5',
      placeOfReceipt: 'PKLHE',
      portOfLoading: 'PKKHI',
      transshipmentPorts: [],
      portOfDischarge: 'IRBND',
      placeOfDelivery: 'IRTHR',
    });
    expect(result.lines[3]).toEqual<ManifestLineInput>({
      ...ningboBill,
      transshipmentPorts: [...ningboBill.transshipmentPorts],
      containerNumber: 'TGHU8820410',
      containerType: '42G1',
      seals: ['PK0412233'],
      // Two goods items in the box: descriptions joined, counts and weights summed exactly, the first HS code.
      goodsDescription: 'ELECTRIC MOTORS 2.2 KW; MOTOR CONTROL PANELS HS CODE 8537.10',
      hsCode: '850152',
      packages: '40',
      packageType: 'BX',
      grossWeightKg: '1500.25',
    });
  });

  it('takes the EQD weight for a box of one bill whose goods state none, and TMP makes a reefer', () => {
    expect(result.lines[4]).toEqual<ManifestLineInput>({
      ...ningboBill,
      transshipmentPorts: [...ningboBill.transshipmentPorts],
      containerNumber: 'MSMU7002183',
      containerType: '22G1',
      seals: ['PK0412235'],
      goodsDescription: 'PVC RESIN SG-5',
      hsCode: '390410',
      packages: '1200',
      packageType: 'BG',
      grossWeightKg: '14250',
    });
    expect(result.lines[5]).toMatchObject({ containerNumber: 'CAIU5531207', containerType: '45R1', reefer: true, grossWeightKg: '24000', packages: '1600' });
    expect(result.lines.filter((line) => line.reefer)).toHaveLength(1);
  });

  it('finds an HS code written in free text when no CST gives one', () => {
    const source = fixture('a-d96b-unoa-lines.edi').toString('latin1').replace("CST++850152'\n", '');
    const [line] = readCuscar(Buffer.from(source, 'latin1')).lines.filter((each) => each.blNumber === 'MEDUKH250003');
    expect(line?.hsCode).toBe('853710');
  });
});

describe('(b) D.01B, UNOE with UNA, "!" as release character, all on one line', () => {
  const result = readCuscar(fixture('b-d01b-unoe-one-line.edi'));

  it('reads the vessel call; an actual arrival date wins over an estimated one', () => {
    expect(result.header).toEqual({
      mode: 'sea',
      vesselName: 'CAPTAIN PAVLOV',
      imo: '9321483',
      voyage: 'BS114W',
      carrier: 'BLACK SEA LINES',
      portOfLoading: 'TRMER',
      portOfDischarge: 'GEPTI',
      departureDate: '2025-03-28T15:40',
      arrivalDate: '2025-04-02T06:15',
      sender: 'BSLPOTI',
    });
    expect(result.syntax).toMatchObject({ identifier: 'UNOE', version: '3', controlRef: 'BS0402017' });
    expect(result.problems).toEqual([]);
  });

  it('decodes ISO 8859-5 into proper Cyrillic and resolves the custom release character', () => {
    const [first, second] = result.lines;
    expect(first?.consignee).toEqual({ name: 'ООО "Памир Транзит"', address: 'ул. Айни, 45, Душанбе, 734025', country: 'TJ' });
    expect(first?.notify).toEqual({ name: 'ГРУЗ+ТРАНС ЛТД', address: 'ул. Руставели, 3, Поти', country: 'GE' });
    expect(first?.goodsDescription).toBe("Запчасти для тракторов МТЗ-82: фильтры, ремни маркировка 'Беларус' !; Шины 16,9-38");
    expect(second?.consignee).toEqual({ name: 'ИП Рахимов Ё.', address: 'ул. Ленина, 8, Худжанд', country: 'TJ' });
    expect(second?.goodsDescription).toBe('удобрение, ёмкость 50 кг');
  });

  it('reads decimal commas and sums 18450,5 kg and 2,75 t exactly', () => {
    expect(result.lines[0]).toMatchObject({
      source: { segment: 15 },
      blNumber: 'BSLMER2503117',
      containerNumber: 'TCLU3066226',
      seals: ['TR2025-88121', 'BSL004411'],
      hsCode: '870899',
      packages: '45',
      packageType: 'PK, PL',
      grossWeightKg: '21200.5',
    });
  });

  it('takes an EQD inside a CNI group with no SGP as that bill\'s container', () => {
    expect(result.lines[1]).toMatchObject({
      source: { segment: 34 },
      blNumber: 'BSLMER2503118',
      containerNumber: 'CMAU5188446',
      containerType: '22G1',
      seals: ['BSL004412'],
      packages: '960',
      grossWeightKg: '48000',
      placeOfDelivery: 'TJKHJ',
    });
    expect(result.lines).toHaveLength(2);
  });
});

describe('(c) D.95B with wrong but obvious qualifiers', () => {
  const result = readCuscar(fixture('c-d95b-tolerant.edi'));

  it('accepts the obvious alternatives for the vessel call', () => {
    expect(result.header).toEqual({
      mode: 'sea',
      vesselName: 'KARADENIZ STAR',
      imo: '9704362',
      voyage: 'KS0515',
      carrier: 'KSC',
      portOfLoading: 'TRIST',
      portOfDischarge: 'GEPTI',
      departureDate: '2025-05-12',
      arrivalDate: '2025-05-15',
      sender: 'KARSHIP',
    });
  });

  it('accepts them for the consignments too', () => {
    expect(result.lines).toEqual<ManifestLineInput[]>([
      {
        source: { segment: 14 },
        blNumber: 'KSCIST0091',
        containerNumber: 'GESU6115022',
        containerType: '22G1',
        seals: ['KS77801'],
        shipper: { name: 'ISTANBUL HAZIR GIYIM LTD', address: 'ATATURK CAD. 5, ISTANBUL', country: 'TR' },
        consignee: { name: 'GEORGIAN APPAREL LLC', address: 'CHAVCHAVADZE AVE 10, TBILISI', country: 'GE' },
        goodsDescription: 'READY-MADE GARMENTS',
        packages: '500',
        packageType: 'CT',
        grossWeightKg: '6200',
        portOfLoading: 'TRIST',
        transshipmentPorts: [],
        portOfDischarge: 'GEPTI',
        placeOfDelivery: 'GETBS',
      },
      {
        source: { segment: 26 },
        blNumber: 'KSCIST0092',
        containerNumber: 'SEGU4012760',
        containerType: '40HC',
        seals: ['KS77802'],
        shipper: { name: 'ANKARA MAKINE SAN.', address: 'OSTIM 1234 SOK. 9, ANKARA', country: 'TR' },
        consignee: { name: 'BATUMI TECHNIC LLC', address: 'GORGILADZE ST 41, BATUMI', country: 'GE' },
        goodsDescription: 'MACHINE PARTS',
        packages: '20',
        packageType: 'PL',
        grossWeightKg: '4100.75',
        portOfLoading: 'TRIST',
        transshipmentPorts: [],
        portOfDischarge: 'GEPTI',
      },
    ]);
  });

  it('reports every guess, unknown and malformed segment and count mismatch at its segment', () => {
    const unexpected = (segment: number, tag: string, qualifier: string, expected: string) => ({
      code: 'QUALIFIER_UNEXPECTED',
      segment,
      params: { tag, qualifier, expected },
    });
    expect(result.problems).toEqual([
      unexpected(5, 'LOC', '9', '5'),
      unexpected(6, 'LOC', '12', '60/11'),
      unexpected(7, 'DTM', '189', '186/133'),
      unexpected(8, 'DTM', '232', '178/132'),
      unexpected(9, 'EQD', 'CON', 'CN'),
      { code: 'SEGMENT_MALFORMED', segment: 13, params: { tag: 'EQD', element: 'C237' } },
      unexpected(15, 'RFF', 'BH', 'BM/CNI/AAM'),
      unexpected(16, 'NAD', 'SH', 'CZ'),
      unexpected(20, 'LOC', '8', '7'),
      { code: 'SEGMENT_UNKNOWN', segment: 25, params: { tag: 'XYZ' } },
      unexpected(28, 'NAD', 'UC', 'CN'),
      unexpected(29, 'LOC', '5', '76/9'),
      unexpected(32, 'FTX', 'AAI', 'AAA'),
      unexpected(33, 'MEA', 'AAE+WT', 'AAE+G'),
      unexpected(33, 'MEA', 'KGS', 'KGM'),
      { code: 'CONTROL_COUNT_MISMATCH', segment: 35, params: { tag: 'UNT', stated: '40', counted: 34 } },
      { code: 'CONTROL_COUNT_MISMATCH', segment: 36, params: { tag: 'UNZ', stated: '2', counted: 1 } },
    ]);
  });
});

describe('(d) UNOY, UTF-8, Tajik and Uzbek letters', () => {
  const result = readCuscar(fixture('d-unoy-utf8.edi'));

  it('keeps ҷ ӯ қ ғ ҳ ӣ and ʻ intact', () => {
    expect(result.syntax).toMatchObject({ identifier: 'UNOY', version: '4' });
    expect(result.problems).toEqual([]);
    expect(result.header).toMatchObject({ vesselName: 'COSCO ASIA', imo: '9353369', voyage: '062W', portOfLoading: 'CNSHA', portOfDischarge: 'PKKHI' });
    expect(result.lines).toEqual<ManifestLineInput[]>([
      {
        source: { segment: 11 },
        blNumber: 'COSU6201188',
        containerNumber: 'CSNU6315520',
        containerType: '45G1',
        seals: ['CN8812301'],
        shipper: { name: 'SHANGHAI HENGTAI TRADING CO LTD', address: '1888 PUDONG AVE, SHANGHAI', country: 'CN' },
        consignee: { name: 'ҶДММ «Қӯҳистон-Ҳамл»', address: 'кӯчаи Исмоили Сомонӣ 12, Хуҷанд, 735700', country: 'TJ' },
        notify: { name: '“Gʻalla-Oʻzbek” MChJ', address: 'Amir Temur koʻchasi 7, Toshkent', country: 'UZ' },
        goodsDescription: 'Қисмҳои эҳтиётӣ барои тракторҳо',
        hsCode: '870899',
        packages: '120',
        packageType: 'PK',
        grossWeightKg: '8350.4',
        placeOfReceipt: 'CNSHA',
        portOfLoading: 'CNSHA',
        transshipmentPorts: [],
        portOfDischarge: 'PKKHI',
        placeOfDelivery: 'TJDYU',
      },
    ]);
  });
});

describe('(e) fixture (a) cut off inside its third bill', () => {
  const result = readCuscar(fixture('e-truncated.edi'));

  it('keeps what was read and reports the truncation where the data ends', () => {
    expect(result.header).toMatchObject({ vesselName: 'MSC ANNA', voyage: '425E' });
    expect(result.problems).toEqual([{ code: 'INTERCHANGE_TRUNCATED', segment: 77, params: { missing: 'UNT, UNZ' } }]);
    expect(result.lines.map((line) => [line.blNumber, line.containerNumber])).toEqual([
      ['MEDUKH250001', 'MSCU6451836'],
      ['MEDUKH250001', 'MEDU4123979'],
      ['MEDUKH250002', 'TGHU8820410'],
      ['MEDUKH250003', 'TGHU8820410'],
    ]);
    // The half FTX at the end is dropped, not read as "MOTOR CON".
    expect(result.lines[3]?.goodsDescription).toBe('ELECTRIC MOTORS 2.2 KW');
  });
});

describe('(f) release characters everywhere, UNOC, CRLF and wrapped lines', () => {
  const result = readCuscar(fixture('f-release-stress.edi'));

  it('resolves ?+ ?: ?\' ?? and a release just before a separator', () => {
    expect(result.problems).toEqual([]);
    expect(result.syntax).toEqual({ identifier: 'UNOC', version: '3', sender: 'REL+TEST', recipient: 'PCU', controlRef: 'REL0001' });
    expect(result.header).toEqual({ mode: 'sea', vesselName: "STRESS 'N' TEST", voyage: 'V:01', sender: 'REL+TEST' });
    expect(result.lines).toEqual<ManifestLineInput[]>([
      {
        source: { segment: 5 },
        blNumber: "BL'001",
        containerNumber: 'FSCU9923100',
        containerType: '22G1',
        seals: ['SEAL+1'],
        shipper: { name: 'SMITH + SONS? CO' },
        consignee: { name: 'CAFÉ + CIE SARL?' },
        goodsDescription: "BOLTS + NUTS 'M8' 50% GRADE 8:8 PRICE ?USD? 12.50 WRAPPED DESCRIPTION LINE ENDS WITH RELEASE??",
        packages: '5',
        packageType: 'PK',
        grossWeightKg: '125',
        transshipmentPorts: [],
      },
    ]);
  });
});
