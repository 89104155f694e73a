import { randomBytes } from 'node:crypto';

/** Crockford's base32 alphabet: no I, L, O or U to misread when typed from paper. */
const alphabet = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

/**
 * The unit's recovery key: 160 random bits shown once at setup as 32 characters
 * in groups of four, to be printed and locked away. It opens its own key slot.
 */
export function generateRecoveryKey(): string {
  const bytes = randomBytes(20);
  let bits = 0;
  let value = 0;
  let text = '';
  for (const byte of bytes) {
    value = (value << 8) | byte;
    bits += 8;
    while (bits >= 5) {
      text += alphabet[(value >>> (bits - 5)) & 31];
      bits -= 5;
    }
  }
  return formatRecoveryKey(text);
}

function formatRecoveryKey(compact: string): string {
  return compact.match(/.{1,4}/g)?.join('-') ?? compact;
}

/** Accepts what a person types: any case, spaces or dashes, O for 0, I/L for 1. */
export function normaliseRecoveryKey(typed: string): string | null {
  const compact = typed
    .toUpperCase()
    .replace(/[\s-]/g, '')
    .replace(/O/g, '0')
    .replace(/[IL]/g, '1');
  if (compact.length !== 32 || [...compact].some((char) => !alphabet.includes(char))) return null;
  return formatRecoveryKey(compact);
}
