import { describe, expect, it } from 'vitest';
import type { RawTable } from '../../shared/domain/manifest';
import { findHeader, mapHeaderRow } from '../../main/core/manifests/mapping/header-detect';
import { rowsToLines } from '../../main/core/manifests/mapping/rows-to-lines';
import { fieldForHeader, normaliseHeader } from '../../main/core/manifests/mapping/synonyms';
import { readTitleBlock } from '../../main/core/manifests/mapping/title-block';

describe('column names as senders write them', () => {
  it.each([
    ['Container\nNo.', 'containerNumber'],
    ['CNTR', 'containerNumber'],
    ['B/L No', 'blNumber'],
    ['Master BL', 'masterBl'],
    ['Номер контейнера', 'containerNumber'],
    ['Грузополучатель', 'consigneeName'],
    ['Вес брутто, кг', 'grossWeightKg'],
    ['Код ТН ВЭД', 'hsCode'],
    ['№ коносамента', 'blNumber'],
    ['Вес брутто, кг (Gross weight)', 'grossWeightKg'],
  ])('%j is %s', (header, field) => {
    expect(fieldForHeader(header)).toBe(field);
  });

  it('does not guess at names it does not know', () => {
    expect(fieldForHeader('Remarks')).toBeNull();
    expect(fieldForHeader('')).toBeNull();
    expect(normaliseHeader('  Gross\r\nWeight ,  KG ')).toBe('gross weight kg');
  });

  it('lets saved choices override and ignore columns', () => {
    const { mapping, unmapped } = mapHeaderRow(['Рақами контейнер', 'Remarks', 'B/L'], { 'рақами контейнер': 'containerNumber', remarks: null });
    expect(mapping).toEqual({ containerNumber: 0, blNumber: 2 });
    expect(unmapped).toEqual([]);
  });
});

const sheet: RawTable = {
  sheet: 'Manifest',
  rows: [
    ['CARGO MANIFEST'],
    ['Vessel: MSC ANNA (IMO 9454436)', '', 'Voyage: FE541W'],
    ['Port of loading', 'PKKHI'],
    [],
    ['B/L No', 'Container No', 'Consignee', 'Description', 'Gross weight, kg'],
    ['MEDU1', 'MSCU1234566', 'PAMIR TRADE LLC', 'COTTON', '21559.6'],
    [],
    ['MEDU1', 'TGHU9876542', 'PAMIR TRADE LLC', 'COTTON', '20000'],
    ['NOTE: ALL WEIGHTS IN KG', 'NOTE: ALL WEIGHTS IN KG', 'NOTE: ALL WEIGHTS IN KG', 'NOTE: ALL WEIGHTS IN KG', 'NOTE: ALL WEIGHTS IN KG'],
    ['', '', 'REMARK ONLY', '', ''],
    ['Итого', '', '', '', '41559.6'],
  ],
};

describe('finding the manifest in a sheet', () => {
  it('finds the header below a title block and reads the call from the title', () => {
    const guess = findHeader([{ sheet: 'Summary', rows: [['Total containers', '2']] }, sheet]);
    expect(guess).toMatchObject({ sheet: 'Manifest', headerRow: 4 });
    expect(readTitleBlock(sheet.rows.slice(0, 4))).toMatchObject({ vesselName: 'MSC ANNA', imo: '9454436', voyage: 'FE541W', portOfLoading: 'PKKHI' });
  });

  it('takes data rows only: blank, note, remark and totals rows are not manifest lines', () => {
    const guess = findHeader([sheet]);
    if (!guess) throw new Error('no header');
    const { lines, problems, totalsRows } = rowsToLines(sheet, guess.headerRow, guess.mapping);
    expect(lines.map((line) => [line.source.row, line.containerNumber])).toEqual([
      [6, 'MSCU1234566'],
      [8, 'TGHU9876542'],
    ]);
    expect(totalsRows).toEqual([11]);
    expect(problems).toEqual([{ code: 'ROW_UNUSABLE', sheet: 'Manifest', row: 10 }]);
  });

  it('finds no manifest where no column names a container or a B/L', () => {
    expect(findHeader([{ sheet: 'Letter', rows: [['Dear Sir'], ['Consignee', 'Description', 'Weight']] }])).toBeNull();
  });
});

describe('problems point at the cell', () => {
  it('names the sheet, the row and the spreadsheet column letter', async () => {
    const { readManifest } = await import('../../main/core/manifests/import/read-manifest');
    const csv = 'B/L No;Container No;Description;Gross weight, kg\nMEDU1;MSCU1234567;COTTON;12,5\n';
    const manifest = readManifest({ fileName: 'x.csv', bytes: Buffer.from(csv), savedMappings: {} });
    expect(manifest.consignments[0]?.problems).toEqual([
      expect.objectContaining({ code: 'CONTAINER_CHECK_DIGIT', row: 2, column: 'B', params: { value: 'MSCU1234567', expected: 6 } }),
    ]);
  });
});
