import { execFileSync, spawnSync } from 'node:child_process';
import crypto from 'node:crypto';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { appearanceLines } from '../../../main/core/signing/appearance';
import { certificatePem } from '../../../main/core/signing/certificates';
import { createCadesSignature, fromDer, OID } from '../../../main/core/signing/cms';
import { signPdf } from '../../../main/core/signing/sign-pdf';
import { verifyPdfSignatures } from '../../../main/core/signing/verify-pdf';
import { SIGNED_AT, testCredentials } from '../../fixtures/signing/credentials';
import { makeTestPdf } from '../../fixtures/signing/make-pdf';
import { asn1parse, extractSignatures, hasTool, mutoolVerify, opensslCmsVerify, pdfsig, withTempDir } from './tools';

const appearance = { name: 'Ҷаҳонгир Раҳимов', role: 'Inspector', unit: 'PCU Dushanbe', signedAt: SIGNED_AT, timeZone: 'Asia/Dushanbe' };
const havePdfsig = hasTool('pdfsig');
const havePdftotext = hasTool('pdftotext');
const haveOpenssl = hasTool('openssl');
const haveMutool = hasTool('mutool');
const haveQpdf = hasTool('qpdf');
if (!haveQpdf) console.log('qpdf not installed: the structure check is skipped');
if (!haveMutool) console.log('mutool (mupdf-tools) not installed: the MuPDF checks are skipped');
if (!havePdfsig) console.log('pdfsig (poppler-utils) not installed: its checks are skipped');
if (!haveOpenssl) console.log('openssl not installed: its checks are skipped');
if (!havePdftotext) console.log('pdftotext (poppler-utils) not installed: the signature block text check is skipped');

let unsigned: Buffer;
let signed: Buffer;
beforeAll(async () => {
  unsigned = await makeTestPdf({ pages: 2 });
  signed = (await signPdf(unsigned, { signer: testCredentials().officer, appearance })).pdf;
}, 30_000);

/** Flip one byte at `at` (to another character of the same class, so the PDF still parses). */
function flip(pdf: Buffer, at: number): Buffer {
  const copy = Buffer.from(pdf);
  const ch = copy[at] ?? 0x30;
  copy[at] = /[0-9a-f]/i.test(String.fromCharCode(ch)) ? (ch === 0x31 ? 0x32 : 0x31) : ch === 0x20 ? 0x21 : 0x20;
  return copy;
}

