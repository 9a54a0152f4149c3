// One input's trip through an extraction worker: read the file (in the worker, so the main thread
// only walks folders and writes SQLite), hash its bytes as they are on disk, and extract — unless
// the bytes are the very ones the last run extracted, in which case there is nothing to redo.
// Never throws for a bad input: every failure is a result with status "error" and a reason.
import { createHash } from 'node:crypto';
import { InputError } from '../errors.js';
import { reasonOf } from '../input/discover.js';
import { gunzipIfNeeded, readRawFileSync } from '../input/read.js';
import { errorResult } from '../error-result.js';
import { processDocumentLazily } from '../lazy-pipeline.js';
import type { FileFacts } from '../store/sources.js';
import type { ExtractOptions, ExtractResult, Format } from '../types.js';

export interface Job {
  /** Path as given by the user, or "-" for stdin; what the result's `source` says. */
  source: string;
  /** The file to read (bytes when its name is not UTF-8); absent when `bytes` are given (stdin). */
  path?: string | Uint8Array;
  bytes?: Uint8Array;
  /** Forced format; undefined means sniff. */
  format?: Format;
  /** sha256 the last run recorded for this file: the same bytes again are not extracted again. */
  knownSha256?: string | null;
}

export interface JobResult {
  /** null when the bytes were the known ones (nothing extracted). */
  result: ExtractResult | null;
  /** What was learnt about the file; null for stdin, or when it could not even be opened. */
  file: FileFacts | null;
}

export const sha256 = (bytes: Uint8Array): string => createHash('sha256').update(bytes).digest('hex');

const reasonFor = (err: unknown, what: string): string =>
  err instanceof InputError ? err.message : what === 'read' ? reasonOf(err) : `extraction failed: ${(err as Error).message}`;

export async function runJob(job: Job, options: ExtractOptions): Promise<JobResult> {
  let raw: Uint8Array;
  let file: FileFacts | null = null;
  if (job.bytes) {
    raw = job.bytes;
  } else {
    try {
      const f = readRawFileSync(job.path ?? job.source);
      raw = f.raw;
      file = { size: f.size, mtime_ms: f.mtimeMs, sha256: sha256(f.raw) };
    } catch (err) {
      return { result: errorResult(job.source, reasonFor(err, 'read')), file: null };
    }
    if (job.knownSha256 && file.sha256 === job.knownSha256) return { result: null, file };
  }
  try {
    const bytes = gunzipIfNeeded(raw);
    return { result: await processDocumentLazily({ source: job.source, bytes, format: job.format }, options), file };
  } catch (err) {
    return { result: errorResult(job.source, reasonFor(err, 'extract')), file };
  }
}
