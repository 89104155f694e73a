import type { Content } from 'pdfmake/interfaces';
import type { ConsignmentFacts, CustodyData, ExaminationData, ExaminationReportData, PhotoData, ReportImages, SeizureData, SelectionFacts } from '../report-data';
import { dash, documentFrame, facts, formatTime, grid, heading, subheading, titleBlock, translatorFor, type BuiltDocument, type ReportStamp, type T } from './common';

export function consignmentSection(t: T, line: ConsignmentFacts | null, examination?: ExaminationData): Content[] {
  if (!line) return [{ text: '—' }];
  const found = examination?.sealsFound.map((seal) => `${seal.seal} (${t(`examination.seal.status.${seal.status}`)})`).join(', ');
  return [
    facts([
      [t('report.field.vessel'), dash(line.vessel)],
      [t('report.field.imo'), dash(line.imo)],
      [t('report.field.voyage'), dash(line.voyage)],
      [t('report.field.bl'), dash(line.bl)],
      [t('report.field.container'), dash(line.container)],
      [t('report.field.consignee'), dash(line.consignee)],
      [t('report.field.goods'), dash(line.goods)],
      [t('report.field.sealsDeclared'), line.seals.length ? line.seals.join(', ') : t('report.none')],
      ...(examination
        ? ([
            [t('report.field.sealsFound'), found || t('report.none')],
            [t('report.field.newSeal'), dash(examination.newSeal)],
          ] as [string, string][])
        : []),
    ]),
  ];
}

export function selectionSection(t: T, selection: SelectionFacts | null, timeZone: string): Content[] {
  if (!selection) return [{ text: t('report.selection.none') }];
  const out: Content[] = [];
  if (selection.profile) {
    out.push({
      text: t('report.selection.profile', { name: selection.profile.name, version: selection.profile.version, score: selection.profile.score, lane: t(`report.stats.lane.${selection.profile.lane}`) }),
    });
  }
  out.push({
    text: t('report.selection.decision', { decision: t(`report.selection.decision.${selection.decision}`), by: selection.by, at: formatTime(selection.at, timeZone), reason: selection.reason }),
    margin: [0, 2, 0, 4],
  });
  if (selection.decision === 'random') out.push({ text: t('report.selection.random'), italics: true });
  if (selection.fired.length) {
    out.push(subheading(t('report.selection.indicators')));
    out.push(grid([t('report.selection.indicator'), t('report.selection.weight'), t('report.selection.evidence')], selection.fired.map((item) => [item.name, { text: String(item.weight), alignment: 'right' }, item.reason]), [130, 40, '*']));
  }
  if (selection.watchHits.length) {
    out.push(subheading(t('report.selection.watchlist')));
    out.push(
      grid(
        [t('report.selection.watchType'), t('report.selection.watchValue'), t('report.selection.watchMatched'), t('report.selection.weight')],
        selection.watchHits.map((hit) => [hit.type, hit.value, hit.matched, { text: String(hit.weight), alignment: 'right' }]),
        [70, '*', '*', 40],
      ),
    );
  }
  return out;
}

export function examinationFacts(t: T, examination: ExaminationData): Content[] {
  const zone = examination.timeZone;
  return [
    facts([
      [t('report.field.method'), t(`examination.method.${examination.method}`)],
      [t('report.field.started'), formatTime(examination.startedAt, zone)],
      [t('report.field.ended'), formatTime(examination.endedAt, zone)],
      [t('report.field.place'), examination.location],
      [t('report.field.recordedBy'), `${examination.recordedBy}, ${formatTime(examination.recordedAt, zone)}`],
    ]),
    subheading(t('report.field.participants')),
    grid([t('report.field.name'), t('report.field.agency'), t('report.field.role')], examination.participants.map((person) => [person.name, person.agency, person.role])),
  ];
}

export function conditionSection(t: T, examination: ExaminationData): Content {
  const parts = Object.entries(examination.condition);
  return grid([t('report.field.part'), t('report.field.state')], parts.map(([part, state]) => [t(`examination.condition.part.${part}`), t(`examination.condition.state.${state}`)]), ['*', '*']);
}

export function photosSection(t: T, photos: readonly PhotoData[], images: ReportImages, timeZone: string): Content[] {
  if (photos.length === 0) return [{ text: t('report.none') }];
  return photos.map((photo) => {
    const image = images[`photo:${photo.id}`];
    return {
      unbreakable: true,
      margin: [0, 0, 0, 8],
      stack: [
        ...(image ? [{ image, fit: [300, 200] as [number, number], margin: [0, 0, 0, 3] as [number, number, number, number] }] : []),
        { text: photo.caption || photo.fileName, bold: true },
        { text: `${t('report.field.file')}: ${photo.fileName} · ${formatTime(photo.capturedAt, timeZone)}`, style: 'small' },
        { text: `${t('report.field.sha256')}: ${photo.sha256}`, style: 'mono' },
      ],
    };
  });
}

