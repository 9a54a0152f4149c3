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

parentPort?.on('message', async (req: WorkerRequest) => {
  let reply: WorkerReply;
  try {
    reply = { seq: req.seq, ok: true, result: await runJob(req.job, req.options) };
  } catch (err) {
    reply = { seq: req.seq, ok: false, inputError: err instanceof InputError, message: (err as Error).message };
  }
  parentPort!.postMessage(reply);
});
