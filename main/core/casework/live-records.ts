/**
 * SQL conditions for records that still count. Nothing in casework is
 * deleted: a supervisor voids a record (a row in `voids`), and a correction is
 * a new row naming the one it corrects. Hit rates, the back-test, the
 * examination queue and the referral check must all agree on what counts, so
 * they take their conditions from here.
 *
 * Aliases are interpolated into SQL: callers pass fixed identifiers, never input.
 */
export type VoidableKind = 'examination' | 'seizure' | 'custody' | 'note' | 'attachment';

export const notVoided = (kind: VoidableKind, alias: string): string =>
  `NOT EXISTS (SELECT 1 FROM voids v_${alias} WHERE v_${alias}.kind = '${kind}' AND v_${alias}.record_id = ${alias}.id)`;

/**
 * An examination that counts: not voided and not corrected by a later record
 * that itself counts (if the correction is voided, the original stands again).
 */
export const liveExamination = (alias: string): string =>
  `${notVoided('examination', alias)} AND NOT EXISTS (SELECT 1 FROM examinations c_${alias} WHERE c_${alias}.corrects_examination_id = ${alias}.id AND ${notVoided('examination', `c_${alias}`)})`;

/** A custody entry that counts: not voided and not corrected by a later entry that counts. */
export const liveCustodyEvent = (alias: string): string =>
  `${notVoided('custody', alias)} AND NOT EXISTS (SELECT 1 FROM custody_events c_${alias} WHERE c_${alias}.corrects_event_id = ${alias}.id AND ${notVoided('custody', `c_${alias}`)})`;

/**
 * A seizure that counts for the consignment examined: the seizure is not
 * voided and neither is the examination it came from. A correction of that
 * examination does not take the seizure away (the seizure still happened;
 * it keeps pointing at the record it was made under).
 */
export const liveSeizure = (seizureAlias: string, examinationAlias: string): string =>
  `${notVoided('seizure', seizureAlias)} AND ${notVoided('examination', examinationAlias)}`;
