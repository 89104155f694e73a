import type { Handlers } from '../../../shared/ipc/dispatch';
import { assertNever, DomainError } from '../../../shared/ipc/errors';
import type { SigningCredential, SigningCredentialKind, UnitCaSummary } from '../../../shared/ipc/signing-contract';
import { certificatePem, describeCertificate } from '../signing/certificates';
import {
  createUnitCaRecord,
  currentCredential,
  currentCredentials,
  importP12,
  issueFromUnitCa,
  unitCaCertificate,
  unitCaInfo,
  type CredentialInfo,
  type CredentialSource,
} from '../signing/credential-store';
import { getUnit } from '../unit/unit-repository';
import { findUserById } from '../vault/accounts';
import { assertAcceptablePassword } from '../vault/password-policy';
import type { HandlerContext } from './context';

type SigningChannels =
  | 'signing.credential'
  | 'signing.credential.import'
  | 'signing.credentials.list'
  | 'signing.unitCa.info'
  | 'signing.unitCa.create'
  | 'signing.unitCa.issue'
  | 'signing.unitCa.export';

function kindOf(source: CredentialSource): SigningCredentialKind {
  switch (source) {
    case 'imported':
      return 'national';
    case 'unit_ca':
      return 'unit-ca';
    default:
      return assertNever(source, 'credential source');
  }
}

const toCredential = (info: CredentialInfo): SigningCredential => ({
  userId: info.userId,
  kind: kindOf(info.source),
  subject: info.subject,
  issuer: info.issuer,
  serialNumber: info.serialNumber,
  fingerprint: info.fingerprint,
  notBefore: info.notBefore,
  notAfter: info.notAfter,
  createdAt: info.createdAt,
});

/** What the audit trail keeps about a certificate: public facts only, never a password or key. */
const certificateFacts = (info: { fingerprint: string; subject: string; notAfter: string }) => ({
  fingerprint: info.fingerprint,
  certificateSubject: info.subject,
  notAfter: info.notAfter,
});

/** A file name a Windows or Linux file system accepts, from the unit's name (any script). */
const fileSafe = (name: string): string =>
  name
    .normalize('NFC')
    .replace(/[\\/:*?"<>|\p{Cc}]+/gu, '')
    .trim()
    .replace(/\s+/g, '-')
    .slice(0, 80) || 'unit';

export function signingHandlers({ sessions, clock }: HandlerContext): Pick<Handlers, SigningChannels> {
  const db = () => sessions.store().db;
  const userId = (): number => {
    const id = sessions.actor().userId;
    if (id === null) throw new DomainError('UNAUTHENTICATED', 'Log in first');
    return id;
  };

  const caSummary = (): UnitCaSummary | null => {
    const stored = unitCaInfo(db());
    if (!stored) return null;
    // notBefore is not a column: read it from the certificate itself.
    const cert = describeCertificate(unitCaCertificate(db()));
    return { subject: stored.subject, fingerprint: stored.fingerprint, notBefore: cert.notBefore, notAfter: stored.notAfter, createdAt: stored.createdAt };
  };

  return {
    'signing.credential': () => {
      const info = currentCredential(db(), userId());
      return info ? toCredential(info) : null;
    },

    'signing.credential.import': ({ p12Base64, password }) => {
      const p12 = Buffer.from(p12Base64, 'base64');
      const own = userId();
      // A wrong password throws inside the transaction: nothing is stored and nothing audited.
      return sessions.store().change(
        sessions.actor(),
        (credential: SigningCredential) => ({
          action: 'signing.credential-imported',
          subject: sessions.actor().userName ?? `user:${own}`,
          details: { kind: credential.kind, issuer: credential.issuer, ...certificateFacts(credential) },
        }),
        (database) => toCredential(importP12(database, { userId: own, p12, password, now: clock() })),
      );
    },

    'signing.credentials.list': () => currentCredentials(db()).map(toCredential),

    'signing.unitCa.info': () => caSummary(),

    'signing.unitCa.create': async () => {
      const store = sessions.store();
      const unit = getUnit(store.db);
      await store.change(
        sessions.actor(),
        (created: { subject: string; fingerprint: string; notAfter: string }) => ({
          action: 'signing.unit-ca-created',
          subject: 'unit-ca',
          details: certificateFacts(created),
        }),
        (database) => createUnitCaRecord(database, { unitName: unit.name, country: unit.country, actorId: userId(), now: clock() }),
      );
      const summary = caSummary();
      if (!summary) throw new Error('the unit CA was not stored');
      return summary;
    },

    'signing.unitCa.issue': ({ userId: holderId, password }) => {
      const store = sessions.store();
      const holder = findUserById(store.db, holderId);
      // A removed account is history: it signs nothing any more.
      if (!holder || holder.removed) throw new DomainError('UNKNOWN_USER', `There is no user ${holderId}`, { user: holder?.username ?? String(holderId) });
      assertAcceptablePassword(password);
      const unit = getUnit(store.db);
      return store.change(
        sessions.actor(),
        (credential: SigningCredential) => ({
          action: 'signing.certificate-issued',
          subject: holder.username,
          details: { userId: holder.id, serialNumber: credential.serialNumber, ...certificateFacts(credential) },
        }),
        (database) => toCredential(issueFromUnitCa(database, { userId: holder.id, password, actorId: userId(), unitName: unit.name, now: clock() })),
      );
    },

    'signing.unitCa.export': () => {
      const certificate = unitCaCertificate(db());
      return {
        pem: certificatePem(certificate),
        fileName: `${fileSafe(getUnit(db()).name)}-unit-ca.pem`,
        fingerprint: describeCertificate(certificate).fingerprint,
      };
    },
  };
}
