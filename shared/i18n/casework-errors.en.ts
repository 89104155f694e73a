/**
 * Refusals of casework (cases, examinations, seizures, chain of custody,
 * attachments), in English. Each names the case, the record or the field to
 * correct; `{record}` is filled by main with a record's name in the UI
 * language (the `casework.record.*` entries below).
 */
export const caseworkErrorsEn = {
  'casework.record.examination': 'examination no. {id}',
  'casework.record.seizure': 'seizure no. {id}',
  'casework.record.custody': 'custody entry no. {id}',
  'casework.record.note': 'note no. {id}',
  'casework.record.attachment': 'attachment no. {id}',
  'casework.record.sample': 'sample no. {id}',
  'casework.record.consignment': 'consignment no. {id}',

  'casework.field.caseId': 'Case',
  'casework.field.consignmentId': 'Consignment',
  'casework.field.examinationId': 'Examination',
  'casework.field.seizureId': 'Seized goods',
  'casework.field.sampleId': 'Sample',
  'casework.field.correctsEventId': 'Entry corrected',
  'casework.field.startedAt': 'Started',
  'casework.field.endedAt': 'Ended',
  'casework.field.takenAt': 'Sample taken',
  'casework.field.handedOverAt': 'Handed over',
  'casework.field.capturedAt': 'Photo taken',

  'error.CASE_REASON_REQUIRED':
    'Case {reference}: give a reason (field “Reason”) to close a case without a referral, or to move it back a step.',
  'error.CASE_CLOSED': 'Case {reference} is closed: a supervisor must reopen it before more examinations or seizures are recorded in it.',
  'error.CASE_NO_SEIZURE': 'Case {reference} has no seizure recorded: record the seizure first.',
  'error.CASE_HAS_SEIZURE': 'Case {reference} has a seizure recorded: it cannot be closed as “no finding” unless a supervisor voids the seizure.',
  'error.CASE_NOT_EXAMINED': 'Case {reference} has no examination recorded yet: record the examination first.',
  'error.REFERRAL_NEEDS_APPROVAL':
    'Case {reference} cannot be referred to the prosecutor yet: a supervisor must first approve its current examination record.',
  'error.CONSIGNMENT_ALREADY_IN_CASE': 'Consignment {consignment} is already in case {reference}: work in that case.',
  'error.RECORD_NOT_IN_CASE': 'The {record} (field “{fieldName}”) does not belong to case {reference}.',
  'error.RECORD_VOIDED': 'The {record} has been voided: it stays in the file, marked void, and cannot be approved, corrected or used any more.',
  'error.RECORD_SUPERSEDED': 'The {record} has already been corrected by a later record (no. {correctedBy}): work on the latest record.',
  'error.TIME_IN_FUTURE': 'The time in field “{fieldName}” ({at}) is in the future: record times as they happened.',
  'error.EXAMINATION_END_BEFORE_START':
    'An examination cannot end before it starts: the end (field “Ended”, {endedAt}) is earlier than the start (field “Started”, {startedAt}).',
  'error.EXAMINATION_NOT_FINISHED': 'The {record} has no end time (field “Ended”): record a correction with the end before it is approved.',
  'error.EXAMINATION_OWN_APPROVAL': 'You recorded the {record} yourself: another supervisor must approve it.',
  'error.EXAMINATION_ALREADY_APPROVED': 'The {record} was already approved by {approvedBy}.',
  'error.SEAL_CHECK_INCONSISTENT':
    'Seal {seal} (field “Seals found”): its status contradicts the manifest. “Match” and “missing” are for seals the manifest declares, “mismatch” for seals it does not.',
  'error.SEIZURE_QUANTITY_REQUIRED': 'A seizure needs a quantity greater than zero and its unit (fields “Quantity” and “Unit”).',
  'error.SEIZURE_CURRENCY_REQUIRED': 'An estimated value needs its currency, and a currency needs a value (fields “Estimated value” and “Currency”).',
  'error.SEIZURE_PARTY_INVALID': 'Linked person or company no. {index} (field “Parties”): choose a known party or type a name.',
  'error.CUSTODY_ITEM_REQUIRED': 'A hand-over must name exactly one item: the seized goods or a sample (field “Item”).',
  'error.CUSTODY_SAME_PERSON':
    'A hand-over needs two different parties: {person} cannot hand over to themselves (fields “From” and “To”).',
  'error.CORRECTION_REASON_REQUIRED': 'A correction needs the reason why the earlier entry was wrong (field “Reason for the correction”).',
  'error.ATTACHMENT_TOO_LARGE': '“{fileName}” is larger than {limitMb} MB and was not stored.',
  'error.ATTACHMENT_TYPE_MISMATCH':
    'The content of “{fileName}” does not match its type {mediaType}: photos must be JPEG or PNG images and documents PDF. Nothing was stored.',
} as const;
