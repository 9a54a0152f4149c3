// An Io for running main() in-process: streams that record what was written to stdout and stderr.
import { PassThrough, Readable } from 'node:stream';
import type { Io } from '../../src/cli/io.js';

/** Streams for running main() in-process, with what was written to stdout and stderr. */
export function fakeIo(over: Partial<Io> = {}): Io & { out: () => string; err: () => string } {
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  let out = '';
  let err = '';
  stdout.on('data', (d: Buffer) => { out += d.toString(); });
  stderr.on('data', (d: Buffer) => { err += d.toString(); });
  return {
    stdout, stderr, stdin: Readable.from([]), stdinIsTTY: false, stdoutIsTTY: false, stderrIsTTY: false, env: {},
    ...over, out: () => out, err: () => err,
  };
}
