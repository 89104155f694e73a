import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { decodeManifestText } from '../../../main/core/manifests/readers/csv-decode';
import { sniffDelimiter } from '../../../main/core/manifests/readers/csv-sniff';
import { tokenizeDelimited } from '../../../main/core/manifests/readers/csv-tokenize';
import { readDelimitedText } from '../../../main/core/manifests/readers/csv';
import { cp1251SemicolonCsv, utf8BomCommaCsvParts } from '../../fixtures/spreadsheets/csv-data';
import { encodeLegacy } from '../../fixtures/spreadsheets/legacy-encodings';

const fixtures = path.join(import.meta.dirname, '../../fixtures/spreadsheets');
const fixture = (name: string) => new Uint8Array(readFileSync(path.join(fixtures, name)));
const nbsp = '\u00A0';

describe('CSV from Russian-locale Excel (windows-1251, ";", decimal comma)', () => {
  const read = readDelimitedText(fixture('manifest-cp1251-semicolon.csv'), 'manifest-cp1251-semicolon.csv');

  it('is decoded as windows-1251 and split on ";"', () => {
    expect(read.encoding).toBe('windows-1251');
    expect(read.delimiter).toBe(';');
    expect(read.format).toBe('csv');
    expect(read.table.sheet).toBe('manifest-cp1251-semicolon.csv');
  });

  it('keeps the title block, the Cyrillic header and every cell as the file wrote it', () => {
    expect(read.table.rows[0]).toEqual(['Судно: MSC ANNA', '', '', '', '', '', '', '', '', '']);
    expect(read.table.rows[2]).toEqual([
      '№ п/п',
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
    expect(read.table.rows[3]).toEqual([
      '1',
      'MEDUFE541001',
      'MSCU1234566',
      'ООО "Шанхай Чай"',
      'ООО «Памир Трейд», Душанбе',
      'Кофе зелёный; в зёрнах',
      '0901110000',
      '1200',
      '21559,6',
      '15.03.2024',
    ]);
  });

  it('never turns a decimal comma or a grouped number into another number', () => {
    const weights = read.table.rows.slice(3).map((row) => row[8]);
    expect(weights).toEqual(['21559,6', `18${nbsp}250,75`, '12000', '51810,35']);
    expect(read.table.rows[4]?.[4]).toBe('ЧП «Ўринов», Тошкент');
  });

  it('has exactly the records of the file (the final CRLF adds none)', () => {
    expect(read.table.rows).toHaveLength(7);
    expect(read.warnings).toEqual([]);
  });
});

describe('other encodings', () => {
  it('KOI8-R is recognised by its letters, not mistaken for windows-1251', () => {
    const read = readDelimitedText(fixture('manifest-koi8r-semicolon.csv'), 'old-export.csv');
    expect(read.encoding).toBe('koi8-r');
    expect(read.table.rows[1]).toEqual(['MEDUFE541001', 'MSCU1234566', 'ООО "Памир Трейд", Душанбе', 'Кофе зелёный в зёрнах', '0901110000', '21559,6']);
    expect(read.table.rows[2]?.[2]).toBe('Торговый дом Ёлка, Самарканд');
  });

  it('a few Russian words in windows-1251 stay windows-1251 (the Excel default wins a thin case)', () => {
    expect(decodeManifestText(encodeLegacy('Вес;Кг\r\n1;2', 'windows-1251')).encoding).toBe('windows-1251');
    expect(decodeManifestText(encodeLegacy(cp1251SemicolonCsv, 'windows-1251')).text).toBe(cp1251SemicolonCsv);
  });

  const utf16Expected = [
    ['Vessel: MSC ANNA', 'Voyage: FE541W', '', '', '', '', ''],
    ['B/L No', 'Container No', 'Consignee', 'Goods description', 'HS Code', 'Gross weight (kg)', 'ETA'],
    ['MEDUFE541001', 'MSCU1234566', 'ҶДММ «Ҳамкорӣ Ғарб», Душанбе', 'GREEN COFFEE BEANS', '0901', '21559,6', '15.03.2024'],
    ['MEDUFE541002', 'TGHU9876542', '«Oʻzbekiston Gʻalla» MChJ', 'COTTON FABRIC\t100% COTTON', '5208', '12000', '15.03.2024'],
    ['MEDUFE541003', 'CAIU5551230', '«Ўзбекистон ғалла» МЧЖ', 'TEA "PREMIUM"', '0902', '4300', '15.03.2024'],
    ['MEDUFE541005', 'FSCU8123459', 'ТОО «Қазақ Астық», Алматы', 'WHEAT', '1001990000', '27000', '16.03.2024'],
  ];

  it('Excel "Unicode Text": UTF-16LE with BOM, tabs, Tajik/Uzbek/Kazakh letters intact, trailing blank lines dropped', () => {
    const read = readDelimitedText(fixture('manifest-utf16le-tab.txt'), 'manifest.txt');
    expect(read.encoding).toBe('utf-16le');
    expect(read.delimiter).toBe('\t');
    expect(read.format).toBe('tsv');
    expect(read.table.rows).toEqual(utf16Expected);
  });

  it('UTF-16LE without a BOM is recognised by its NUL bytes', () => {
    const read = readDelimitedText(fixture('manifest-utf16le-tab.txt').subarray(2), 'manifest.txt');
    expect(read.encoding).toBe('utf-16le');
    expect(read.table.rows).toEqual(utf16Expected);
  });

  it('UTF-16BE with a BOM', () => {
    const le = fixture('manifest-utf16le-tab.txt');
    const be = new Uint8Array(le.length);
    for (let i = 0; i + 1 < le.length; i += 2) {
      be[i] = le[i + 1] ?? 0;
      be[i + 1] = le[i] ?? 0;
    }
    const read = readDelimitedText(be, 'manifest.txt');
    expect(read.encoding).toBe('utf-16be');
    expect(read.table.rows).toEqual(utf16Expected);
  });
});

describe('UTF-8 with BOM, mixed line endings, multi-line and formula-looking cells', () => {
  const read = readDelimitedText(fixture('manifest-utf8-bom-comma.csv'), 'portal-export.csv');
  const { header, rows } = utf8BomCommaCsvParts;

  it('strips the BOM and nothing else', () => {
    expect(read.encoding).toBe('utf-8');
    expect(read.delimiter).toBe(',');
    expect(read.table.rows[0]?.[0]).toBe('B/L No');
    expect(read.table.rows[0]).toEqual(header.split(','));
  });

  it('returns every record despite CRLF, LF and lone-CR endings and no final line break', () => {
    expect(read.table.rows).toEqual([header.split(','), ...rows]);
  });

  it('keeps line breaks inside quoted goods descriptions as written', () => {
    expect(read.table.rows[1]?.[3]).toBe('Used clothing\r\nmixed, in bales');
    expect(read.table.rows[2]?.[3]).toBe('COTTON FABRIC\n100% COTTON');
  });

  it('formula-looking cells are literal text, never formulas', () => {
    expect(read.table.rows.slice(1).map((row) => row[7])).toEqual(['=HYPERLINK("http://evil","x")', '+1-2', '@SUM(A1)', '-2+3']);
    expect(read.table.rows[1]?.[4]).toBe('0901');
  });
});

describe('tokenizer: RFC 4180 and what real exports do', () => {
  const rowsOf = (text: string, delimiter = ',') => tokenizeDelimited(text, delimiter).rows;

  it('quoted delimiters, doubled quotes, quotes inside unquoted fields', () => {
    expect(rowsOf('"a,b","say ""hi""",12" PIPE')).toEqual([['a,b', 'say "hi"', '12" PIPE']]);
  });

  it('text after a closing quote is kept, as Excel keeps it', () => {
    expect(rowsOf('"ab"c,d')).toEqual([['abc', 'd']]);
  });

  it('CRLF, LF and lone CR all end records; blank lines inside are kept, at the end dropped', () => {
    expect(rowsOf('a,b\r\nc,d\ne,f\rg,h\r\n\r\ni,j\r\n\r\n\n')).toEqual([['a', 'b'], ['c', 'd'], ['e', 'f'], ['g', 'h'], [''], ['i', 'j']]);
  });

  it('a trailing delimiter is an empty last field', () => {
    expect(rowsOf('a;b;\r\n', ';')).toEqual([['a', 'b', '']]);
  });

  it('an unclosed quote runs to the end and is reported with the record where it opened', () => {
    const { rows, warnings } = tokenizeDelimited('a,b\r\nc,"open\r\nx,y\r\n', ',');
    expect(rows).toEqual([['a', 'b'], ['c', 'open\r\nx,y\r\n']]);
    expect(warnings).toEqual([{ code: 'UNCLOSED_QUOTE', row: 2 }]);
  });

  it('empty input is no records', () => {
    expect(rowsOf('')).toEqual([]);
  });
});

describe('delimiter sniffing', () => {
  it('";" with decimal commas: the delimiter that carves the table wins over the decimal mark', () => {
    expect(sniffDelimiter('a;b;c;d\r\n1;2,5;3;4\r\n5;6,5;7;8\r\n')).toBe(';');
  });

  it('"," even when descriptions carry unquoted ";"', () => {
    expect(sniffDelimiter('bl,container,goods\nB1,C1,tea; green\nB2,C2,coffee\nB3,C3,rice; long; white\n')).toBe(',');
  });

  it('a delimiter inside quotes does not count', () => {
    expect(sniffDelimiter('"a;b;c;d";x\n"e;f;g;h";y\n"i;j;k;l";z\n')).toBe(';');
    expect(sniffDelimiter('"a,b,c"|x|y\n"d,e,f"|z|w\n')).toBe('|');
  });

  it('tabs and pipes', () => {
    expect(sniffDelimiter('a\tb\tc\n1\t2\t3\n')).toBe('\t');
    expect(sniffDelimiter('a|b|c\n1|2|3\n')).toBe('|');
  });

  it('title rows above the header do not mislead it', () => {
    expect(sniffDelimiter('MANIFEST, MSC ANNA\nVoyage FE541W\nbl;container;weight\nB1;C1;1,5\nB2;C2;2,5\nB3;C3;3\n')).toBe(';');
  });

  it('one column: nothing to sniff, and the file name decides csv or tsv', () => {
    expect(sniffDelimiter('MSCU1234566\nTGHU9876542\n')).toBeUndefined();
    expect(readDelimitedText(new TextEncoder().encode('MSCU1234566\n'), 'containers.tsv').format).toBe('tsv');
    expect(readDelimitedText(new TextEncoder().encode('MSCU1234566\n'), 'containers.csv').format).toBe('csv');
  });
});
