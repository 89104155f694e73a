import { readFileSync } from 'node:fs';
import path from 'node:path';
import { deflateRawSync } from 'node:zlib';
import { afterEach, describe, expect, it } from 'vitest';
import * as XLSX from 'xlsx';
import { readWorkbook, readWorkbookSheets, type WorkbookTable } from '../../../main/core/manifests/readers/sheet';
import { cellText, isCodeFormat, numberText } from '../../../main/core/manifests/readers/sheet-cell-text';
import { fillMergedCells } from '../../../main/core/manifests/readers/sheet-merges';
import { ManifestFileRefused } from '../../../main/core/manifests/readers/zip-guard-refusal';
import { writeZip } from './zip-writer';

const fixtures = path.join(import.meta.dirname, '../../fixtures/spreadsheets');
const fixture = (name: string) => new Uint8Array(readFileSync(path.join(fixtures, name)));
const nbsp = '\u00A0';
const formats = ['xlsx', 'xls', 'ods'] as const;

function table(tables: readonly WorkbookTable[], sheet: string): WorkbookTable {
  const found = tables.find((t) => t.sheet === sheet);
  if (!found) throw new Error(`no sheet ${sheet} in ${tables.map((t) => t.sheet).join(', ')}`);
  return found;
}

describe.each(formats)('MSC ANNA manifest made by LibreOffice, read from .%s', (format) => {
  const { tables } = readWorkbook(fixture(`manifest-msc-anna.${format}`), format, { fileName: `manifest-msc-anna.${format}` });
  const manifest = table(tables, 'Manifest');
  const row = (n: number) => manifest.rows[n - 1] ?? [];

  it('returns every non-empty sheet, in order, the manifest second; the empty "Notes" is left out', () => {
    expect(tables.map((t) => t.sheet)).toEqual(['Summary', 'Manifest', 'Lists']);
  });

  it('flags the hidden list sheet where the format says so', () => {
    expect(table(tables, 'Lists').visibility).toBe(format === 'ods' ? 'unknown' : 'hidden');
    expect(manifest.visibility).toBe(format === 'ods' ? 'unknown' : 'visible');
  });

  it('keeps the title block above the header, vessel, voyage and IMO as written', () => {
    expect(row(2)).toEqual(['Vessel: MSC ANNA', '', 'Voyage: FE541W', '', 'IMO 9454436']);
    expect(row(3)[5]).toBe('2024-03-15T14:30');
    // The title merged over A1:L1 is filled across.
    expect(row(1)).toEqual(Array(12).fill('CARGO MANIFEST'));
  });

  it('keeps line breaks inside header cells', () => {
    expect(row(5).slice(0, 3)).toEqual(['B/L\nNo', 'Container\nNo', 'Seal\nNo']);
    expect(row(5)[8]).toBe('Gross weight\n(kg)');
  });

  it('fills the merged B/L, shipper and consignee down every container row', () => {
    for (const n of [6, 7, 8]) {
      expect(row(n)[0]).toBe('MEDUFE541001');
      expect(row(n)[3]).toBe('SHANGHAI GREEN TEA IMP. & EXP. CO., LTD');
      expect(row(n)[4]).toBe('"PAMIR TRADE" LLC\nDushanbe, Tajikistan');
    }
    expect(row(11)[0]).toBe('MEDUFE541002');
    expect([6, 7, 8, 10, 11, 12].map((n) => row(n)[1])).toEqual([
      'MSCU1234566',
      'MEDU7654325',
      'MSMU4701237',
      'TGHU9876542',
      'CAIU5551230',
      'MSDU3007776',
    ]);
  });

  it('keeps HS codes as the officer sees them: text "0901", and 90111 shown through format 000000', () => {
    expect([6, 7, 8].map((n) => row(n)[6])).toEqual(['0901', '090111', '8471300000']);
  });

  it('weights: text stays text, numbers print exactly, without grouping or float noise', () => {
    expect([6, 7, 8, 10, 11, 12].map((n) => row(n)[8])).toEqual(['21 559,6', '21559.6', '18000', '12000', '11250.5', '4300']);
    expect(row(6)[9]).toBe('0.3');
  });

  it('dates are ISO; a numeric B/L keeps all its digits', () => {
    expect(row(6)[11]).toBe('2024-03-15');
    expect(row(12)[0]).toBe('235678901');
    expect(row(12)[4]).toBe('ҶДММ «Ҳамкорӣ Ғарб», Душанбе');
  });

  it('the empty row in the middle stays, the totals row comes from cached results', () => {
    expect(row(9)).toEqual([]);
    expect(row(13)).toEqual(['TOTAL', '', '', '', '', '', '', '2682', '67110.1']);
    expect(manifest.rows).toHaveLength(13);
  });

  it('formula-looking text is literal; a real formula gives only its cached result', () => {
    const summary = table(tables, 'Summary');
    expect(summary.rows[5]).toEqual(['Note', '=HYPERLINK("http://evil","x")']);
    expect(summary.rows[6]).toEqual(['Link', 'click']);
  });
});

