/**
 * Signing speed (issue 7): signing a ~2 MB PDF (placeholder, appearance
 * revision, SHA-256 of the byte ranges, CMS with RSA 3072) against the bare
 * SHA-256 of the same bytes, the floor any signer pays.
 */
import crypto from 'node:crypto';
import { signPdf } from '../../main/core/signing/sign-pdf';
import { testCredentials, SIGNED_AT } from '../fixtures/signing/credentials';
import { makeTestPdf } from '../fixtures/signing/make-pdf';

const median = (values: number[]): number => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? 0;

async function time(runs: number, fn: () => unknown): Promise<number> {
  const samples: number[] = [];
  for (let i = 0; i < runs; i += 1) {
    const start = performance.now();
    await fn();
    samples.push(performance.now() - start);
  }
  return median(samples);
}

export async function signingBench(): Promise<{ measure: string; value: string; ratio: string }[]> {
  // Uncompressed filler text: about 2 MB.
  const pdf = await makeTestPdf({ pages: 4, filler: 160 });
  const { officer } = testCredentials();
  const appearance = { name: 'Ҷаҳонгир Раҳимов', role: 'Inspector', unit: 'PCU Dushanbe', signedAt: SIGNED_AT };
  await signPdf(pdf, { signer: officer, appearance }); // warm-up
  const signMs = await time(7, () => signPdf(pdf, { signer: officer, appearance }));
  const hashMs = await time(7, () => crypto.createHash('sha256').update(pdf).digest());
  const mb = (pdf.length / 1024 / 1024).toFixed(1);
  return [
    { measure: `Sign a ${mb} MB PDF (PAdES B-B, RSA 3072, visible block)`, value: `${signMs.toFixed(1)} ms`, ratio: `${(signMs / hashMs).toFixed(1)} × the bare SHA-256` },
    { measure: `Bare SHA-256 of the same ${mb} MB`, value: `${hashMs.toFixed(2)} ms`, ratio: '' },
  ];
}
