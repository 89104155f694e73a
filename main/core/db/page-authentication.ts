import { createHmac, pbkdf2Sync } from 'node:crypto';
import { promises as fs } from 'node:fs';

/** SQLCipher 4 defaults (legacy=4): 4 KiB pages ending in a 16-byte IV and a 64-byte HMAC-SHA512. */
const PAGE_SIZE = 4096;
const IV_BYTES = 16;
const HMAC_BYTES = 64;
const RESERVE = IV_BYTES + HMAC_BYTES;
const SALT_BYTES = 16;

/**
 * Verifies every page's authentication code in the database file, the way
 * SQLCipher does when it reads a page: HMAC-SHA512 over the encrypted page,
 * its IV and its page number, under a key derived from the raw database key
 * and the file's salt. SQLite3MultipleCiphers accepts `PRAGMA
 * cipher_integrity_check` but does nothing with it, so the check is done here;
 * it also reaches free pages that `integrity_check` never reads.
 * Returns the numbers of the pages that fail. Checkpoint the WAL first.
 */
export async function findUnauthenticatedPages(file: string, key: Buffer): Promise<number[]> {
  const handle = await fs.open(file, 'r');
  try {
    const { size } = await handle.stat();
    if (size < PAGE_SIZE) return [1];
    const salt = Buffer.alloc(SALT_BYTES);
    await handle.read(salt, 0, SALT_BYTES, 0);
    const hmacSalt = Buffer.from(salt.map((byte) => byte ^ 0x3a));
    const hmacKey = pbkdf2Sync(key, hmacSalt, 2, 32, 'sha512');
    const bad: number[] = [];
    const pages = Math.floor(size / PAGE_SIZE);
    const chunkPages = 256;
    const chunk = Buffer.alloc(PAGE_SIZE * chunkPages);
    const pageNumber = Buffer.alloc(4);
    for (let first = 1; first <= pages; first += chunkPages) {
      const count = Math.min(chunkPages, pages - first + 1);
      await handle.read(chunk, 0, count * PAGE_SIZE, (first - 1) * PAGE_SIZE);
      for (let index = 0; index < count; index += 1) {
        const number = first + index;
        const page = chunk.subarray(index * PAGE_SIZE, (index + 1) * PAGE_SIZE);
        const content = page.subarray(number === 1 ? SALT_BYTES : 0, PAGE_SIZE - RESERVE);
        const iv = page.subarray(PAGE_SIZE - RESERVE, PAGE_SIZE - HMAC_BYTES);
        const mac = page.subarray(PAGE_SIZE - HMAC_BYTES);
        pageNumber.writeUInt32LE(number);
        const expected = createHmac('sha512', hmacKey).update(content).update(iv).update(pageNumber).digest();
        if (!expected.equals(mac)) bad.push(number);
      }
    }
    if (size % PAGE_SIZE !== 0) bad.push(pages + 1);
    return bad;
  } finally {
    await handle.close();
  }
}
