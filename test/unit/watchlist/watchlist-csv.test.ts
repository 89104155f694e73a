import { describe, expect, it } from 'vitest';
import { parseWatchListCsv } from '../../../main/core/risk/watchlist-match';
import { encodeLegacy } from '../../fixtures/spreadsheets/legacy-encodings';

const utf8 = (text: string) => new TextEncoder().encode(text);
const withBom = (text: string) => new Uint8Array([0xef, 0xbb, 0xbf, ...utf8(text)]);

const russian = [
  'Тип;Значение;Важность;Причина;Срок',
  'сторона;ООО «Ромашка»;высокая;Ориентировка 12/2026;31.12.2026',
  'контейнер;MSCU 123456-5;критическая;Изъятие 2025;',
  'судно;IMO 9321483;средний;Партнёрская информация;',
  'коносамент;MEDU-1234567;низкая;Проверка;2027-01-31',
  'пломба;ML 001234;high;Cloned seal;',
].join('\r\n');

describe('parseWatchListCsv', () => {
  it('reads Russian headers, semicolons and a UTF-8 BOM', () => {
    const { entries, problems } = parseWatchListCsv(withBom(russian), 'list.csv');
    expect(problems).toEqual([]);
    expect(entries.map((entry) => [entry.row, entry.kind, entry.valueNormalised, entry.severity, entry.expiresAt])).toEqual([
      [2, 'party', 'romashka', 'high', '2026-12-31'],
      [3, 'container', 'MSCU1234565', 'critical', null],
      [4, 'vessel', '9321483', 'medium', null],
      [5, 'bl', 'MEDU1234567', 'low', '2027-01-31'],
      [6, 'seal', 'ML001234', 'high', null],
    ]);
    expect(entries[0]).toMatchObject({ value: 'ООО «Ромашка»', reason: 'Ориентировка 12/2026' });
  });

  it('reads the same text given as a string with a BOM, or in windows-1251 from Russian Excel', () => {
    const expected = parseWatchListCsv(withBom(russian), 'list.csv').entries;
    expect(parseWatchListCsv(`\uFEFF${russian}`, 'list.csv').entries).toEqual(expected);
    expect(parseWatchListCsv(encodeLegacy(russian, 'windows-1251'), 'list.csv').entries).toEqual(expected);
  });

  it('reads English headers in any order, commas and quoted values', () => {
    const text = 'reason,severity,value,type\n"Seized cocaine, 2025",HIGH,"OOO ""ROMASHKA""",party\n';
    const { entries, problems } = parseWatchListCsv(utf8(text), 'list.csv');
    expect(problems).toEqual([]);
    expect(entries).toEqual([
      { row: 2, kind: 'party', value: 'OOO "ROMASHKA"', valueNormalised: 'romashka', severity: 'high', reason: 'Seized cocaine, 2025', expiresAt: null },
    ]);
  });

  it('reads a file without a header in the order type, value, severity, reason, expires', () => {
    const { entries, problems } = parseWatchListCsv('seal;ML1;low;Reported;01.02.2027\nB/L;X-1;medium;Reported', 'list.csv');
    expect(problems).toEqual([]);
    expect(entries.map((entry) => [entry.row, entry.kind, entry.value, entry.expiresAt])).toEqual([
      [1, 'seal', 'ML1', '2027-02-01'],
      [2, 'bl', 'X-1', null],
    ]);
  });

  it('names the row and field of every problem and keeps the good rows', () => {
    const text = [
      'type;value;severity;reason;expires',
      'truck;ABC;high;r;', // 2: unknown type
      'party;;high;r;', // 3: no value
      'party;OOO;high;r;', // 4: nothing left of the name
      'seal;S1;urgent;r;', // 5: unknown severity
      'seal;S2;low;;', // 6: no reason
      'seal;S3;low;r;31.02.2027', // 7: no such date
      'seal;S-4;low;r;',
      '',
      'seal;s 4;high;again;', // 10: the same seal as row 8
      'тип;X;low;r;', // 11: a second header is just a bad row
    ].join('\n');
    const { entries, problems } = parseWatchListCsv(text, 'list.csv');
    expect(entries.map((entry) => entry.row)).toEqual([8]);
    expect(problems.map((problem) => [problem.code, problem.row, problem.field])).toEqual([
      ['WATCH_CSV_TYPE_INVALID', 2, 'type'],
      ['WATCH_CSV_VALUE_EMPTY', 3, 'value'],
      ['WATCH_CSV_VALUE_INVALID', 4, 'value'],
      ['WATCH_CSV_SEVERITY_INVALID', 5, 'severity'],
      ['WATCH_CSV_REASON_EMPTY', 6, 'reason'],
      ['WATCH_CSV_EXPIRES_INVALID', 7, 'expires'],
      ['WATCH_CSV_DUPLICATE', 10, 'value'],
      ['WATCH_CSV_TYPE_INVALID', 11, 'type'],
    ]);
    expect(problems[0]?.params).toEqual({ value: 'truck' });
    expect(problems[3]?.params).toEqual({ value: 'urgent' });
    expect(problems[6]?.params).toEqual({ value: 's 4', firstRow: 8 });
  });

  it('reports missing columns by name and reads no rows', () => {
    const { entries, problems } = parseWatchListCsv('тип;значение;комментарий\nseal;S1;x', 'list.csv');
    expect(entries).toEqual([]);
    expect(problems.map((problem) => [problem.code, problem.row, problem.field, problem.params])).toEqual([
      ['WATCH_CSV_COLUMN_MISSING', 1, 'severity', { column: 'severity' }],
      ['WATCH_CSV_COLUMN_MISSING', 1, 'reason', { column: 'reason' }],
    ]);
  });

  it('does not throw on an empty file, binary noise or an unclosed quote', () => {
    expect(parseWatchListCsv('', 'list.csv').problems.map((problem) => problem.code)).toEqual(['WATCH_CSV_EMPTY']);
    expect(() => parseWatchListCsv(new Uint8Array([0, 1, 2, 255, 254, 0, 13, 10]), 'x.csv')).not.toThrow();
    const unclosed = parseWatchListCsv('type;value;severity;reason\nseal;"S1;low;r\nseal;S2;low;r', 'list.csv');
    expect(unclosed.problems[0]).toMatchObject({ code: 'WATCH_CSV_UNCLOSED_QUOTE', row: 2, field: null });
  });
});
