import { randomBytes } from 'node:crypto';

/** Crockford's base32: no I, L, O or U to misread when a trainer reads it out. */
const alphabet = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

/**
 * A password for one demo account, shown once: 12 random characters (60
 * bits) in groups of four, long enough for the password rule and easy to
 * type from a projector.
 */
export function generateDemoPassword(): string {
  const bytes = randomBytes(12);
  const characters = [...bytes].map((byte) => alphabet[byte & 31]).join('');
  return characters.match(/.{4}/g)?.join('-') ?? characters;
}
