// A small fixed pool of extraction workers. Each job goes to the least busy worker; results
// come back as promises, so the caller keeps input order by awaiting them in order.
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { InputError } from '../errors.js';
import { processDocument, type DocumentInput } from '../pipeline.js';
import type { ExtractOptions, ExtractResult } from '../types.js';
import type { WorkerReply, WorkerRequest } from './worker.js';

type Pending = { resolve: (r: ExtractResult) => void; reject: (e: Error) => void };

export interface Extractor {
  run(input: DocumentInput, options: ExtractOptions): Promise<ExtractResult>;
  close(): Promise<void>;
}

/** Same interface, no threads: for one job, for tests running from sources, for tiny inputs. */
export const inProcess: Extractor = {
  run: async (input, options) => processDocument(input, options),
  close: async () => {},
};

const WORKER_URL = new URL('./worker.js', import.meta.url);

/** Workers exist only in the built package (dist/); from TypeScript sources we run in-process. */
export const workersAvailable = (): boolean => existsSync(fileURLToPath(WORKER_URL));

export class WorkerPool implements Extractor {
  private readonly workers: { worker: Worker; busy: number; jobs: Set<number> }[] = [];
  private readonly pending = new Map<number, Pending>();
  private seq = 0;

  constructor(size: number) {
    for (let i = 0; i < size; i++) this.workers.push(this.spawn());
  }

  private spawn(): { worker: Worker; busy: number; jobs: Set<number> } {
    const worker = new Worker(WORKER_URL);
    const slot = { worker, busy: 0, jobs: new Set<number>() };
    worker.on('message', (reply: WorkerReply) => {
      slot.busy--;
      slot.jobs.delete(reply.seq);
      const p = this.pending.get(reply.seq);
      if (!p) return;
      this.pending.delete(reply.seq);
      if (reply.ok) p.resolve(reply.result);
      else p.reject(reply.inputError ? new InputError(reply.message) : new Error(reply.message));
    });
    // A worker that dies (out of memory on a pathological page) fails its own jobs, not the
    // run: they are reported as failed inputs and a fresh worker takes its place.
    worker.on('error', (err) => {
      for (const seq of slot.jobs) {
        this.pending.get(seq)?.reject(new Error(`worker died: ${err.message}`));
        this.pending.delete(seq);
      }
      const i = this.workers.indexOf(slot);
      if (i >= 0 && !this.closing) this.workers[i] = this.spawn();
    });
    return slot;
  }

  private closing = false;

  run(input: DocumentInput, options: ExtractOptions): Promise<ExtractResult> {
    const slot = this.workers.reduce((a, b) => (b.busy < a.busy ? b : a));
    const seq = this.seq++;
    return new Promise((resolve, reject) => {
      this.pending.set(seq, { resolve, reject });
      slot.busy++;
      slot.jobs.add(seq);
      const req: WorkerRequest = { seq, input, options };
      slot.worker.postMessage(req);
    });
  }

  async close(): Promise<void> {
    this.closing = true;
    await Promise.all(this.workers.map((w) => w.worker.terminate()));
  }
}