describe.each(formats)('Russian manifest (Cyrillic headers, ТН ВЭД) read from .%s', (format) => {
  const { tables } = readWorkbook(fixture(`manifest-ru.${format}`), format);
  const rows = table(tables, 'Манифест').rows;

  it('Russian headers intact, line break in "№ п/п" kept', () => {
    expect(rows[3]).toEqual([
      '№\nп/п',
      'Номер коносамента',
      'Номер контейнера',
      'Отправитель',
      'Грузополучатель',
      'Описание груза',
      'Код ТН ВЭД',
      'Кол-во мест',
      'Вес брутто, кг',
      'Дата прибытия',
    ]);
    expect(rows[1]).toEqual(['Судно: MSC ANNA', '', 'Рейс: FE541W', '', 'ИМО: 9454436']);
  });

  it('Tajik, Uzbek (Latin and Cyrillic) and Kazakh party names, letter for letter', () => {
    expect(rows.slice(4, 8).map((r) => r[4])).toEqual([
      'ҶДММ «Ҳамкорӣ Ғарб», Душанбе',
      '«Oʻzbekiston Gʻalla» MChJ, Toshkent',
      '«Ўзбекистон ғалла» МЧЖ, Тошкент',
      'ТОО «Қазақ Астық», Алматы',
    ]);
  });

  it('codes, weights and dates as the officer reads them', () => {
    expect(rows.slice(4, 8).map((r) => r[6])).toEqual(['0901110000', '090230', '5208', '1001990000']);
    expect(rows.slice(4, 8).map((r) => r[8])).toEqual([`21${nbsp}559,6`, '18250.75', '12000', '27000']);
    expect(rows.slice(4, 8).map((r) => r[9])).toEqual(Array(4).fill('2024-03-15'));
    expect(rows[5]?.[1]).toBe('MEDUFE541001');
    expect(rows[5]?.[5]).toBe('Чай чёрный\nв пакетиках по 2 г');
  });
});

describe('dates do not move with the workstation time zone', () => {
  const original = process.env.TZ;
  afterEach(() => {
    if (original === undefined) delete process.env.TZ;
    else process.env.TZ = original;
  });

  it.each(['America/Los_Angeles', 'Asia/Tashkent', 'Pacific/Kiritimati'])('%s', (zone) => {
    process.env.TZ = zone;
    // Proof the zone took effect: otherwise this test would pass vacuously.
    expect(new Date(Date.UTC(2024, 2, 15)).getTimezoneOffset()).not.toBe(0);
    for (const format of formats) {
      const manifest = table(readWorkbook(fixture(`manifest-msc-anna.${format}`), format).tables, 'Manifest');
      expect(manifest.rows[5]?.[11]).toBe('2024-03-15');
      expect(manifest.rows[2]?.[5]).toBe('2024-03-15T14:30');
    }
  });
});

