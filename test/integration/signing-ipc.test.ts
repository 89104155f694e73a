import crypto from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { AppError } from '../../shared/ipc/errors';
import type { AuditEntryInfo, ChannelOutput, UserInfo } from '../../shared/ipc/contract';
import { buildP12 } from '../../main/core/signing/certificates';
import { openCurrentCredential } from '../../main/core/signing/credential-store';
import { ADMIN, expectOk, setUpUnit, UNIT_NAME, type UnitFixture } from '../db/unit-fixture';
import { testCredentials } from '../fixtures/signing/credentials';

/**
 * Signing certificates through the real services and the IPC contract: the
 * administrator creates the unit CA and issues an officer certificate; the
 * officer sees it, exports the CA for the prosecutor's office, imports a
 * national-PKI P12 (a wrong password is refused by its code); each change is
 * audited and no password or key reaches the audit trail.
 */

const OFFICER = { username: 'jrahimov', password: 'officer login password', role: 'officer', displayName: 'Ҷаҳонгир Раҳимов' };
const ISSUED_P12_PASSWORD = 'issued p12 passphrase';
const NATIONAL_P12_PASSWORD = 'national pki passphrase';

let unit: UnitFixture;
let officerId: number;
beforeEach(async () => {
  unit = await setUpUnit();
  const added = await expectOk<UserInfo>(unit.services.invoke('users.add', OFFICER));
  officerId = added.id;
});
afterEach(async () => {
  await unit.dispose();
});

const invoke = <T>(channel: string, input?: unknown) => expectOk<T>(unit.services.invoke(channel, input));
async function refusal(channel: string, input?: unknown): Promise<AppError> {
  const result = await unit.services.invoke(channel, input);
  if (result.ok) throw new Error(`${channel} was accepted`);
  return result.error;
}
async function logInAs(user: { username: string; password: string }): Promise<void> {
  await unit.services.invoke('session.logout', undefined);
  await invoke('session.login', { username: user.username, password: user.password });
}
const signingAudit = async () =>
  (await invoke<AuditEntryInfo[]>('audit.list', { action: 'signing.', limit: 500 })).sort((a, b) => a.seq - b.seq);