export function samplesSection(t: T, examination: ExaminationData): Content {
  return grid(
    [t('report.field.bag'), t('report.field.seal'), t('report.field.description'), t('report.field.takenAt')],
    examination.samples.map((sample) => [sample.bagNumber, dash(sample.sealNumber), sample.description, formatTime(sample.takenAt, examination.timeZone)]),
    [55, 70, '*', 110],
  );
}

export function seizuresSection(t: T, seizures: readonly SeizureData[]): Content {
  return grid(
    [t('report.field.category'), t('report.field.quantity'), t('report.field.description'), t('report.field.concealment'), t('report.field.parties')],
    seizures.map((item) => [
      `${t(`seizure.category.${item.category}`)}${item.voided ? ' ✕' : ''}`,
      `${item.quantity} ${t(`seizure.unit.${item.quantityUnit}`)}`,
      `${item.description}${item.estimatedValue ? `\n${t('report.field.value')}: ${item.estimatedValue} ${item.currency ?? ''}` : ''}`,
      [item.concealmentMethod, item.concealmentLocation].filter(Boolean).join('; ') || '—',
      item.parties.map((party) => `${party.name} (${party.role})`).join('\n') || '—',
    ]),
    [80, 55, '*', 90, 90],
  );
}

export function custodySection(t: T, custody: readonly CustodyData[], timeZone: string): Content {
  return grid(
    [t('report.field.when'), t('report.field.from'), t('report.field.to'), t('report.field.place'), t('report.field.bagsSeals'), t('report.field.gap')],
    custody.map((event) => [
      `${formatTime(event.handedOverAt, timeZone)}${event.voided ? ' ✕' : ''}${event.correctedBy ? ' *' : ''}`,
      `${event.fromPerson}\n${event.fromAgency}`,
      `${event.toPerson}\n${event.toAgency}`,
      event.place,
      [event.bagNumbers, event.sealNumbers].filter(Boolean).join(' / ') || '—',
      event.gapHours === null ? '' : t('report.gapHours', { hours: Math.round(event.gapHours) }),
    ]),
    // The gap column fits the Russian header (Разрыв) on one line.
    [80, '*', '*', 76, 66, 40],
  );
}

export function approvalLine(t: T, examination: ExaminationData): Content {
  return {
    text: examination.approvedBy ? t('report.approval.approved', { by: examination.approvedBy, at: formatTime(examination.approvedAt, examination.timeZone) }) : t('report.approval.pending'),
  };
}

export function correctionLines(t: T, corrections: readonly ExaminationData[], voided: ExaminationReportData['voided'], timeZone: string): Content[] {
  const lines: Content[] = [];
  for (const item of corrections) {
    if (item.correctsExaminationId) lines.push({ text: t('report.correction.corrects', { id: item.id, corrected: item.correctsExaminationId, reason: item.correctionReason ?? '' }) });
  }
  for (const item of voided) {
    lines.push({ text: t('report.correction.voided', { record: t(`casework.record.${item.kind}`, { id: item.id }), by: item.by, at: formatTime(item.at, timeZone), reason: item.reason }) });
  }
  return lines.length ? lines : [{ text: t('report.none') }];
}

/** The examination report: one examination, with everything a prosecutor needs to follow it. */
export function buildExaminationReport(data: ExaminationReportData, stamp: ReportStamp, images: ReportImages = {}): BuiltDocument {
  const t = translatorFor(data.language);
  const exam = data.examination;
  const zone = data.timeZone;
  const title = t('report.kind.examination');
  const withCorrections = exam.correctsExaminationId ? [exam, ...data.corrections] : data.corrections;
  const content: Content[] = [
    titleBlock(t, {
      unit: `${data.unit.name} (${data.unit.locode})`,
      title,
      lines: [`${t('report.caseReference')}: ${data.case.reference} · ${t('report.examinationNumber', { id: exam.id })}`, `${t('report.issuedAt')}: ${formatTime(data.issuedAt, zone)} · ${t('report.issuedBy')}: ${data.issuedBy}`],
      stamp,
    }),
    heading(t('report.section.consignment')),
    ...consignmentSection(t, data.consignment, exam),
    heading(t('report.section.selection')),
    ...selectionSection(t, data.selection, zone),
    heading(t('report.section.examination')),
    ...examinationFacts(t, exam),
    heading(t('report.section.condition')),
    conditionSection(t, exam),
    heading(t('report.section.photos')),
    ...photosSection(t, data.photos, images, zone),
    heading(t('report.section.samples')),
    samplesSection(t, exam),
    heading(t('report.section.result')),
    { text: t(`examination.result.${exam.result}`), bold: true },
    ...(exam.notes ? [{ text: `${t('report.field.notes')}: ${exam.notes}`, margin: [0, 3, 0, 0] as [number, number, number, number] }] : []),
    heading(t('report.section.seizures')),
    seizuresSection(t, data.seizures),
    heading(t('report.section.custody')),
    custodySection(t, data.custody, zone),
    heading(t('report.section.corrections')),
    ...correctionLines(t, withCorrections, data.voided, zone),
    heading(t('report.section.approval')),
    approvalLine(t, exam),
  ];
  return documentFrame(t, { title: `${title} ${data.case.reference}`, stamp, content, language: data.language, signature: true });
}
