import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { parsePublicKeys, type ReleasePublicKey } from '../../../main/core/updates/release-keys';
import { RELEASE_PRODUCT_ID } from '../../../main/core/updates/release-product';
import { decideRelease, verifyDownloadedFiles, type ReleaseVerdict } from '../../../main/core/updates/release-verdict';
import { parseEnvelope } from '../../../main/core/updates/signature-envelope';
import { parseUpdateMetadata, sameOffer } from '../../../main/core/updates/update-metadata';
import { makeReleaseKey, tempDir, writeRelease, type TestReleaseKey } from '../../fixtures/updates/signed-release';

let temp: ReturnType<typeof tempDir>;
let key: TestReleaseKey;
let pinned: ReleasePublicKey[];

beforeEach(() => {
  temp = tempDir('pcu-verdict-');
  key = makeReleaseKey(path.join(temp.dir, 'keys'));
  pinned = parsePublicKeys(key.publicKeyPem);
});
afterEach(() => temp.remove());

function decide(dir: string, file = 'latest.yml', currentVersion = '1.0.0', keys = pinned): ReleaseVerdict {
  const read = (name: string) => {
    try {
      return readFileSync(path.join(dir, name));
    } catch {
      return null;
    }
  };
  return decideRelease({ file, metadata: read(file), signature: read(`${file}.sig`) }, { keys, product: RELEASE_PRODUCT_ID, currentVersion });
}

describe('decideRelease', () => {
  it('accepts a signed newer release and returns the signed metadata', () => {
    const release = writeRelease(path.join(temp.dir, 'r'), { version: '1.1.0', key });
    const verdict = decide(release.dir);
    expect(verdict).toMatchObject({ ok: true, keyId: key.keyId, sameVersion: false, metadata: { version: '1.1.0' } });
    if (verdict.ok) expect(verdict.metadata.files[0]).toEqual({ url: 'PCU-Workstation-Setup-1.1.0.exe', sha512: release.sha512, size: 256 * 1024 });
  });

  it('says "same version" for the installed version (nothing to do), and DOWNGRADE for an older one', () => {
    const release = writeRelease(path.join(temp.dir, 'r'), { version: '1.0.0', key });
    expect(decide(release.dir)).toMatchObject({ ok: true, sameVersion: true });
    expect(decide(release.dir, 'latest.yml', '1.0.1')).toMatchObject({ ok: false, reason: 'DOWNGRADE', version: '1.0.0' });
  });

  it('refuses a downgrade from another channel too: a pre-release is older than its release', () => {
    const beta = writeRelease(path.join(temp.dir, 'beta'), { version: '1.3.0-beta.2', key, channelFile: 'beta.yml' });
    expect(decide(beta.dir, 'beta.yml', '1.3.0')).toMatchObject({ ok: false, reason: 'DOWNGRADE' });
    const stable = writeRelease(path.join(temp.dir, 'stable'), { version: '1.2.9', key });
    expect(decide(stable.dir, 'latest.yml', '1.3.0-beta.1')).toMatchObject({ ok: false, reason: 'DOWNGRADE' });
  });

  it('refuses a missing signature, and says METADATA_MISSING when there is no release at all', () => {
    const release = writeRelease(path.join(temp.dir, 'r'), { version: '1.1.0', key, sign: false });
    expect(decide(release.dir)).toMatchObject({ ok: false, reason: 'SIGNATURE_MISSING', version: null });
    expect(decide(path.join(temp.dir, 'nothing-here'))).toMatchObject({ ok: false, reason: 'METADATA_MISSING' });
  });

  it('refuses a bad signature: altered bytes, an envelope edited to match an edited yml, a garbled file', () => {
    const release = writeRelease(path.join(temp.dir, 'r'), { version: '1.1.0', key });
    const original = readFileSync(release.signature, 'utf8');
    const signatureLine = original.split('\n')[5] ?? '';
    const flipped = signatureLine.replace(/signature: (.)/, (_whole, first: string) => `signature: ${first === 'A' ? 'B' : 'A'}`);
    writeFileSync(release.signature, original.replace(signatureLine, flipped));
    expect(decide(release.dir)).toMatchObject({ ok: false, reason: 'SIGNATURE_INVALID' });

    // Someone edits the yml and puts its new SHA-256 in the envelope: the signature no longer covers it.
    writeFileSync(release.metadata, readFileSync(release.metadata, 'utf8').replace('1.1.0', '9.9.9'));
    const newSha = createHash('sha256').update(readFileSync(release.metadata)).digest('hex');
    writeFileSync(release.signature, original.replace(/sha256: [0-9a-f]{64}/, `sha256: ${newSha}`));
    expect(decide(release.dir)).toMatchObject({ ok: false, reason: 'SIGNATURE_INVALID' });

    writeFileSync(release.signature, 'not a signature\n');
    expect(decide(release.dir)).toMatchObject({ ok: false, reason: 'SIGNATURE_INVALID' });
    writeFileSync(release.signature, original.replace(/\n/g, '\r\n'));
    expect(decide(release.dir)).toMatchObject({ ok: false, reason: 'SIGNATURE_INVALID' });
  });

  it('refuses a release signed by a key the installation does not pin (UNKNOWN_KEY), and accepts either key during a rotation', () => {
    const other = makeReleaseKey(path.join(temp.dir, 'keys'), 'other');
    const release = writeRelease(path.join(temp.dir, 'r'), { version: '1.1.0', key: other });
    expect(decide(release.dir)).toMatchObject({ ok: false, reason: 'UNKNOWN_KEY' });
    const both = parsePublicKeys(`${key.publicKeyPem}\n${other.publicKeyPem}`);
    expect(both).toHaveLength(2);
    expect(decide(release.dir, 'latest.yml', '1.0.0', both)).toMatchObject({ ok: true, keyId: other.keyId });
  });

  it('refuses an edited yml (METADATA_MODIFIED) before reading anything from it', () => {
    const release = writeRelease(path.join(temp.dir, 'r'), { version: '1.1.0', key });
    writeFileSync(release.metadata, readFileSync(release.metadata, 'utf8').replace('1.1.0', '1.1.1'));
    expect(decide(release.dir)).toMatchObject({ ok: false, reason: 'METADATA_MODIFIED', version: null });
  });

  it("refuses another product's release signed with the same key (WRONG_PRODUCT)", () => {
    const release = writeRelease(path.join(temp.dir, 'r'), { version: '1.1.0', key, product: 'org.example.other-app' });
    expect(decide(release.dir)).toMatchObject({ ok: false, reason: 'WRONG_PRODUCT' });
  });

  it('refuses metadata signed for another channel or platform file (WRONG_CHANNEL)', () => {
    const release = writeRelease(path.join(temp.dir, 'r'), { version: '1.1.0', key, signAs: 'beta.yml' });
    expect(decide(release.dir)).toMatchObject({ ok: false, reason: 'WRONG_CHANNEL' });
  });

  it('refuses signed bytes that are not update metadata (METADATA_INVALID), and YAML aliases', () => {
    expect(parseUpdateMetadata(Buffer.from('version: 1.0.0\nfiles: []\n'))).toBeNull();
    expect(parseUpdateMetadata(Buffer.from('a: &x [1]\nb: *x\n'))).toBeNull();
    expect(parseUpdateMetadata(Buffer.from('version: 1.0.0\nversion: 2.0.0\nfiles: []\n'))).toBeNull();
  });
});

