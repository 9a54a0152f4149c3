// A small fixed pool of extraction workers. Each worker holds the document it is extracting and
// the next one, so it never waits on the main thread between documents. Results come back
// as promises, so the caller keeps input order by awaiting them in order. A document that runs
// past the time limit has its worker terminated and replaced: a pathological page becomes one
// failed input, never a hung batch. Workers have a heap sized for ordinary pages; a document that
// runs one out of memory is tried once more in a worker of its own with a bigger heap, which
// ends when that document is done.
import { existsSync, statSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { fsPathOf } from '../input/read.js';
import { InputError } from '../errors.js';
import { EXTRACT_TIMEOUT_MS, WORKER_DEPTH, WORKER_HEAP_MB, WORKER_RETRY_HEAP_MB, WORKER_YOUNG_MB } from '../settings.js';
import type { ExtractOptions } from '../types.js';
import type { Job, JobResult } from './job.js';
import type { WorkerReply, WorkerRequest } from './worker.js';

export interface Extractor {
  run(job: Job, options: ExtractOptions): Promise<JobResult>;
  close(): Promise<void>;
}

/**
 * Same interface, no threads: for tests running from sources and for a handful of inputs. The
 * extraction stack is loaded on first use: a run with workers never loads it in the main
 * thread (~18 MB of RSS, and start-up time).
 */
export const inProcess: Extractor = {
  run: async (job, options) => (await import('./job.js')).runJob(job, options),
  close: async () => {},
};

const WORKER_URL = new URL('./worker.js', import.meta.url);

/** Documents up to this size are extracted in-process in small runs; bigger ones in a worker. */
export const IN_PROCESS_MAX_BYTES = 256 * 1024;

/** Workers exist only in the built package (dist/); from TypeScript sources we run in-process. */
export const workersAvailable = (): boolean => existsSync(fileURLToPath(WORKER_URL));

interface Pending {
  req: WorkerRequest;
  resolve: (r: JobResult) => void;
  reject: (e: Error) => void;
}

interface Slot {
  worker: Worker;
  /** Sent and not yet answered, in the order sent: the worker extracts the first, one at a time. */
  jobs: Pending[];
  /** The time limit of the first of `jobs`. */
  timer: NodeJS.Timeout | null;
  heapMb: number;
  /** A worker started for one document's second try, ended after it. */
  oneOff: boolean;
}

/** Old-generation caps (MB): the pool's workers, and the second try of a document that ran one out. */
export interface HeapLimits { heapMb: number; retryHeapMb: number }

const outOfMemory = (err: Error): boolean => (err as NodeJS.ErrnoException).code === 'ERR_WORKER_OUT_OF_MEMORY';

export class WorkerPool implements Extractor {
  private readonly slots: Slot[] = [];
  private readonly oneOffs = new Set<Slot>();
  private readonly queue: Pending[] = [];
  private seq = 0;
  private closing = false;

  constructor(size: number, private readonly timeoutMs = EXTRACT_TIMEOUT_MS,
    private readonly limits: HeapLimits = { heapMb: WORKER_HEAP_MB, retryHeapMb: WORKER_RETRY_HEAP_MB }) {
    for (let i = 0; i < size; i++) this.slots.push(this.spawn(limits.heapMb, false));
  }

  private spawn(heapMb: number, oneOff: boolean): Slot {
    const worker = new Worker(WORKER_URL, { resourceLimits: { maxOldGenerationSizeMb: heapMb, maxYoungGenerationSizeMb: WORKER_YOUNG_MB } });
    const slot: Slot = { worker, jobs: [], timer: null, heapMb, oneOff };
    slot.worker.on('message', (reply: WorkerReply) => {
      const job = this.finish(slot);
      if (!job) return;
      if (reply.ok) job.resolve(reply.result);
      else job.reject(reply.inputError ? new InputError(reply.message) : new Error(reply.message));
      if (slot.oneOff) this.retire(slot);
      else this.dispatch();
    });
    // A worker that dies (out of memory on a pathological page) fails its own document only.
    slot.worker.on('error', (err) => this.replace(slot, new Error(`worker died: ${err.message}`), outOfMemory(err)));
    // One that exits without an error event would otherwise leave its document waiting forever.
    slot.worker.on('exit', (code) => {
      if (slot.jobs.length > 0 && !this.closing) this.replace(slot, new Error(`worker exited unexpectedly (code ${code})`));
    });
    return slot;
  }

  /** The first document's job, answered (or failed): the next one's time limit starts. */
  private finish(slot: Slot): Pending | null {
    this.stopTimer(slot);
    const job = slot.jobs.shift() ?? null;
    if (slot.jobs.length > 0) this.startTimer(slot);
    return job;
  }

  private stopTimer(slot: Slot): void {
    if (slot.timer) clearTimeout(slot.timer);
    slot.timer = null;
  }

  private startTimer(slot: Slot): void {
    slot.timer = setTimeout(() => {
      this.replace(slot, new InputError(`extraction took longer than ${this.timeoutMs / 1000} s; skipped`));
    }, this.timeoutMs);
  }

  /**
   * The worker failed on its first document (time limit, crash, out of memory): that document
   * fails or is tried again; the ones waiting behind it go back to the front of the queue.
   */
  private replace(slot: Slot, err: Error, ranOutOfMemory = false): void {
    this.stopTimer(slot);
    const [job, ...waiting] = slot.jobs.splice(0);
    void slot.worker.terminate();
    if (job && ranOutOfMemory && slot.heapMb < this.limits.retryHeapMb && !this.closing) this.retry(job);
    else job?.reject(err);
    if (this.closing) for (const w of waiting) w.reject(new Error('extraction pool closed'));
    else this.queue.unshift(...waiting);
    if (slot.oneOff) {
      this.oneOffs.delete(slot);
      return;
    }
    if (this.closing) return;
    const i = this.slots.indexOf(slot);
    if (i >= 0) this.slots[i] = this.spawn(this.limits.heapMb, false);
    this.dispatch();
  }

  /** The second try, with the bigger heap and a time limit of its own. */
  private retry(job: Pending): void {
    const slot = this.spawn(this.limits.retryHeapMb, true);
    this.oneOffs.add(slot);
    this.assign(slot, job);
  }

  private retire(slot: Slot): void {
    this.oneOffs.delete(slot);
    void slot.worker.terminate();
  }

  private assign(slot: Slot, job: Pending): void {
    slot.jobs.push(job);
    if (slot.jobs.length === 1) this.startTimer(slot);
    slot.worker.postMessage(job.req);
  }

  private dispatch(): void {
    for (const slot of this.slots) {
      while (slot.jobs.length < WORKER_DEPTH && this.queue.length > 0) this.assign(slot, this.queue.shift()!);
    }
  }

  run(job: Job, options: ExtractOptions): Promise<JobResult> {
    return new Promise((resolve, reject) => {
      this.queue.push({ req: { seq: this.seq++, job, options }, resolve, reject });
      this.dispatch();
    });
  }

  async close(): Promise<void> {
    this.closing = true;
    for (const job of this.queue.splice(0)) job.reject(new Error('extraction pool closed'));
    const oneOffs = [...this.oneOffs];
    for (const s of oneOffs) for (const j of s.jobs) j.reject(new Error('extraction pool closed'));
    await Promise.all([...this.slots, ...oneOffs].map((s) => {
      this.stopTimer(s);
      s.jobs.length = 0;
      return s.worker.terminate();
    }));
  }
}

/** Bytes given, or the file's size; a file that cannot be stat'ed fails quickly wherever it is read. */
function sizeOf(job: Job): number {
  if (job.bytes) return job.bytes.length;
  try {
    return statSync(fsPathOf(job.path ?? job.source)).size;
  } catch {
    return 0;
  }
}

/**
 * For a handful of named files: small documents in-process (no thread start-up to wait for),
 * big ones in a worker started on first need, where the time limit applies and running out of
 * memory fails that document instead of the process. Big inputs are where pathological pages
 * take minutes.
 */
export class SizeRoutedExtractor implements Extractor {
  private pool: WorkerPool | null = null;

  constructor(private readonly timeoutMs = EXTRACT_TIMEOUT_MS, private readonly inProcessMaxBytes = IN_PROCESS_MAX_BYTES) {}

  run(job: Job, options: ExtractOptions): Promise<JobResult> {
    if (sizeOf(job) <= this.inProcessMaxBytes) return inProcess.run(job, options);
    this.pool ??= new WorkerPool(1, this.timeoutMs);
    return this.pool.run(job, options);
  }

  async close(): Promise<void> {
    await this.pool?.close();
  }
}