describe('PAdES B-B signature', () => {
  it('our verifier: valid, whole document, ETSI.CAdES.detached, /M time, signing-certificate-v2, no signing-time', () => {
    const result = verifyPdfSignatures(signed);
    expect(result.ok).toBe(true);
    expect(result.modifiedAfterLastSignature).toBe(false);
    expect(result.signatures).toHaveLength(1);
    const [sig] = result.signatures;
    expect(sig).toMatchObject({
      valid: true,
      coversWholeDocument: true,
      subFilter: 'ETSI.CAdES.detached',
      signedAt: SIGNED_AT.toISOString(),
      hasSigningTime: false,
      hasSigningCertificateV2: true,
      signingCertificateV2Matches: true,
      fingerprint: new crypto.X509Certificate(testCredentials().officer.certificate).fingerprint256,
    });
    expect(sig?.signer).toContain('CN=Ҷаҳонгир Раҳимов');
  });

  it.skipIf(!havePdfsig)('pdfsig: valid and the total document signed', () => {
    const sigs = pdfsig(signed);
    expect(sigs).toHaveLength(1);
    expect(sigs[0]?.valid, sigs[0]?.text).toBe(true);
    expect(sigs[0]?.totalDocumentSigned, sigs[0]?.text).toBe(true);
    expect(sigs[0]?.text).toContain('ETSI.CAdES.detached');
  });

  it.skipIf(!haveQpdf)('qpdf --check: the signed file, and the file signed twice, are sound PDFs without a single warning', async () => {
    const twice = (await signPdf(signed, { signer: testCredentials().supervisor, appearance: { ...appearance, name: 'Ҷӯраев Ғайрат' } })).pdf;
    for (const [name, pdf] of [['signed', signed], ['countersigned', twice]] as const) {
      const result = withTempDir((dir) => {
        const file = path.join(dir, `${name}.pdf`);
        writeFileSync(file, pdf);
        return spawnSync('qpdf', ['--check', file], { encoding: 'utf8' });
      });
      // Exit status 3 is "succeeded with warnings" (a startxref off by one was one).
      expect(result.status, `${name}: ${result.stdout}${result.stderr}`).toBe(0);
      expect(`${result.stdout}${result.stderr}`).not.toMatch(/WARNING/);
    }
  });

  it.skipIf(!haveMutool)('mutool (MuPDF): the signature checks out and the document is unchanged since signing', () => {
    const sigs = mutoolVerify(signed);
    expect(sigs).toHaveLength(1);
    expect(sigs[0]?.unchanged, sigs[0]?.text).toBe(true);
  });

  it.skipIf(!haveOpenssl)('openssl cms -verify accepts the CMS over the signed bytes, with and without the unit CA', () => {
    const [one] = extractSignatures(signed);
    if (!one) throw new Error('no signature');
    expect(opensslCmsVerify(one.cms, one.signedBytes).ok).toBe(true);
    const withCa = opensslCmsVerify(one.cms, one.signedBytes, certificatePem(testCredentials().ca.certificate));
    expect(withCa.ok, withCa.output).toBe(true);
    expect(opensslCmsVerify(one.cms, Buffer.concat([one.signedBytes, Buffer.from('x')])).ok).toBe(false);
  });

  it.skipIf(!haveOpenssl)('asn1parse: signing-certificate-v2 present, signing-time absent, SHA-256', () => {
    const [one] = extractSignatures(signed);
    if (!one) throw new Error('no signature');
    const text = asn1parse(one.cms);
    expect(text).toMatch(/id-smime-aa-signingCertificateV2|1\.2\.840\.113549\.1\.9\.16\.2\.47/);
    expect(text).not.toMatch(/signingTime|1\.2\.840\.113549\.1\.9\.5\b/);
    expect(text).toContain('sha256');
    expect(text).toContain('messageDigest');
    expect(text).toContain('contentType');
  });

  it('puts the visible block on the last page: an appearance form with an embedded font subset (DejaVu Sans)', () => {
    const revision = signed.subarray(unsigned.length).toString('latin1');
    expect(revision).toMatch(/\/AP << \/N \d+ 0 R >>/);
    expect(revision).toContain('/Rect [40 40 300 110]');
    expect(revision).toMatch(/\/Type \/XObject \/Subtype \/Form \/BBox \[0 0 260 70\]/);
    // A Type0 font with its subset program and a ToUnicode map (what makes the text extractable), no standard-14 font.
    expect(revision).toMatch(/\/BaseFont \/[A-Z]{6}\+DejaVuSans/);
    expect(revision).toContain('/FontFile2');
    expect(revision).toContain('/ToUnicode');
    expect(revision).not.toContain('/Helvetica');
  });

  it.skipIf(!havePdftotext)('pdftotext gives back the name in the signature block exactly as written (no transliteration)', () => {
    const text = withTempDir((dir) => {
      const file = path.join(dir, 'signed.pdf');
      writeFileSync(file, signed);
      return execFileSync('pdftotext', ['-enc', 'UTF-8', '-f', '2', '-l', '2', file, '-'], { encoding: 'utf8' });
    });
    expect(text).toContain('Digitally signed by Ҷаҳонгир Раҳимов');
    expect(text).toContain('Inspector, PCU Dushanbe');
    expect(text).toContain('Date: 2026-03-01 15:00 UTC+05:00');
    expect(text).not.toContain('Jahongir');
  });

  it.skipIf(!havePdftotext)('a long name and a long unit wrap inside the block instead of being cut at its edge', async () => {
    const name = 'Гулнора Абдурахмонова-Юсупбекова';
    const unit = 'Подразделение портового контроля Ташкент (учебное)';
    const long = (
      await signPdf(unsigned, {
        signer: testCredentials().officer,
        appearance: {
          name,
          role: 'Старший инспектор',
          unit,
          signedAt: new Date('2026-03-01T10:00:00Z'),
          timeZone: 'Asia/Tashkent',
          labels: { signedBy: `Подписано электронной подписью: ${name}`, date: 'Дата', certificate: 'Сертификат SHA-256' },
        },
      })
    ).pdf;
    expect(verifyPdfSignatures(long).ok).toBe(true);
    const text = withTempDir((dir) => {
      const file = path.join(dir, 'long.pdf');
      writeFileSync(file, long);
      return execFileSync('pdftotext', ['-enc', 'UTF-8', '-f', '2', '-l', '2', file, '-'], { encoding: 'utf8' });
    });
    const flat = text.replace(/\s+/g, ' ');
    expect(flat).toContain(`Подписано электронной подписью: ${name}`);
    // Every word of the block inside the box (/Rect [40 40 300 110]): none runs past its right edge, where the form clips.
    const boxes = withTempDir((dir) => {
      const file = path.join(dir, 'long.pdf');
      writeFileSync(file, long);
      return execFileSync('pdftotext', ['-bbox', '-f', '2', '-l', '2', file, '-'], { encoding: 'utf8' });
    });
    const pageHeight = Number(/<page width="[\d.]+" height="([\d.]+)"/.exec(boxes)?.[1]);
    const inBlock = [...boxes.matchAll(/<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)"[^>]*>([^<]*)<\/word>/g)]
      .map((match) => ({ word: match[4], xMin: Number(match[1]), yMin: Number(match[2]), xMax: Number(match[3]) }))
      .filter((box) => box.yMin >= pageHeight - 110 - 1 && box.xMin >= 39 && box.xMin < 300);
    expect(inBlock.length).toBeGreaterThan(10);
    expect(inBlock.filter((box) => box.xMax > 300.5).map((box) => box.word)).toEqual([]);
    expect(flat).toContain(`Старший инспектор, ${unit}`);
    expect(flat).toContain('Дата: 2026-03-01 15:00 UTC+05:00');
  });

  it('signs with an ECDSA P-256 key too (CMS level, checked by openssl)', () => {
    const { privateKey } = crypto.generateKeyPairSync('ec', { namedCurve: 'P-256' });
    // Reuse the officer certificate's structure is not possible for EC: check the CMS signature math directly.
    const digest = crypto.createHash('sha256').update('content').digest();
    const cms = createCadesSignature(digest, { certificate: testCredentials().officer.certificate, privateKey });
    expect(fromDer(cms)).toBeDefined();
    expect(asn1parse(cms)).toContain('ecdsa-with-SHA256');
    expect(OID.ecdsaWithSha256).toBe('1.2.840.10045.4.3.2');
  });
});

describe('tampering is detected by pdfsig and by our verifier', () => {
  const cases: [string, () => Buffer][] = [
    [
      'one byte changed in the signed range',
      () => {
        const at = signed.indexOf('Container MSCU1234565');
        return flip(signed, at + 10);
      },
    ],
    [
      'one byte changed in the signature',
      () => {
        const [, b] = verifyPdfSignatures(signed).signatures[0]?.byteRange ?? [0, 0];
        // inside the RSA signature value, near the end of the DER (well before the zero padding)
        const one = extractSignatures(signed)[0];
        return flip(signed, b + 1 + (one ? one.cms.length * 2 - 40 : 200));
      },
    ],
    ['bytes appended', () => Buffer.concat([signed, Buffer.from('\n% appended\n')])],
  ];
  for (const [name, make] of cases) {
    it(name, () => {
      const tampered = make();
      const ours = verifyPdfSignatures(tampered);
      expect(ours.ok).toBe(false);
      if (havePdfsig) {
        const sig = pdfsig(tampered)[0];
        expect(sig !== undefined && sig.valid && sig.totalDocumentSigned, sig?.text).toBe(false);
      }
      if (haveMutool) {
        const sig = mutoolVerify(tampered)[0];
        expect(sig !== undefined && sig.unchanged, sig?.text).toBe(false);
      }
    });
  }
});

describe('countersignature', () => {
  it('a second signature as an incremental update keeps the first valid', async () => {
    const { supervisor } = testCredentials();
    const twice = (
      await signPdf(signed, {
        signer: supervisor,
        appearance: { name: 'Ҷӯраев Ғайрат', role: 'Supervisor', unit: 'PCU Dushanbe', signedAt: new Date('2026-03-01T11:00:00Z') },
      })
    ).pdf;
    expect(twice.subarray(0, signed.length).equals(signed)).toBe(true);
    const ours = verifyPdfSignatures(twice);
    expect(ours.ok).toBe(true);
    expect(ours.signatures.map((s) => [s.valid, s.coversWholeDocument, s.coversRevision])).toEqual([
      [true, false, true],
      [true, true, true],
    ]);
    expect(twice.toString('latin1')).toContain('/Rect [312 40 572 110]');
    if (havePdfsig) {
      const sigs = pdfsig(twice);
      expect(sigs.map((s) => [s.valid, s.totalDocumentSigned])).toEqual([
        [true, false],
        [true, true],
      ]);
      // the first signature's range ends where the second revision begins: only the update is outside it
      expect(sigs[0]?.signedRanges).toContain(`${signed.length}]`);
    }
    if (haveMutool) {
      // MuPDF: the first signature valid with a later update (the countersignature), the last valid over everything.
      expect(mutoolVerify(twice).map((s) => [s.validWithLaterEdits, s.unchanged])).toEqual([
        [true, false],
        [false, true],
      ]);
    }
    if (havePdftotext) {
      // Both blocks, each with its own font subset, give their names back as written.
      const text = withTempDir((dir) => {
        const file = path.join(dir, 'twice.pdf');
        writeFileSync(file, twice);
        return execFileSync('pdftotext', ['-enc', 'UTF-8', file, '-'], { encoding: 'utf8' });
      });
      expect(text).toContain('Digitally signed by Ҷаҳонгир Раҳимов');
      expect(text).toContain('Digitally signed by Ҷӯраев Ғайрат');
    }
  });
});

describe('the block’s words', () => {
  const fingerprint = 'AB:'.repeat(31) + 'AB';
  it('are the caller’s (from the report’s catalogue), with the time in the zone given', () => {
    const lines = appearanceLines(
      { ...appearance, role: 'Инспектор', labels: { signedBy: 'Подписано электронной подписью: Ҷаҳонгир Раҳимов', date: 'Дата', certificate: 'Сертификат SHA-256' } },
      fingerprint,
    );
    const [signedBy, role, date, ...certificate] = lines;
    expect([signedBy, role, ...certificate]).toEqual(['Подписано электронной подписью: Ҷаҳонгир Раҳимов', 'Инспектор, PCU Dushanbe', 'Сертификат SHA-256:', 'AB'.repeat(16), 'AB'.repeat(16)]);
    expect(date).toMatch(/^Дата: \d{4}-\d{2}-\d{2} \d{2}:\d{2} UTC\+05:00$/);
  });

  it('default to English, in UTC when no zone is given', () => {
    const { timeZone: _zone, ...inUtc } = appearance;
    const lines = appearanceLines(inUtc, fingerprint);
    expect(lines[0]).toBe('Digitally signed by Ҷаҳонгир Раҳимов');
    expect(lines[2]).toMatch(/^Date: \d{4}-\d{2}-\d{2} \d{2}:\d{2} UTC\+00:00$/);
    expect(lines[3]).toBe('Certificate SHA-256:');
  });
});
