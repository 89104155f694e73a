/**
 * Independent verifiers: poppler's pdfsig and OpenSSL. pdfsig exits 0 even for
 * an invalid signature, so its TEXT is parsed, per signature.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export const hasTool = (name: string): boolean => spawnSync('sh', ['-c', `command -v ${name}`]).status === 0;

export interface PdfsigSignature {
  valid: boolean;
  totalDocumentSigned: boolean;
  signedRanges: string | undefined;
  text: string;
}

export function withTempDir<T>(fn: (dir: string) => T): T {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pcu-sign-'));
  try {
    return fn(dir);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

export function pdfsig(pdf: Buffer): PdfsigSignature[] {
  return withTempDir((dir) => {
    const file = path.join(dir, 'doc.pdf');
    fs.writeFileSync(file, pdf);
    const out = spawnSync('pdfsig', [file], { encoding: 'utf8' });
    const text = `${out.stdout}\n${out.stderr}`;
    return text
      .split(/^Signature #\d+:/m)
      .slice(1)
      .map((block) => ({
        valid: /Signature Validation: Signature is Valid\./.test(block),
        totalDocumentSigned: /^\s*- Total document signed/m.test(block),
        signedRanges: /Signed Ranges: (.*)/.exec(block)?.[1],
        text: block,
      }));
  });
}

/** The CMS blobs and their signed bytes, extracted the simple way (ByteRange → Contents). */
export function extractSignatures(pdf: Buffer): { cms: Buffer; signedBytes: Buffer }[] {
  const text = pdf.toString('latin1');
  return [...text.matchAll(/\/ByteRange\s*\[\s*(\d+)\s+(\d+)\s+(\d+)\s+(\d+)\s*\]/g)].map((m) => {
    const [a, b, c, d] = [m[1], m[2], m[3], m[4]].map(Number) as [number, number, number, number];
    const padded = Buffer.from(text.slice(b + 1, c - 1), 'hex');
    return {
      cms: padded.subarray(0, derLength(padded)),
      signedBytes: Buffer.concat([pdf.subarray(a, a + b), pdf.subarray(c, c + d)]),
    };
  });
}

/** Total length of the DER element at the start of `der` (the rest of /Contents is zero padding). */
function derLength(der: Buffer): number {
  const first = der[1] ?? 0;
  if (first < 0x80) return 2 + first;
  const count = first & 0x7f;
  let length = 0;
  for (let i = 0; i < count; i += 1) length = length * 256 + (der[2 + i] ?? 0);
  return 2 + count + length;
}

export function opensslCmsVerify(cms: Buffer, signedBytes: Buffer, caPem?: string): { ok: boolean; output: string } {
  return withTempDir((dir) => {
    fs.writeFileSync(path.join(dir, 'sig.der'), cms);
    fs.writeFileSync(path.join(dir, 'content.bin'), signedBytes);
    const args = ['cms', '-verify', '-binary', '-inform', 'DER', '-in', 'sig.der', '-content', 'content.bin', '-out', '/dev/null'];
    if (caPem) {
      fs.writeFileSync(path.join(dir, 'ca.pem'), caPem);
      args.push('-CAfile', 'ca.pem', '-purpose', 'any');
    } else {
      args.push('-noverify');
    }
    const out = spawnSync('openssl', args, { cwd: dir, encoding: 'utf8' });
    return { ok: out.status === 0, output: `${out.stdout}${out.stderr}` };
  });
}

export function asn1parse(der: Buffer): string {
  return withTempDir((dir) => {
    fs.writeFileSync(path.join(dir, 'sig.der'), der);
    return execFileSync('openssl', ['asn1parse', '-inform', 'DER', '-in', 'sig.der'], { cwd: dir, encoding: 'utf8' });
  });
}

export interface MutoolSignature {
  /** The digest and signature check out and nothing was changed after signing. */
  unchanged: boolean;
  /** Valid, but later incremental updates exist (a countersignature after this one). */
  validWithLaterEdits: boolean;
  text: string;
}

/**
 * MuPDF's own verifier (`mutool sign -v`, mupdf-tools): a third implementation
 * beside poppler's and ours. Like pdfsig it exits 0 whatever it finds, so its
 * text is read, per signature. A self-signed test certificate is reported as a
 * certificate error, which is about trust, not integrity: not looked at here.
 */
export function mutoolVerify(pdf: Buffer): MutoolSignature[] {
  return withTempDir((dir) => {
    const file = path.join(dir, 'doc.pdf');
    fs.writeFileSync(file, pdf);
    const out = spawnSync('mutool', ['sign', '-v', file], { encoding: 'utf8' });
    return `${out.stdout}\n${out.stderr}`
      .split(/^Verifying signature \d+:/m)
      .slice(1)
      .map((block) => ({
        unchanged: /The document is unchanged since signing\./.test(block),
        validWithLaterEdits: /The signature is valid but there have been edits since signing\./.test(block),
        text: block,
      }));
  });
}
