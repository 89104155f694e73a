import type { KdfPolicy } from '../../main/core/vault/kdf';

/**
 * A cheap Argon2id cost for tests that log in many times. Its floor is its
 * own target, so the floor checks still bite; the app always uses productionKdf.
 */
export const fastKdf: KdfPolicy = {
  target: { m: 8192, t: 1, p: 1 },
  floor: { m: 8192, t: 1, p: 1 },
};
