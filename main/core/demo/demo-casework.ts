import type { Role } from '../../../shared/domain/roles';
import { DomainError } from '../../../shared/ipc/errors';
import type { CaseworkScope } from '../casework/casework-actor';
import { addAttachment, recordCustody, recordSeizure } from '../casework/evidence-actions';
import { approveExamination, recordExamination } from '../casework/examination-actions';
import { addCaseNote } from '../casework/case-actions';
import { activeVersion } from '../risk/profile-store';
import { recordDecision, type DecisionRecord } from '../risk/selection';
import type { UnitStore } from '../vault/vault';
import { demoPhotoPng } from './demo-photo';

/** The line the story is about: frozen vegetables in a reefer from the sample CUSCAR, a classic cocaine cover. */
const STORY_CONTAINER = 'CAIU5531207';
const TIME_ZONE = 'Asia/Dushanbe';

export interface DemoPerson {
  readonly userId: number;
  readonly userName: string;
  readonly displayName: string;
  readonly role: Role;
}

/** The story's line, or (if the samples change) the best-scored line below the top three the workspace opens on. */
function storyConsignment(store: UnitStore): { id: number; consigneeId: number | null } {
  const byContainer = store.db.prepare('SELECT id, consignee_id FROM consignments WHERE container_number = ? ORDER BY id LIMIT 1').get(STORY_CONTAINER) as
    | { id: number; consignee_id: number | null }
    | undefined;
  const fallback = () =>
    store.db.prepare('SELECT c.id, c.consignee_id FROM scores s JOIN consignments c ON c.id = s.consignment_id ORDER BY s.total DESC, c.id LIMIT 1 OFFSET 3').get() as
      | { id: number; consignee_id: number | null }
      | undefined;
  const row = byContainer ?? fallback();
  if (!row) throw new DomainError('NOT_FOUND', 'The demo unit has no manifest line to examine', { what: 'consignment', id: 0 });
  return { id: row.id, consigneeId: row.consignee_id };
}

/**
 * One case carried through the whole workflow, as the real screens would:
 * the officer selects the line with a reason, examines it (a seal check, the
 * condition of the container, a sample, a photo), records a cocaine seizure
 * and two hand-overs of the seized bricks (the second a day and more after
 * the first, so the custody log shows a highlighted gap), and the
 * supervisor approves the examination. The case is left at "seizure", ready
 * to be referred, so a newcomer can take the last step.
 *
 * The story happened over the last two days; it is written into the
 * database now, so the audit trail (truthfully) says it was recorded now.
 */
