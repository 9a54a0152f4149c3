// Extraction worker: the CPU-heavy part of a document's trip (read, decode, parse, extract, normalize)
// runs here so a multi-core machine parses several pages at once while the main thread reads
// files and writes SQLite.
import { parentPort } from 'node:worker_threads';
import { InputError } from '../errors.js';
import type { ExtractOptions } from '../types.js';
import { runJob, type Job, type JobResult } from './job.js';

export interface WorkerRequest { seq: number; job: Job; options: ExtractOptions }
export type WorkerReply =
  | { seq: number; ok: true; result: JobResult }
  | { seq: number; ok: false; inputError: boolean; message: string };

async function reply(req: WorkerRequest): Promise<void> {
  let reply: WorkerReply;
  try {
    reply = { seq: req.seq, ok: true, result: await runJob(req.job, req.options) };
  } catch (err) {
    reply = { seq: req.seq, ok: false, inputError: err instanceof InputError, message: (err as Error).message };
  }
  parentPort!.postMessage(reply);
}

// The pool sends a document before the last is done; they are extracted one at a time, in the
// order sent, which is the order the pool expects the replies in (and times them by).
let last: Promise<void> = Promise.resolve();
parentPort?.on('message', (req: WorkerRequest) => {
  last = last.then(() => reply(req));
});
