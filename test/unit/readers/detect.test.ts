import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import * as XLSX from 'xlsx';
import { detectFormat } from '../../../main/core/manifests/readers/detect';
import { ole2Content } from '../../../main/core/manifests/readers/detect-ole2';
import { writeZip } from './zip-writer';

const fixtures = path.join(import.meta.dirname, '../../fixtures/spreadsheets');
const fixture = (name: string) => new Uint8Array(readFileSync(path.join(fixtures, name)));

/** A real OLE2 compound file (SheetJS's CFB writer) holding the given streams. */
function compoundFile(streams: readonly string[]): Uint8Array {
  const cfb = XLSX.CFB.utils.cfb_new();
  for (const name of streams) XLSX.CFB.utils.cfb_add(cfb, name, new Uint8Array(5000).fill(7));
  return new Uint8Array(XLSX.CFB.write(cfb, { type: 'buffer' }) as Buffer);
}

/** Deterministic "random" bytes (xorshift), so a failure can be reproduced. */
function noise(length: number, seed = 0x9e3779b9): Uint8Array {
  const out = new Uint8Array(length);
  let x = seed;
  for (let i = 0; i < length; i++) {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    out[i] = x & 0xff;
  }
  return out;
}

describe('detectFormat: every fixture by its content', () => {
  it.each([
    ['manifest-msc-anna.xlsx', 'xlsx'],
    ['manifest-ru.xlsx', 'xlsx'],
    ['manifest-msc-anna.xls', 'xls'],
    ['manifest-ru.xls', 'xls'],
    ['manifest-msc-anna.ods', 'ods'],
    ['manifest-ru.ods', 'ods'],
    ['manifest-cp1251-semicolon.csv', 'csv'],
    ['manifest-koi8r-semicolon.csv', 'csv'],
    ['manifest-utf8-bom-comma.csv', 'csv'],
    ['manifest-utf16le-tab.txt', 'tsv'],
    ['cuscar-named.csv', 'cuscar'],
  ])('%s → %s', (name, expected) => {
    expect(detectFormat(fixture(name), name)).toBe(expected);
  });

  it('ignores the extension: an .xls named .csv is xls, an .xlsx named .pdf is xlsx', () => {
    expect(detectFormat(fixture('manifest-msc-anna.xls'), 'manifest.csv')).toBe('xls');
    expect(detectFormat(fixture('manifest-msc-anna.xlsx'), 'manifest.pdf')).toBe('xlsx');
    expect(detectFormat(fixture('manifest-utf16le-tab.txt'), 'manifest.xlsx')).toBe('tsv');
  });
});

describe('detectFormat: impostors are unknown', () => {
  it.each([
    ['impostor-pdf.xlsx', 'a PDF renamed .xlsx'],
    ['impostor-cover-letter.docx', 'a Word document (also a ZIP with [Content_Types].xml)'],
    ['impostor-html-table.xls', 'an HTML table saved as .xls by a web portal'],
    ['impostor-excel2003.xml', 'SpreadsheetML 2003 XML'],
    ['manifest-msc-anna.fods', 'a flat OpenDocument (XML) spreadsheet'],
  ])('%s: %s', (name) => {
    expect(detectFormat(fixture(name), name)).toBe('unknown');
  });

  it('an empty file', () => {
    expect(detectFormat(new Uint8Array(0), 'manifest.xlsx')).toBe('unknown');
  });

  it('random bytes, whatever they are called', () => {
    expect(detectFormat(noise(4096), 'manifest.csv')).toBe('unknown');
    expect(detectFormat(noise(300, 12345), 'manifest.csv')).toBe('unknown');
  });

  it('text full of control characters is binary, not CSV', () => {
    const controls = new Uint8Array(400).map((_, i) => (i % 5 === 0 ? 0x01 : 0x41 + (i % 26)));
    expect(detectFormat(controls, 'x.csv')).toBe('unknown');
  });

  it('other ZIPs: an OpenDocument text, an Excel binary workbook (.xlsb)', () => {
    const odt = writeZip([
      { name: 'mimetype', data: 'application/vnd.oasis.opendocument.text', method: 0 },
      { name: 'content.xml', data: '<x/>' },
    ]);
    expect(detectFormat(odt, 'manifest.ods')).toBe('unknown');
    const xlsb = writeZip([
      { name: '[Content_Types].xml', data: '<Types/>' },
      { name: 'xl/workbook.bin', data: 'binary' },
    ]);
    expect(detectFormat(xlsb, 'manifest.xlsx')).toBe('unknown');
  });

  it('OLE2 files that are not workbooks: a Word .doc, a password-protected .xlsx', () => {
    expect(ole2Content(compoundFile(['WordDocument']))).toBe('other');
    expect(detectFormat(compoundFile(['WordDocument']), 'manifest.xls')).toBe('unknown');
    expect(ole2Content(compoundFile(['EncryptionInfo', 'EncryptedPackage']))).toBe('encrypted-package');
    expect(detectFormat(compoundFile(['EncryptionInfo', 'EncryptedPackage']), 'manifest.xlsx')).toBe('unknown');
    // Control: the same container with a Workbook stream is an .xls.
    expect(detectFormat(compoundFile(['Workbook']), 'x.bin')).toBe('xls');
  });
});

describe('detectFormat: damaged and borderline files', () => {
  it('a truncated .xlsx/.ods is still named, so the zip guard can say "truncated"', () => {
    const xlsx = fixture('manifest-msc-anna.xlsx');
    expect(detectFormat(xlsx.subarray(0, xlsx.length - 100), 'm.xlsx')).toBe('xlsx');
    expect(detectFormat(xlsx.subarray(0, Math.floor(xlsx.length / 2)), 'm.xlsx')).toBe('xlsx');
    const ods = fixture('manifest-msc-anna.ods');
    expect(detectFormat(ods.subarray(0, ods.length - 100), 'm.ods')).toBe('ods');
  });

  it('EDIFACT without UNA, after a BOM and blank lines', () => {
    const text = "\uFEFF\r\n  UNB+UNOC:3+MSCU:ZZZ+GEPTI:ZZZ+240314:1200+1'UNH+1+CUSCAR:D:95B:UN'";
    expect(detectFormat(new TextEncoder().encode(text), 'x.txt')).toBe('cuscar');
  });

  it('a CSV whose first header merely starts with "UNB" is still CSV', () => {
    expect(detectFormat(new TextEncoder().encode('UNBOUND;Container\r\nx;MSCU1234566\r\n'), 'x.csv')).toBe('csv');
  });

  it('UTF-16LE text without a BOM is text (its NULs are not binary)', () => {
    const bytes = fixture('manifest-utf16le-tab.txt').subarray(2);
    expect(detectFormat(bytes, 'export.txt')).toBe('tsv');
  });

  it('a one-column text: the name breaks the csv/tsv tie', () => {
    const bytes = new TextEncoder().encode('MSCU1234566\nTGHU9876542\n');
    expect(detectFormat(bytes, 'containers.tsv')).toBe('tsv');
    expect(detectFormat(bytes, 'containers.txt')).toBe('csv');
  });
});
