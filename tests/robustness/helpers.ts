// Shared tools for the robustness suite: generated inputs in throwaway folders, the built CLI
// run with a hard time limit, a stopwatch, and the database consistency check every CLI attack
// ends with (row count, SQLite integrity, FTS index in step with the table).
import { spawn, spawnSync, type SpawnSyncReturns } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll } from 'vitest';
import { processDocument } from '../../src/pipeline.js';
import { DEFAULT_EXTRACT_OPTIONS, type ExtractResult, type Format } from '../../src/types.js';

export const ROOT = resolve(import.meta.dirname, '../..');
export const BIN = join(ROOT, 'bin/lede.js');
export const BUILT = existsSync(join(ROOT, 'dist/cli/main.js'));

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

export interface CliResult extends SpawnSyncReturns<string> { seconds: number }

/** The built CLI, synchronously, never longer than timeoutMs (then status is null). */
export function lede(args: string[], opts: { input?: string | Buffer; cwd?: string; timeoutMs?: number; prefix?: string[] } = {}): CliResult {
  const t = performance.now();
  const [cmd, ...pre] = opts.prefix ?? [];
  const r = spawnSync(cmd ?? process.execPath, cmd ? [...pre, process.execPath, BIN, ...args] : [BIN, ...args], {
    input: opts.input ?? '',
    encoding: 'utf8',
    cwd: opts.cwd ?? ROOT,
    env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: '', LEDE_DB: '' },
    timeout: opts.timeoutMs ?? 60_000,
    maxBuffer: 256 * 1024 * 1024,
  });
  return { ...r, seconds: (performance.now() - t) / 1000 };
}

/** The built CLI as a child we can signal; resolves with its exit code/signal and output. */
export function ledeAsync(args: string[]) {
  const child = spawn(process.execPath, [BIN, ...args], {
    cwd: ROOT,
    env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: '', LEDE_DB: '' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (d: Buffer) => { stdout += d.toString(); });
  child.stderr.on('data', (d: Buffer) => { stderr += d.toString(); });
  const done = new Promise<{ code: number | null; signal: NodeJS.Signals | null; stdout: string; stderr: string }>((res) => {
    child.on('close', (code, signal) => res({ code, signal, stdout, stderr }));
  });
  return { child, done, stderr: () => stderr };
}

export interface DbState {
  rows: number;
  /** PRAGMA integrity_check: "ok" when the file is sound. */
  integrity: string;
  /** FTS5 integrity-check of the external-content index against the table: "ok" or the error. */
  fts: string;
}

/** Opens a lede database as a second process would and checks that it is consistent. */
export function dbState(path: string): DbState {
  // Writable: FTS5 runs its integrity-check as an INSERT. rank = 1 also compares the index
  // with the articles table (stale or missing index rows fail it).
  const db = new Database(path, { fileMustExist: true });
  try {
    const rows = (db.prepare('SELECT count(*) AS n FROM articles').get() as { n: number }).n;
    const integrity = String(db.pragma('integrity_check', { simple: true }));
    let fts = 'ok';
    try {
      db.prepare("INSERT INTO articles_fts(articles_fts, rank) VALUES('integrity-check', 1)").run();
    } catch (err) {
      fts = (err as Error).message;
    }
    return { rows, integrity, fts };
  } finally {
    db.close();
  }
}

/** Lines of stderr that are about one input: `path: reason`. */
export const failureLines = (stderr: string): string[] =>
  stderr.split('\n').filter((l) => l !== '' && !/^(stored|extracted|interrupted)\b/.test(l));

/** True when this process may drop CAP_DAC_OVERRIDE (root) to make file permissions bite. */
export function permissionPrefix(): string[] | null {
  if (process.getuid?.() !== 0) return [];
  const probe = spawnSync('setpriv', ['--inh-caps=-all', '--bounding-set=-dac_override,-dac_read_search', 'true']);
  return probe.status === 0 ? ['setpriv', '--inh-caps=-all', '--bounding-set=-dac_override,-dac_read_search'] : null;
}

/** Realistic article text: distinct sentences so nothing reads as repeated boilerplate. */
export function articleText(n: number, topic = 'harbour'): string {
  const lines = [`Headline number ${n} about the ${topic} works`, ''];
  for (let i = 0; i < 4; i++) {
    lines.push(`The ${topic} project number ${n} reached stage ${i} on Monday morning, three weeks earlier than planned, after engineers finished replacing ${i + 2} corroded cables along the northern span.`, '');
  }
  return lines.join('\n');
}

/** The same article as a small HTML page. */
export function articleHtml(n: number, extraHead = '', extraBody = ''): string {
  const paras = Array.from({ length: 4 }, (_, i) =>
    `<p>The harbour project number ${n} reached stage ${i} on Monday morning, three weeks earlier than planned, after engineers finished replacing ${i + 2} corroded cables along the northern span.</p>`).join('');
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Harbour works ${n} | Daily Post</title>${extraHead}</head><body><article><h1>Harbour works ${n}</h1>${paras}${extraBody}</article></body></html>`;
}

export { fakeIo } from '../cli/fake-io.js';

/** A folder of n distinct text articles; every `emptyEvery`-th file is empty (a visible failure). */
export function corpus(n: number, opts: { topic?: string; emptyEvery?: number } = {}): string {
  const dir = tempDir('lede-robust-corpus-');
  for (let i = 0; i < n; i++) {
    const empty = opts.emptyEvery !== undefined && i % opts.emptyEvery === opts.emptyEvery - 1;
    writeFileSync(join(dir, `a${String(i).padStart(5, '0')}.txt`), empty ? '' : articleText(i, opts.topic));
  }
  return dir;
}
