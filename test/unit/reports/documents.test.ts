import { createRequire } from 'node:module';
import path from 'node:path';
import type { Content } from 'pdfmake/interfaces';
import { describe, expect, it } from 'vitest';
import { buildCaseFile } from '../../../main/core/reports/documents/case-file';
import { barSvg } from '../../../main/core/reports/documents/charts';
import { formatTime, qrText } from '../../../main/core/reports/documents/common';
import { buildExaminationReport } from '../../../main/core/reports/documents/examination';
import { buildStatisticsReport } from '../../../main/core/reports/documents/statistics';
import { fontsDir, FONT_FILES, renderPdf } from '../../../main/core/reports/render';
import { canonicalJson, dataSha256, type CaseFileData, type ExaminationReportData } from '../../../main/core/reports/report-data';
import { SIGNATURE_AREA, SIGNATURE_SLOTS } from '../../../main/core/reports/signature-box';
import type { StatisticsData } from '../../../main/core/reports/statistics-data';

/** fontkit ships no types; only this is used. */
const fontkit = createRequire(import.meta.url)('fontkit') as { openSync(file: string): { hasGlyphForCodePoint(code: number): boolean } };

const stamp = { reportUid: '2f1d2b9e-3c0a-4a4e-9d7e-0b6c1f2a3b4c', dataSha256: 'a'.repeat(64), auditHead: 'b'.repeat(64) };
const header = { unit: { name: 'PCU Хуҷанд', locode: 'TJKHJ' }, issuedAt: '2026-03-05T10:00:00.000Z', issuedBy: 'Ҷамшед Қодирӣ', timeZone: 'Asia/Dushanbe' };

const examination: ExaminationReportData['examination'] = {
  id: 7,
  caseId: 3,
  consignmentId: 11,
  method: 'physical_partial',
  location: 'Бокс 2',
  startedAt: '2026-03-05T04:00:00.000Z',
  endedAt: '2026-03-05T05:30:00.000Z',
  timeZone: 'Asia/Dushanbe',
  participants: [{ name: 'Ғафур Ӯлмасов', agency: 'Агентство по контролю за наркотиками', role: 'кинолог' }],
  sealsFound: [{ seal: 'PK1', status: 'broken' }],
  newSeal: 'TJ-CUS 1',
  condition: { doors: 'damaged', floor: 'ok', roof: 'ok', walls: 'ok', frontWall: 'ok', undercarriage: 'not_checked', refrigerationUnit: 'not_checked' },
  samples: [{ id: 1, bagNumber: 'S-1', description: 'порошок', takenAt: '2026-03-05T05:00:00.000Z' }],
  result: 'seizure',
  notes: '',
  sealsDeclared: ['PK1'],
  recordedBy: 'officer',
  recordedAt: '2026-03-05T06:00:00.000Z',
  approvedBy: null,
  approvedAt: null,
  correctsExaminationId: null,
  correctionReason: null,
  correctedBy: null,
  voided: null,
};

const examinationData = (language: 'en' | 'ru'): ExaminationReportData => ({
  ...header,
  language,
  kind: 'examination',
  case: { id: 3, reference: 'TJKHJ-2026-0003', title: '', status: 'seizure', assignedTo: null, openedBy: 'officer', openedAt: '2026-03-05T03:00:00.000Z', closedAt: null, consignments: 1, examinations: 1, seizures: 1, awaitingApproval: 1 },
  consignment: { id: 11, vessel: 'MSC ANNA', imo: '9454436', voyage: '425E', bl: 'B1', container: 'CAIU5531207', consignee: 'ҶДММ «Қӯҳистон-Ҳамл»', goods: 'tractor parts', seals: ['PK1'] },
  selection: {
    decision: 'targeted',
    reason: 'route',
    by: 'officer',
    at: '2026-03-04T10:00:00.000Z',
    profile: { name: 'Standard', version: 2, score: 40, lane: 'red', randomPick: false },
    fired: [{ id: 'route', name: 'High-risk port on the route', reason: 'Received at PKKHI', weight: 15 }],
    watchHits: [{ type: 'party', value: 'Қӯҳистон', matched: 'Қӯҳистон-Ҳамл', weight: 20, severity: 'high' }],
  },
  examination,
  corrections: [],
  photos: [{ id: 5, fileName: 'p.png', mediaType: 'image/png', caption: 'Тайник', sha256: 'c'.repeat(64), capturedAt: null }],
  seizures: [],
  custody: [],
  voided: [],
});

/** Every string in a document definition, depth first. */
function texts(node: unknown): string[] {
  if (typeof node === 'string') return [node];
  if (Array.isArray(node)) return node.flatMap(texts);
  if (node && typeof node === 'object') return Object.entries(node).flatMap(([key, value]) => (key === 'svg' || key === 'image' ? [] : texts(value)));
  return [];
}

