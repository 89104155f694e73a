import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CliIo } from '../../main/cli/io';
import { runCli } from '../../main/cli/program';
import { createServices } from '../../main/core/services';
import type { ChannelOutput, ImportFileResult } from '../../shared/ipc/contract';
import { expectOk } from '../db/unit-fixture';
import { fastKdf } from '../harness/fast-kdf';

/** `pcu unit certificate`, `pcu partner add|list|revoke`, `pcu exchange export|import`, in-process, between two units. */

const PASSWORD = 'exchange cli password 1';
const header = 'B/L No;Container No;Seal;Shipper;Consignee;Notify;Goods description;HS code;Packages;Gross weight, kg;Port of loading;Port of discharge;Country of origin';
const csv = [
  'Vessel: MSC TEST;;',
  'Voyage: 7E;;',
  header,
  'KHI001;MSCU1234566;SL1001;Al-Noor Rice Mills (Pvt) Ltd;Pamir Trade LLC;Pamir Trade LLC;Basmati rice;100630;800;16400;PKKHI;IRBND;PK',
].join('\r\n');

let work: string;
const dirs = { A: '', B: '' };

async function createUnit(dir: string, unitName: string, country: string, locode: string, withSeizure: boolean) {
  const services = createServices({ dataDir: dir, appVersion: 'test', kdf: fastKdf, locale: 'en-GB' });
  await expectOk(services.invoke('setup.create', { unitName, country, locode, adminUsername: 'admin', adminDisplayName: 'Administrator', password: PASSWORD }));
  if (withSeizure) {
    const [imported] = await expectOk<ImportFileResult[]>(services.invoke('manifests.import', { files: [{ name: 'call.csv', dataBase64: Buffer.from(csv).toString('base64') }] }));
    expect(imported?.status).toBe('imported');
    const page = await expectOk<ChannelOutput<'targets.list'>>(services.invoke('targets.list', {}));
    const exam = await expectOk<ChannelOutput<'examinations.record'>>(
      services.invoke('examinations.record', {
        consignmentId: page.rows[0]!.id,
        method: 'physical_full',
        location: 'Karachi terminal',
        startedAt: new Date(Date.now() - 3_600_000).toISOString(),
        timeZone: 'Asia/Karachi',
        participants: [],
        sealsFound: [],
        condition: { doors: 'ok', floor: 'ok', roof: 'ok', walls: 'ok', frontWall: 'modified', undercarriage: 'ok', refrigerationUnit: 'not_checked' },
        samples: [],
        result: 'seizure',
      }),
    );
    await expectOk(services.invoke('seizures.record', { caseId: exam.caseId, examinationId: exam.id, category: 'drugs.heroin', quantity: '2', quantityUnit: 'kg', parties: [{ name: 'Ivan Petrov', role: 'driver' }] }));
  }
  await services.close();
}

beforeAll(async () => {
  work = mkdtempSync(path.join(os.tmpdir(), 'pcu-cli-exchange-'));
  dirs.A = path.join(work, 'a');
  dirs.B = path.join(work, 'b');
  await createUnit(dirs.A, 'PCU Karachi', 'PK', 'PKKHI', true);
  await createUnit(dirs.B, 'PCU Termez', 'UZ', 'UZTER', false);
}, 120_000);
afterAll(() => rmSync(work, { recursive: true, force: true }));

async function pcu(unit: 'A' | 'B', args: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const io: CliIo = { stdout: (text) => out.push(text), stderr: (text) => err.push(text), env: { PCU_PASSWORD: PASSWORD }, platform: 'linux', home: '/tmp', language: 'en', kdf: fastKdf };
  const code = await runCli([...args, '--data-dir', dirs[unit]], io);
  return { code, stdout: out.join(''), stderr: err.join('') };
}
const file = (name: string) => path.join(work, name);

