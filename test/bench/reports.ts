/**
 * Report rendering speed (issue 7): a 10-page examination report with 6
 * photos, rendered unsigned; the ratio is against rendering the same document
 * without its photos, so the cost of embedding images shows apart from
 * layout. Then the same report rendered and signed in the officer's slot
 * (PAdES B-B, RSA 3072, visible block in its embedded font subset), as a
 * signed report is issued, against the unsigned render. The signer's key is
 * already open: unlocking the officer's PKCS#12 with the password is not timed.
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { demoPhotoPng } from '../../main/core/demo/demo-photo';
import { buildExaminationReport } from '../../main/core/reports/documents/examination';
import { renderPdf } from '../../main/core/reports/render';
import type { ExaminationReportData, ReportImages } from '../../main/core/reports/report-data';
import { SIGNATURE_SLOTS } from '../../main/core/reports/signature-box';
import { signPdf } from '../../main/core/signing/sign-pdf';
import { SIGNED_AT, testCredentials } from '../fixtures/signing/credentials';

export interface ReportsBenchRow {
  readonly measure: string;
  readonly value: string;
  readonly ratio: string;
}

/** A long examination: many participants, samples and custody hand-overs, six photos. */
export function benchExaminationData(custodyRows: number): { data: ExaminationReportData; images: ReportImages } {
  const at = (hours: number) => new Date(Date.UTC(2026, 2, 5, 4) + hours * 3_600_000).toISOString();
  const photos = Array.from({ length: 6 }, (_, index) => ({ id: index + 1, fileName: `photo-${index + 1}.png`, mediaType: 'image/png', caption: `Фото ${index + 1}: тайник в рефрижераторной установке`, sha256: String(index).repeat(64), capturedAt: at(index) }));
  const png = demoPhotoPng(1200, 800).toString('base64');
  const images: ReportImages = Object.fromEntries(photos.map((photo) => [`photo:${photo.id}`, `data:image/png;base64,${png}`]));
  const data: ExaminationReportData = {
    kind: 'examination',
    unit: { name: 'PCU Душанбе', locode: 'TJDYU' },
    language: 'ru',
    issuedAt: at(48),
    issuedBy: 'Ҷамшед Қодирӣ',
    timeZone: 'Asia/Dushanbe',
    case: { id: 1, reference: 'TJDYU-2026-0001', title: 'bench', status: 'seizure', assignedTo: null, openedBy: 'officer', openedAt: at(0), closedAt: null, consignments: 1, examinations: 1, seizures: 1, awaitingApproval: 0 },
    consignment: { id: 1, vessel: 'MSC ANNA', imo: '9454436', voyage: '425E', bl: 'MEDUKH250003', container: 'CAIU5531207', consignee: 'ҶДММ «Қӯҳистон-Ҳамл»', goods: 'Frozen vegetables', seals: ['PK0412234'] },
    selection: null,
    examination: {
      id: 1,
      caseId: 1,
      consignmentId: 1,
      method: 'physical_full',
      location: 'Dushanbe customs terminal',
      startedAt: at(1),
      endedAt: at(4),
      timeZone: 'Asia/Dushanbe',
      participants: Array.from({ length: 12 }, (_, index) => ({ name: `Officer ${index} Ғафуров`, agency: 'Customs', role: 'Examiner' })),
      sealsFound: [{ seal: 'PK0412234', status: 'match' }],
      newSeal: 'TJ-CUS 1',
      condition: { doors: 'ok', floor: 'ok', roof: 'ok', walls: 'ok', frontWall: 'ok', undercarriage: 'ok', refrigerationUnit: 'modified' },
      samples: Array.from({ length: 20 }, (_, index) => ({ id: index + 1, bagNumber: `S-${index}`, description: 'Белый порошок, 10 г, для лаборатории', takenAt: at(2) })),
      result: 'seizure',
      notes: 'Dog indicated on the refrigeration unit.',
      sealsDeclared: ['PK0412234'],
      recordedBy: 'officer',
      recordedAt: at(5),
      approvedBy: 'supervisor',
      approvedAt: at(6),
      correctsExaminationId: null,
      correctionReason: null,
      correctedBy: null,
      voided: null,
    },
    corrections: [],
    photos,
    seizures: [],
    custody: Array.from({ length: custodyRows }, (_, index) => ({
      id: index + 1,
      caseId: 1,
      seizureId: null,
      sampleId: null,
      fromPerson: 'Malika Yusupova',
      fromAgency: 'Customs, evidence room',
      toPerson: 'Рустам Саидов',
      toAgency: 'Агентство по контролю за наркотиками',
      handedOverAt: at(6 + index),
      place: 'Dushanbe',
      bagNumbers: `EB-${index}`,
      sealNumbers: `TJ-${index}`,
      condition: '',
      recordedBy: 'officer',
      recordedAt: at(6 + index),
      correctedBy: null,
      gapHours: null,
      voided: null,
    })),
    voided: [],
  };
  return { data, images };
}

