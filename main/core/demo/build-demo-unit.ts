import type { Language } from '../../../shared/i18n/languages';
import type { Role } from '../../../shared/domain/roles';
import { describeError, type Log } from '../log';
import { importAndScore } from '../risk/risk-service';
import { addWatchEntries } from '../risk/watchlist-store';
import { insertUser, type UserRow } from '../vault/accounts';
import { assertAcceptablePassword } from '../vault/password-policy';
import type { UnitStore, Vault } from '../vault/vault';
import { buildDemoCase } from './demo-casework';
import { generateDemoPassword } from './demo-password';
import { demoAccounts, demoUnit, demoWatchlist } from './demo-unit';
import { readSampleManifests } from './sample-manifests';

export interface DemoUnit {
  readonly store: UnitStore;
  readonly admin: UserRow;
  readonly recoveryKey: string;
  /** Shown once (demo screen, `pcu demo`): nothing else keeps them. */
  readonly accounts: { username: string; role: Role; password: string }[];
  /** Why the unit was left without its samples or its case (logged), or null when it is complete. */
  readonly incomplete: string | null;
}

/**
 * A complete training unit in one call, shared by the app's first-run demo
 * choice and `pcu demo`: the three accounts (one password for all when the
 * caller gives one, else one generated per account), the watch-list
 * entries, the sample manifests imported and scored, and one case carried
 * through examination, seizure, custody and approval.
 */
export async function buildDemoUnit(vault: Vault, options: { clock: () => Date; language: Language; log: Log; password?: string | undefined }): Promise<DemoUnit> {
  if (options.password !== undefined) assertAcceptablePassword(options.password);
  const accounts = demoAccounts.map((account) => ({ ...account, password: options.password ?? generateDemoPassword() }));
  const [admin, ...others] = accounts;
  if (!admin) throw new Error('no demo administrator');
  const { store, admin: adminRow, recoveryKey } = await vault.setup({ ...demoUnit, adminUsername: admin.username, adminDisplayName: admin.displayName, password: admin.password });
  const actor = { userId: adminRow.id, userName: adminRow.username };
  const people = new Map<string, UserRow>([[adminRow.username, adminRow]]);
  try {
    for (const account of others) {
      await store.createSlotFor(account.username, account.password);
      const row = await store.change(actor, { action: 'user.add', subject: account.username, details: { role: account.role } }, (db) =>
        insertUser(db, { username: account.username, displayName: account.displayName, role: account.role, createdBy: adminRow.id }, options.clock()),
      );
      people.set(row.username, row);
    }
  } catch (error) {
    await store.close();
    throw error;
  }
  // The unit and its accounts exist now, and only this answer carries their passwords: a failure
  // while filling it is logged and reported, never thrown, or nobody could ever log in to it.
  let incomplete: string | null = null;
  try {
    // A demo unit with nothing in it shows nothing: watch-list entries, then the sample manifests, scored, as its administrator.
    await store.change(actor, { action: 'watchlist.added', subject: 'watchlist', details: { entries: demoWatchlist.length, demo: true } }, (db) =>
      addWatchEntries(db, demoWatchlist, options.clock().toISOString(), adminRow.id),
    );
    for (const sample of await readSampleManifests()) {
      await importAndScore(store, actor, sample, { language: options.language, clock: options.clock }, (error, indicatorId) =>
        options.log.error('demo scoring failed', { indicatorId, ...describeError(error) }),
      );
    }
    const person = (role: Role) => {
      const row = [...people.values()].find((candidate) => candidate.role === role);
      if (!row) throw new Error(`no demo ${role}`);
      return { userId: row.id, userName: row.username, displayName: row.displayName, role: row.role };
    };
    await buildDemoCase(store, { officer: person('officer'), supervisor: person('supervisor') }, options.clock);
  } catch (error) {
    options.log.error('demo unit left incomplete', describeError(error));
    incomplete = error instanceof Error ? error.message : String(error);
  }
  return { store, admin: adminRow, recoveryKey, accounts: accounts.map(({ username, role, password }) => ({ username, role, password })), incomplete };
}