describe('report document builders', () => {
  it.each([
    ['en', ['Examination report', 'Consignment', 'Why it was selected', 'Condition of the container', 'Photographs', 'Samples', 'Chain of custody', 'Approval', 'Signatures']],
    ['ru', ['Акт таможенного досмотра', 'Партия товара', 'Основания для отбора', 'Состояние контейнера', 'Фотографии', 'Пробы и образцы', 'Цепочка хранения', 'Утверждение', 'Подписи']],
  ] as const)('the examination report (%s) has its sections, names, QR and page footer', (language, sections) => {
    const built = buildExaminationReport(examinationData(language), stamp);
    const all = texts(built.docDefinition.content).join('\n');
    for (const section of sections) expect(all).toContain(section);
    expect(all).toContain('Ғафур Ӯлмасов');
    expect(all).toContain('ҶДММ «Қӯҳистон-Ҳамл»');
    expect(all).toContain('2026-03-05 09:00 (Asia/Dushanbe)');
    expect(all).toContain('c'.repeat(64));
    expect(built.qr).toBe(qrText(stamp));
    expect(JSON.stringify(built.docDefinition.content)).toContain(`"qr":"PCU-REPORT:${stamp.reportUid};DATA-SHA256:${'a'.repeat(64)};AUDIT-HEAD:${'b'.repeat(64)}"`);
    const footer = built.docDefinition.footer as (page: number, pages: number) => Content;
    const footerText = texts(footer(2, 5)).join(' ');
    expect(footerText).toContain(language === 'en' ? 'Page 2 of 5' : 'Страница 2 из 5');
    expect(footerText).toContain(stamp.dataSha256);
    expect(footerText).toContain(stamp.auditHead);
    expect(built.signature).toEqual({ page: 'last', area: SIGNATURE_AREA, slots: SIGNATURE_SLOTS });
    expect(built.docDefinition.pageSize).toBe('A4');
  });

  it('the case file has a table of contents and marks its sections for it', () => {
    const data: CaseFileData = {
      ...header,
      language: 'en',
      kind: 'case_file',
      detail: { case: examinationData('en').case, consignments: [], examinations: [examination], seizures: [], custody: [], notes: [{ id: 1, text: 'Ҷ ӣ ӯ ҳ қ ғ', by: 'officer', at: '2026-03-05T06:00:00.000Z', voided: null }], attachments: [] },
      consignments: [],
      selections: [],
    };
    const built = buildCaseFile(data, stamp);
    const json = JSON.stringify(built.docDefinition.content);
    expect(json).toContain('"toc"');
    expect((json.match(/"tocItem":true/g) ?? []).length).toBeGreaterThanOrEqual(6);
    expect(texts(built.docDefinition.content).join('\n')).toContain('Ҷ ӣ ӯ ҳ қ ғ');
  });

  it('statistics draw their charts as SVG and have no signature area', () => {
    const data: StatisticsData = {
      ...header,
      language: 'ru',
      kind: 'statistics',
      from: '2026-01-01',
      to: '2026-03-31',
      manifests: 4,
      lines: 16,
      lanes: { red: 2, yellow: 7, green: 7, unscored: 0 },
      selected: 1,
      targeted: 1,
      random: 0,
      examined: 1,
      withSeizure: 1,
      seizures: [{ category: 'drugs.cocaine', group: 'drugs', name: 'Кокаин', count: 1, quantities: [{ unit: 'kg', quantity: '24.6' }] }],
      profiles: [{ name: 'Standard', version: 1, scored: 16, selected: 1, seizures: 1, hitRate: 1 }],
      indicators: [],
      exchange: {
        alertsSent: 2,
        noticesSent: 1,
        alertsReceived: 3,
        noticesReceived: 1,
        linesFlaggedByAlerts: 1,
        partnerSeizures: [{ category: 'drugs.heroin', name: 'Героин', count: 1, quantities: [{ unit: 'kg', quantity: '12.5' }] }],
      },
    };
    const built = buildStatisticsReport(data, stamp);
    const json = JSON.stringify(built.docDefinition.content);
    expect((json.match(/"svg":"<svg/g) ?? []).length).toBeGreaterThanOrEqual(9);
    expect(texts(built.docDefinition.content).join('\n')).toContain('Наркотики');
    // The exchange with partner units: packages each way, lines alerts flagged, partners' seizures.
    const all = texts(built.docDefinition.content).join('\n');
    expect(all).toContain('Обмен с подразделениями-партнёрами');
    expect(all).toContain('Строк, отмеченных ориентировкой партнёра');
    expect(all).toContain('Героин');
    expect(all).toContain('12.5 кг');
    expect(built.signature).toBeNull();
  });

  it('bars scale to the largest value; canonical JSON sorts keys; times are 24-hour in the named zone', () => {
    expect(barSvg(5, 10, { width: 200, height: 9, color: '#000' })).toContain('width="100"');
    expect(barSvg(0, 0, { width: 200, height: 9, color: '#000' })).toContain('width="0"');
    expect(canonicalJson({ b: 1, a: [{ d: 'ә', c: null }] })).toBe('{"a":[{"c":null,"d":"ә"}],"b":1}');
    expect(dataSha256({ a: 1, b: 2 })).toBe(dataSha256({ b: 2, a: 1 }));
    expect(formatTime('2026-03-05T18:30:00.000Z', 'Asia/Dushanbe')).toBe('2026-03-05 23:30 (Asia/Dushanbe)');
  });
});

describe('the bundled fonts', () => {
  it.each(Object.values(FONT_FILES))('%s has every letter of Russian, Tajik, Kazakh, Uzbek and Kyrgyz the reports print', (file) => {
    const font = fontkit.openSync(path.join(fontsDir(), file));
    const letters = [...'ӣӯҳҷқғңұүөәʻӢӮҲҶҚҒҢҰҮӨӘАБВГДЕЁЖЗИЙКЛМНОПРСТУФХЦЧШЩЪЫЬЭЮЯабвгдеёжзийклмнопрстуфхцчшщъыьэюя«»–—·✕'];
    expect(letters.filter((letter) => !font.hasGlyphForCodePoint(letter.codePointAt(0) ?? 0))).toEqual([]);
  });

  it('renders a document to PDF with the fonts embedded', async () => {
    const { pdf, pages } = await renderPdf(buildExaminationReport(examinationData('ru'), stamp).docDefinition);
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    expect(pages).toBeGreaterThanOrEqual(1);
    expect(pdf.toString('latin1')).toMatch(/FontFile2/);
  });
});
