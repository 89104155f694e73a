import type { Catalogue } from './catalogue';

export const ru: Catalogue = {
  'app.name': 'PCU Workstation',
  'app.tagline': 'Выбор объектов контроля и ведение дел для портовых и авиагрузовых групп контроля',

  'nav.label': 'Разделы',
  'nav.targeting': 'Отбор',
  'nav.manifests': 'Манифесты',
  'nav.cases': 'Дела',
  'nav.reports': 'Отчёты',
  'nav.administration': 'Администрирование',
  'nav.about': 'О программе',
  'nav.shortcut': 'Ctrl+{key}',

  'language.label': 'Язык',
  'language.en': 'English',
  'language.ru': 'Русский',

  'targeting.title': 'Отбор',
  'targeting.empty.title': 'Нет партий для оценки',
  'targeting.empty.body':
    'Импортируйте манифест, чтобы увидеть все строки с контейнерами, упорядоченные по индикаторам риска и совпадениям со списками наблюдения.',
  'targeting.column.rank': 'Место',
  'targeting.column.container': 'Контейнер',
  'targeting.column.bl': 'Коносамент',
  'targeting.column.consignee': 'Грузополучатель',
  'targeting.column.goods': 'Товар',
  'targeting.column.score': 'Балл',
  'targeting.column.indicators': 'Индикаторы',

  'manifests.title': 'Манифесты',
  'manifests.empty.title': 'Манифесты не импортированы',
  'manifests.empty.body':
    'Здесь появятся манифесты от судоходных линий (Excel), из национальной таможенной системы (CSV) и файлы UN/EDIFACT CUSCAR после импорта.',
  'manifests.column.received': 'Получен',
  'manifests.column.vessel': 'Судно / рейс',
  'manifests.column.voyage': 'Рейс',
  'manifests.column.lines': 'Строк',
  'manifests.column.source': 'Исходный файл',

  'cases.title': 'Дела',
  'cases.empty.title': 'Дел нет',
  'cases.empty.body':
    'Дело открывается, когда партия отобрана для досмотра. В нём фиксируются досмотры, изъятия и цепочка хранения вещественных доказательств.',
  'cases.column.reference': 'Номер',
  'cases.column.status': 'Статус',
  'cases.column.officer': 'Инспектор',
  'cases.column.opened': 'Открыто',

  'reports.title': 'Отчёты',
  'reports.empty.title': 'Отчёты не выпускались',
  'reports.empty.body':
    'Здесь появятся подписанные акты досмотра для прокуратуры и статистика для руководителей после их выпуска.',

  'administration.title': 'Администрирование',
  'administration.empty.title': 'Администрирование группы',
  'administration.empty.body':
    'Учётные записи, журнал аудита, резервные копии и обновления ведёт администратор группы.',

  'about.title': 'О программе',
  'about.version': 'Версия',
  'about.dataDir': 'Каталог данных',
  'about.platform': 'Платформа',
  'about.language': 'Язык интерфейса',
  'about.runtime': 'Среда выполнения',
  'about.offline':
    'Программа сама не устанавливает сетевых соединений. Данные хранятся в зашифрованной базе на этом компьютере, пока инспектор их не экспортирует.',
  'about.programme': 'Создано для Программы контроля контейнерных перевозок ЮНОДК-ВТамО.',

  'status.loading': 'Загрузка…',
  'status.ready': 'Готово',
  'status.offline': 'Автономное рабочее место',

  'error.boundary.title': 'Не удалось показать этот экран',
  'error.boundary.body':
    'Непредвиденная ошибка остановила этот экран. Сохранённые данные не затронуты. Повторите попытку или откройте другой раздел.',
  'error.boundary.retry': 'Повторить',
  'error.boundary.details': 'Технические сведения',
  'error.UNKNOWN_CHANNEL': 'Программа запросила несуществующую операцию.',
  'error.INVALID_INPUT': 'Часть введённых сведений неверна.',
  'error.INVALID_OUTPUT': 'Программа сформировала неверный ответ. Ошибка записана в журнал.',
  'error.UNAUTHENTICATED': 'Сначала войдите в систему.',
  'error.FORBIDDEN': 'Ваша роль не позволяет выполнить это действие.',
  'error.UNTRUSTED_SENDER': 'Запрос поступил не от этой программы и отклонён.',
  'error.SETTINGS_UNREADABLE': 'Не удалось прочитать файл настроек в каталоге данных: {detail}',
  'error.INTERNAL': 'Произошла внутренняя ошибка. Она записана в журнал.',

  'menu.file': 'Файл',
  'menu.quit': 'Выход',
  'menu.edit': 'Правка',
  'menu.undo': 'Отменить',
  'menu.redo': 'Повторить',
  'menu.cut': 'Вырезать',
  'menu.copy': 'Копировать',
  'menu.paste': 'Вставить',
  'menu.selectAll': 'Выделить всё',
  'menu.view': 'Вид',
  'menu.reload': 'Перезагрузить',
  'menu.toggleDevTools': 'Инструменты разработчика',
  'menu.resetZoom': 'Обычный размер',
  'menu.zoomIn': 'Увеличить',
  'menu.zoomOut': 'Уменьшить',
  'menu.fullscreen': 'Во весь экран',
  'menu.language': 'Язык',
  'menu.help': 'Справка',
  'menu.about': 'О программе PCU Workstation',

  'count.lines': { one: '{count} строка', few: '{count} строки', many: '{count} строк', other: '{count} строки' },
};
