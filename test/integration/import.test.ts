import { readFileSync } from 'node:fs';
import path from 'node:path';
import { deflateRawSync } from 'node:zlib';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ImportFileResult } from '../../shared/ipc/contract';
import { importManifestFile } from '../../main/core/manifests/import/import-service';
import { makeLargeManifest } from '../bench/make-large-manifest';
import { ADMIN, expectOk, setUpUnit, type UnitFixture } from '../db/unit-fixture';

const fixtures = path.resolve(import.meta.dirname, '../fixtures');
const file = (relative: string) => ({ name: path.basename(relative), dataBase64: readFileSync(path.join(fixtures, relative)).toString('base64') });
const bytes = (name: string, content: Uint8Array | string) => ({ name, dataBase64: Buffer.from(content).toString('base64') });

let unit: UnitFixture;
beforeEach(async () => {
  unit = await setUpUnit();
});
afterEach(async () => {
  await unit.dispose();
});

async function importFiles(files: { name: string; dataBase64: string }[], extra: Record<string, unknown> = {}): Promise<ImportFileResult[]> {
  return expectOk<ImportFileResult[]>(unit.services.invoke('manifests.import', { files, ...extra }));
}

const count = (table: string) => (unit.services.sessions.store().db.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;

describe('every form a unit receives', () => {
  it('reads the shipping line workbook as Excel, old Excel and LibreOffice alike', async () => {
    const results = await importFiles([file('spreadsheets/manifest-msc-anna.xlsx')]);
    const [xlsx] = results;
    expect(xlsx).toMatchObject({ status: 'imported', format: 'xlsx', vessel: 'MSC ANNA', voyage: 'FE541W', lines: 6, containers: 6, totalGrossWeightKg: '88669.7' });
    // The same content written by LibreOffice as .xls and .ods: an amendment with no differences.
    for (const other of ['spreadsheets/manifest-msc-anna.xls', 'spreadsheets/manifest-msc-anna.ods']) {
      const [result] = await importFiles([file(other)]);
      expect(result).toMatchObject({ status: 'imported', lines: 6, containers: 6, totalGrossWeightKg: '88669.7' });
      expect(result?.amendment).toMatchObject({ added: [], removed: [], changed: [] });
    }
  });

  it('reads CSV from Russian-locale Excel (Windows-1251, semicolons, decimal commas) with exact weights', async () => {
    const [result] = await importFiles([file('spreadsheets/manifest-cp1251-semicolon.csv')]);
    expect(result).toMatchObject({ status: 'imported', format: 'csv', lines: 3 });
    const db = unit.services.sessions.store().db;
    const weights = (db.prepare('SELECT gross_weight_kg AS w FROM consignments ORDER BY line_no').all() as { w: string }[]).map((row) => row.w);
    expect(weights.every((weight) => /^\d+(\.\d+)?$/.test(weight))).toBe(true);
    const parties = (db.prepare('SELECT name FROM parties').all() as { name: string }[]).map((row) => row.name);
    expect(parties.some((name) => /[А-Яа-я]/.test(name))).toBe(true);
  });

  it('reads UTF-16 tab-separated text and UTF-8 CSV with a BOM', async () => {
    const results = await importFiles([file('spreadsheets/manifest-utf16le-tab.txt'), file('spreadsheets/manifest-utf8-bom-comma.csv')]);
    expect(results.map((result) => [result.status, result.format, result.lines])).toEqual([
      ['imported', 'tsv', 4],
      ['imported', 'csv', 4],
    ]);
  });

  it('reads UN/EDIFACT CUSCAR, including Cyrillic in ISO 8859-5 (UNOE)', async () => {
    const [d96b, unoe] = await importFiles([file('cuscar/a-d96b-unoa-lines.edi'), file('cuscar/b-d01b-unoe-one-line.edi')]);
    expect(d96b).toMatchObject({ status: 'imported', format: 'cuscar', vessel: 'MSC ANNA', lines: 6, containers: 5, totalGrossWeightKg: '62401.25' });
    expect(d96b?.badCheckDigitContainers).toEqual(['MSMU7002183']);
    expect(d96b?.problems).toContainEqual(
      expect.objectContaining({ code: 'CONTAINER_CHECK_DIGIT', segment: 60, message: expect.stringContaining('MSMU7002183') }),
    );
    expect(unoe?.status).toBe('imported');
    const names = (unit.services.sessions.store().db.prepare('SELECT name FROM parties').all() as { name: string }[]).map((row) => row.name);
    expect(names.some((name) => name.includes('Памир'))).toBe(true);
  });
});

describe('a groupage container is one container', () => {
  it('counts distinct containers, not lines', async () => {
    const [result] = await importFiles([file('cuscar/a-d96b-unoa-lines.edi')]);
    expect(result?.lines).toBeGreaterThan(result?.containers ?? 0);
    expect(count('containers')).toBe(result?.containers);
  });
});

describe('files that are refused store nothing and name the file', () => {
  /** A minimal ZIP writer: enough to build an .xlsx-shaped archive whose sheet inflates to 300 MB. */
  const zipBomb = () => {
    const entries = [
      { name: '[Content_Types].xml', raw: Buffer.from('<Types/>') },
      { name: 'xl/workbook.xml', raw: Buffer.from('<workbook/>') },
      { name: 'xl/worksheets/sheet1.xml', raw: Buffer.alloc(300 * 1024 * 1024, 0x20) },
    ];
    const locals: Buffer[] = [];
    const centrals: Buffer[] = [];
    let offset = 0;
    for (const entry of entries) {
      const name = Buffer.from(entry.name);
      const data = deflateRawSync(entry.raw);
      const local = Buffer.alloc(30);
      local.writeUInt32LE(0x04034b50, 0);
      local.writeUInt16LE(20, 4);
      local.writeUInt16LE(8, 8);
      local.writeUInt32LE(data.length, 18);
      local.writeUInt32LE(entry.raw.length, 22);
      local.writeUInt16LE(name.length, 26);
      const central = Buffer.alloc(46);
      central.writeUInt32LE(0x02014b50, 0);
      central.writeUInt16LE(20, 4);
      central.writeUInt16LE(20, 6);
      central.writeUInt16LE(8, 10);
      central.writeUInt32LE(data.length, 20);
      central.writeUInt32LE(entry.raw.length, 24);
      central.writeUInt16LE(name.length, 28);
      central.writeUInt32LE(offset, 42);
      locals.push(local, name, data);
      centrals.push(central, name);
      offset += local.length + name.length + data.length;
    }
    const directory = Buffer.concat(centrals);
    const end = Buffer.alloc(22);
    end.writeUInt32LE(0x06054b50, 0);
    end.writeUInt16LE(entries.length, 8);
    end.writeUInt16LE(entries.length, 10);
    end.writeUInt32LE(directory.length, 12);
    end.writeUInt32LE(offset, 16);
    return Buffer.concat([...locals, directory, end]);
  };

  it.each([
    ['an empty file', () => bytes('empty.xlsx', ''), 'FILE_EMPTY'],
    ['a PDF renamed .xlsx', () => file('spreadsheets/impostor-pdf.xlsx'), 'FILE_UNRECOGNISED'],
    ['a Word document', () => file('spreadsheets/impostor-cover-letter.docx'), 'FILE_UNRECOGNISED'],
    ['random bytes', () => bytes('noise.csv', Buffer.from(Array.from({ length: 4096 }, (_, index) => (index * 7919) % 256))), 'FILE_UNRECOGNISED'],
    ['a workbook cut off while copying', () => bytes('cut.xlsx', readFileSync(path.join(fixtures, 'spreadsheets/manifest-msc-anna.xlsx')).subarray(0, 3000)), 'FILE_TRUNCATED'],
    ['a CUSCAR interchange without its end', () => file('cuscar/e-truncated.edi'), 'FILE_TRUNCATED'],
    ['a file over the size limit', () => bytes('huge.csv', Buffer.alloc(101 * 1024 * 1024, 0x41)), 'FILE_TOO_LARGE'],
  ])('%s', async (_label, make, code) => {
    const [result] = await importFiles([make()]);
    expect(result).toMatchObject({ status: 'rejected', manifestId: null, error: { code } });
    expect(result?.error?.message).toContain(result?.file);
    expect(count('manifests')).toBe(0);
    expect(count('consignments')).toBe(0);
  });

  it('a ZIP bomb posing as a workbook', async () => {
    const [result] = await importFiles([bytes('bomb.xlsx', zipBomb())]);
    expect(result).toMatchObject({ status: 'rejected', error: { code: 'ARCHIVE_TOO_LARGE' } });
    expect(count('manifests')).toBe(0);
  });

  it('keeps what was stored before, and the other files of the same batch', async () => {
    await importFiles([file('spreadsheets/manifest-msc-anna.xlsx')]);
    const results = await importFiles([bytes('broken.xlsx', 'PK\u0003\u0004garbage'), file('cuscar/d-unoy-utf8.edi')]);
    expect(results.map((result) => result.status)).toEqual(['rejected', 'imported']);
    expect(count('manifests')).toBe(2);
  });
});

describe('one transaction per manifest', () => {
  it('stores nothing when the database refuses a line half-way', async () => {
    const db = unit.services.sessions.store().db;
    // A real (not TEMP) trigger: the import worker writes through its own connection.
    db.exec("CREATE TRIGGER fail_third_line BEFORE INSERT ON consignments WHEN new.line_no = 3 BEGIN SELECT RAISE(ABORT, 'disk full'); END");
    const [result] = await importFiles([file('spreadsheets/manifest-msc-anna.xlsx')]);
    expect(result).toMatchObject({ status: 'rejected', error: { code: 'INTERNAL' } });
    expect(count('manifests')).toBe(0);
    expect(count('consignments')).toBe(0);
    expect(count('parties')).toBe(0);
    db.exec('DROP TRIGGER fail_third_line');
    expect((await importFiles([file('spreadsheets/manifest-msc-anna.xlsx')]))[0]?.status).toBe('imported');
  });
});

describe('an import cancelled while its lines are being stored', () => {
  it('stores nothing and leaves the database free for the next import', async () => {
    const bytes = makeLargeManifest(20_000);
    let cancel = () => {};
    const result = await importManifestFile(unit.services.sessions.store(), unit.services.sessions.actor(), { name: 'big.xlsx', bytes }, {
      language: 'en',
      clock: () => new Date(),
      register: (stop) => {
        cancel = stop;
      },
      // By then the storing thread holds the transaction with thousands of lines in it.
      onProgress: (stage, done) => {
        if (stage === 'validating' && done >= 10_000) cancel();
      },
    });
    expect(result).toMatchObject({ status: 'rejected', error: { code: 'IMPORT_CANCELLED' } });
    expect(count('manifests')).toBe(0);
    expect(count('consignments')).toBe(0);
    expect(count('containers')).toBe(0);
    expect((await importFiles([file('spreadsheets/manifest-msc-anna.xlsx')]))[0]?.status).toBe('imported');
  });
});

describe('duplicates and amendments', () => {
  it('reports the same file again as a duplicate and stores it once', async () => {
    await importFiles([file('spreadsheets/manifest-msc-anna.xlsx')]);
    const [again] = await importFiles([file('spreadsheets/manifest-msc-anna.xlsx')]);
    expect(again).toMatchObject({ status: 'duplicate', manifestId: 1 });
    expect(count('manifests')).toBe(1);
  });

  it('stores a different file for the same vessel call as an amendment, with what changed', async () => {
    await importFiles([file('spreadsheets/manifest-msc-anna.xlsx')]);
    const [amended] = await importFiles([file('spreadsheets/manifest-ru.xlsx')]);
    expect(amended?.status).toBe('imported');
    expect(amended?.amendment?.amendsManifestId).toBe(1);
    expect(amended?.amendment?.added.length).toBeGreaterThan(0);
    expect(amended?.amendment?.removed.length).toBeGreaterThan(0);
    expect(amended?.amendment?.changed.map((change) => change.field)).toContain('consignee');
    const detail = await expectOk<{ amendment: { amendsManifestId: number } }>(unit.services.invoke('manifests.get', { id: amended?.manifestId }));
    expect(detail.amendment.amendsManifestId).toBe(1);
  });
});

describe('hostile content', () => {
  it('stores formula-looking text literally and flags it', async () => {
    const csv = 'Container No;B/L No;Consignee;Description;Gross weight, kg\nMSCU1234566;B1;=HYPERLINK("http://evil","x");@SUM(A1);100,5\n';
    const [result] = await importFiles([bytes('formula.csv', csv)]);
    expect(result?.status).toBe('imported');
    const row = unit.services.sessions.store().db.prepare('SELECT goods_description FROM consignments').get() as { goods_description: string };
    expect(row.goods_description).toBe('@SUM(A1)');
    expect(result?.problems.map((problem) => problem.code)).toContain('FORMULA_TEXT');
  });

  it('keeps the main process answering after a file that defeats the reader', async () => {
    await importFiles([bytes('bomb.xlsx', Buffer.concat([Buffer.from('PK\u0003\u0004'), Buffer.alloc(1000, 0xff)]))]);
    expect((await unit.services.invoke('session.status', undefined)).ok).toBe(true);
  });
});

describe('the audit trail records every import', () => {
  it('has one entry per stored manifest and none for refused files', async () => {
    await importFiles([file('spreadsheets/manifest-msc-anna.xlsx'), bytes('empty.csv', '')]);
    const entries = await expectOk<{ action: string }[]>(unit.services.invoke('audit.list', { action: 'manifest' }));
    expect(entries.map((entry) => entry.action)).toEqual(['manifest.import']);
    await expectOk(unit.services.invoke('session.logout', undefined));
    await expectOk(unit.services.invoke('session.login', ADMIN));
  });
});

describe('the mapping wizard preview', () => {
  const tajik = () =>
    bytes('tj.csv', 'Рақами контейнер;Борхат;Тавсифи мол;Вазн\nMSCU1234566;BL-1;Пахта;1200,5\nTGHU9876542;BL-2;Орд;800\n');

  it('shows the first rows of a file whose columns nobody recognised, and stores nothing', async () => {
    const result = await unit.services.invoke('manifests.preview', { file: tajik() });
    expect(result).toMatchObject({ ok: false, error: { code: 'MANIFEST_NO_HEADER', details: { tables: [{ sheet: expect.any(String), rows: expect.any(Array) }] } } });
    const rows = (result as { error: { details: { tables: { rows: string[][] }[] } } }).error.details.tables[0]?.rows;
    expect(rows?.[0]).toEqual(['Рақами контейнер', 'Борхат', 'Тавсифи мол', 'Вазн']);
    expect(count('manifests')).toBe(0);
  });

  it('previews the lines under the officer\'s choices, then imports with them', async () => {
    const mapping = { 'рақами контейнер': 'containerNumber', борхат: 'blNumber', 'тавсифи мол': 'goodsDescription', вазн: 'grossWeightKg' };
    const preview = await expectOk<{ lines: number; totalGrossWeightKg: string; mapping: { columns: Record<string, number>; sample: string[][] } }>(
      unit.services.invoke('manifests.preview', { file: tajik(), mapping }),
    );
    expect(preview).toMatchObject({ lines: 2, totalGrossWeightKg: '2000.5', mapping: { columns: { containerNumber: 0, blNumber: 1, goodsDescription: 2, grossWeightKg: 3 } } });
    expect(preview.mapping.sample[0]).toEqual(['MSCU1234566', 'BL-1', 'Пахта', '1200,5']);
    expect(count('manifests')).toBe(0);
    const [imported] = await importFiles([tajik()], { mapping });
    expect(imported).toMatchObject({ status: 'imported', lines: 2 });
  });
});
