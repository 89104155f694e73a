import type { MessageKey, Translate } from '../../../../shared/i18n';

/**
 * Audit action ids the core writes, with their names for people. An id not
 * listed here (a newer core, a future feature) is shown as it is stored.
 */
export const auditActionKeys: Readonly<Record<string, MessageKey>> = {
  'unit.setup': 'audit.action.unit.setup',
  'unit.settings': 'audit.action.unit.settings',
  'user.add': 'audit.action.user.add',
  'user.disable': 'audit.action.user.disable',
  'user.enable': 'audit.action.user.enable',
  'user.remove': 'audit.action.user.remove',
  'user.password-changed': 'audit.action.user.password-changed',
  'user.password-reset': 'audit.action.user.password-reset',
  'session.login': 'audit.action.session.login',
  'session.logout': 'audit.action.session.logout',
  'session.lock': 'audit.action.session.lock',
  'session.unlock': 'audit.action.session.unlock',
  'session.unlock-failed': 'audit.action.session.unlock-failed',
  'session.login-refused': 'audit.action.session.login-refused',
  'access.denied': 'audit.action.access.denied',
  'audit.verify': 'audit.action.audit.verify',
  'backup.create': 'audit.action.backup.create',
  'db.check': 'audit.action.db.check',
  'manifest.import': 'audit.action.manifest.import',
  'manifest.amendment': 'audit.action.manifest.amendment',
  'manifest.duplicate': 'audit.action.manifest.duplicate',
  'update.check': 'audit.action.update.check',
  'update.verified': 'audit.action.update.verified',
  'update.up-to-date': 'audit.action.update.up-to-date',
  'update.refused': 'audit.action.update.refused',
  'update.failed': 'audit.action.update.failed',
  'update.downloaded': 'audit.action.update.downloaded',
  'update.install': 'audit.action.update.install',
  'update.version': 'audit.action.update.version',
  'signing.unit-ca-created': 'audit.action.signing.unit-ca-created',
  'signing.certificate-issued': 'audit.action.signing.certificate-issued',
  'signing.credential-imported': 'audit.action.signing.credential-imported',
  'backup.restore': 'audit.action.backup.restore',
  'backup.restored': 'audit.action.backup.restored',
  'db.rekey': 'audit.action.db.rekey',
  'user.recovered': 'audit.action.user.recovered',
  'risk.scored': 'audit.action.risk.scored',
  'risk.rescored': 'audit.action.risk.rescored',
  'profile.saved': 'audit.action.profile.saved',
  'profile.activated': 'audit.action.profile.activated',
  'watchlist.added': 'audit.action.watchlist.added',
  'watchlist.imported': 'audit.action.watchlist.imported',
  'watchlist.removed': 'audit.action.watchlist.removed',
  'reference.saved': 'audit.action.reference.saved',
  'reference.restored': 'audit.action.reference.restored',
  'exchange.identity-created': 'audit.action.exchange.identity-created',
  'exchange.partner-added': 'audit.action.exchange.partner-added',
  'exchange.partner-revoked': 'audit.action.exchange.partner-revoked',
  'exchange.exported': 'audit.action.exchange.exported',
  'exchange.imported': 'audit.action.exchange.imported',
  'exchange.import-refused': 'audit.action.exchange.import-refused',
  'report.issued': 'audit.action.report.issued',
  'report.printed': 'audit.action.report.printed',
  'report.countersigned': 'audit.action.report.countersigned',
  // Casework actions have their names in the case timeline's catalogue.
  'case.opened': 'cases.timeline.case.opened',
  'case.assigned': 'cases.timeline.case.assigned',
  'case.status': 'cases.timeline.case.status',
  'case.note-added': 'cases.timeline.case.note-added',
  'examination.recorded': 'cases.timeline.examination.recorded',
  'examination.corrected': 'cases.timeline.examination.corrected',
  'examination.approved': 'cases.timeline.examination.approved',
  'seizure.recorded': 'cases.timeline.seizure.recorded',
  'custody.recorded': 'cases.timeline.custody.recorded',
  'custody.corrected': 'cases.timeline.custody.corrected',
  'attachment.added': 'cases.timeline.attachment.added',
  'record.voided': 'cases.timeline.record.voided',
  'target.selected': 'cases.timeline.target.selected',
  'target.waived': 'cases.timeline.target.waived',
};

export function auditActionTitle(t: Translate, action: string): string {
  const key = Object.hasOwn(auditActionKeys, action) ? auditActionKeys[action] : undefined;
  return key ? t(key) : action;
}

/** Filter groups: an action prefix each (the server filters by prefix). */
export const auditActionGroups: readonly { prefix: string; title: MessageKey }[] = [
  { prefix: 'session.', title: 'audit.group.session' },
  { prefix: 'user.', title: 'audit.group.user' },
  { prefix: 'unit.', title: 'audit.group.unit' },
  { prefix: 'access.', title: 'audit.group.access' },
  { prefix: 'manifest.', title: 'audit.group.manifest' },
  { prefix: 'update.', title: 'audit.group.update' },
  { prefix: 'signing.', title: 'audit.group.signing' },
  { prefix: 'case.', title: 'audit.group.case' },
  { prefix: 'examination.', title: 'audit.group.examination' },
  { prefix: 'seizure.', title: 'audit.group.seizure' },
  { prefix: 'custody.', title: 'audit.group.custody' },
  { prefix: 'target.', title: 'audit.group.target' },
  { prefix: 'watchlist.', title: 'audit.group.watchlist' },
  { prefix: 'profile.', title: 'audit.group.profile' },
  { prefix: 'report.', title: 'audit.group.report' },
  { prefix: 'exchange.', title: 'audit.group.exchange' },
];

/** An entry's details in one line: `role: officer, files: 2`. */
export function formatAuditDetails(details: Readonly<Record<string, unknown>>): string {
  return Object.entries(details)
    .map(([name, value]) => `${name}: ${typeof value === 'string' ? value : JSON.stringify(value)}`)
    .join(', ');
}
