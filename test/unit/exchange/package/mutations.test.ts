import { beforeAll, describe, expect, it } from 'vitest';
import { createExchangeCertificate, openContent, sealPackage, verifyPackage, type ExchangeKeyPair } from '../../../../main/core/exchange/package';
import { DomainError } from '../../../../shared/ipc/errors';

/**
 * Whatever arrives on a USB stick, opening it ends in the payload or in a
 * refusal with its own EXCHANGE_* code: never another exception (which would
 * surface as an INTERNAL error) and never a payload other than the one sent.
 * Mutations are drawn from a fixed seed so a failure can be replayed.
 */

const NOW = new Date('2026-11-29T05:00:00Z');
const PAYLOAD = Buffer.from(JSON.stringify({ kind: 'alert', container: 'MSCU1234566', reason: 'Ҳисор → Душанбе' }), 'utf8');

let sender: ExchangeKeyPair;
let receiver: ExchangeKeyPair;
let plain: Buffer;
let encrypted: Buffer;

beforeAll(() => {
  sender = createExchangeCertificate({ unitName: 'PCU Karachi', country: 'PK', locode: 'PKKHI', unitUid: 'unit-pk-1', now: NOW });
  receiver = createExchangeCertificate({ unitName: 'ПКП Термез', country: 'UZ', locode: 'UZTER', unitUid: 'unit-uz-1', now: NOW });
  plain = sealPackage(PAYLOAD, sender, [], NOW);
  encrypted = sealPackage(PAYLOAD, sender, [receiver.certificate], NOW);
}, 60_000);

/** A small deterministic generator (mulberry32). */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

type Mutation = { what: string; bytes: Buffer };

function mutations(original: Buffer, seed: number, count: number): Mutation[] {
  const next = random(seed);
  const at = () => Math.floor(next() * original.length);
  const out: Mutation[] = [];
  for (let index = 0; index < count; index += 1) {
    const copy = Buffer.from(original);
    const kind = index % 4;
    if (kind === 0) {
      const position = at();
      copy[position] = (copy[position] ?? 0) ^ (1 + Math.floor(next() * 255));
      out.push({ what: `byte ${position} changed`, bytes: copy });
    } else if (kind === 1) {
      const length = at();
      out.push({ what: `cut at ${length}`, bytes: copy.subarray(0, length) });
    } else if (kind === 2) {
      const position = at();
      out.push({ what: `byte inserted at ${position}`, bytes: Buffer.concat([copy.subarray(0, position), Buffer.from([Math.floor(next() * 256)]), copy.subarray(position)]) });
    } else {
      const position = at();
      // A length byte set to its largest value: the classic overflow of a DER reader.
      copy[position] = 0xff;
      out.push({ what: `byte ${position} set to 0xff`, bytes: copy });
    }
  }
  return out;
}

function open(bytes: Buffer): { payload: Buffer } | { code: string } {
  try {
    return { payload: openContent(verifyPackage(bytes), receiver) };
  } catch (error) {
    if (error instanceof DomainError) return { code: error.code };
    throw new Error(`not a refusal: ${(error as Error)?.stack ?? String(error)}`);
  }
}

describe('a damaged package', () => {
  it('opens as it was sent when undamaged', () => {
    expect(open(plain)).toEqual({ payload: PAYLOAD });
    expect(open(encrypted)).toEqual({ payload: PAYLOAD });
  });

  it.each([
    ['signed', () => plain, 1],
    ['signed and encrypted', () => encrypted, 2],
  ] as const)('%s: 400 random damages each end in a refusal with its own code, never another error or another payload', (_name, original, seed) => {
    for (const mutation of mutations(original(), seed, 400)) {
      const outcome = open(mutation.bytes);
      if ('payload' in outcome) {
        // Only a change that leaves the signed content as it was may open, and then to the very same payload.
        expect(outcome.payload.equals(PAYLOAD), mutation.what).toBe(true);
      } else {
        expect(outcome.code, mutation.what).toMatch(/^EXCHANGE_(NOT_A_PACKAGE|TAMPERED|NOT_FOR_THIS_UNIT|PACKAGE_TOO_LARGE)$/);
      }
    }
  });
});
