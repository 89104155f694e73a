import { z } from 'zod';
import type { Access } from '../domain/roles';

/**
 * IPC channels of signing certificates: an officer's own credential (imported
 * from the national PKI as PKCS#12, or issued by the unit CA), and the unit
 * certificate authority for units without a PKI. Spread into the one contract
 * table (contract.ts); the same rules apply there.
 *
 * Private keys never cross: only what a person checks about a certificate
 * (subject, issuer, fingerprint, validity) and, for the CA, its public
 * certificate. Passwords go one way (renderer → main) and are never returned,
 * stored in clear or written to the audit trail.
 */
const channel = <I extends z.ZodType, O extends z.ZodType>(def: { input: I; output: O; access: Access; summary: string }) => def;

const NoInput = z.undefined();
const Id = z.number().int().positive();
const Password = z.string().min(1).max(1024);

/** national: imported from the national PKI; unit-ca: issued by this unit's local CA. */
export const SigningCredentialKind = z.enum(['national', 'unit-ca']);
export type SigningCredentialKind = z.infer<typeof SigningCredentialKind>;

export const SigningCredential = z.object({
  userId: Id,
  kind: SigningCredentialKind,
  subject: z.string(),
  issuer: z.string(),
  serialNumber: z.string(),
  /** SHA-256 of the certificate, colon-separated hex (what the signature block prints). */
  fingerprint: z.string(),
  notBefore: z.string(),
  notAfter: z.string(),
  createdAt: z.string(),
});
export type SigningCredential = z.infer<typeof SigningCredential>;

export const UnitCaSummary = z.object({
  subject: z.string(),
  fingerprint: z.string(),
  notBefore: z.string(),
  notAfter: z.string(),
  createdAt: z.string(),
});
export type UnitCaSummary = z.infer<typeof UnitCaSummary>;

/**
 * A PKCS#12 file as the renderer sends it. National PKI files are a few
 * kilobytes; 1 MB leaves room for long chains.
 */
const P12Base64 = z
  .string()
  .min(1)
  .max(1_400_000)
  .regex(/^[A-Za-z0-9+/]+={0,2}$/, 'base64');

export const signingChannels = {
  'signing.credential': channel({
    input: NoInput,
    output: SigningCredential.nullable(),
    access: 'officer',
    summary: 'The logged-in user\'s current signing certificate (subject, issuer, fingerprint, validity, national or unit CA), or null.',
  }),
  'signing.credential.import': channel({
    input: z.object({ p12Base64: P12Base64, password: Password }),
    output: SigningCredential,
    access: 'officer',
    summary: 'Import one\'s own PKCS#12 from the national PKI; the password is checked now and never stored. Replaces the current credential.',
  }),
  'signing.credentials.list': channel({
    input: NoInput,
    output: z.array(SigningCredential),
    access: 'administrator',
    summary: 'Current signing certificates of all users (who can sign, until when).',
  }),
  'signing.unitCa.info': channel({
    input: NoInput,
    output: UnitCaSummary.nullable(),
    access: 'officer',
    summary: 'The unit certificate authority (subject, fingerprint, validity), or null if the unit has none.',
  }),
  'signing.unitCa.create': channel({
    input: NoInput,
    output: UnitCaSummary,
    access: 'administrator',
    summary: 'Create the unit\'s local certificate authority (once); labelled as local, not a national PKI.',
  }),
  'signing.unitCa.issue': channel({
    input: z.object({ userId: Id, password: Password }),
    output: SigningCredential,
    access: 'administrator',
    summary: 'Issue an officer certificate from the unit CA, protected by the password given (not kept), as that user\'s credential.',
  }),
  'signing.unitCa.export': channel({
    input: NoInput,
    output: z.object({ pem: z.string(), fileName: z.string(), fingerprint: z.string() }),
    access: 'officer',
    summary: 'The unit CA certificate as PEM, for the prosecutor\'s office to trust.',
  }),
} as const;
