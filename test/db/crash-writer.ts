/**
 * Child process for crash.test.ts: logs in and commits audited writes as fast
 * as it can, printing each id after its commit returns, until it is killed.
 */
import { consoleLog } from '../../main/core/log';
import { createServices } from '../../main/core/services';
import { fastKdf } from '../harness/fast-kdf';

const [dataDir, username, password] = process.argv.slice(2);
if (!dataDir || !username || !password) throw new Error('usage: crash-writer DATA_DIR USER PASSWORD');

const services = createServices({ dataDir, appVersion: 'crash-test', kdf: fastKdf, log: consoleLog() });
const login = await services.invoke('session.login', { username, password });
if (!login.ok) throw new Error(JSON.stringify(login.error));
const store = services.sessions.store();
const insert = store.db.prepare("INSERT INTO watch_lists (name, description, created_at) VALUES (?, ?, '2026-11-28T00:00:00Z')");
for (let index = 0; ; index += 1) {
  const name = `w-${process.pid}-${index}`;
  const id = await store.change(services.sessions.actor(), { action: 'test.write', subject: name }, () =>
    Number(insert.run(name, 'x'.repeat(index % 7 === 0 ? 5000 : 50)).lastInsertRowid),
  );
  process.stdout.write(`committed ${id}\n`);
}
