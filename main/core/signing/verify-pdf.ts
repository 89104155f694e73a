/**
 * Independent check of every signature in a PDF: the byte ranges, the digest,
 * the CMS signature over the signed attributes, and the ESS
 * signing-certificate-v2 binding. Used by `pcu report verify` and the tests.
 *
 * Coverage rule: the LAST signature must cover the whole file except its own
 * /Contents; an earlier one must cover the file up to the end of a revision
 * (a `%%EOF`), the later bytes being incremental updates. Bytes after the last
 * signature's range are reported as `modifiedAfterLastSignature`.
 */
import crypto from 'node:crypto';
import forge from 'node-forge';
import { OID, childAt, childrenOf, fromDer, toDer } from './cms';

const asn1 = forge.asn1;
type Asn1 = forge.asn1.Asn1;

export interface SignatureReport {
  valid: boolean;
  /** Why `valid` is false (stable English phrases for logs and the CLI). */
  problems: string[];
  coversWholeDocument: boolean;
  /** The range ends at a revision boundary (%%EOF): true for a proper earlier signature. */
  coversRevision: boolean;
  byteRange: [number, number, number, number];
  signer: string | null;
  fingerprint: string | null;
  signedAt: string | null;
  subFilter: string | null;
  hasSigningTime: boolean;
  hasSigningCertificateV2: boolean;
  signingCertificateV2Matches: boolean;
}

export interface PdfVerification {
  signatures: SignatureReport[];
  modifiedAfterLastSignature: boolean;
  /** Every signature valid, properly covering, and nothing appended after the last. */
  ok: boolean;
}

interface Found {
  byteRange: [number, number, number, number];
  dictionary: string;
}

function findSignatures(pdf: Buffer): Found[] {
  const text = pdf.toString('latin1');
  const found: Found[] = [];
  for (const match of text.matchAll(/\/ByteRange\s*\[\s*(\d+)\s+(\d+)\s+(\d+)\s+(\d+)\s*\]/g)) {
    const at = match.index;
    const start = text.lastIndexOf(' obj', at);
    const end = text.indexOf('endobj', at);
    found.push({
      byteRange: [Number(match[1]), Number(match[2]), Number(match[3]), Number(match[4])],
      dictionary: text.slice(start < 0 ? at : start, end < 0 ? text.length : end),
    });
  }
  return found;
}

function attributeValues(signedAttrs: Asn1): Map<string, Asn1> {
  const values = new Map<string, Asn1>();
  for (const attr of childrenOf(signedAttrs)) {
    const type = asn1.derToOid(forge.util.createBuffer(childAt(attr, 0).value as string));
    values.set(type, childAt(childAt(attr, 1), 0));
  }
  return values;
}

const bytesOf = (node: Asn1): Buffer => Buffer.from(node.value as string, 'binary');

/** /M (D:YYYYMMDDHHmmSSOHH'mm') → ISO 8601, or null. */
export function parsePdfDate(value: string | undefined): string | null {
  const m = /D:(\d{4})(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})(Z|[+-]\d{2}'?\d{2}'?)?/.exec(value ?? '');
  if (!m) return null;
  const zone = !m[7] || m[7] === 'Z' ? 'Z' : `${m[7].slice(0, 3)}:${m[7].replace(/'/g, '').slice(3, 5)}`;
  const date = new Date(`${m[1]}-${m[2]}-${m[3]}T${m[4]}:${m[5]}:${m[6]}${zone}`);
  return Number.isNaN(date.getTime()) ? null : date.toISOString();
}

function endsAtRevision(pdf: Buffer, end: number): boolean {
  const tail = pdf.subarray(Math.max(0, end - 8), end).toString('latin1');
  return /%%EOF\s*$/.test(tail);
}

