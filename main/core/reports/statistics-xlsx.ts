import * as XLSX from 'xlsx';
import { translatorFor } from './documents/common';
import { quantitiesText, statisticsSummaryRows } from './documents/statistics';
import type { StatisticsData } from './statistics-data';

/**
 * A sheet whose columns are as wide as their longest text (up to 60
 * characters), so a manager opening it reads the labels instead of "Манифест…".
 */
function sheetOf(rows: (string | number)[][], titleRows = 0): XLSX.WorkSheet {
  const sheet = XLSX.utils.aoa_to_sheet(rows);
  const widths: number[] = [];
  for (const row of rows.slice(titleRows)) {
    row.forEach((cell, column) => {
      widths[column] = Math.max(widths[column] ?? 8, Math.min(60, String(cell).length + 2));
    });
  }
  sheet['!cols'] = widths.map((wch) => ({ wch }));
  return sheet;
}

/** The same statistics as the PDF, as a workbook: summary, seizures, profiles, indicators (hit rates as numbers 0-1). */
export function statisticsWorkbook(data: StatisticsData, stamp: { reportUid: string; dataSha256: string; auditHead: string }): Buffer {
  const t = translatorFor(data.language);
  const book = XLSX.utils.book_new();
  const summary: (string | number)[][] = [
    [t('report.kind.statistics'), `${data.unit.name} (${data.unit.locode})`],
    [t('report.stats.period', { from: data.from, to: data.to }), ''],
    [t('report.idLine', { id: stamp.reportUid, dataSha256: stamp.dataSha256, auditHead: stamp.auditHead }), ''],
    [],
    [t('report.stats.measure'), t('report.stats.value')],
    ...statisticsSummaryRows(t, data),
  ];
  // The title lines above the summary table (unit, period, report id) may run over into the next cells; they do not set the width.
  XLSX.utils.book_append_sheet(book, sheetOf(summary, 4), t('report.stats.sheet.summary'));
  XLSX.utils.book_append_sheet(
    book,
    sheetOf([
      [t('report.field.category'), t('report.stats.group'), t('report.stats.count'), t('report.stats.quantity')],
      ...data.seizures.map((item) => [item.name, t(`report.cen.${item.group}`), item.count, quantitiesText(t, item.quantities)]),
    ]),
    t('report.stats.sheet.seizures'),
  );
  XLSX.utils.book_append_sheet(
    book,
    sheetOf([
      [t('report.stats.profile'), t('report.stats.lines'), t('report.stats.selected'), t('report.stats.withSeizure'), t('report.stats.hitRate')],
      ...data.profiles.map((item) => [`${item.name} v${item.version}`, item.scored, item.selected, item.seizures, item.hitRate ?? '']),
    ]),
    t('report.stats.sheet.profiles'),
  );
  XLSX.utils.book_append_sheet(
    book,
    sheetOf([
      [t('report.stats.indicator'), t('report.stats.fired'), t('report.stats.selected'), t('report.stats.withSeizure'), t('report.stats.hitRate')],
      ...data.indicators.map((item) => [item.name, item.fired, item.selected, item.seizures, item.hitRate ?? '']),
    ]),
    t('report.stats.sheet.indicators'),
  );
  XLSX.utils.book_append_sheet(
    book,
    sheetOf([
      [t('report.field.category'), t('report.stats.count'), t('report.stats.quantity')],
      ...data.exchange.partnerSeizures.map((item) => [item.name, item.count, quantitiesText(t, item.quantities)]),
    ]),
    t('report.stats.sheet.partnerSeizures'),
  );
  return XLSX.write(book, { type: 'buffer', bookType: 'xlsx', compression: true }) as Buffer;
}
