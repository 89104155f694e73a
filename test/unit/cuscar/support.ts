import { readFileSync } from 'node:fs';
import path from 'node:path';

export const fixtureDir = path.resolve(import.meta.dirname, '../../fixtures/cuscar');

export const fixtureNames = [
  'a-d96b-unoa-lines.edi',
  'b-d01b-unoe-one-line.edi',
  'c-d95b-tolerant.edi',
  'd-unoy-utf8.edi',
  'e-truncated.edi',
  'f-release-stress.edi',
] as const;
export type FixtureName = (typeof fixtureNames)[number];

export function fixture(name: FixtureName): Buffer {
  return readFileSync(path.join(fixtureDir, name));
}

export function ascii(text: string): Uint8Array {
  return new TextEncoder().encode(text);
}

/** A small seeded generator (mulberry32) so a failing fuzz case can be replayed from its seed. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
