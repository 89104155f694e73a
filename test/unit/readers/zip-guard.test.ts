import { readFileSync } from 'node:fs';
import path from 'node:path';
import { crc32, deflateRawSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { defaultZipGuardLimits, guardZipArchive, guardZipArchiveAsync, type ZipGuardLimits, type ZipInspection } from '../../../main/core/manifests/readers/zip-guard';
import { ManifestFileRefused, type RefusalReason } from '../../../main/core/manifests/readers/zip-guard-refusal';
import { localHeader, writeZip } from './zip-writer';

const fixtures = path.join(import.meta.dirname, '../../fixtures/spreadsheets');
const fixture = (name: string) => new Uint8Array(readFileSync(path.join(fixtures, name)));

/** The refusal `run` throws; fails the test if it throws anything else or nothing. */
function refusalOf(run: () => unknown): ManifestFileRefused {
  try {
    run();
  } catch (error) {
    if (error instanceof ManifestFileRefused) return error;
    throw error;
  }
  throw new Error('expected the archive to be refused');
}

const reasonOf = (bytes: Uint8Array, limits?: ZipGuardLimits): RefusalReason =>
  refusalOf(() => guardZipArchive(bytes, 'manifest.xlsx', limits)).reason;

const megabyte = 1024 * 1024;

describe('zip guard: archives a carrier really sends pass', () => {
  it.each(['manifest-msc-anna.xlsx', 'manifest-ru.xlsx', 'manifest-msc-anna.ods', 'manifest-ru.ods'])('%s (made by LibreOffice)', (name) => {
    const bytes = fixture(name);
    const inspection = guardZipArchive(bytes, name);
    const names = inspection.entries.map((e) => e.name);
    expect(names).toContain(name.endsWith('.xlsx') ? '[Content_Types].xml' : 'mimetype');
    // Proven by unpacking: XML compresses, so the real size exceeds the file's.
    expect(inspection.uncompressedBytes).toBeGreaterThan(bytes.length);
  });

  it('a hand-made archive with stored and deflated entries', () => {
    const zip = writeZip([
      { name: 'mimetype', data: 'application/vnd.oasis.opendocument.spreadsheet', method: 0 },
      { name: 'content.xml', data: '<office:document-content/>'.repeat(50) },
      { name: 'empty.txt', data: '' },
    ]);
    const inspection = guardZipArchive(zip, 'hand.ods');
    expect(inspection.entries.map((e) => [e.name, e.method])).toEqual([
      ['mimetype', 0],
      ['content.xml', 8],
      ['empty.txt', 8],
    ]);
    expect(inspection.uncompressedBytes).toBe(46 + 26 * 50);
  });
});

describe('zip guard: what it unpacked, repacked for SheetJS', () => {
  it.each(['manifest-msc-anna.xlsx', 'manifest-ru.ods'])('%s: the same entries, stored, in an archive the guard itself accepts', (name) => {
    const bytes = fixture(name);
    const { entries, stored } = guardZipArchive(bytes, name, defaultZipGuardLimits, { repack: true });
    if (!stored) throw new Error('no repacked archive');
    const again = guardZipArchive(stored, name, defaultZipGuardLimits, { repack: true });
    expect(again.entries.map((e) => [e.name, e.crc32, e.uncompressedSize, e.compressedSize, e.method])).toEqual(
      entries.map((e) => [e.name, e.crc32, e.uncompressedSize, e.uncompressedSize, 0]),
    );
    // Stored already: repacking the repacked archive gives the same bytes.
    expect(again.stored?.equals(stored)).toBe(true);
  });

  it('keeps names, their order and empty entries', () => {
    const zip = writeZip([
      { name: 'mimetype', data: 'application/vnd.oasis.opendocument.spreadsheet', method: 0 },
      { name: 'Pictures/', data: '' },
      { name: 'content.xml', data: '<office:document-content/>'.repeat(50) },
    ]);
    const { stored } = guardZipArchive(zip, 'hand.ods', defaultZipGuardLimits, { repack: true });
    if (!stored) throw new Error('no repacked archive');
    const entries = guardZipArchive(stored, 'hand.ods').entries;
    expect(entries.map((e) => [e.name, e.uncompressedSize])).toEqual([
      ['mimetype', 46],
      ['Pictures/', 0],
      ['content.xml', 26 * 50],
    ]);
  });

  it('without repack nothing is kept', () => {
    expect(guardZipArchive(fixture('manifest-msc-anna.xlsx'), 'm.xlsx').stored).toBeUndefined();
  });
});

describe('zip guard: bombs and lies are refused before SheetJS sees them', () => {
  const zeros = Buffer.alloc(200 * megabyte);
  const bomb = deflateRawSync(zeros, { level: 9 });

  it('a 200 MB run of zeros in a ~200 KB entry (honest sizes) is refused on its ratio', () => {
    expect(bomb.length).toBeLessThan(300 * 1024);
    const zip = writeZip([{ name: 'xl/worksheets/sheet1.xml', payload: bomb, declaredSize: zeros.length, crc: 0 }]);
    const refusal = refusalOf(() => guardZipArchive(zip, 'bomb.xlsx'));
    expect(refusal.reason).toBe('ARCHIVE_TOO_LARGE_UNCOMPRESSED');
    expect(refusal.entry).toBe('xl/worksheets/sheet1.xml');
    expect(refusal.fileName).toBe('bomb.xlsx');
    expect(refusal.message).toContain('bomb.xlsx');
  });

  it('the same bomb declaring 1 KB is stopped by the inflate limit, fast', () => {
    const zip = writeZip([{ name: 'xl/worksheets/sheet1.xml', payload: bomb, declaredSize: 1024, crc: 0 }]);
    const started = performance.now();
    const refusal = refusalOf(() => guardZipArchive(zip, 'liar.xlsx'));
    expect(refusal.reason).toBe('ARCHIVE_CORRUPT');
    expect(refusal.message).toContain('more than 1024 bytes');
    // Stopping at 1 KB instead of unpacking 200 MB.
    expect(performance.now() - started).toBeLessThan(1000);
  });

  it('declared sizes summing past the cap are refused without unpacking', () => {
    const entry = (i: number) => ({ name: `xl/worksheets/sheet${i}.xml`, data: 'x'.repeat(600), method: 0 });
    const limits = { ...defaultZipGuardLimits, maxUncompressedBytes: 1000 };
    expect(reasonOf(writeZip([entry(1), entry(2)]), limits)).toBe('ARCHIVE_TOO_LARGE_UNCOMPRESSED');
    expect(() => guardZipArchive(writeZip([entry(1)]), 'one.xlsx', limits)).not.toThrow();
  });

  it('the default cap is 500 MB: three honest 200 MB entries exceed it', () => {
    // Ratio limit lifted so only the total can trip; the sizes are declared, nothing is unpacked.
    const limits = { ...defaultZipGuardLimits, maxRatio: Infinity };
    const entries = [1, 2, 3].map((i) => ({ name: `xl/s${i}.xml`, payload: bomb, declaredSize: zeros.length, crc: 0 }));
    expect(reasonOf(writeZip(entries), limits)).toBe('ARCHIVE_TOO_LARGE_UNCOMPRESSED');
  });

  it('an entry that unpacks to less than it declares is corrupt', () => {
    expect(reasonOf(writeZip([{ name: 'a.xml', data: 'hello', declaredSize: 50 }]))).toBe('ARCHIVE_CORRUPT');
  });

  it('a stored entry whose sizes disagree is corrupt', () => {
    expect(reasonOf(writeZip([{ name: 'a.xml', data: 'hello', method: 0, declaredSize: 4 }]))).toBe('ARCHIVE_CORRUPT');
  });

  it('a damaged checksum is corrupt', () => {
    expect(reasonOf(writeZip([{ name: 'a.xml', data: 'hello', crc: 12345 }]))).toBe('ARCHIVE_CORRUPT');
  });

  it('local and central headers that disagree (the parser-differential trick) are corrupt', () => {
    expect(reasonOf(writeZip([{ name: 'a.xml', data: 'hello', localDeclaredSize: 5000 }]))).toBe('ARCHIVE_CORRUPT');
  });

  it('two directory records sharing bytes (overlapping-entry bomb) are corrupt', () => {
    // Entry "b.xml" hidden inside the stored bytes of "a.xml", listed twice in the directory.
    const inner = new TextEncoder().encode('payload');
    const crc = crc32(inner) >>> 0;
    const innerHeader = localHeader({ name: 'b.xml', method: 0, flags: 0, crc, compressedSize: 7, uncompressedSize: 7 });
    const outerData = new Uint8Array([...innerHeader, ...inner]);
    const zip = writeZip([{ name: 'a.xml', data: outerData, method: 0 }], {
      extraCentral: [
        { name: 'b.xml', method: 0, flags: 0, crc, compressedSize: 7, uncompressedSize: 7, localHeaderOffset: 30 + 'a.xml'.length },
      ],
    });
    const refusal = refusalOf(() => guardZipArchive(zip, 'overlap.xlsx'));
    expect(refusal.reason).toBe('ARCHIVE_CORRUPT');
    expect(refusal.message).toContain('share the same bytes');
  });

  it('the same entry name twice is corrupt (which copy a parser keeps is its own choice)', () => {
    expect(reasonOf(writeZip([{ name: 'xl/workbook.xml', data: 'a' }, { name: 'xl/workbook.xml', data: 'b' }]))).toBe('ARCHIVE_CORRUPT');
  });
});

describe('zip guard: limits and unsupported archives', () => {
  it('a file over 100 MB is refused before anything is parsed', () => {
    expect(defaultZipGuardLimits.maxFileBytes).toBe(100 * megabyte);
    expect(reasonOf(new Uint8Array(100 * megabyte + 1))).toBe('TOO_LARGE');
  });

  it('more than 10,000 entries', () => {
    const many = Array.from({ length: 10_001 }, (_, i) => ({ name: `f${i}`, data: '', method: 0 }));
    expect(reasonOf(writeZip(many))).toBe('TOO_MANY_ENTRIES');
    expect(() => guardZipArchive(writeZip(many.slice(0, 10_000)), 'ok.xlsx')).not.toThrow();
  });

  it('password-protected entries (flag bit 0, or AES method 99)', () => {
    expect(reasonOf(writeZip([{ name: 'xl/workbook.xml', data: 'x', flags: 1 }]))).toBe('ENCRYPTED');
    expect(reasonOf(writeZip([{ name: 'xl/workbook.xml', data: 'x', method: 99, payload: new Uint8Array(8) }]))).toBe('ENCRYPTED');
  });

  it('compression other than stored/deflate', () => {
    expect(reasonOf(writeZip([{ name: 'a.xml', data: 'x', method: 12, payload: new Uint8Array(4) }]))).toBe('ARCHIVE_UNSUPPORTED');
  });

  it('ZIP64 is refused (SheetJS would not read the ZIP64 end record the same way)', () => {
    const zip = writeZip([{ name: 'a.xml', data: 'x' }], { eocd: { entries: 0xffff } });
    expect(reasonOf(zip)).toBe('ARCHIVE_UNSUPPORTED');
    const zip64Extra = new Uint8Array([0x01, 0x00, 0x10, 0x00, ...new Uint8Array(16)]);
    expect(reasonOf(writeZip([{ name: 'a.xml', data: 'x', localExtra: zip64Extra }]))).toBe('ARCHIVE_UNSUPPORTED');
  });

  it('a forged end record in the archive comment is what SheetJS would use, so it must not pass', () => {
    const fake = new Uint8Array(22);
    new DataView(fake.buffer).setUint32(0, 0x06054b50, true);
    new DataView(fake.buffer).setUint16(8, 3, true); // three entries on this disk...
    new DataView(fake.buffer).setUint16(10, 3, true); // ...at offset 0, where there is no directory
    expect(reasonOf(writeZip([{ name: 'a.xml', data: 'x' }], { comment: fake }))).toBe('ARCHIVE_CORRUPT');
  });
});

describe('zip guard: files that are not whole archives', () => {
  it('a copy cut short (last 100 bytes missing) is truncated', () => {
    const whole = fixture('manifest-msc-anna.xlsx');
    const refusal = refusalOf(() => guardZipArchive(whole.subarray(0, whole.length - 100), 'manifest-msc-anna.xlsx'));
    expect(refusal.reason).toBe('ARCHIVE_TRUNCATED');
    expect(refusal.fileName).toBe('manifest-msc-anna.xlsx');
  });

  it('an empty file is truncated (a copy that never happened)', () => {
    expect(reasonOf(new Uint8Array(0))).toBe('ARCHIVE_TRUNCATED');
  });

  it('a PDF renamed .xlsx is not an archive at all', () => {
    expect(reasonOf(fixture('impostor-pdf.xlsx'))).toBe('ARCHIVE_CORRUPT');
  });
});

describe('zip guard: unpacking on the thread pool (the import worker) decides exactly as unpacking in line', () => {
  const bomb = deflateRawSync(Buffer.alloc(20 * megabyte), { level: 9 });
  const inner = new TextEncoder().encode('payload');
  const innerCrc = crc32(inner) >>> 0;
  const whole = fixture('manifest-msc-anna.xlsx');
  const cases: [string, Uint8Array, ZipGuardLimits?][] = [
    ['a real workbook', whole],
    ['a real LibreOffice spreadsheet', fixture('manifest-ru.ods')],
    ['stored, deflated and empty entries', writeZip([{ name: 'mimetype', data: 'x', method: 0 }, { name: 'e/', data: '' }, { name: 'c.xml', data: '<a/>'.repeat(99) }])],
    ['a bomb over the ratio', writeZip([{ name: 's.xml', payload: bomb, declaredSize: 20 * megabyte, crc: 0 }])],
    ['a bomb declaring 1 KB', writeZip([{ name: 'ok.xml', data: 'fine' }, { name: 's.xml', payload: bomb, declaredSize: 1024, crc: 0 }])],
    ['sizes past the cap', writeZip([{ name: 'a', data: 'x'.repeat(600), method: 0 }, { name: 'b', data: 'x'.repeat(600), method: 0 }]), { ...defaultZipGuardLimits, maxUncompressedBytes: 1000 }],
    ['unpacks to less than declared', writeZip([{ name: 'a.xml', data: 'hello', declaredSize: 50 }])],
    ['a damaged checksum after a good entry', writeZip([{ name: 'ok.xml', data: 'fine' }, { name: 'a.xml', data: 'hello', crc: 12345 }])],
    ['local and central disagree', writeZip([{ name: 'a.xml', data: 'hello', localDeclaredSize: 5000 }])],
    [
      'overlapping entries',
      writeZip([{ name: 'a.xml', data: new Uint8Array([...localHeader({ name: 'b.xml', method: 0, flags: 0, crc: innerCrc, compressedSize: 7, uncompressedSize: 7 }), ...inner]), method: 0 }], {
        extraCentral: [{ name: 'b.xml', method: 0, flags: 0, crc: innerCrc, compressedSize: 7, uncompressedSize: 7, localHeaderOffset: 30 + 'a.xml'.length }],
      }),
    ],
    ['an encrypted entry', writeZip([{ name: 'x.xml', data: 'x', flags: 1 }])],
    ['an unknown method', writeZip([{ name: 'a.xml', data: 'x', method: 12, payload: new Uint8Array(4) }])],
    ['damaged deflate data', writeZip([{ name: 'a.xml', payload: new Uint8Array([0xff, 0xff, 0xff, 0xff, 0xff]), declaredSize: 5, crc: 0 }])],
    ['a cut-off copy', whole.subarray(0, whole.length - 100)],
    ['a PDF', fixture('impostor-pdf.xlsx')],
  ];

  const outcome = async (run: () => ZipInspection | Promise<ZipInspection>) => {
    try {
      const { entries, uncompressedBytes, stored } = await run();
      return { entries, uncompressedBytes, stored: stored?.toString('base64') };
    } catch (error) {
      if (!(error instanceof ManifestFileRefused)) throw error;
      return { reason: error.reason, entry: error.entry, message: error.message };
    }
  };

  it.each(cases)('%s', async (_name, bytes, limits = defaultZipGuardLimits) => {
    const inLine = await outcome(() => guardZipArchive(bytes, 'f.xlsx', limits, { repack: true }));
    expect(await outcome(() => guardZipArchiveAsync(bytes, 'f.xlsx', limits, { repack: true }))).toEqual(inLine);
  });
});
