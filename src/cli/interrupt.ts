// Ctrl-C (SIGINT) and `kill` (SIGTERM) during a long ingest: stop reading new documents, store
// the ones already extracted (a whole batch, in one transaction), report, and exit 128 + signal
// number as shells expect. A second signal of the same kind ends the process at once, as usual.
import { constants } from 'node:os';

export interface Interrupt {
  /** The signal received, or null while running undisturbed. */
  readonly signal: NodeJS.Signals | null;
  /** Settles when a signal arrives; never rejects. */
  readonly received: Promise<NodeJS.Signals>;
  /** Conventional exit code for the signal received (130 for SIGINT, 143 for SIGTERM). */
  exitCode(): number;
  /** Stop listening: the default behaviour (terminate) comes back. */
  dispose(): void;
}

const SIGNALS: NodeJS.Signals[] = ['SIGINT', 'SIGTERM'];

export function watchInterrupts(proc: NodeJS.EventEmitter = process): Interrupt {
  let signal: NodeJS.Signals | null = null;
  let resolve!: (s: NodeJS.Signals) => void;
  const received = new Promise<NodeJS.Signals>((r) => { resolve = r; });
  const handlers = SIGNALS.map((s) => {
    // `once`: after the first signal the listener is gone, so a second one terminates as usual.
    const h = () => {
      signal ??= s;
      resolve(s);
    };
    proc.once(s, h);
    return [s, h] as const;
  });
  return {
    get signal() { return signal; },
    received,
    exitCode: () => 128 + (signal ? constants.signals[signal] : 0),
    dispose: () => { for (const [s, h] of handlers) proc.off(s, h); },
  };
}
