// What every command gets: the streams, a reporter for stderr, and the exit codes.
import type { ChalkInstance } from 'chalk';
import type { Io, Output } from './io.js';
import type { Reporter } from './reporter.js';

export const EXIT = {
  /** Every input stored or unchanged (or the command did what it was asked). */
  ok: 0,
  /** Some inputs failed; each is named on stderr as `path: reason`, the others were processed. */
  someFailed: 1,
  /** The command line makes no sense. */
  usage: 2,
  /** The database cannot be opened or written. */
  database: 3,
} as const;

export interface CommandContext {
  io: Io;
  out: Output;
  reporter: Reporter;
  /** Colours for stdout (off unless stdout is a terminal). */
  color: ChalkInstance;
}