describe('signing certificates through the contract', () => {
  it('administrator creates the unit CA and issues an officer certificate; the officer sees it and exports the CA', async () => {
    expect(await invoke('signing.unitCa.info')).toBeNull();
    expect(await refusal('signing.unitCa.export')).toMatchObject({ code: 'SIGNING_NO_UNIT_CA' });
    expect(await refusal('signing.unitCa.issue', { userId: officerId, password: ISSUED_P12_PASSWORD })).toMatchObject({ code: 'SIGNING_NO_UNIT_CA' });

    const ca = await invoke<ChannelOutput<'signing.unitCa.create'>>('signing.unitCa.create');
    expect(ca.subject).toContain('local unit CA — not a national PKI');
    expect(ca.subject).toContain(UNIT_NAME);
    expect(new Date(ca.notAfter).getTime()).toBeGreaterThan(new Date(ca.notBefore).getTime());
    expect(await invoke('signing.unitCa.info')).toEqual(ca);
    expect(await refusal('signing.unitCa.create')).toMatchObject({ code: 'SIGNING_UNIT_CA_EXISTS' });

    // The password protects the officer's key: the account password rule applies.
    expect(await refusal('signing.unitCa.issue', { userId: officerId, password: 'short' })).toMatchObject({ code: 'WEAK_PASSWORD' });
    expect(await refusal('signing.unitCa.issue', { userId: 999, password: ISSUED_P12_PASSWORD })).toMatchObject({ code: 'UNKNOWN_USER' });
    const issued = await invoke<ChannelOutput<'signing.unitCa.issue'>>('signing.unitCa.issue', { userId: officerId, password: ISSUED_P12_PASSWORD });
    expect(issued).toMatchObject({ userId: officerId, kind: 'unit-ca', issuer: ca.subject });
    expect(issued.subject).toContain(`CN=${OFFICER.displayName}`);
    expect(await invoke<ChannelOutput<'signing.credentials.list'>>('signing.credentials.list')).toEqual([issued]);

    await logInAs(OFFICER);
    expect(await invoke('signing.credential')).toEqual(issued);
    expect(await invoke('signing.unitCa.info')).toEqual(ca);
    // The officer may not run the CA nor see everybody's certificates; the refusals are audited by dispatch.
    expect(await refusal('signing.unitCa.create')).toMatchObject({ code: 'FORBIDDEN' });
    expect(await refusal('signing.unitCa.issue', { userId: officerId, password: ISSUED_P12_PASSWORD })).toMatchObject({ code: 'FORBIDDEN' });
    expect(await refusal('signing.credentials.list')).toMatchObject({ code: 'FORBIDDEN' });

    const exported = await invoke<ChannelOutput<'signing.unitCa.export'>>('signing.unitCa.export');
    expect(exported.pem).toMatch(/^-----BEGIN CERTIFICATE-----\n[\s\S]+\n-----END CERTIFICATE-----\n$/);
    expect(exported.pem).not.toContain('PRIVATE KEY');
    expect(exported.fileName).toMatch(/-unit-ca\.pem$/);
    const caCert = new crypto.X509Certificate(exported.pem);
    expect(caCert.fingerprint256).toBe(ca.fingerprint);
    expect(exported.fingerprint).toBe(ca.fingerprint);
    // The stored P12 opens with the password given at issue, and the exported CA vouches for it.
    const signer = openCurrentCredential(unit.services.sessions.store().db, officerId, ISSUED_P12_PASSWORD);
    const officerCert = new crypto.X509Certificate(signer.certificate);
    expect(officerCert.fingerprint256).toBe(issued.fingerprint);
    expect(officerCert.verify(caCert.publicKey)).toBe(true);
    expect(officerCert.checkIssued(caCert)).toBe(true);
  });

  it('an officer imports a national-PKI P12: wrong password and a non-P12 are refused by code, nothing stored', async () => {
    await logInAs(OFFICER);
    expect(await invoke('signing.credential')).toBeNull();
    const p12 = buildP12(testCredentials().officer, NATIONAL_P12_PASSWORD, 'Officer');
    const p12Base64 = p12.toString('base64');

    expect(await refusal('signing.credential.import', { p12Base64, password: 'not the password' })).toMatchObject({ code: 'SIGNING_P12_PASSWORD_WRONG' });
    expect(await refusal('signing.credential.import', { p12Base64: Buffer.from('not a p12 at all').toString('base64'), password: 'x' })).toMatchObject({
      code: 'SIGNING_P12_INVALID',
    });
    expect(await refusal('signing.credential.import', { p12Base64: 'not base64!', password: 'x' })).toMatchObject({ code: 'INVALID_INPUT' });
    expect(await invoke('signing.credential')).toBeNull();

    const imported = await invoke<ChannelOutput<'signing.credential.import'>>('signing.credential.import', { p12Base64, password: NATIONAL_P12_PASSWORD });
    expect(imported).toMatchObject({ userId: officerId, kind: 'national', fingerprint: new crypto.X509Certificate(testCredentials().officer.certificate).fingerprint256 });
    expect(await invoke('signing.credential')).toEqual(imported);
  });

  it('audits each change with public certificate facts only, never a password or key', async () => {
    const ca = await invoke<ChannelOutput<'signing.unitCa.create'>>('signing.unitCa.create');
    const issued = await invoke<ChannelOutput<'signing.unitCa.issue'>>('signing.unitCa.issue', { userId: officerId, password: ISSUED_P12_PASSWORD });
    await logInAs(OFFICER);
    const p12 = buildP12(testCredentials().officer, NATIONAL_P12_PASSWORD, 'Officer');
    await refusal('signing.credential.import', { p12Base64: p12.toString('base64'), password: 'wrong national password' });
    const imported = await invoke<ChannelOutput<'signing.credential.import'>>('signing.credential.import', { p12Base64: p12.toString('base64'), password: NATIONAL_P12_PASSWORD });

    await logInAs(ADMIN);
    const entries = await signingAudit();
    expect(entries.map((entry) => [entry.action, entry.userName, entry.subject])).toEqual([
      ['signing.unit-ca-created', ADMIN.username, 'unit-ca'],
      ['signing.certificate-issued', ADMIN.username, OFFICER.username],
      // The refused import changed nothing, so it left no entry.
      ['signing.credential-imported', OFFICER.username, OFFICER.username],
    ]);
    expect(entries[0]?.details).toMatchObject({ fingerprint: ca.fingerprint });
    expect(entries[1]?.details).toMatchObject({ fingerprint: issued.fingerprint, userId: officerId });
    expect(entries[2]?.details).toMatchObject({ fingerprint: imported.fingerprint, kind: 'national' });

    const everything = JSON.stringify(await invoke<AuditEntryInfo[]>('audit.list', { limit: 500 }));
    for (const secret of [ISSUED_P12_PASSWORD, NATIONAL_P12_PASSWORD, 'wrong national password', OFFICER.password, ADMIN.password]) {
      expect(everything).not.toContain(secret);
    }
    expect(everything).not.toContain('PRIVATE KEY');
    expect(everything).not.toContain(p12.toString('base64').slice(0, 40));
    expect((await invoke<ChannelOutput<'audit.verify'>>('audit.verify')).ok).toBe(true);
  });
});
