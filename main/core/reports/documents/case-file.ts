import type { Content } from 'pdfmake/interfaces';
import type { CaseFileData, ReportImages } from '../report-data';
import { dash, documentFrame, facts, formatTime, grid, heading, subheading, titleBlock, translatorFor, type BuiltDocument, type ReportStamp } from './common';
import {
  approvalLine,
  conditionSection,
  consignmentSection,
  custodySection,
  examinationFacts,
  photosSection,
  samplesSection,
  seizuresSection,
  selectionSection,
} from './examination';

/** The case file: the case, its consignments, every examination, seizure, hand-over, note and attachment, with a table of contents. */
export function buildCaseFile(data: CaseFileData, stamp: ReportStamp, images: ReportImages = {}): BuiltDocument {
  const t = translatorFor(data.language);
  const zone = data.timeZone;
  const { detail } = data;
  const title = t('report.kind.case_file');
  const mark = (voided: { reason: string } | null | boolean) => (voided ? ' ✕' : '');
  const content: Content[] = [
    titleBlock(t, {
      unit: `${data.unit.name} (${data.unit.locode})`,
      title,
      lines: [
        `${t('report.caseReference')}: ${detail.case.reference}${detail.case.title ? ` · ${detail.case.title}` : ''}`,
        `${t('report.issuedAt')}: ${formatTime(data.issuedAt, zone)} · ${t('report.issuedBy')}: ${data.issuedBy}`,
        t('report.caseFile.summary', {
          examinations: detail.examinations.length,
          seizures: detail.seizures.length,
          custody: detail.custody.length,
          notes: detail.notes.length,
          attachments: detail.attachments.length,
        }),
      ],
      stamp,
    }),
    { toc: { title: { text: t('report.section.contents'), style: 'h2' } }, margin: [0, 0, 0, 8] },
    heading(t('report.section.case'), true),
    facts([
      [t('report.field.status'), t(`cases.status.${detail.case.status}`)],
      [t('report.field.title'), dash(detail.case.title)],
      [t('report.field.openedBy'), `${detail.case.openedBy}, ${formatTime(detail.case.openedAt, zone)}`],
      [t('report.field.assignedTo'), dash(detail.case.assignedTo)],
    ]),
    heading(t('report.section.consignment'), true),
    ...data.consignments.flatMap((line) => {
      const selection = data.selections.find((item) => item.consignmentId === line.id) ?? null;
      return [subheading(`${dash(line.container)} · ${dash(line.bl)}`), ...consignmentSection(t, line), ...selectionSection(t, selection, zone)];
    }),
    heading(t('report.section.examinations'), true),
    ...(detail.examinations.length === 0
      ? [{ text: t('report.none') }]
      : detail.examinations.flatMap((exam): Content[] => [
          subheading(`${t('report.examinationNumber', { id: exam.id })}${mark(exam.voided)}${exam.correctedBy ? ` → ${t('report.examinationNumber', { id: exam.correctedBy })}` : ''}`),
          ...examinationFacts(t, exam),
          { text: t('report.section.condition'), bold: true },
          conditionSection(t, exam),
          { text: t('report.section.samples'), bold: true },
          samplesSection(t, exam),
          { text: `${t('report.field.result')}: ${t(`examination.result.${exam.result}`)}`, bold: true },
          ...(exam.notes ? [{ text: `${t('report.field.notes')}: ${exam.notes}` }] : []),
          ...(exam.correctionReason ? [{ text: t('report.correction.corrects', { id: exam.id, corrected: exam.correctsExaminationId ?? '', reason: exam.correctionReason }) }] : []),
          ...(exam.voided ? [{ text: t('report.correction.voided', { record: t('casework.record.examination', { id: exam.id }), by: exam.voided.by, at: formatTime(exam.voided.at, zone), reason: exam.voided.reason }) }] : []),
          approvalLine(t, exam),
        ])),
    heading(t('report.section.seizures'), true),
    seizuresSection(t, detail.seizures),
    heading(t('report.section.custody'), true),
    custodySection(t, detail.custody, zone),
    heading(t('report.section.notes'), true),
    grid(
      [t('report.field.when'), t('report.field.by'), t('report.field.text')],
      detail.notes.map((note) => [`${formatTime(note.at, zone)}${mark(note.voided)}`, note.by, note.text]),
      [90, 70, '*'],
    ),
    heading(t('report.section.attachments'), true),
    grid(
      [t('report.field.file'), t('report.field.caption'), t('report.field.size'), t('report.field.sha256')],
      detail.attachments.map((item) => [`${item.fileName}${mark(item.voided)}`, item.caption, String(item.byteLength), { text: item.sha256, style: 'mono' }]),
      [90, '*', 45, 150],
    ),
    heading(t('report.section.photos'), true),
    ...photosSection(
      t,
      detail.attachments.filter((item) => !item.voided),
      images,
      zone,
    ),
  ];
  return documentFrame(t, { title: `${title} ${detail.case.reference}`, stamp, content, language: data.language, signature: true });
}
