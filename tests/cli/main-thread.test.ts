// The main thread of a batch run walks folders and writes SQLite; extraction happens in the
// workers. Loading the extraction stack (cheerio, unified, the dump model's code) in the main
// thread as well cost ~18 MB of RSS per run and start-up time for every command.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { moduleLogging } from '../module-hooks.js';

const ROOT = resolve(import.meta.dirname, '../..');
const BIN = join(ROOT, 'bin/lede.js');
const BUILT = existsSync(join(ROOT, 'dist/cli/main.js'));

/** Every module URL the main thread of `lede ARGS` loads (module hooks see the main thread's loads). */
function loadedModules(args: string[]): string[] {
  const { dir, log, nodeArgs } = moduleLogging('lede-main-thread-');
  const r = spawnSync(process.execPath, [...nodeArgs, BIN, ...args], { encoding: 'utf8', cwd: dir, timeout: 60_000 });
  expect(r.status, r.stderr).toBe(0);
  return readFileSync(log, 'utf8').split('\n').filter(Boolean);
}

describe.skipIf(!BUILT)('what the main thread loads', () => {
  it('every command\'s modules, and none of the extraction stack', () => {
    const urls = loadedModules(['--version']);
    expect(urls.some((u) => u.endsWith('/dist/cli/main.js'))).toBe(true);
    expect(urls.some((u) => u.endsWith('/dist/cli/commands/ingest.js'))).toBe(true);
    expect(urls.filter((u) => /\/dist\/(extract|pipeline\.js)|\/node_modules\/(cheerio|unified|remark-|micromark|htmlparser2)/.test(u))).toEqual([]);
  });
});
