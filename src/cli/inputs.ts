// From the command line's inputs to one outcome per document, in input order. Files are read and
// extracted a few ahead, in the workers, so disk waits overlap with parsing; every failure becomes a
// result with status "error" so the caller can report it and go on; a file the resume policy knows
// to be unchanged is not read at all.
import { readFile } from 'node:fs/promises';
import { basename, dirname, resolve } from 'node:path';
import { discover, parseFileList, reasonOf, type InputItem } from '../input/discover.js';
import { readStreamBytes } from '../input/read.js';
import { errorResult } from '../error-result.js';
import type { FileFacts, SourceRow } from '../store/index.js';
import type { Job } from './job.js';
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

/** One input after its trip: what extraction gave, or why it was not extracted again. */
export interface Processed {
  /** The extraction result; null when the file was skipped as unchanged. */
  result: ExtractResult | null;
  /** The file's path as given; null for stdin and for paths that could not be walked. */
  path: string | null;
  /** What was learnt about the file (size, mtime, hash); null when unknown. */
  file: FileFacts | null;
  /** What the last run recorded, when the file is unchanged since and was not extracted again. */
  unchanged: SourceRow | null;
}

/**
 * How a run treats files it has seen before. `skip` returns the last run's record when the file
 * need not even be read; `knownHash` the hash whose bytes need not be extracted again.
 */
export interface ResumePolicy {
  /** `fsPath`: the name to stat the file by, when it is not `path` (a name that is not UTF-8). */
  lookup(path: string, fsPath?: Buffer): { skip: SourceRow } | { knownSha256: string | null; prev: SourceRow | null };
}

const fresh: ResumePolicy = { lookup: () => ({ knownSha256: null, prev: null }) };

async function processOne(item: InputItem, spec: InputSpec, io: Io, extractor: Extractor, resume: ResumePolicy): Promise<Processed> {
  if (item.kind === 'error') return { result: errorResult(item.path, item.reason), path: null, file: null, unchanged: null };
  let job: Job;
  let prev: SourceRow | null = null;
  if (item.kind === 'stdin') {
    try {
      job = { source: '-', bytes: await readStreamBytes(io.stdin), format: spec.format };
    } catch (err) {
      return { result: errorResult('-', err instanceof InputError ? err.message : reasonOf(err)), path: null, file: null, unchanged: null };
    }
  } else {
    const plan = resume.lookup(item.path, item.fsPath);
    if ('skip' in plan) return { result: null, path: item.path, file: null, unchanged: plan.skip };
    prev = plan.prev;
    job = { source: item.path, path: item.fsPath ?? item.path, format: spec.format, knownSha256: plan.knownSha256 };
  }
  const options: ExtractOptions = spec.tagFromFolder && job.source !== '-'
    ? { ...spec.extract, fallbackTag: folderTag(job.source) }
    : spec.extract;
  const path = item.kind === 'file' ? item.path : null;
  try {
    const { result, file } = await extractor.run(job, options);
    return { result, path, file, unchanged: result === null ? prev : null };
  } catch (err) {
    const reason = err instanceof InputError ? err.message : `extraction failed: ${(err as Error).message}`;
    return { result: errorResult(job.source, reason), path, file: null, unchanged: null };
  }
}

/**
 * One outcome per input, in input order whatever the number of workers; never throws for a bad
 * input. Up to `ahead` inputs are in flight at once (across the worker pool when there is one):
 * the walk is pulled only as results are taken, so memory does not grow with the number of files.
 */
export async function* processAll(paths: string[], spec: InputSpec, io: Io, extractor: Extractor = inProcess, ahead = READ_AHEAD, resume: ResumePolicy = fresh): AsyncGenerator<Processed> {
  const items = discover(paths, { extensions: spec.extensions });
  const queue: Promise<Processed>[] = [];
  const fill = () => {
    while (queue.length < ahead) {
      const next = items.next();
      if (next.done) break;
      queue.push(processOne(next.value, spec, io, extractor, resume));
    }
  };
  fill();
  while (queue.length > 0) {
    const done = await queue.shift()!;
    fill();
    yield done;
  }
}

/** Every input's extraction result, in input order (for callers with no database to skip by). */
export async function* extractAll(paths: string[], spec: InputSpec, io: Io, extractor: Extractor = inProcess, ahead = READ_AHEAD): AsyncGenerator<ExtractResult> {
  for await (const p of processAll(paths, spec, io, extractor, ahead)) yield p.result!;
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

/** Outcomes for every input, using a worker pool when it pays off; the pool is always closed. */
export async function* processInputs(paths: string[], spec: InputSpec, io: Io, resume: ResumePolicy = fresh): AsyncGenerator<Processed> {
  // Even one worker helps: extraction leaves the main thread free to read files and write
  // SQLite, and only a worker can be stopped when a page takes too long.
  const usePool = workersAvailable() && !isSmallRun(paths);
  const extractor = usePool ? new WorkerPool(spec.jobs, spec.timeoutMs)
    : workersAvailable() ? new SizeRoutedExtractor(spec.timeoutMs) : inProcess;
  try {
    yield* processAll(paths, spec, io, extractor, usePool ? Math.max(READ_AHEAD, spec.jobs * 4) : READ_AHEAD, resume);
  } finally {
    await extractor.close();
  }
}
