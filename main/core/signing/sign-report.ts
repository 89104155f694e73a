/**
 * The report service's one entry point for signing (its type is
 * `SignReportPdf` in main/core/reports/report-signer.ts): the officer's stored
 * credential, or a P12 given on the command line, opened with the password
 * asked now; the certificate must be valid at the signing time; the first
 * signature goes in the officer slot of the report's signature area, a
 * countersignature in the other.
 */
import crypto from 'node:crypto';
import { DomainError } from '../../../shared/ipc/errors';
import type { Db } from '../db/open';
import { SIGNATURE_SLOTS } from '../reports/signature-box';
import { openP12 } from './certificates';
import type { CmsSigner } from './cms';
import type { AppearanceLabels } from './appearance';
import { currentP12 } from './credential-store';
import { signPdf, type Rect } from './sign-pdf';

export interface ReportAppearance {
  name: string;
  role: string;
  unit: string;
  signedAt: Date;
  /** The zone the report prints its times in (its header's). */
  timeZone?: string;
  /** The block's words in the report's language. */
  labels?: AppearanceLabels;
}

const REPORT_SLOTS: readonly Rect[] = [SIGNATURE_SLOTS.officer, SIGNATURE_SLOTS.countersign];

function assertValidAt(signer: CmsSigner, at: Date): void {
  const cert = new crypto.X509Certificate(signer.certificate);
  const from = new Date(cert.validFrom);
  const to = new Date(cert.validTo);
  if (at < from || at > to) {
    throw new DomainError('SIGNING_CERTIFICATE_NOT_VALID_NOW', 'certificate not valid at signing time', {
      notBefore: from.toISOString().slice(0, 10),
      notAfter: to.toISOString().slice(0, 10),
    });
  }
}

/** Signs a PDF with a PKCS#12 (the CLI's `--p12 FILE`). */
export async function signPdfWithP12(
  pdf: Buffer,
  p12: Buffer,
  password: string,
  appearance: ReportAppearance,
): Promise<{ pdf: Buffer; fingerprint: string }> {
  const signer = openP12(p12, password);
  assertValidAt(signer, appearance.signedAt);
  return signPdf(pdf, { signer, appearance, rects: REPORT_SLOTS });
}

export async function signReportPdf(
  db: Db,
  input: { pdf: Buffer; userId: number; password: string; p12?: Buffer; appearance: ReportAppearance },
): Promise<{ pdf: Buffer; fingerprint: string }> {
  const p12 = input.p12 ?? currentP12(db, input.userId);
  return signPdfWithP12(input.pdf, p12, input.password, input.appearance);
}
