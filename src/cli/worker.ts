// Extraction worker: the CPU-heavy part of a document's trip (decode, parse, extract, normalize)
// runs here so a multi-core machine parses several pages at once while the main thread reads
// files and writes SQLite.
import { parentPort } from 'node:worker_threads';
import { InputError } from '../errors.js';
import { processDocument, type DocumentInput } from '../pipeline.js';
import type { ExtractOptions } from '../types.js';

export interface WorkerRequest { seq: number; input: DocumentInput; options: ExtractOptions }
export type WorkerReply =
  | { seq: number; ok: true; result: ReturnType<typeof processDocument> }
  | { seq: number; ok: false; inputError: boolean; message: string };

parentPort?.on('message', (req: WorkerRequest) => {
  let reply: WorkerReply;
  try {
    reply = { seq: req.seq, ok: true, result: processDocument(req.input, req.options) };
  } catch (err) {
    reply = { seq: req.seq, ok: false, inputError: err instanceof InputError, message: (err as Error).message };
  }
  parentPort!.postMessage(reply);
});