const stamp = { reportUid: '00000000-0000-4000-8000-000000000000', dataSha256: 'a'.repeat(64), auditHead: 'b'.repeat(64) };

async function timed<T>(work: () => Promise<T>): Promise<{ ms: number; result: T }> {
  const start = performance.now();
  const result = await work();
  return { ms: performance.now() - start, result };
}

/** Renders the bench report (warm, best of three) and writes it to `dir` for a look. */
export async function runReportsBench(dir: string): Promise<ReportsBenchRow[]> {
  // Enough custody rows for ten pages with the photos (checked below, so the figure stays honest).
  const { data, images } = benchExaminationData(62);
  await renderPdf(buildExaminationReport(data, stamp, images).docDefinition); // warm: fonts loaded, code compiled
  let best = Number.POSITIVE_INFINITY;
  let bestBare = Number.POSITIVE_INFINITY;
  let pages = 0;
  let bytes = 0;
  for (let round = 0; round < 3; round += 1) {
    const full = await timed(() => renderPdf(buildExaminationReport(data, stamp, images).docDefinition));
    best = Math.min(best, full.ms);
    pages = full.result.pages;
    bytes = full.result.pdf.length;
    if (round === 0) writeFileSync(path.join(dir, 'bench-report.pdf'), full.result.pdf);
    const bare = await timed(() => renderPdf(buildExaminationReport({ ...data, photos: [] }, stamp, {}).docDefinition));
    bestBare = Math.min(bestBare, bare.ms);
  }
  const { officer } = testCredentials();
  const appearance = { name: data.issuedBy, role: 'Инспектор', unit: data.unit.name, signedAt: SIGNED_AT, timeZone: data.timeZone };
  const renderAndSign = async () => {
    const rendered = await renderPdf(buildExaminationReport(data, stamp, images).docDefinition);
    return signPdf(rendered.pdf, { signer: officer, appearance, rects: [SIGNATURE_SLOTS.officer] });
  };
  await renderAndSign(); // warm: the signature block's layout and the signing code
  let bestSigned = Number.POSITIVE_INFINITY;
  let signedBytes = 0;
  for (let round = 0; round < 3; round += 1) {
    const signed = await timed(renderAndSign);
    bestSigned = Math.min(bestSigned, signed.ms);
    signedBytes = signed.result.pdf.length;
  }
  return [
    { measure: `Render a ${pages}-page examination report with 6 photos (1200×800 PNG), unsigned`, value: `${best.toFixed(0)} ms (${(bytes / 1024).toFixed(0)} KiB)`, ratio: `${(best / bestBare).toFixed(1)} × the same report without photos (${bestBare.toFixed(0)} ms)` },
    {
      measure: `Render and sign the same ${pages}-page report with 6 photos (PAdES B-B, RSA 3072, visible block; key already open)`,
      value: `${bestSigned.toFixed(0)} ms (${(signedBytes / 1024).toFixed(0)} KiB)`,
      ratio: `${(bestSigned / best).toFixed(1)} × the unsigned render (${best.toFixed(0)} ms)`,
    },
  ];
}
