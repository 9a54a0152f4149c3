// From the command line's inputs to one ExtractResult per document, in input order. Reading is
// done a few files ahead so disk waits overlap with parsing; every failure becomes a result with
// status "error" so the caller can report it and go on.
import { readFile } from 'node:fs/promises';
import { basename, dirname, resolve } from 'node:path';
import { discover, parseFileList, reasonOf, type InputItem } from '../input/discover.js';
import { readFileBytes, readStreamBytes } from '../input/read.js';
import { errorResult, processDocument } from '../pipeline.js';
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

/** One result per document, in order; never throws for a bad input. */
export async function* extractAll(paths: string[], spec: InputSpec, io: Io): AsyncGenerator<ExtractResult> {
  const items = discover(paths, { extensions: spec.extensions });
  const queue: Promise<Awaited<ReturnType<typeof load>>>[] = [];
  const fill = () => {
    while (queue.length < READ_AHEAD) {
      const next = items.next();
      if (next.done) break;
      queue.push(load(next.value, io));
    }
  };
  fill();
  while (queue.length > 0) {
    const loaded = await queue.shift()!;
    fill();
    if (!loaded.bytes) {
      yield errorResult(loaded.source, loaded.reason ?? 'unreadable');
      continue;
    }
    const options: ExtractOptions = spec.tagFromFolder && loaded.source !== '-'
      ? { ...spec.extract, fallbackTag: folderTag(loaded.source) }
      : spec.extract;
    try {
      yield processDocument({ source: loaded.source, bytes: loaded.bytes, format: spec.format }, options);
    } catch (err) {
      const reason = err instanceof InputError ? err.message : `extraction failed: ${(err as Error).message}`;
      yield errorResult(loaded.source, reason);
    }
  }
}
