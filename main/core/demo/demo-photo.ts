import { deflateSync } from 'node:zlib';

/**
 * The demo examination's photo, drawn here rather than shipped: a reefer
 * container's front wall with its refrigeration unit opened and packages
 * behind the panel. PNG, so the attachment checks (signature, SHA-256) run on
 * it exactly as on an officer's photo.
 */

const crcTable = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k += 1) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(bytes: Uint8Array): number {
  let crc = 0xffffffff;
  for (const byte of bytes) crc = (crcTable[(crc ^ byte) & 0xff] ?? 0) ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
}

function chunk(type: string, data: Uint8Array): Buffer {
  const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

type Rgb = readonly [number, number, number];

/** The scene at any size: x and y run from 0 to 1. */
function colourAt(x: number, y: number): Rgb {
  if (y < 0.12) return [186, 206, 222]; // sky
  if (y > 0.9) return [96, 96, 92]; // concrete apron
  const inUnit = x > 0.18 && x < 0.82 && y > 0.2 && y < 0.82;
  if (inUnit) {
    const inOpening = x > 0.3 && x < 0.7 && y > 0.34 && y < 0.72;
    if (inOpening) {
      // Taped packages stacked behind the evaporator panel.
      const row = Math.floor((y - 0.34) / 0.095);
      const column = Math.floor((x - 0.3 + (row % 2) * 0.04) / 0.08);
      const edge = (y - 0.34) % 0.095 < 0.012 || (x - 0.3 + (row % 2) * 0.04) % 0.08 < 0.01;
      if (edge) return [60, 52, 40];
      return (row + column) % 3 === 0 ? [214, 200, 160] : [200, 184, 140];
    }
    const grille = Math.floor(y * 60) % 2 === 0;
    return grille ? [170, 174, 178] : [150, 154, 158];
  }
  // Corrugated steel of the front wall, painted white as reefers are.
  const rib = Math.floor(x * 40) % 2 === 0;
  return rib ? [236, 236, 232] : [214, 214, 210];
}

export function demoPhotoPng(width = 480, height = 320): Buffer {
  const raw = Buffer.alloc((width * 3 + 1) * height);
  for (let y = 0; y < height; y += 1) {
    const row = y * (width * 3 + 1);
    raw[row] = 0; // filter: none
    for (let x = 0; x < width; x += 1) {
      const [r, g, b] = colourAt(x / width, y / height);
      raw[row + 1 + x * 3] = r;
      raw[row + 2 + x * 3] = g;
      raw[row + 3 + x * 3] = b;
    }
  }
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header[8] = 8; // bit depth
  header[9] = 2; // truecolour
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(raw)),
    chunk('IEND', new Uint8Array()),
  ]);
}