describe('cell text', () => {
  it('numbers: 15 significant digits like Excel, no ".0", no exponent for IDs', () => {
    expect(numberText(21559.600000000002)).toBe('21559.6');
    expect(numberText(0.1 + 0.2)).toBe('0.3');
    expect(numberText(18000)).toBe('18000');
    expect(numberText(-0)).toBe('0');
    expect(numberText(235678901234)).toBe('235678901234');
    expect(numberText(Number.NaN)).toBe('');
  });

  it('code-like formats are applied, quantity formats are not', () => {
    expect(isCodeFormat('000000')).toBe(true);
    expect(isCodeFormat('0000\\.00\\.00')).toBe(true);
    expect(isCodeFormat('00000-0000')).toBe(true);
    expect(isCodeFormat('#,##0.0')).toBe(false);
    expect(isCodeFormat('0.00')).toBe(false);
    expect(isCodeFormat('0%')).toBe(false);
    expect(isCodeFormat('dd.mm.yyyy')).toBe(false);
    expect(cellText({ t: 'n', v: 901, z: '000000' }, false)).toBe('000901');
    expect(cellText({ t: 'n', v: 9011100, z: '0000\\.00\\.00' }, false)).toBe('0901.11.00');
    expect(cellText({ t: 'n', v: 21559.6, z: '#,##0.00' }, false)).toBe('21559.6');
    expect(cellText({ t: 'n', v: 901, z: '@' }, false)).toBe('901');
  });

  it('dates, times, booleans, errors and empty cells', () => {
    expect(cellText({ t: 'd', v: new Date(Date.UTC(2024, 2, 15, 14, 29, 59, 999)) }, false)).toBe('2024-03-15T14:30');
    expect(cellText({ t: 'd', v: new Date(Date.UTC(2024, 2, 15, 8, 5, 7)) }, false)).toBe('2024-03-15T08:05:07');
    expect(cellText({ t: 'd', v: new Date(Date.UTC(1899, 11, 31, 12, 0)) }, false)).toBe('12:00');
    // A date-formatted number that was not turned into a Date, in a 1904 workbook.
    expect(cellText({ t: 'n', v: 43904, z: 'yyyy-mm-dd' }, true)).toBe('2024-03-15');
    expect(cellText({ t: 'n', v: 45366, z: 'yyyy-mm-dd' }, false)).toBe('2024-03-15');
    expect(cellText({ t: 'b', v: true }, false)).toBe('TRUE');
    expect(cellText({ t: 'b', v: false }, false)).toBe('FALSE');
    expect(cellText({ t: 'e', v: 0x2a, w: '#N/A' }, false)).toBe('');
    expect(cellText({ t: 'z' }, false)).toBe('');
    expect(cellText(undefined, false)).toBe('');
  });

  it('a date from an .xlsx written in 1904 mode reads the same date', () => {
    const ws = XLSX.utils.aoa_to_sheet([[new Date(Date.UTC(2024, 2, 15))]], { cellDates: true });
    const wb = XLSX.utils.book_new();
    XLSX.utils.book_append_sheet(wb, ws, 'S');
    wb.Workbook = { WBProps: { date1904: true } };
    const bytes = new Uint8Array(XLSX.write(wb, { type: 'buffer', bookType: 'xlsx' }) as Buffer);
    expect(readWorkbook(bytes, 'xlsx').tables[0]?.rows[0]).toEqual(['2024-03-15']);
  });
});

describe('numbers as text, quickly', () => {
  it('gives what rounding every number to 15 significant digits gives', () => {
    const reference = (value: number) => {
      if (!Number.isFinite(value)) return '';
      const rounded = Number(value.toPrecision(15));
      return rounded === 0 ? '0' : String(rounded);
    };
    let seed = 11;
    const random = () => (seed = (seed * 16807) % 2147483647) / 2147483647;
    const values = [0, -0, 0.1 + 0.2, 21559.600000000002, 1e15, 1e15 - 1, 123456789012345.6, 1e21, 1.5e-7, -0.000125, 1 / 3, 5e-324, NaN, -Infinity];
    for (let i = 0; i < 20_000; i++) {
      values.push(Math.round(random() * 1e7) / 10, (random() - 0.5) * 10 ** Math.floor(random() * 40 - 20), random() * 1e16, Number((random() * 1e5).toFixed(i % 8)));
    }
    for (const value of values) expect(numberText(value)).toBe(reference(value));
  });
});

describe('merged cells', () => {
  it('fills down and across', () => {
    const rows = [['B1', 'C1'], ['', 'C2'], ['', 'C3']];
    fillMergedCells(rows, [{ s: { r: 0, c: 0 }, e: { r: 2, c: 0 } }]);
    expect(rows.map((r) => r[0])).toEqual(['B1', 'B1', 'B1']);
  });

  it('a merge claiming the whole sheet is clamped to the data, not 17 billion cells', () => {
    const rows = [['X', 'a'], ['b']];
    fillMergedCells(rows, [{ s: { r: 0, c: 0 }, e: { r: 1_048_575, c: 16_383 } }]);
    expect(rows).toEqual([
      ['X', 'X'],
      ['X', 'X'],
    ]);
  });
});

