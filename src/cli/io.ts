// The CLI's only contact with the process: streams, TTY facts, environment. Tests pass their
// own Io to run commands in-process; the launcher passes the real one.
import { isatty } from 'node:tty';
import { Chalk, type ChalkInstance } from 'chalk';

export interface Io {
  stdout: NodeJS.WritableStream;
  stderr: NodeJS.WritableStream;
  stdin: NodeJS.ReadableStream;
  stdinIsTTY: boolean;
  stdoutIsTTY: boolean;
  stderrIsTTY: boolean;
  env: NodeJS.ProcessEnv;
}

export function processIo(): Io {
  return {
    stdout: process.stdout,
    stderr: process.stderr,
    // Created only when read: touching process.stdin opens a handle on fd 0 that can keep the
    // process waiting on a pipe nobody closes.
    get stdin() { return process.stdin; },
    stdinIsTTY: isatty(0),
    stdoutIsTTY: Boolean(process.stdout.isTTY),
    stderrIsTTY: Boolean(process.stderr.isTTY),
    env: process.env,
  };
}

/** Colours only for a terminal, and never when NO_COLOR is set (https://no-color.org) or --no-color. */
export function chalkFor(isTTY: boolean, env: NodeJS.ProcessEnv, colorFlag: boolean): ChalkInstance {
  const off = !isTTY || !colorFlag || (env.NO_COLOR !== undefined && env.NO_COLOR !== '') || env.TERM === 'dumb';
  return new Chalk({ level: off ? 0 : 1 });
}

/**
 * Writes data lines to stdout with back-pressure, and notices when the reader went away
 * (`lede extract … | head`): after EPIPE every write is dropped and `closed` turns true, so the
 * command can stop early instead of crashing.
 */
export class Output {
  closed = false;
  private readonly stream: NodeJS.WritableStream;

  constructor(stream: NodeJS.WritableStream) {
    this.stream = stream;
    // EPIPE is the common case; any other write error also means nobody reads what follows.
    stream.on('error', () => { this.closed = true; });
  }

  async write(text: string): Promise<void> {
    if (this.closed || this.gone()) {
      this.closed = true;
      return;
    }
    if (!this.stream.write(text)) {
      // A stream that already failed emits nothing more: waiting for 'drain' would hang.
      if (this.gone()) {
        this.closed = true;
        return;
      }
      await new Promise<void>((resolve) => {
        const done = () => { this.stream.off('drain', done); this.stream.off('close', done); this.stream.off('error', done); resolve(); };
        this.stream.on('drain', done);
        this.stream.on('close', done);
        this.stream.on('error', done);
      });
    }
  }

  async line(text: string): Promise<void> {
    return this.write(text + '\n');
  }

  private gone(): boolean {
    const w = this.stream as NodeJS.WritableStream & { destroyed?: boolean; writableEnded?: boolean };
    return Boolean(w.destroyed || w.writableEnded);
  }

  /** Flush and close (for files we opened; never for process.stdout). */
  end(): Promise<void> {
    return new Promise((resolve) => {
      if (this.closed) resolve();
      else this.stream.end(() => resolve());
    });
  }
}
