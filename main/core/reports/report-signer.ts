import type { Db } from '../db/open';

/**
 * The one seam to the signing code (main/core/signing/sign-report.ts, owned
 * by the signatures work): the report service signs through this type only.
 * `p12` carries a PKCS#12 file given on the command line (`--p12 FILE`)
 * instead of the officer's stored credential.
 */
export type SignReportPdf = (
  db: Db,
  input: {
    pdf: Buffer;
    userId: number;
    password: string;
    p12?: Buffer;
    appearance: {
      name: string;
      role: string;
      unit: string;
      signedAt: Date;
      /** The zone of the report header's times, so the block prints the same offset. */
      timeZone?: string;
      /** The block's words, from the report's language catalogue (the signing code has none). */
      labels?: { signedBy: string; date: string; certificate: string };
    };
  },
) => Promise<{ pdf: Buffer; fingerprint: string }>;

/** Loads the signer only when a report is to be signed (node-forge and @signpdf are not needed otherwise). */
export async function loadReportSigner(): Promise<SignReportPdf> {
  const signer: SignReportPdf = (await import('../signing/sign-report')).signReportPdf;
  return signer;
}
