// Messages for people, on stderr: per-file failures (always, one line each), verbose detail,
// a live progress line when stderr is a terminal, and the closing summary.
import type { ChalkInstance } from 'chalk';
import { InputCounter, progressLine, RateWindow } from './progress.js';
import { terminalText } from './terminal.js';

export type Verbosity = 'quiet' | 'normal' | 'verbose';

export interface Tally {
  files: number;
  stored: number;
  updated: number;
  unchanged: number;
  noBody: number;
  failed: number;
  /** Files whose article was already stored from another file (listed as one more source of it). */
  duplicate: number;
  /** Unchanged files not even read (path, size and mtime as the last run recorded them). */
  skipped: number;
}

export const emptyTally = (): Tally => ({ files: 0, stored: 0, updated: 0, unchanged: 0, noBody: 0, failed: 0, duplicate: 0, skipped: 0 });

/**
 * Count one result and name it on stderr when it failed or had no body; true when it is a
 * usable article. `noBodyNote` tells what happens to a bodiless page (e.g. "not stored").
 */
export function account(r: { status: string; source: string; error: string | null }, t: Tally, reporter: Reporter, noBodyNote = ''): boolean {
  t.files++;
  if (r.status === 'error') {
    t.failed++;
    reporter.failure(r.source, r.error ?? 'failed');
    return false;
  }
  if (r.status === 'no_body') {
    t.noBody++;
    reporter.failure(r.source, `${r.error ?? 'no article body found'}${noBodyNote ? `; ${noBodyNote}` : ''}`);
    return false;
  }
  return true;
}

const PROGRESS_EVERY_MS = 120;

export class Reporter {
  private lastProgress = 0;
  private progressShown = false;
  private readonly started = performance.now();
  private counter: InputCounter | null = null;
  private readonly rate = new RateWindow(this.started);

  constructor(
    private readonly stderr: NodeJS.WritableStream,
    private readonly c: ChalkInstance,
    private readonly verbosity: Verbosity,
    private readonly live: boolean,
  ) {}

  private write(line: string): void {
    this.clearProgress();
    this.stderr.write(line + '\n');
  }

  // Paths, reasons and messages carry file names and page text: escaped (terminal.ts) before
  // they are coloured, so one line stays one line and nothing in it drives the terminal.

  /** A file that could not be used: `path: reason`, even with --quiet (scripts grep for it). */
  failure(path: string, reason: string): void {
    this.write(`${this.c.red(terminalText(path))}: ${terminalText(reason)}`);
  }

  warn(message: string): void {
    if (this.verbosity !== 'quiet') this.write(`${this.c.yellow('warning')}: ${terminalText(message)}`);
  }

  info(message: string): void {
    if (this.verbosity === 'verbose') this.write(this.c.dim(terminalText(message)));
  }

  elapsedSeconds(): number {
    return (performance.now() - this.started) / 1000;
  }

  /** True when a progress line is drawn: stderr is a terminal and --quiet was not given. */
  get showsProgress(): boolean {
    return this.live && this.verbosity !== 'quiet';
  }

  /**
   * Start counting the run's inputs for the progress line's total (only when there is a line
   * to draw: a pipe or --quiet costs no second walk).
   */
  countInputs(inputs: readonly string[], extensions: readonly string[]): void {
    if (!this.showsProgress) return;
    this.counter?.stop();
    this.counter = new InputCounter(inputs, extensions);
  }

  progress(t: Tally): void {
    if (!this.showsProgress) return;
    const now = performance.now();
    if (now - this.lastProgress < PROGRESS_EVERY_MS) return;
    this.lastProgress = now;
    const rate = this.rate.add(now, t.files);
    const line = terminalText(progressLine({ done: t.files, total: this.counter?.total ?? null, failed: t.failed + t.noBody, rate }));
    // Never wider than the terminal: a wrapped line cannot be redrawn in place.
    const columns = (this.stderr as NodeJS.WriteStream).columns;
    const fitted = columns && line.length >= columns ? line.slice(0, Math.max(columns - 1, 0)) : line;
    this.stderr.write(`\r\x1b[K${fitted}`);
    this.progressShown = true;
  }

  /** The run is over (or failed): no more counting. */
  stop(): void {
    this.counter?.stop();
    this.counter = null;
  }

  /** The catch-up of the full-text index after a bulk run: rows indexed of rows to index. */
  indexProgress(p: { done: number; total: number }): void {
    if (!this.live || this.verbosity === 'quiet') return;
    const now = performance.now();
    if (now - this.lastProgress < PROGRESS_EVERY_MS && p.done < p.total) return;
    this.lastProgress = now;
    this.stderr.write(`\r\x1b[Kindexing for search: ${p.done}/${p.total} articles`);
    this.progressShown = true;
  }

  clearProgress(): void {
    if (this.progressShown) {
      this.stderr.write('\r\x1b[K');
      this.progressShown = false;
    }
  }

  summary(t: Tally, what: 'ingest' | 'extract'): void {
    this.stop();
    this.clearProgress();
    if (this.verbosity === 'quiet') return;
    const secs = this.elapsedSeconds();
    const rate = t.files / Math.max(secs, 1e-3);
    const parts = what === 'ingest'
      ? [this.c.green(`stored ${t.stored}`), `updated ${t.updated}`, `unchanged ${t.unchanged}${t.skipped ? ` (${t.skipped} not read again)` : ''}`]
      : [this.c.green(`extracted ${t.files - t.failed - t.noBody}`)];
    parts.push(t.noBody ? this.c.yellow(`no body ${t.noBody}`) : 'no body 0');
    parts.push(t.failed ? this.c.red(`failed ${t.failed}`) : 'failed 0');
    const dup = t.duplicate ? `; ${t.duplicate} held an article already stored from another file (listed as its sources)` : '';
    this.stderr.write(`${parts.join(', ')} — ${t.files} files in ${secs.toFixed(2)} s (${rate.toFixed(1)} files/s)${dup}\n`);
  }
}
