import type { PluralMessage } from './catalogue';
import type { signingEn } from './signing.en';

type Keys = { readonly [K in keyof typeof signingEn]: (typeof signingEn)[K] extends string ? string : PluralMessage };

/** Сертификаты подписи и подписанные отчёты (русский). */
export const signingRu: Keys = {
  'error.SIGNING_PDF_UNSUPPORTED': 'Этот PDF нельзя подписать: {detail}',
  'error.SIGNING_P12_INVALID': 'Файл не является сертификатом PKCS#12 (.p12/.pfx) с закрытым ключом.',
  'error.SIGNING_P12_PASSWORD_WRONG': 'Неверный пароль сертификата подписи. Ничего не подписано.',
  'error.SIGNING_NO_CREDENTIAL':
    'У вас нет сертификата подписи. Импортируйте свой сертификат (.p12) в разделе «Мой сертификат подписи» или попросите администратора выпустить его в удостоверяющем центре подразделения.',
  'error.SIGNING_CERTIFICATE_NOT_VALID_NOW': 'Сертификат подписи сейчас недействителен (действует с {notBefore} по {notAfter}).',
  'error.SIGNING_UNIT_CA_EXISTS': 'Удостоверяющий центр подразделения уже создан.',
  'error.SIGNING_NO_UNIT_CA': 'Удостоверяющий центр подразделения ещё не создан: сначала его должен создать администратор.',
  'administration.tab.signing': 'Подпись',
  'audit.group.signing': 'Сертификаты подписи',
  'audit.action.signing.unit-ca-created': 'Создан удостоверяющий центр подразделения',
  'audit.action.signing.certificate-issued': 'Выпущен сертификат подписи',
  'audit.action.signing.credential-imported': 'Импортирован сертификат подписи',

  'signing.field.subject': 'Владелец',
  'signing.field.issuer': 'Издатель',
  'signing.field.fingerprint': 'Отпечаток (SHA-256)',
  'signing.field.validity': 'Действует',
  'signing.field.kind': 'Вид',
  'signing.field.created': 'Добавлен',
  'signing.validity': 'с {from} по {to}',
  'signing.kind.national': 'Национальный УЦ',
  'signing.kind.unit-ca': 'УЦ подразделения (локальный)',
  'signing.state.valid': 'Действует',
  'signing.state.expired': 'Срок истёк',
  'signing.state.notYet': 'Ещё не действует',

  'signing.ca.title': 'Удостоверяющий центр подразделения',
  'signing.ca.none':
    'У подразделения нет удостоверяющего центра. Если у сотрудников есть сертификаты национального УЦ, он не нужен: каждый импортирует свой сертификат в разделе «Мой сертификат подписи».',
  'signing.ca.local': 'Локальный — не национальный УЦ',
  'signing.ca.warning':
    'Будет создан удостоверяющий центр только для этого подразделения. Это НЕ национальный УЦ: подписи, сделанные его сертификатами, признаёт только тот, кто установит сертификат УЦ подразделения (прокуратура, суд). Он создаётся один раз, его нельзя заменить или удалить; его ключ хранится в зашифрованной базе подразделения.',
  'signing.ca.create': 'Создать удостоверяющий центр подразделения…',
  'signing.ca.confirm': 'Создать локальный удостоверяющий центр подразделения {unit}?',
  'signing.ca.confirmYes': 'Создать локальный УЦ',
  'signing.ca.creating': 'Создаётся ключ (несколько секунд)…',
  'signing.ca.created': 'Удостоверяющий центр подразделения создан.',
  'signing.ca.export': 'Скачать сертификат УЦ (.pem)',
  'signing.ca.showPem': 'Показать текст сертификата для копирования',
  'signing.ca.pemLabel': 'Сертификат УЦ (PEM)',
  'signing.ca.exportHint':
    'Передайте этот файл в прокуратуру, чтобы там могли проверять подписи, сделанные сертификатами этого УЦ. Продиктуйте отпечаток по телефону, чтобы там убедились, что файл тот самый.',

  'signing.issue.title': 'Выпустить сертификат пользователю',
  'signing.issue.hint':
    'Сертификат защищён паролем, введённым здесь; пользователь вводит его при каждой подписи. Пусть пользователь введёт его сам: пароль не хранится и не восстанавливается. Выпуск заменяет текущий сертификат пользователя; уже подписанные отчёты остаются действительными.',
  'signing.issue.needsCa': 'Сначала создайте удостоверяющий центр подразделения.',
  'signing.issue.user': 'Пользователь',
  'signing.issue.choose': 'Выберите пользователя',
  'signing.issue.password': 'Пароль сертификата',
  'signing.issue.passwordConfirm': 'Пароль сертификата ещё раз',
  'signing.issue.submit': 'Выпустить сертификат',
  'signing.issue.busy': 'Выпускается (несколько секунд)…',
  'signing.issue.done': 'Сертификат выпущен пользователю {user}. Отпечаток: {fingerprint}',

  'signing.holders.title': 'Сертификаты подписи пользователей',
  'signing.holders.none': 'Ни у кого из пользователей пока нет сертификата подписи.',
  'signing.holders.user': 'Пользователь',
  'signing.holders.validTo': 'Действует до',

  'signing.mine.open': 'Сертификат подписи',
  'signing.mine.title': 'Мой сертификат подписи',
  'signing.mine.none':
    'У вас пока нет сертификата подписи. Импортируйте свой сертификат национального УЦ (файл .p12 или .pfx) или попросите администратора выпустить его в удостоверяющем центре подразделения.',
  'signing.import.title': 'Импорт сертификата (.p12 / .pfx)',
  'signing.import.replaces': 'Импорт заменит ваш текущий сертификат; уже подписанные им отчёты остаются действительными.',
  'signing.import.file': 'Файл сертификата',
  'signing.import.fileHint': 'Файл PKCS#12 национального УЦ с вашим закрытым ключом.',
  'signing.import.chooseFile': 'Выберите файл сертификата.',
  'signing.import.tooLarge': 'Файл слишком велик для сертификата (не более 1 МБ).',
  'signing.import.password': 'Пароль сертификата',
  'signing.import.passwordHint': 'Проверяется сейчас и не сохраняется: вы вводите его при каждой подписи.',
  'signing.import.submit': 'Импортировать сертификат',
  'signing.import.busy': 'Импорт…',
  'signing.import.done': 'Сертификат импортирован.',
};