function verifyOne(pdf: Buffer, found: Found, isLast: boolean): SignatureReport {
  const [a, b, c, d] = found.byteRange;
  const problems: string[] = [];
  const report: SignatureReport = {
    valid: false,
    problems,
    coversWholeDocument: false,
    coversRevision: false,
    byteRange: found.byteRange,
    signer: null,
    fingerprint: null,
    signedAt: parsePdfDate(/\/M\s*\(([^)]*)\)/.exec(found.dictionary)?.[1]),
    subFilter: /\/SubFilter\s*\/([^\s/>\]]+)/.exec(found.dictionary)?.[1] ?? null,
    hasSigningTime: false,
    hasSigningCertificateV2: false,
    signingCertificateV2Matches: false,
  };
  if (a !== 0 || b <= 0 || c <= b || c + d > pdf.length || pdf[b] !== 0x3c || pdf[c - 1] !== 0x3e) {
    problems.push('byte range is malformed or outside the file');
    return report;
  }
  report.coversWholeDocument = c + d === pdf.length;
  report.coversRevision = endsAtRevision(pdf, c + d);
  // The last signature not reaching the end is `modifiedAfterLastSignature`, not a broken signature.
  if (!isLast && !report.coversRevision) problems.push('the signature does not end at a revision boundary');

  const hex = pdf.subarray(b + 1, c - 1).toString('latin1');
  if (!/^[0-9a-fA-F]*$/.test(hex)) {
    problems.push('signature contents are not hexadecimal');
    return report;
  }
  const signedBytes = Buffer.concat([pdf.subarray(a, a + b), pdf.subarray(c, c + d)]);
  try {
    const contentInfo = fromDer(Buffer.from(hex, 'hex'));
    if (asn1.derToOid(forge.util.createBuffer(childAt(contentInfo, 0).value as string)) !== OID.signedData) {
      throw new Error('not SignedData');
    }
    const signedData = childAt(childAt(contentInfo, 1), 0);
    const parts = childrenOf(signedData);
    const certsNode = parts.find((p) => p.tagClass === asn1.Class.CONTEXT_SPECIFIC && p.type === 0);
    const signerInfos = parts[parts.length - 1];
    if (!certsNode || !signerInfos) throw new Error('no certificates or signer infos');
    const signerInfo = childAt(signerInfos, 0);
    const fields = childrenOf(signerInfo);
    const sid = fields[1];
    const signedAttrs = fields[3];
    const signature = fields[5];
    if (!sid || !signedAttrs || !signature || signedAttrs.tagClass !== asn1.Class.CONTEXT_SPECIFIC) {
      throw new Error('signer info without signed attributes');
    }
    const sidSerial = toDer(childAt(sid, 1));
    const certificates = childrenOf(certsNode).map(toDer);
    const certDer = certificates.find((der) => {
      const tbs = childAt(fromDer(der), 0);
      const tbsFields = childrenOf(tbs);
      const offset = tbsFields[0]?.tagClass === asn1.Class.CONTEXT_SPECIFIC ? 1 : 0;
      const serial = tbsFields[offset];
      return serial !== undefined && toDer(serial).equals(sidSerial);
    });
    if (!certDer) throw new Error("signer's certificate not in the signature");
    const cert = new crypto.X509Certificate(certDer);
    report.signer = cert.subject.replace(/\n/g, ', ');
    report.fingerprint = cert.fingerprint256;

    const attrs = attributeValues(signedAttrs);
    report.hasSigningTime = attrs.has(OID.signingTime);
    const digestNode = attrs.get(OID.messageDigest);
    const digest = crypto.createHash('sha256').update(signedBytes).digest();
    if (!digestNode || !bytesOf(digestNode).equals(digest)) problems.push('the document digest does not match (signed bytes changed)');
    const essNode = attrs.get(OID.signingCertificateV2);
    report.hasSigningCertificateV2 = essNode !== undefined;
    if (essNode) {
      const essCertId = childAt(childAt(essNode, 0), 0);
      const first = childAt(essCertId, 0);
      // hashAlgorithm present (not the SHA-256 default) is not something we accept.
      report.signingCertificateV2Matches =
        first.type === asn1.Type.OCTETSTRING && bytesOf(first).equals(crypto.createHash('sha256').update(certDer).digest());
      if (!report.signingCertificateV2Matches) problems.push('signing-certificate-v2 does not name the signing certificate');
    }
    // The signature is over the attributes re-tagged as a universal SET.
    const attrsDer = toDer(signedAttrs);
    attrsDer[0] = 0x31;
    if (!crypto.verify('sha256', attrsDer, cert.publicKey, bytesOf(signature))) {
      problems.push('the signature value does not verify with the certificate');
    }
  } catch (error) {
    problems.push(`the signature could not be read (${error instanceof Error ? error.message : String(error)})`);
  }
  report.valid = problems.length === 0;
  return report;
}

export function verifyPdfSignatures(pdf: Buffer): PdfVerification {
  const found = findSignatures(pdf);
  const signatures = found.map((f, i) => verifyOne(pdf, f, i === found.length - 1));
  const last = signatures[signatures.length - 1];
  const modifiedAfterLastSignature = last !== undefined && !last.coversWholeDocument;
  return {
    signatures,
    modifiedAfterLastSignature,
    ok: signatures.length > 0 && signatures.every((s) => s.valid) && !modifiedAfterLastSignature,
  };
}
