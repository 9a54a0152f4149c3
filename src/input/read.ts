// Bytes from disk or stdin, gzip undone. Size limits are checked before reading so one huge
// file cannot exhaust memory in the middle of a batch.
import { closeSync, constants, fstatSync, openSync, readSync } from 'node:fs';
import { open } from 'node:fs/promises';
import { gunzipSync } from 'node:zlib';
import { InputError } from '../errors.js';
import { MAX_INPUT_BYTES } from '../settings.js';

const isGzip = (b: Uint8Array) => b.length >= 2 && b[0] === 0x1f && b[1] === 0x8b;

/**
 * Servers that compress twice (Content-Encoding on an already gzipped file) leave gzip inside
 * gzip; a few layers are undone, more than that is a trap, not a page.
 */
const MAX_GZIP_LAYERS = 3;

function gunzipOnce(bytes: Uint8Array): Uint8Array {
  try {
    return gunzipSync(bytes, { maxOutputLength: MAX_INPUT_BYTES + 1 });
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'ERR_BUFFER_TOO_LARGE' || /Cannot create a Buffer larger/.test(String(err))) {
      throw new InputError(`file too large once decompressed (limit ${MAX_INPUT_BYTES / 1048576} MiB)`);
    }
    throw new InputError(`corrupt gzip data (${(err as Error).message})`);
  }
}

/** Undo gzip when the bytes say so (the extension alone is not trusted either way). */
export function gunzipIfNeeded(bytes: Uint8Array): Uint8Array {
  let out = bytes;
  for (let layer = 0; isGzip(out); layer++) {
    if (layer === MAX_GZIP_LAYERS) throw new InputError(`gzip nested more than ${MAX_GZIP_LAYERS} levels deep`);
    out = gunzipOnce(out);
  }
  return out;
}

const tooLarge = (size: number) => new InputError(`file too large (${(size / 1048576).toFixed(1)} MiB, limit ${MAX_INPUT_BYTES / 1048576} MiB)`);

export async function readFileBytes(path: string): Promise<Uint8Array> {
  // O_NONBLOCK: a path that became a FIFO after discovery would otherwise block open() until a
  // writer shows up, i.e. forever. It changes nothing for regular files.
  const handle = await open(path, constants.O_RDONLY | constants.O_NONBLOCK);
  try {
    const st = await handle.stat();
    if (st.isDirectory()) throw new InputError('is a directory');
    if (!st.isFile()) throw new InputError('not a regular file');
    if (st.size > MAX_INPUT_BYTES) throw tooLarge(st.size);
    // Read at most one byte past the limit: a file still growing (a download in progress) must
    // not slip past the check made on its size a moment ago.
    const buf = Buffer.allocUnsafe(Math.min(st.size, MAX_INPUT_BYTES) + 1);
    let n = 0;
    for (;;) {
      const { bytesRead } = await handle.read(buf, n, buf.length - n, n);
      if (bytesRead === 0) break;
      n += bytesRead;
      if (n === buf.length) {
        if (n > MAX_INPUT_BYTES) throw tooLarge(n);
        break;
      }
    }
    return gunzipIfNeeded(buf.subarray(0, n));
  } finally {
    await handle.close();
  }
}

/** A file's bytes as on disk (gzip not undone) and what fstat said of the file they came from. */
export interface RawFile {
  raw: Uint8Array;
  size: number;
  mtimeMs: number;
}

/**
 * A path fs accepts: a name that is not UTF-8 travels as bytes, and a Buffer sent to a worker
 * arrives there as a plain Uint8Array.
 */
export const fsPathOf = (path: string | Uint8Array): string | Buffer =>
  typeof path === 'string' || Buffer.isBuffer(path) ? path : Buffer.from(path.buffer, path.byteOffset, path.byteLength);

/**
 * The synchronous twin of readFileBytes for extraction workers (blocking there costs nobody
 * anything), without undoing gzip: the caller hashes the bytes as they are on disk first. The
 * size and mtime come from the open file itself, so they describe the bytes read.
 */
export function readRawFileSync(path: string | Uint8Array): RawFile {
  const fd = openSync(fsPathOf(path), constants.O_RDONLY | constants.O_NONBLOCK);
  try {
    const st = fstatSync(fd);
    if (st.isDirectory()) throw new InputError('is a directory');
    if (!st.isFile()) throw new InputError('not a regular file');
    if (st.size > MAX_INPUT_BYTES) throw tooLarge(st.size);
    const buf = Buffer.allocUnsafe(Math.min(st.size, MAX_INPUT_BYTES) + 1);
    let n = 0;
    for (;;) {
      const bytesRead = readSync(fd, buf, n, buf.length - n, n);
      if (bytesRead === 0) break;
      n += bytesRead;
      if (n === buf.length) {
        if (n > MAX_INPUT_BYTES) throw tooLarge(n);
        break;
      }
    }
    return { raw: buf.subarray(0, n), size: n, mtimeMs: st.mtimeMs };
  } finally {
    closeSync(fd);
  }
}

export async function readStreamBytes(stream: NodeJS.ReadableStream): Promise<Uint8Array> {
  const chunks: Buffer[] = [];
  let total = 0;
  for await (const chunk of stream) {
    const b = typeof chunk === 'string' ? Buffer.from(chunk) : (chunk as Buffer);
    total += b.length;
    if (total > MAX_INPUT_BYTES) throw new InputError(`input too large (limit ${MAX_INPUT_BYTES / 1048576} MiB)`);
    chunks.push(b);
  }
  return gunzipIfNeeded(Buffer.concat(chunks));
}