export async function buildDemoCase(store: UnitStore, people: { officer: DemoPerson; supervisor: DemoPerson }, clock: () => Date): Promise<{ caseId: number; examinationId: number }> {
  const scope = (person: DemoPerson): CaseworkScope => ({ store, actor: { userId: person.userId, userName: person.userName, role: person.role }, now: clock });
  const officer = scope(people.officer);
  const line = storyConsignment(store);
  const start = new Date(Math.floor(clock().getTime() / 60_000) * 60_000 - 52 * 3_600_000);
  const at = (hours: number) => new Date(start.getTime() + hours * 3_600_000).toISOString();

  const version = activeVersion(store.db);
  await store.change(
    { userId: people.officer.userId, userName: people.officer.userName },
    (record: DecisionRecord) => ({
      action: 'target.selected',
      subject: `consignment:${line.id}`,
      details: { decision: record.decision, reason: record.reason, score: record.score, lane: record.lane, profileVersionId: version?.id ?? null, demo: true },
    }),
    (db) =>
      recordDecision(db, {
        consignmentId: line.id,
        versionId: version?.id ?? null,
        choice: 'select',
        reason: 'Reefer with frozen vegetables via a transshipment hub: cover-load pattern (training)',
        userId: people.officer.userId,
        at: at(-1),
      }),
  );

  const declared = (JSON.parse(
    (store.db.prepare('SELECT seals_json FROM consignments WHERE id = ?').get(line.id) as { seals_json: string }).seals_json,
  ) as string[]).filter((seal) => typeof seal === 'string');
  const examination = await recordExamination(officer, {
    consignmentId: line.id,
    method: 'physical_full',
    location: 'Dushanbe customs terminal, inspection bay 2',
    startedAt: at(0),
    endedAt: at(3.2),
    timeZone: TIME_ZONE,
    participants: [
      { name: people.officer.displayName, agency: 'Customs, Port Control Unit', role: 'Examining officer', userId: people.officer.userId },
      { name: 'Sherzod Aliev', agency: 'Drug Control Agency', role: 'Detector dog handler' },
    ],
    sealsFound: declared.map((seal) => ({ seal, status: 'match' as const })),
    newSeal: 'TJ-CUS 0004711',
    condition: { doors: 'ok', floor: 'ok', roof: 'ok', walls: 'ok', frontWall: 'ok', undercarriage: 'not_checked', refrigerationUnit: 'modified' },
    samples: [{ bagNumber: 'S-0042', sealNumber: 'TJ-CUS 0004712', description: 'White powder from one brick, 10 g, for the laboratory', takenAt: at(2.5) }],
    result: 'seizure',
    notes: 'Dog indicated on the refrigeration unit. Evaporator panel held by new screws; 22 taped bricks behind it. Field test positive for cocaine.',
  });

  const photo = demoPhotoPng();
  const thumbnail = demoPhotoPng(120, 80);
  await addAttachment(officer, {
    caseId: examination.caseId,
    examinationId: examination.id,
    fileName: 'refrigeration-unit-opened.png',
    mediaType: 'image/png',
    dataBase64: photo.toString('base64'),
    thumbnailDataUrl: `data:image/png;base64,${thumbnail.toString('base64')}`,
    caption: 'Bricks behind the evaporator panel of the refrigeration unit',
    capturedAt: at(1.5),
  });

  const seizure = await recordSeizure(officer, {
    caseId: examination.caseId,
    examinationId: examination.id,
    category: 'drugs.cocaine',
    description: '22 taped bricks of white powder, field test positive for cocaine',
    quantity: '24.6',
    quantityUnit: 'kg',
    concealmentMethod: 'False panel in the refrigeration unit',
    concealmentLocation: 'Behind the evaporator, front wall',
    estimatedValue: '1230000',
    currency: 'USD',
    parties: line.consigneeId !== null ? [{ partyId: line.consigneeId, role: 'consignee' }] : [],
  });

  const evidenceRoom = { person: 'Malika Yusupova', agency: 'Customs, evidence room' };
  await recordCustody(officer, {
    caseId: examination.caseId,
    seizureId: seizure.id,
    fromPerson: people.officer.displayName,
    fromAgency: 'Customs, Port Control Unit',
    toPerson: evidenceRoom.person,
    toAgency: evidenceRoom.agency,
    handedOverAt: at(4),
    place: 'PCU evidence room, Dushanbe',
    bagNumbers: 'EB-0042/1 to EB-0042/22',
    sealNumbers: 'TJ-CUS 0004713',
    condition: 'Bags sealed and intact',
  });
  await recordCustody(officer, {
    caseId: examination.caseId,
    seizureId: seizure.id,
    fromPerson: evidenceRoom.person,
    fromAgency: evidenceRoom.agency,
    toPerson: 'Major Rustam Saidov',
    toAgency: 'Drug Control Agency',
    handedOverAt: at(30),
    place: 'Drug Control Agency laboratory, Dushanbe',
    bagNumbers: 'EB-0042/1 to EB-0042/22',
    sealNumbers: 'TJ-CUS 0004713',
    condition: 'Seals checked and intact',
  });
  await addCaseNote(officer, { caseId: examination.caseId, text: 'Consignee’s agent informed; shipping documents copied into the file (training).' });
  await approveExamination(scope(people.supervisor), { examinationId: examination.id });
  return { caseId: examination.caseId, examinationId: examination.id };
}
