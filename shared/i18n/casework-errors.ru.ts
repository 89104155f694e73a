import type { PluralMessage } from './catalogue';
import type { caseworkErrorsEn } from './casework-errors.en';

type Keys = { readonly [K in keyof typeof caseworkErrorsEn]: (typeof caseworkErrorsEn)[K] extends string ? string : PluralMessage };

/** Отказы по делам: досмотр, изъятие, цепочка хранения вещественных доказательств, вложения (русский). */
export const caseworkErrorsRu: Keys = {
  'casework.record.examination': 'досмотр № {id}',
  'casework.record.seizure': 'изъятие № {id}',
  'casework.record.custody': 'запись о передаче № {id}',
  'casework.record.note': 'заметка № {id}',
  'casework.record.attachment': 'вложение № {id}',
  'casework.record.sample': 'проба № {id}',
  'casework.record.consignment': 'партия № {id}',

  'casework.field.caseId': 'Дело',
  'casework.field.consignmentId': 'Партия',
  'casework.field.examinationId': 'Досмотр',
  'casework.field.seizureId': 'Изъятые товары',
  'casework.field.sampleId': 'Проба',
  'casework.field.correctsEventId': 'Исправляемая запись',
  'casework.field.startedAt': 'Начало',
  'casework.field.endedAt': 'Окончание',
  'casework.field.takenAt': 'Время отбора пробы',
  'casework.field.handedOverAt': 'Время передачи',
  'casework.field.capturedAt': 'Время съёмки',

  'error.CASE_REASON_REQUIRED':
    'Дело {reference}: укажите основание (поле «Основание»), чтобы закрыть дело без передачи в прокуратуру или вернуть его на предыдущий этап.',
  'error.CASE_CLOSED': 'Дело {reference} закрыто: чтобы внести в него досмотр или изъятие, руководитель должен возобновить дело.',
  'error.CASE_NO_SEIZURE': 'В деле {reference} нет изъятия: сначала оформите изъятие.',
  'error.CASE_HAS_SEIZURE': 'В деле {reference} оформлено изъятие: закрыть его с результатом «нарушений не выявлено» можно, только если руководитель аннулирует изъятие.',
  'error.CASE_NOT_EXAMINED': 'В деле {reference} ещё нет досмотра: сначала оформите досмотр.',
  'error.REFERRAL_NEEDS_APPROVAL':
    'Дело {reference} пока нельзя передать в прокуратуру: руководитель должен сначала утвердить действующий акт досмотра.',
  'error.CONSIGNMENT_ALREADY_IN_CASE': 'Партия {consignment} уже входит в дело {reference}: работайте в этом деле.',
  'error.RECORD_NOT_IN_CASE': 'Запись «{record}» (поле «{fieldName}») не относится к делу {reference}.',
  'error.RECORD_VOIDED': 'Запись «{record}» аннулирована: она остаётся в деле с отметкой об аннулировании, её нельзя утвердить, исправить или использовать дальше.',
  'error.RECORD_SUPERSEDED': 'Запись «{record}» уже исправлена более поздней записью (№ {correctedBy}): работайте с последней записью.',
  'error.TIME_IN_FUTURE': 'Время в поле «{fieldName}» ({at}) ещё не наступило: указывайте фактическое время.',
  'error.EXAMINATION_END_BEFORE_START':
    'Досмотр не может закончиться раньше, чем начался: окончание (поле «Окончание», {endedAt}) раньше начала (поле «Начало», {startedAt}).',
  'error.EXAMINATION_NOT_FINISHED': 'У записи «{record}» нет времени окончания (поле «Окончание»): перед утверждением внесите исправление с временем окончания.',
  'error.EXAMINATION_OWN_APPROVAL': 'Запись «{record}» внесена вами: утвердить её должен другой руководитель.',
  'error.EXAMINATION_ALREADY_APPROVED': 'Запись «{record}» уже утверждена: {approvedBy}.',
  'error.SEAL_CHECK_INCONSISTENT':
    'Пломба {seal} (поле «Обнаруженные пломбы»): отметка противоречит манифесту. «Совпадает» и «отсутствует» — для пломб, заявленных в манифесте, «не совпадает» — для пломб, которых в нём нет.',
  'error.SEIZURE_QUANTITY_REQUIRED': 'Для изъятия нужно количество больше нуля и единица измерения (поля «Количество» и «Единица»).',
  'error.SEIZURE_CURRENCY_REQUIRED': 'Для оценочной стоимости нужна валюта, а для валюты — стоимость (поля «Оценочная стоимость» и «Валюта»).',
  'error.SEIZURE_PARTY_INVALID': 'Связанное лицо или организация № {index} (поле «Участники»): выберите известного участника или введите наименование.',
  'error.CUSTODY_ITEM_REQUIRED': 'В записи о передаче должен быть указан ровно один предмет: изъятые товары или проба (поле «Предмет»).',
  'error.CUSTODY_SAME_PERSON':
    'Для передачи нужны две разные стороны: {person} не может передать предмет самому себе (поля «Передал» и «Принял»).',
  'error.CORRECTION_REASON_REQUIRED': 'Для исправления укажите, почему прежняя запись неверна (поле «Основание исправления»).',
  'error.ATTACHMENT_TOO_LARGE': '«{fileName}» больше {limitMb} МБ и не сохранён.',
  'error.ATTACHMENT_TYPE_MISMATCH':
    'Содержимое «{fileName}» не соответствует типу {mediaType}: фотографии принимаются в формате JPEG или PNG, документы — в PDF. Ничего не сохранено.',
};