describe('pcu exchange', () => {
  it('exchanges certificates, exports an alert and a seizure notice, and imports them with one JSON array and a non-zero exit for a refused file', async () => {
    const certA = await pcu('A', ['unit', 'certificate', '--user', 'admin', '--out', file('a.pem')]);
    expect(certA.code, certA.stderr).toBe(0);
    expect(certA.stdout.trim()).toMatch(/^([0-9A-F]{2}:){31}[0-9A-F]{2}$/);
    expect(readFileSync(file('a.pem'), 'utf8')).toMatch(/^-----BEGIN CERTIFICATE-----/);
    const certB = await pcu('B', ['unit', 'certificate', '--user', 'admin', '--out', file('b.pem'), '--json']);
    expect(JSON.parse(certB.stdout)).toMatchObject({ file: file('b.pem'), fingerprint: expect.any(String) });

    const added = await pcu('B', ['partner', 'add', '--user', 'admin', '--cert', file('a.pem'), '--name', 'PCU Karachi', '--json']);
    expect(added.code, added.stderr).toBe(0);
    expect(JSON.parse(added.stdout)).toMatchObject({ name: 'PCU Karachi', fingerprint: certA.stdout.trim(), state: 'trusted' });
    expect((await pcu('A', ['partner', 'add', '--user', 'admin', '--cert', file('b.pem'), '--name', 'PCU Termez'])).code).toBe(0);
    writeFileSync(file('junk.pem'), 'not a certificate');
    const junk = await pcu('A', ['partner', 'add', '--user', 'admin', '--cert', file('junk.pem'), '--name', 'Junk', '--json']);
    expect(junk.code).not.toBe(0);
    expect(JSON.parse(junk.stderr)).toMatchObject({ error: { code: 'EXCHANGE_CERTIFICATE_INVALID', message: expect.stringContaining('junk.pem') } });

    const targets = JSON.parse((await pcu('A', ['targets', '--user', 'admin', '--json'])).stdout) as { id: number; container: string }[];
    const consignmentId = targets.find((target) => target.container === 'MSCU1234566')!.id;
    const alert = await pcu('A', ['exchange', 'export', '--user', 'admin', '--alert', String(consignmentId), '--to', file('b.pem'), '--out', file('alert.p7m'), '--json', '--action', 'scan']);
    expect(alert.code, alert.stderr).toBe(0);
    const exported = JSON.parse(alert.stdout) as { packageId: string; encrypted: boolean; recipients: string[] };
    expect(exported).toMatchObject({ file: file('alert.p7m'), kind: 'alert', encrypted: true, recipients: ['PCU Termez'] });
    // Encrypting needs a partner's certificate: its own is not one.
    const notPartner = await pcu('A', ['exchange', 'export', '--user', 'admin', '--alert', String(consignmentId), '--to', file('a.pem'), '--out', file('x.p7m'), '--json']);
    expect(JSON.parse(notPartner.stderr)).toMatchObject({ error: { code: 'EXCHANGE_NOT_A_PARTNER', message: expect.stringContaining('a.pem') } });
    // An alert valid only in the past is refused; a date typed the Russian way is a usage error naming the flag.
    const past = await pcu('A', ['exchange', 'export', '--user', 'admin', '--alert', String(consignmentId), '--valid-until', '2020-01-31', '--out', file('past.p7m'), '--json']);
    expect(past.code).toBe(1);
    expect(JSON.parse(past.stderr)).toMatchObject({ error: { code: 'EXCHANGE_VALID_UNTIL_PAST', message: expect.stringContaining('2020-01-31') } });
    expect(existsSync(file('past.p7m'))).toBe(false);
    const russianDate = await pcu('A', ['exchange', 'export', '--user', 'admin', '--alert', String(consignmentId), '--expected-arrival', '31.12.2026', '--out', file('x.p7m')]);
    expect(russianDate.code).toBe(1);
    expect(russianDate.stderr).toContain('--expected-arrival takes a date YYYY-MM-DD, not "31.12.2026"');

    const cases = JSON.parse((await pcu('A', ['case', 'list', '--user', 'admin', '--json'])).stdout) as { seizureIds: number[] }[];
    const seizureId = cases[0]!.seizureIds[0]!;
    const notice = await pcu('A', ['exchange', 'export', '--user', 'admin', '--seizure', String(seizureId), '--out', file('notice.p7m'), '--json']);
    expect(notice.code, notice.stderr).toBe(0);
    expect(JSON.parse(notice.stdout)).toMatchObject({ kind: 'seizure-notice', encrypted: false, personalData: 'masked' });

    writeFileSync(file('junk.json'), '{"schema":"pcu-exchange/1"}');
    const imported = await pcu('B', ['exchange', 'import', '--user', 'admin', file('alert.p7m'), file('notice.p7m'), file('junk.json'), '--json']);
    expect(imported.code).not.toBe(0);
    const results = JSON.parse(imported.stdout) as Record<string, unknown>[];
    expect(results).toEqual([
      { file: file('alert.p7m'), status: 'accepted', packageId: exported.packageId, kind: 'alert', partner: 'PCU Karachi', watchEntries: 5 },
      expect.objectContaining({ file: file('notice.p7m'), status: 'accepted', kind: 'seizure-notice', partner: 'PCU Karachi', watchEntries: 0 }),
      { file: file('junk.json'), status: 'refused', packageId: null, kind: null, partner: null, watchEntries: 0, error: { code: 'EXCHANGE_NOT_A_PACKAGE', message: expect.stringContaining('junk.json is not a signed exchange package') } },
    ]);
    const again = await pcu('B', ['exchange', 'import', '--user', 'admin', file('alert.p7m'), '--json']);
    expect(again.code).not.toBe(0);
    expect(JSON.parse(again.stdout)).toEqual([expect.objectContaining({ status: 'refused', packageId: exported.packageId, error: expect.objectContaining({ code: 'EXCHANGE_ALREADY_IMPORTED' }) })]);

    const partners = JSON.parse((await pcu('B', ['partner', 'list', '--user', 'admin', '--json'])).stdout) as { id: number; state: string }[];
    expect(partners).toEqual([expect.objectContaining({ name: 'PCU Karachi', state: 'trusted' })]);
    const revoked = await pcu('B', ['partner', 'revoke', '--user', 'admin', '--partner', String(partners[0]!.id), '--reason', 'Key compromised', '--json']);
    expect(JSON.parse(revoked.stdout)).toMatchObject({ state: 'revoked', revokeReason: 'Key compromised' });
  }, 120_000);
});
