import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { gunzipIfNeeded, readFileBytes, readStreamBytes } from '../../src/input/read.js';
import { InputError } from '../../src/errors.js';

describe('read', () => {
  it('gunzips by magic bytes, not by name', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'lede-read-'));
    writeFileSync(join(dir, 'a.txt'), gzipSync('hello'));
    expect(Buffer.from(await readFileBytes(join(dir, 'a.txt'))).toString()).toBe('hello');
  });

  it('names corrupt gzip data', () => {
    const bad = Buffer.concat([gzipSync('hello world, hello world').subarray(0, 12)]);
    expect(() => gunzipIfNeeded(bad)).toThrow(InputError);
    expect(() => gunzipIfNeeded(bad)).toThrow(/corrupt gzip/);
  });

  it('reads a stream whole, gzip included', async () => {
    const bytes = await readStreamBytes(Readable.from([gzipSync('from stdin')]));
    expect(Buffer.from(bytes).toString()).toBe('from stdin');
  });
});
