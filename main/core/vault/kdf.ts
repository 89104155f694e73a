import { hashRaw, type Algorithm } from '@node-rs/argon2';
import { z } from 'zod';

/** Argon2id cost parameters, stored per key slot so they can be raised over time. */
export const Argon2Params = z.object({
  alg: z.literal('argon2id'),
  /** memory in KiB */
  m: z.number().int().positive(),
  t: z.number().int().positive(),
  p: z.number().int().positive(),
  salt: z.string().min(16),
});
export type Argon2Params = z.infer<typeof Argon2Params>;

export interface KdfPolicy {
  /** Parameters for new slots. */
  readonly target: Omit<Argon2Params, 'alg' | 'salt'>;
  /** Below this a slot is refused: a tampered file must not make passwords cheap to guess. */
  readonly floor: Omit<Argon2Params, 'alg' | 'salt'>;
}

/**
 * About one second on a 2-core desktop (measured: 256 MiB, t=3, p=2 ≈ 0.5-0.9 s),
 * which makes each guess of an officer's password cost as much.
 */
export const productionKdf: KdfPolicy = {
  target: { m: 262_144, t: 3, p: 2 },
  floor: { m: 65_536, t: 3, p: 1 },
};

export function meetsFloor(params: Argon2Params, policy: KdfPolicy): boolean {
  return params.m >= policy.floor.m && params.t >= policy.floor.t && params.p >= policy.floor.p;
}

const ARGON2ID = 2 as Algorithm;

/** Runs on libuv's thread pool: the main process keeps answering while a password is checked. */
export async function deriveKek(password: string, params: Argon2Params): Promise<Buffer> {
  const raw = await hashRaw(password.normalize('NFC'), {
    // Algorithm is an ambient const enum (unusable with isolatedModules): 2 is Argon2id.
    algorithm: ARGON2ID,
    memoryCost: params.m,
    timeCost: params.t,
    parallelism: params.p,
    outputLen: 32,
    salt: Buffer.from(params.salt, 'base64'),
  });
  return Buffer.from(raw);
}
