// Bytes from disk or stdin, gzip undone. Size limits are checked before reading so one huge
// file cannot exhaust memory in the middle of a batch.
import { open } from 'node:fs/promises';
import { gunzipSync } from 'node:zlib';
import { InputError } from '../errors.js';
import { MAX_INPUT_BYTES } from '../settings.js';

const isGzip = (b: Uint8Array) => b.length >= 2 && b[0] === 0x1f && b[1] === 0x8b;

/** Undo gzip when the bytes say so (the extension alone is not trusted either way). */
export function gunzipIfNeeded(bytes: Uint8Array): Uint8Array {
  if (!isGzip(bytes)) return bytes;
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

export async function readFileBytes(path: string): Promise<Uint8Array> {
  const handle = await open(path, 'r');
  try {
    const { size } = await handle.stat();
    if (size > MAX_INPUT_BYTES) {
      throw new InputError(`file too large (${(size / 1048576).toFixed(1)} MiB, limit ${MAX_INPUT_BYTES / 1048576} MiB)`);
    }
    return gunzipIfNeeded(await handle.readFile());
  } finally {
    await handle.close();
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
