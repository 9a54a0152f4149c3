// From the command line's inputs to one ExtractResult per document, in input order. Reading is
// done a few files ahead so disk waits overlap with parsing; every failure becomes a result with
// status "error" so the caller can report it and go on.
import { readFile } from 'node:fs/promises';
import { basename, dirname, resolve } from 'node:path';
import { discover, parseFileList, reasonOf, type InputItem } from '../input/discover.js';
import { readFileBytes, readStreamBytes } from '../input/read.js';
import { errorResult } from '../pipeline.js';
import { inProcess, SizeRoutedExtractor, WorkerPool, workersAvailable, type Extractor } from './pool.js';
import { statSync } from 'node:fs';
import { READ_AHEAD } from '../settings.js';
import { InputError, UsageError } from '../errors.js';
import type { ExtractOptions, ExtractResult, Format } from '../types.js';
import type { Io } from './io.js';

export interface InputSpec {
  inputs: string[];
  filesFrom: string | undefined;
  nul: boolean;
  format: Format | undefined;
  extensions: readonly string[];
  tagFromFolder: boolean;
  extract: ExtractOptions;
  /** Extraction threads. */
  jobs: number;
  /** Per-document time limit (ms) in batch runs. */
  timeoutMs: number;
}

/** Paths named on the command line plus those listed by --files-from ("-" = stdin). */
export async function collectInputs(spec: InputSpec, io: Io): Promise<string[]> {
  const inputs = [...spec.inputs];
  if (spec.filesFrom !== undefined) {
    if (spec.filesFrom === '-' && inputs.includes('-')) throw new UsageError('stdin cannot be both --files-from - and an input (-)');
    let list: string;
    try {
      list = spec.filesFrom === '-'
        ? Buffer.from(await readStreamBytes(io.stdin)).toString('utf8')
        : await readFile(spec.filesFrom, 'utf8');
    } catch (err) {
      throw new UsageError(`cannot read --files-from ${spec.filesFrom}: ${err instanceof InputError ? err.message : reasonOf(err)}`);
    }
    inputs.push(...parseFileList(list, spec.nul));
  } else if (spec.nul) {
    throw new UsageError('-0 only makes sense with --files-from');
  }
  if (inputs.filter((i) => i === '-').length > 1) throw new UsageError('stdin (-) can be read only once');
  return inputs;
}

function folderTag(path: string): string | null {
  const dir = basename(dirname(resolve(path)));
  return dir && dir !== '.' && dir !== '/' ? dir : null;
}

async function load(item: InputItem, io: Io): Promise<{ source: string; bytes?: Uint8Array; reason?: string }> {
  if (item.kind === 'error') return { source: item.path, reason: item.reason };
  const source = item.kind === 'stdin' ? '-' : item.path;
  try {
    const bytes = item.kind === 'stdin' ? await readStreamBytes(io.stdin) : await readFileBytes(item.path);
    return { source, bytes };
  } catch (err) {
    return { source, reason: err instanceof InputError ? err.message : reasonOf(err) };
  }
}

async function extractOne(item: InputItem, spec: InputSpec, io: Io, extractor: Extractor): Promise<ExtractResult> {
  const loaded = await load(item, io);
  if (!loaded.bytes) return errorResult(loaded.source, loaded.reason ?? 'unreadable');
  const options: ExtractOptions = spec.tagFromFolder && loaded.source !== '-'
    ? { ...spec.extract, fallbackTag: folderTag(loaded.source) }
    : spec.extract;
  try {
    return await extractor.run({ source: loaded.source, bytes: loaded.bytes, format: spec.format }, options);
  } catch (err) {
    const reason = err instanceof InputError ? err.message : `extraction failed: ${(err as Error).message}`;
    return errorResult(loaded.source, reason);
  }
}

/**
 * One result per document, in input order; never throws for a bad input. Up to `ahead`
 * documents are read and extracted concurrently (across the worker pool when there is one).
 */
export async function* extractAll(paths: string[], spec: InputSpec, io: Io, extractor: Extractor = inProcess, ahead = READ_AHEAD): AsyncGenerator<ExtractResult> {
  const items = discover(paths, { extensions: spec.extensions });
  const queue: Promise<ExtractResult>[] = [];
  const fill = () => {
    while (queue.length < ahead) {
      const next = items.next();
      if (next.done) break;
      queue.push(extractOne(next.value, spec, io, extractor));
    }
  };
  fill();
  while (queue.length > 0) {
    const result = await queue.shift()!;
    fill();
    yield result;
  }
}

// Starting workers costs a few hundred milliseconds; a handful of named files is done sooner
// in-process (the big ones among them still go to a worker, see SizeRoutedExtractor).
const SMALL_RUN = 4;

function isSmallRun(paths: string[]): boolean {
  if (paths.length >= SMALL_RUN) return false;
  return paths.every((p) => {
    if (p === '-') return true;
    try {
      return !statSync(p).isDirectory();
    } catch {
      return true;
    }
  });
}

/** Results for every input, using a worker pool when it pays off; the pool is always closed. */
export async function* extractInputs(paths: string[], spec: InputSpec, io: Io): AsyncGenerator<ExtractResult> {
  // Even one worker helps: extraction leaves the main thread free to read files and write
  // SQLite, and only a worker can be stopped when a page takes too long.
  const usePool = workersAvailable() && !isSmallRun(paths);
  const extractor = usePool ? new WorkerPool(spec.jobs, spec.timeoutMs)
    : workersAvailable() ? new SizeRoutedExtractor(spec.timeoutMs) : inProcess;
  try {
    yield* extractAll(paths, spec, io, extractor, usePool ? Math.max(READ_AHEAD, spec.jobs * 4) : READ_AHEAD);
  } finally {
    await extractor.close();
  }
}
