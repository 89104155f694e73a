/**
 * English catalogue: the reference. Every key here must exist in every other
 * catalogue (the type of `ru` enforces it). Placeholders are `{name}`; a plural
 * message is an object keyed by Intl.PluralRules categories.
 */
export const en = {
  'app.name': 'PCU Workstation',
  'app.tagline': 'Risk targeting and casework for Port Control Units and Air Cargo Control Units',

  'nav.label': 'Sections',
  'nav.targeting': 'Targeting',
  'nav.manifests': 'Manifests',
  'nav.cases': 'Cases',
  'nav.reports': 'Reports',
  'nav.administration': 'Administration',
  'nav.about': 'About',
  'nav.shortcut': 'Ctrl+{key}',

  'language.label': 'Language',
  'language.en': 'English',
  'language.ru': 'Русский',

  'targeting.title': 'Targeting',
  'targeting.empty.title': 'No consignments to assess',
  'targeting.empty.body':
    'Import a manifest to see every container line ranked by risk indicators and watch-list hits.',
  'targeting.column.rank': 'Rank',
  'targeting.column.container': 'Container',
  'targeting.column.bl': 'B/L',
  'targeting.column.consignee': 'Consignee',
  'targeting.column.goods': 'Goods',
  'targeting.column.score': 'Score',
  'targeting.column.indicators': 'Indicators',

  'manifests.title': 'Manifests',
  'manifests.empty.title': 'No manifests imported',
  'manifests.empty.body':
    'Manifests from shipping lines (Excel), the national customs system (CSV) and UN/EDIFACT CUSCAR files are listed here after import.',
  'manifests.column.received': 'Received',
  'manifests.column.vessel': 'Vessel / flight',
  'manifests.column.voyage': 'Voyage',
  'manifests.column.lines': 'Lines',
  'manifests.column.source': 'Source file',

  'cases.title': 'Cases',
  'cases.empty.title': 'No cases',
  'cases.empty.body':
    'A case is opened when a consignment is selected for examination. Examinations, seizures and chain of custody are recorded in it.',
  'cases.column.reference': 'Reference',
  'cases.column.status': 'Status',
  'cases.column.officer': 'Officer',
  'cases.column.opened': 'Opened',

  'reports.title': 'Reports',
  'reports.empty.title': 'No reports issued',
  'reports.empty.body':
    'Signed examination reports for prosecutors and statistics for managers appear here once they are issued.',

  'administration.title': 'Administration',
  'administration.empty.title': 'Unit administration',
  'administration.empty.body':
    'User accounts, the audit trail, backups and updates are managed here by the unit administrator.',

  'about.title': 'About',
  'about.version': 'Version',
  'about.dataDir': 'Data directory',
  'about.platform': 'Platform',
  'about.language': 'Interface language',
  'about.runtime': 'Runtime',
  'about.offline':
    'This application makes no network connections of its own. Data stays in the encrypted database on this computer unless an officer exports it.',
  'about.programme': 'Built for the UNODC-WCO Container Control Programme.',

  'status.loading': 'Loading…',
  'status.ready': 'Ready',
  'status.offline': 'Offline workstation',

  'error.boundary.title': 'This screen could not be shown',
  'error.boundary.body':
    'An unexpected problem stopped this screen. Your stored data is not affected. Try again, or open another section.',
  'error.boundary.retry': 'Try again',
  'error.boundary.details': 'Technical details',
  'error.UNKNOWN_CHANNEL': 'The application asked for an operation that does not exist.',
  'error.INVALID_INPUT': 'Some of the information entered is not valid.',
  'error.INVALID_OUTPUT': 'The application produced an invalid answer. The problem has been logged.',
  'error.UNAUTHENTICATED': 'Please log in first.',
  'error.FORBIDDEN': 'Your role does not allow this action.',
  'error.UNTRUSTED_SENDER': 'The request did not come from this application and was refused.',
  'error.SETTINGS_UNREADABLE': 'The settings file in the data directory could not be read: {detail}',
  'error.INTERNAL': 'An internal error occurred. The problem has been logged.',

  'menu.file': 'File',
  'menu.quit': 'Quit',
  'menu.edit': 'Edit',
  'menu.undo': 'Undo',
  'menu.redo': 'Redo',
  'menu.cut': 'Cut',
  'menu.copy': 'Copy',
  'menu.paste': 'Paste',
  'menu.selectAll': 'Select all',
  'menu.view': 'View',
  'menu.reload': 'Reload',
  'menu.toggleDevTools': 'Developer tools',
  'menu.resetZoom': 'Actual size',
  'menu.zoomIn': 'Zoom in',
  'menu.zoomOut': 'Zoom out',
  'menu.fullscreen': 'Full screen',
  'menu.language': 'Language',
  'menu.help': 'Help',
  'menu.about': 'About PCU Workstation',

  'count.lines': { one: '{count} line', other: '{count} lines' },
} as const;
