/**
 * Draws the toolbar icons (public/icons/icon-*.png) from code, so they can be regenerated at any size:
 * a rounded indigo square holding a white fork, two paths from one stem, for "routing".
 * Variants: the plain icon, plus "-auto" (green dot) and "-off" (grey) used to show the mode.
 */
import { deflateSync } from 'node:zlib';
import { writeFileSync, mkdirSync } from 'node:fs';

type RGBA = [number, number, number, number];
const SIZES = [16, 32, 48, 128];
const VARIANTS: Record<string, { body: RGBA; dot?: RGBA }> = {
  '': { body: [79, 70, 229, 255] },
  '-auto': { body: [79, 70, 229, 255], dot: [34, 197, 94, 255] },
  '-off': { body: [148, 148, 160, 255] },
};

function crc32(buf: Buffer): number {
  let c = ~0;
  for (const byte of buf) {
    c ^= byte;
    for (let k = 0; k < 8; k++) c = (c >>> 1) ^ (0xedb88320 & -(c & 1));
  }
  return ~c >>> 0;
}

function chunk(type: string, data: Buffer): Buffer {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([len, body, crc]);
}

function png(size: number, pixel: (x: number, y: number) => RGBA): Buffer {
  const raw = Buffer.alloc(size * (size * 4 + 1));
  for (let y = 0; y < size; y++) {
    raw[y * (size * 4 + 1)] = 0;
    for (let x = 0; x < size; x++) raw.set(pixel(x, y), y * (size * 4 + 1) + 1 + x * 4);
  }
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header.set([8, 6, 0, 0, 0], 8);
  return Buffer.concat([
    Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(raw)),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

/** Distance from point p to segment a-b, in unit coordinates. */
function segmentDistance(px: number, py: number, ax: number, ay: number, bx: number, by: number): number {
  const dx = bx - ax;
  const dy = by - ay;
  const t = Math.max(0, Math.min(1, ((px - ax) * dx + (py - ay) * dy) / (dx * dx + dy * dy)));
  return Math.hypot(px - (ax + t * dx), py - (ay + t * dy));
}

function iconPixel(size: number, variant: { body: RGBA; dot?: RGBA }) {
  const stroke = Math.max(0.07, 1.6 / size);
  return (x: number, y: number): RGBA => {
    const u = (x + 0.5) / size;
    const v = (y + 0.5) / size;
    if (variant.dot && Math.hypot(u - 0.8, v - 0.2) < 0.17) return variant.dot;
    const r = 0.2;
    const cx = Math.min(Math.max(u, r), 1 - r);
    const cy = Math.min(Math.max(v, r), 1 - r);
    if (Math.hypot(u - cx, v - cy) > r) return [0, 0, 0, 0];
    const fork = Math.min(
      segmentDistance(u, v, 0.5, 0.82, 0.5, 0.52),
      segmentDistance(u, v, 0.5, 0.52, 0.28, 0.24),
      segmentDistance(u, v, 0.5, 0.52, 0.72, 0.24),
    );
    return fork < stroke ? [255, 255, 255, 255] : variant.body;
  };
}

mkdirSync('public/icons', { recursive: true });
for (const [suffix, variant] of Object.entries(VARIANTS)) {
  for (const size of SIZES) {
    writeFileSync(`public/icons/icon${suffix}-${size}.png`, png(size, iconPixel(size, variant)));
  }
}
console.log('icons written to public/icons');
