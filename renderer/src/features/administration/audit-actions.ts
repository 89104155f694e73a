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
];

/** An entry's details in one line: `role: officer, files: 2`. */
export function formatAuditDetails(details: Readonly<Record<string, unknown>>): string {
  return Object.entries(details)
    .map(([name, value]) => `${name}: ${typeof value === 'string' ? value : JSON.stringify(value)}`)
    .join(', ');
}