describe('rows read lazily (the import streams them) are the rows read whole', () => {
  /** The whole-sheet reading as it was: every row to text, merges filled, trailing empty rows dropped. */
  function eagerRows(sheet: XLSX.WorkSheet): string[][] {
    const data = (sheet['!data'] ?? []) as ((XLSX.CellObject | undefined)[] | undefined)[];
    const rows: string[][] = [];
    // Dense rows and cells have holes: index, do not iterate.
    for (let r = 0; r < data.length; r++) {
      const cells = data[r] ?? [];
      const row: string[] = [];
      for (let c = 0; c < cells.length; c++) row.push(cellText(cells[c], false));
      while (row.length > 0 && row[row.length - 1] === '') row.pop();
      rows.push(row);
    }
    fillMergedCells(rows, sheet['!merges'] ?? []);
    while (rows.length > 0 && rows[rows.length - 1]?.length === 0) rows.pop();
    return rows;
  }

  // A small deterministic generator: the same sheets on every run.
  let seed = 7;
  const next = (n: number) => {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    return seed % n;
  };

  it.each(Array.from({ length: 40 }, (_, index) => index))('random sheet %i: blanks, numbers, merges overlapping, out of range, empty', () => {
    const rows: (string | number | null)[][] = Array.from({ length: 1 + next(30) }, () =>
      Array.from({ length: next(8) }, () => [null, '', 'a', 'B/L 1', 12, 0.1 + 0.2, '  '][next(7)] ?? null),
    );
    const sheet = XLSX.utils.aoa_to_sheet(rows, { dense: true });
    sheet['!merges'] = Array.from({ length: next(6) }, () => {
      const r = next(34) - 1;
      const c = next(9) - 1;
      return { s: { r, c }, e: { r: r + next(12) - 2, c: c + next(5) - 1 } };
    });
    const wb = XLSX.utils.book_new();
    XLSX.utils.book_append_sheet(wb, sheet, 'S');
    const bytes = new Uint8Array(XLSX.write(wb, { type: 'buffer', bookType: 'xlsx' }) as Buffer);
    const parsed = XLSX.read(bytes, { type: 'array', dense: true, cellText: false, cellNF: true, cellDates: true });
    const expected = eagerRows(parsed.Sheets.S as XLSX.WorkSheet);
    const [lazy] = readWorkbookSheets(bytes, 'xlsx');
    const got = lazy ? Array.from({ length: lazy.length }, (_, index) => lazy.row(index)) : [];
    expect(got).toEqual(expected);
    expect(readWorkbook(bytes, 'xlsx').tables[0]?.rows ?? []).toEqual(expected);
  });
});

describe('refusals', () => {
  const refusal = (run: () => unknown): ManifestFileRefused => {
    try {
      run();
    } catch (error) {
      if (error instanceof ManifestFileRefused) return error;
      throw error;
    }
    throw new Error('expected a refusal');
  };

  it('the zip guard runs inside readWorkbook: a bomb handed straight to it is refused', () => {
    const bomb = deflateRawSync(Buffer.alloc(50 * 1024 * 1024));
    const zip = writeZip([
      { name: '[Content_Types].xml', data: '<Types/>' },
      { name: 'xl/worksheets/sheet1.xml', payload: bomb, declaredSize: 50 * 1024 * 1024, crc: 0 },
    ]);
    expect(refusal(() => readWorkbook(zip, 'xlsx', { fileName: 'bomb.xlsx' })).reason).toBe('ARCHIVE_TOO_LARGE_UNCOMPRESSED');
  });

  it('bytes of another format never reach SheetJS (it would read them as CSV)', () => {
    expect(refusal(() => readWorkbook(fixture('impostor-pdf.xlsx'), 'xlsx')).reason).toBe('UNREADABLE');
    expect(refusal(() => readWorkbook(fixture('manifest-msc-anna.xlsx'), 'xls')).reason).toBe('UNREADABLE');
  });

  it('a password-protected workbook is ENCRYPTED', () => {
    const cfb = XLSX.CFB.utils.cfb_new();
    XLSX.CFB.utils.cfb_add(cfb, 'EncryptionInfo', new Uint8Array(200));
    XLSX.CFB.utils.cfb_add(cfb, 'EncryptedPackage', new Uint8Array(5000));
    const bytes = new Uint8Array(XLSX.CFB.write(cfb, { type: 'buffer' }) as Buffer);
    expect(refusal(() => readWorkbook(bytes, 'xls')).reason).toBe('ENCRYPTED');
  });

  it('a valid archive that is not a workbook is UNREADABLE, with the file name', () => {
    const zip = writeZip([{ name: 'readme.txt', data: 'hello' }]);
    const error = refusal(() => readWorkbook(zip, 'xlsx', { fileName: 'odd.xlsx' }));
    expect(error.reason).toBe('UNREADABLE');
    expect(error.fileName).toBe('odd.xlsx');
  });
});
