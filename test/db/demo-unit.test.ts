import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createServices } from '../../main/core/services';
import { fastKdf } from '../harness/fast-kdf';
import { expectOk } from './unit-fixture';

let dataDir: string;
beforeEach(() => {
  dataDir = mkdtempSync(path.join(os.tmpdir(), 'pcu-demo-'));
});
afterEach(() => rmSync(dataDir, { recursive: true, force: true }));

const services = (demo: boolean) => createServices({ dataDir, appVersion: 'test', kdf: fastKdf, demo });

describe('the demo unit of development and training starts', () => {
  it('is offered on a fresh machine and creates a unit with one account per role', async () => {
    const app = services(true);
    expect(await expectOk(app.invoke('session.status', undefined))).toMatchObject({ setUp: false, demoAvailable: true });
    const demo = await expectOk<{ accounts: { username: string; password: string; role: string }[] }>(app.invoke('setup.demo', undefined));
    expect(demo.accounts.map((account) => [account.username, account.role])).toEqual([
      ['admin', 'administrator'],
      ['supervisor', 'supervisor'],
      ['officer', 'officer'],
    ]);
    // Generated for this unit, one per account, never published.
    expect(new Set(demo.accounts.map((account) => account.password)).size).toBe(3);
    expect(await expectOk(app.invoke('session.status', undefined))).toMatchObject({ setUp: true, demoAvailable: false });
    // The sample manifests are loaded, so the demo has something to show.
    const manifests = await expectOk<{ fileName: string; lines: number }[]>(app.invoke('manifests.list', {}));
    expect(manifests.map((manifest) => manifest.fileName).sort()).toEqual([
      'cuscar-cosco-asia-062W.edi',
      'cuscar-msc-anna-425E.edi',
      'msc-anna-FE541W.xlsx',
      'russian-excel-cp1251.csv',
    ]);
    // One case carried through examination (with a photo), seizure, two hand-overs and approval.
    const [demoCase] = await expectOk<{ id: number; status: string; examinations: number; seizures: number; awaitingApproval: number }[]>(app.invoke('cases.list', {}));
    expect(demoCase).toMatchObject({ status: 'seizure', examinations: 1, seizures: 1, awaitingApproval: 0 });
    const file = await expectOk<{
      examinations: { approvedBy: string | null; recordedBy: string }[];
      seizures: { category: string }[];
      custody: { gapHours: number | null }[];
      attachments: { mediaType: string; sha256: string }[];
    }>(app.invoke('cases.get', { id: demoCase!.id }));
    expect(file.examinations).toEqual([expect.objectContaining({ recordedBy: 'officer', approvedBy: 'supervisor' })]);
    expect(file.seizures).toEqual([expect.objectContaining({ category: 'drugs.cocaine' })]);
    expect(file.custody).toHaveLength(2);
    expect(file.custody[1]!.gapHours).toBeGreaterThan(24);
    expect(file.attachments).toEqual([expect.objectContaining({ mediaType: 'image/png', sha256: expect.stringMatching(/^[0-9a-f]{64}$/) })]);
    for (const account of demo.accounts) {
      await expectOk(app.invoke('session.logout', undefined));
      const session = await expectOk<{ user: { role: string } }>(app.invoke('session.login', account));
      expect(session.user.role).toBe(account.role);
    }
    expect(await app.invoke('setup.demo', undefined)).toMatchObject({ ok: false, error: { code: 'ALREADY_SET_UP' } });
    await app.close();
  });

  it('is refused by an ordinary (installed) start', async () => {
    const app = services(false);
    expect(await expectOk(app.invoke('session.status', undefined))).toMatchObject({ demoAvailable: false });
    expect(await app.invoke('setup.demo', undefined)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
  });
});
