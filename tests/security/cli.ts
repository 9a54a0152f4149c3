// The built CLI as the security tests run it: asynchronously (a test may be serving connections
// meanwhile, which a blocking spawnSync would never accept), with a chosen environment, working
// directory, node options and command prefix (unshare -n).
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll } from 'vitest';

export const ROOT = resolve(import.meta.dirname, '../..');
export const BIN = join(ROOT, 'bin/lede.js');

export interface Run { code: number | null; stdout: string; stderr: string }

export interface RunOptions {
  cwd?: string;
  env?: Record<string, string | undefined>;
  input?: string;
  /** Node options before the script (e.g. --require a preload). */
  node?: string[];
  /** A command the node process runs under, e.g. ['unshare', '-n']. */
  prefix?: string[];
  /** Replace the environment instead of adding to it. */
  cleanEnv?: boolean;
}

export function lede(args: string[], o: RunOptions = {}): Promise<Run> {
  const base = o.cleanEnv ? { PATH: process.env.PATH ?? '/usr/bin:/bin' } : process.env;
  const env: Record<string, string> = {};
  for (const [k, v] of Object.entries({ ...base, NO_COLOR: '1', FORCE_COLOR: undefined, LEDE_DB: undefined, ...o.env })) if (v !== undefined) env[k] = v;
  const argv = [...(o.node ?? []), BIN, ...args];
  const [cmd, ...pre] = o.prefix ?? [];
  const child = spawn(cmd ?? process.execPath, cmd ? [...pre, process.execPath, ...argv] : argv, { cwd: o.cwd ?? ROOT, env, stdio: ['pipe', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout.setEncoding('utf8').on('data', (d: string) => { stdout += d; });
  child.stderr.setEncoding('utf8').on('data', (d: string) => { stderr += d; });
  child.stdin.end(o.input ?? '');
  const timer = setTimeout(() => child.kill('SIGKILL'), 60_000);
  return new Promise((done) => child.on('close', (code) => { clearTimeout(timer); done({ code, stdout, stderr }); }));
}

/** True when this process may make a network namespace of its own (root, or user namespaces on). */
export function canUnshareNet(): boolean {
  return spawnSync('unshare', ['-n', 'true'], { stdio: 'ignore' }).status === 0;
}

const dirs: string[] = [];
afterAll(() => { for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true }); });

/** A fresh folder under the OS temp dir, removed when the test file is done. */
export function tempDir(prefix = 'lede-sec-'): string {
  const d = mkdtempSync(join(tmpdir(), prefix));
  dirs.push(d);
  return d;
}

export const jsonLines = (s: string): Record<string, unknown>[] => s.split('\n').filter(Boolean).map((l) => JSON.parse(l) as Record<string, unknown>);
