import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { crc32, inflateRawSync } from 'node:zlib';
import { describe, expect, test } from 'vitest';
import { zipArchive, type ZipEntry } from '../../../scripts/zip-archive';

/** Reads an archive back through its central directory, the way unzip tools and the stores do. */
function readZip(zip: Buffer): Array<{ name: string; data: Buffer; method: number }> {
  const end = zip.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  expect(end).toBeGreaterThanOrEqual(0);
  const count = zip.readUInt16LE(end + 10);
  let at = zip.readUInt32LE(end + 16);
  const files = [];
  for (let i = 0; i < count; i++) {
    expect(zip.readUInt32LE(at)).toBe(0x02014b50);
    const method = zip.readUInt16LE(at + 10);
    const crc = zip.readUInt32LE(at + 16);
    const size = zip.readUInt32LE(at + 20);
    const nameLength = zip.readUInt16LE(at + 28);
    const extraLength = zip.readUInt16LE(at + 30);
    const commentLength = zip.readUInt16LE(at + 32);
    const offset = zip.readUInt32LE(at + 42);
    const name = zip.toString('utf8', at + 46, at + 46 + nameLength);
    expect(zip.readUInt32LE(offset)).toBe(0x04034b50);
    const localName = zip.readUInt16LE(offset + 26);
    const localExtra = zip.readUInt16LE(offset + 28);
    const start = offset + 30 + localName + localExtra;
    const body = zip.subarray(start, start + size);
    const data = method === 8 ? inflateRawSync(body) : Buffer.from(body);
    expect(crc32(data)).toBe(crc);
    files.push({ name, data, method });
    at += 46 + nameLength + extraLength + commentLength;
  }
  return files;
}

const ENTRIES: ZipEntry[] = [
  { name: 'manifest.json', data: Buffer.from(JSON.stringify({ manifest_version: 3, version: '1.2.3' }, null, 2)) },
  { name: 'src/content/index.js', data: Buffer.from('console.log("persona");\n'.repeat(200)) },
  { name: '_locales/de/messages.json', data: Buffer.from('{"extName":{"message":"Persona-Router für Übersicht"}}') },
  { name: 'icons/ünïcode.png', data: randomBytes(3000) },
  { name: 'empty.txt', data: new Uint8Array(0) },
];

describe('zipArchive', () => {
  test('every entry reads back byte for byte, in order, with its UTF-8 name', () => {
    const files = readZip(zipArchive(ENTRIES));
    expect(files.map((file) => file.name)).toEqual(ENTRIES.map((entry) => entry.name));
    files.forEach((file, i) => expect(file.data.equals(Buffer.from(ENTRIES[i]!.data))).toBe(true));
  });

  test('compressible files are deflated and incompressible ones stored', () => {
    const files = readZip(zipArchive(ENTRIES));
    expect(files.find((file) => file.name === 'src/content/index.js')?.method).toBe(8);
    expect(files.find((file) => file.name === 'icons/ünïcode.png')?.method).toBe(0);
  });

  test('the same input gives the same bytes', () => {
    expect(zipArchive(ENTRIES).equals(zipArchive(ENTRIES))).toBe(true);
  });

  test('refuses names that would escape the archive root, and duplicates', () => {
    for (const name of ['../evil.js', '/abs.js', 'a\\b.js', '']) {
      expect(() => zipArchive([{ name, data: Buffer.from('x') }])).toThrow(/unsafe/);
    }
    expect(() => zipArchive([ENTRIES[0]!, ENTRIES[0]!])).toThrow(/duplicate/);
  });

  let unzip = false;
  try {
    execFileSync('unzip', ['-v'], { stdio: 'ignore' });
    unzip = true;
  } catch {
    // Checked below with a reason.
  }
  test.skipIf(!unzip)('Info-ZIP unzip accepts the archive (skipped: no unzip on this machine)', () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'zip-archive-test-'));
    try {
      const file = path.join(dir, 'test.zip');
      writeFileSync(file, zipArchive(ENTRIES));
      expect(execFileSync('unzip', ['-t', file], { encoding: 'utf8' })).toMatch(/No errors detected/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
