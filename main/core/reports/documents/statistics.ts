import type { Content } from 'pdfmake/interfaces';
import type { StatisticsData } from '../statistics-data';
import { barChart } from './charts';
import { documentFrame, facts, formatTime, grid, heading, titleBlock, translatorFor, type BuiltDocument, type ReportStamp, type T } from './common';

export const percent = (rate: number | null): string => (rate === null ? '—' : `${(Math.round(rate * 1000) / 10).toFixed(1)} %`);

const laneColors = { red: '#c0392b', yellow: '#d4a017', green: '#2e8b57', unscored: '#9a9a9a' } as const;

/** The rows shared by the PDF and the xlsx summary sheet. */
export function statisticsSummaryRows(t: T, data: StatisticsData): [string, number][] {
  return [
    [t('report.stats.manifests'), data.manifests],
    [t('report.stats.lines'), data.lines],
    [t('report.stats.lane.red'), data.lanes.red],
    [t('report.stats.lane.yellow'), data.lanes.yellow],
    [t('report.stats.lane.green'), data.lanes.green],
    [t('report.stats.lane.unscored'), data.lanes.unscored],
    [t('report.stats.selected'), data.selected],
    [t('report.stats.targeted'), data.targeted],
    [t('report.stats.random'), data.random],
    [t('report.stats.examined'), data.examined],
    [t('report.stats.withSeizure'), data.withSeizure],
    ...exchangeRows(t, data),
  ];
}

function exchangeRows(t: T, data: StatisticsData): [string, number][] {
  return [
    [t('report.stats.exchange.alertsSent'), data.exchange.alertsSent],
    [t('report.stats.exchange.noticesSent'), data.exchange.noticesSent],
    [t('report.stats.exchange.alertsReceived'), data.exchange.alertsReceived],
    [t('report.stats.exchange.noticesReceived'), data.exchange.noticesReceived],
    [t('report.stats.exchange.linesFlagged'), data.exchange.linesFlaggedByAlerts],
  ];
}

export const quantitiesText = (t: T, quantities: StatisticsData['seizures'][number]['quantities']): string =>
  quantities.map((item) => `${item.quantity} ${t(`seizure.unit.${item.unit}`)}`).join(', ');

/** Statistics for managers over a period, with bar charts drawn as SVG. */
export function buildStatisticsReport(data: StatisticsData, stamp: ReportStamp): BuiltDocument {
  const t = translatorFor(data.language);
  const title = t('report.kind.statistics');
  const lanes = (['red', 'yellow', 'green', 'unscored'] as const).map((lane) => ({ label: t(`report.stats.lane.${lane}`), value: data.lanes[lane], color: laneColors[lane] }));
  const content: Content[] = [
    titleBlock(t, {
      unit: `${data.unit.name} (${data.unit.locode})`,
      title,
      lines: [t('report.stats.period', { from: data.from, to: data.to }), `${t('report.issuedAt')}: ${formatTime(data.issuedAt, data.timeZone)} · ${t('report.issuedBy')}: ${data.issuedBy}`],
      stamp,
    }),
    heading(t('report.stats.section.volume')),
    facts([
      [t('report.stats.manifests'), String(data.manifests)],
      [t('report.stats.lines'), String(data.lines)],
    ]),
    heading(t('report.stats.section.lanes')),
    barChart(lanes),
    heading(t('report.stats.section.funnel')),
    barChart([
      { label: t('report.stats.selected'), value: data.selected },
      { label: t('report.stats.targeted'), value: data.targeted },
      { label: t('report.stats.random'), value: data.random },
      { label: t('report.stats.examined'), value: data.examined },
      { label: t('report.stats.withSeizure'), value: data.withSeizure, color: '#c0392b' },
    ]),
    heading(t('report.stats.section.seizures')),
    ...(data.seizures.length === 0
      ? [{ text: t('report.stats.noData') }]
      : [
          barChart(data.seizures.map((item) => ({ label: item.name, value: item.count, color: '#7b3f9e' }))),
          grid(
            [t('report.field.category'), t('report.stats.group'), t('report.stats.count'), t('report.stats.quantity')],
            data.seizures.map((item) => [item.name, t(`report.cen.${item.group}`), { text: String(item.count), alignment: 'right' }, quantitiesText(t, item.quantities)]),
            ['*', 100, 50, 110],
          ),
        ]),
    heading(t('report.stats.section.profiles')),
    ...(data.profiles.length === 0
      ? [{ text: t('report.stats.noData') }]
      : [
          grid(
            [t('report.stats.profile'), t('report.stats.lines'), t('report.stats.selected'), t('report.stats.withSeizure'), t('report.stats.hitRate')],
            data.profiles.map((item) => [`${item.name} v${item.version}`, String(item.scored), String(item.selected), String(item.seizures), percent(item.hitRate)]),
            // Wide enough for the Russian headers (Результативность) on one line.
            ['*', 50, 56, 60, 92],
          ),
        ]),
    heading(t('report.stats.section.indicators')),
    ...(data.indicators.length === 0
      ? [{ text: t('report.stats.noData') }]
      : [
          barChart(data.indicators.map((item) => ({ label: item.name, value: item.fired, caption: `${item.fired} · ${percent(item.hitRate)}` })), { color: '#2f5d8a' }),
          grid(
            [t('report.stats.indicator'), t('report.stats.fired'), t('report.stats.selected'), t('report.stats.withSeizure'), t('report.stats.hitRate')],
            data.indicators.map((item) => [item.name, String(item.fired), String(item.selected), String(item.seizures), percent(item.hitRate)]),
            ['*', 80, 56, 60, 92],
          ),
        ]),
    heading(t('report.stats.section.exchange')),
    facts(exchangeRows(t, data).map(([label, value]) => [label, String(value)])),
    ...(data.exchange.partnerSeizures.length === 0
      ? []
      : [
          { text: t('report.stats.exchange.partnerSeizures'), bold: true, margin: [0, 6, 0, 2] } as Content,
          grid(
            [t('report.field.category'), t('report.stats.count'), t('report.stats.quantity')],
            data.exchange.partnerSeizures.map((item) => [item.name, { text: String(item.count), alignment: 'right' }, quantitiesText(t, item.quantities)]),
            ['*', 50, 140],
          ),
        ]),
  ];
  return documentFrame(t, { title: `${title} ${data.from} – ${data.to}`, stamp, content, language: data.language, signature: false });
}
