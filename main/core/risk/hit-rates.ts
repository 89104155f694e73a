import type { Db } from '../db/open';
import { liveExamination, liveSeizure } from '../casework/live-records';

export interface Funnel {
  readonly scored: number;
  /** Red lines: what the profile asked officers to look at. */
  readonly red: number;
  readonly selected: number;
  readonly examined: number;
  readonly seizures: number;
}

export interface IndicatorFunnel extends Funnel {
  readonly indicatorId: string;
}

export const hitRate = (funnel: Pick<Funnel, 'selected' | 'seizures'>): number | null => (funnel.selected === 0 ? null : funnel.seizures / funnel.selected);

/**
 * Lines whose latest decision selected them, whether examined, whether a
 * seizure came of it. Voided records and examinations replaced by a
 * correction do not count (casework/live-records.ts says which do).
 */
const OUTCOMES = `
WITH outcome AS (
  SELECT s.id AS score_id, s.band,
         (SELECT decision FROM selections x WHERE x.consignment_id = s.consignment_id ORDER BY x.id DESC LIMIT 1) IN ('targeted', 'random') AS selected,
         EXISTS (SELECT 1 FROM examinations e WHERE e.consignment_id = s.consignment_id AND ${liveExamination('e')}) AS examined,
         EXISTS (SELECT 1 FROM examinations e JOIN seizures z ON z.examination_id = e.id WHERE e.consignment_id = s.consignment_id AND ${liveSeizure('z', 'e')}) AS seized
  FROM scores s WHERE s.profile_version_id = ?
)`;

/**
 * Measured results of one profile version: of the lines it scored, how many
 * officers selected, examined, and how many ended in a seizure; the same per
 * indicator (lines on which it fired). Fed by the examination records.
 */
export function measuredHitRates(db: Db, versionId: number): { profile: Funnel; indicators: IndicatorFunnel[] } {
  const profile = db
    .prepare(
      `${OUTCOMES} SELECT count(*) AS scored, coalesce(sum(band = 'red'), 0) AS red, coalesce(sum(selected), 0) AS selected,
              coalesce(sum(selected AND examined), 0) AS examined, coalesce(sum(selected AND seized), 0) AS seizures FROM outcome`,
    )
    .get(versionId) as Funnel;
  const indicators = db
    .prepare(
      `${OUTCOMES} SELECT f.indicator_id AS indicatorId, count(*) AS scored, coalesce(sum(o.band = 'red'), 0) AS red, coalesce(sum(o.selected), 0) AS selected,
              coalesce(sum(o.selected AND o.examined), 0) AS examined, coalesce(sum(o.selected AND o.seized), 0) AS seizures
       FROM outcome o JOIN fired_indicators f ON f.score_id = o.score_id GROUP BY f.indicator_id ORDER BY seizures DESC, selected DESC, f.indicator_id`,
    )
    .all(versionId) as IndicatorFunnel[];
  return { profile, indicators };
}
