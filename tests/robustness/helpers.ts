// Test-only tools for the robustness suite: throwaway folders removed after each file, and one
// document run through the pipeline in-process. The generated inputs, the built CLI with a hard
// time limit and the database consistency check live in ./hostile.ts (shared with npm run torture).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll } from 'vitest';
import { processDocument } from '../../src/pipeline.js';
import { DEFAULT_EXTRACT_OPTIONS, type ExtractResult, type Format } from '../../src/types.js';
import { writeCorpus } from './hostile.js';

const dirs: string[] = [];
afterAll(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

/** A fresh folder under the OS temp dir, removed when the test file is done. */
export function tempDir(prefix = 'lede-robust-'): string {
  const d = mkdtempSync(join(tmpdir(), prefix));
  dirs.push(d);
  return d;
}

/** One document through the whole pipeline, as the CLI runs it; a thrown error comes back as `thrown`. */
export function run(text: string | Uint8Array, opts: { format?: Format; hint?: string } = {}): { result?: ExtractResult; thrown?: Error; seconds: number } {
  const bytes = typeof text === 'string' ? Buffer.from(text) : text;
  const t = performance.now();
  try {
    const result = processDocument({ source: opts.hint ?? 'input', bytes, format: opts.format, hint: opts.hint }, DEFAULT_EXTRACT_OPTIONS);
    return { result, seconds: (performance.now() - t) / 1000 };
  } catch (err) {
    return { thrown: err as Error, seconds: (performance.now() - t) / 1000 };
  }
}

export { fakeIo } from '../cli/fake-io.js';
export {
  articleHtml, articleText, BIN, BUILT, dbState, failureLines, lede, ledeAsync, permissionPrefix, ROOT, summaryCount, type CliResult, type DbState,
} from './hostile.js';

/** A folder of n distinct text articles; every `emptyEvery`-th file is empty (a visible failure). */
export const corpus = (n: number, opts: { topic?: string; emptyEvery?: number } = {}): string => writeCorpus(tempDir('lede-robust-corpus-'), n, opts);