describe('the signature file', () => {
  it('is the documented six lines, and the first five are exactly what is signed', () => {
    const release = writeRelease(path.join(temp.dir, 'r'), { version: '1.1.0', key });
    const text = readFileSync(release.signature, 'utf8');
    expect(text.split('\n').map((line) => line.split(':')[0])).toEqual(['pcu-update-signature', 'product', 'file', 'sha256', 'key', 'signature', '']);
    const envelope = parseEnvelope(readFileSync(release.signature));
    expect(envelope?.signedPart.toString()).toBe(text.split('\n').slice(0, 5).join('\n') + '\n');
    expect(envelope).toMatchObject({ product: RELEASE_PRODUCT_ID, file: 'latest.yml', keyId: key.keyId });
  });
});

describe('verifyDownloadedFiles and sameOffer', () => {
  it('accepts the signed installer and refuses an edited, resized or unlisted one', async () => {
    const release = writeRelease(path.join(temp.dir, 'r'), { version: '1.1.0', key });
    const metadata = parseUpdateMetadata(readFileSync(release.metadata));
    if (!metadata) throw new Error('unparsed');
    expect(await verifyDownloadedFiles([release.installer], metadata)).toEqual({ ok: true });
    const bytes = readFileSync(release.installer);
    bytes[1000] = 0;
    writeFileSync(release.installer, bytes);
    expect(await verifyDownloadedFiles([release.installer], metadata)).toMatchObject({ ok: false, detail: expect.stringContaining('SHA-512') });
    writeFileSync(release.installer, Buffer.concat([bytes, Buffer.from('x')]));
    expect(await verifyDownloadedFiles([release.installer], metadata)).toMatchObject({ ok: false, detail: expect.stringContaining('bytes') });
    const stray = path.join(temp.dir, 'evil.exe');
    writeFileSync(stray, 'MZ');
    expect(await verifyDownloadedFiles([stray], metadata)).toMatchObject({ ok: false, detail: expect.stringContaining('not listed') });
    expect(await verifyDownloadedFiles([], metadata)).toMatchObject({ ok: false });
  });

  it('treats a different URL, hash, size or version as a different offer', () => {
    const release = writeRelease(path.join(temp.dir, 'r'), { version: '1.1.0', key });
    const signed = parseUpdateMetadata(readFileSync(release.metadata));
    if (!signed) throw new Error('unparsed');
    expect(sameOffer(signed, { ...signed })).toBe(true);
    expect(sameOffer(signed, { ...signed, version: '1.1.1' })).toBe(false);
    const [file] = signed.files;
    if (!file) throw new Error('no file');
    expect(sameOffer(signed, { ...signed, files: [{ ...file, url: 'http://elsewhere.example/x.exe' }] })).toBe(false);
    expect(sameOffer(signed, { ...signed, files: [{ ...file, size: 1 }] })).toBe(false);
    expect(sameOffer(signed, { ...signed, files: [{ ...file, sha512: 'A'.repeat(86) + '==' }] })).toBe(false);
  });
});
