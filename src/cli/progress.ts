// The live progress line on a terminal: files done of the total, rate, time left, failures.
// The total is only known once a walk of the inputs has ended; the real walk is pulled lazily (so
// memory does not grow with the number of files) and ends with the run, so a second walk over
// the same inputs counts them alongside, a slice at a time on the main thread (folder listings
// only, no file is opened: a small cost next to reading and extracting every file).
import { discover } from '../input/discover.js';

export interface ProgressFacts {
  /** Inputs finished (stored, unchanged, skipped or failed). */
  done: number;
  /** Every input of the run; null while the count is still walking. */
  total: number | null;
  /** Inputs named on stderr as failures so far (errors and pages without a body). */
  failed: number;
  /** Files per second, recently (see RateWindow). */
  rate: number;
}

const group = (n: number) => n.toLocaleString('en-US');

/** "1:05" or "1:02:05": time left at the mean rate so far. */
export function clock(seconds: number): string {
  const s = Math.max(0, Math.round(seconds));
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  const ss = String(s % 60).padStart(2, '0');
  return h > 0 ? `${h}:${String(m).padStart(2, '0')}:${ss}` : `${m}:${ss}`;
}

/** The text of the progress line (no control codes): pure, so its wording is tested as is. */
export function progressLine(f: ProgressFacts): string {
  const { rate } = f;
  const parts: string[] = [];
  if (f.total === null) {
    parts.push(`${group(f.done)} files (counting…)`);
  } else {
    // The count can lag a file behind the run's own walk only in a race with the file system
    // (files added meanwhile); never show more done than total.
    const total = Math.max(f.total, f.done);
    const pct = total === 0 ? 100 : Math.floor((f.done / total) * 100);
    parts.push(`${group(f.done)}/${group(total)} files (${pct}%)`);
  }
  parts.push(`${group(Math.round(rate))} files/s`);
  if (f.total !== null) {
    const left = Math.max(f.total - f.done, 0);
    parts.push(rate > 0 && f.done > 0 ? `ETA ${clock(left / rate)}` : 'ETA –');
  }
  parts.push(`failed ${group(f.failed)}`);
  return parts.join(' · ');
}

/**
 * Files per second over the last `windowMs` (the mean since the start while the run is younger):
 * a mean since the start would count worker start-up for ever and trail every change of pace
 * (a stretch of unchanged files skipped unread, then new ones extracted).
 */
export class RateWindow {
  private readonly samples: { t: number; n: number }[] = [];

  constructor(private readonly startMs: number, private readonly windowMs = 10_000) {}

  /** Records `n` files done at `t` (ms, performance.now()) and returns the rate. */
  add(t: number, n: number): number {
    this.samples.push({ t, n });
    while (this.samples.length > 2 && t - this.samples[1]!.t >= this.windowMs) this.samples.shift();
    const first = this.samples[0]!;
    const from = t - first.t >= this.windowMs ? first : { t: this.startMs, n: 0 };
    return (n - from.n) / Math.max((t - from.t) / 1000, 1e-3);
  }
}

/** How long one slice of the counting walk may hold the main thread. */
const SLICE_MS = 4;

/**
 * Counts the inputs a run will see (the same walk `discover` does, so the same items: one per
 * file, stdin or unreadable path) without holding up the run: slices of a few milliseconds on
 * unref'd timers, so it never keeps the process alive and stops when told.
 */
export class InputCounter {
  total: number | null = null;
  private seen = 0;
  private stopped = false;

  constructor(inputs: readonly string[], extensions: readonly string[]) {
    const items = discover(inputs, { extensions });
    const slice = () => {
      if (this.stopped) return;
      const t0 = performance.now();
      try {
        for (;;) {
          const next = items.next();
          if (next.done) {
            this.total = this.seen;
            return;
          }
          this.seen++;
          if (performance.now() - t0 > SLICE_MS) break;
        }
      } catch {
        return; // only a progress figure: the run itself names whatever went wrong
      }
      setTimeout(slice, 0).unref();
    };
    setTimeout(slice, 0).unref();
  }

  stop(): void {
    this.stopped = true;
  }
}
