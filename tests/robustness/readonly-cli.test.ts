// Databases that can be read but not written, through the built CLI: a folder where the WAL side
// files cannot be created (chmod 555, and a read-only mount where root may make one), and a file
// from an older schema version in such a folder. Reading commands work (an older schema they
// cannot upgrade is refused in one line); writing ones exit 3 with one line naming the file.
import { execFileSync, spawnSync } from 'node:child_process';
import { chmodSync, existsSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { articleText, BUILT, dbState, lede, permissionPrefix, tempDir } from './helpers.js';

// A dozen lede processes one after another: minutes, not seconds, on a loaded 2-core machine.
const SPAWNS_MANY = 180_000;

if (!BUILT) console.warn('skipping read-only CLI tests: dist/ is missing (run `npm run build`; `npm test` does it)');
const prefix = permissionPrefix();
if (prefix === null) console.warn('skipping read-only folder tests: running as root without setpriv to drop CAP_DAC_OVERRIDE');

const locked: string[] = [];
afterAll(() => { for (const d of locked) chmodSync(d, 0o755); }); // so the temp folders can be removed

/** A folder holding a two-article database, closed cleanly (no -wal / -shm beside it). */
function folderWithDb(): { dir: string; db: string } {
  const dir = tempDir();
  const db = join(dir, 'news.db');
  for (const n of [1, 2]) writeFileSync(join(dir, `a${n}.txt`), articleText(n));
  expect(lede(['ingest', dir, '--db', db]).status).toBe(0);
  expect(readdirSync(dir).filter((f) => f.startsWith('news.db'))).toEqual(['news.db']);
  return { dir, db };
}

function expectReadingWorks(db: string, run: (args: string[]) => ReturnType<typeof lede>) {
  const list = run(['list', '--db', db]);
  expect(list.stderr).toBe('');
  expect(list.status).toBe(0);
  expect(list.stdout).toMatch(/Headline number 1[\s\S]*Headline number 2/);
  const search = run(['search', 'harbour', '--db', db]);
  expect(search.status).toBe(0);
  expect(search.stdout.split('\n').filter((l) => /^\d+\t/.test(l))).toHaveLength(2);
  expect(run(['show', '1', '--db', db]).status).toBe(0);
  expect(run(['stats', '--db', db]).stdout).toMatch(/articles 2/);
  expect(run(['export', '--db', db]).stdout.trim().split('\n')).toHaveLength(2);
}

function expectWritingRefused(db: string, input: string, run: (args: string[]) => ReturnType<typeof lede>) {
  const r = run(['ingest', input, '--db', db]);
  expect(r.status).toBe(3);
  const lines = r.stderr.trim().split('\n');
  expect(lines).toHaveLength(1);
  expect(lines[0]).toContain(db);
  expect(lines[0]).toMatch(/permission denied|read-only/);
  expect(lines[0]).toMatch(/reading commands .* still work/);
}

describe.skipIf(!BUILT || prefix === null)('a database in a folder that cannot be written', () => {
  const asUser = (args: string[]) => lede(args, { prefix: prefix! });

  it('reading commands work (read as immutable); ingest exits 3 in one line; nothing is created', () => {
    const { dir, db } = folderWithDb();
    const input = join(tempDir(), 'new.txt');
    writeFileSync(input, articleText(3));
    chmodSync(dir, 0o555);
    locked.push(dir);
    expectReadingWorks(db, asUser);
    expectWritingRefused(db, input, asUser);
    expect(readdirSync(dir).filter((f) => f.startsWith('news.db'))).toEqual(['news.db']);
    chmodSync(dir, 0o755);
    expect(dbState(db)).toEqual({ rows: 2, integrity: 'ok', fts: 'ok' });
  }, SPAWNS_MANY);

  it('an older schema there, which it cannot upgrade, is refused in one line saying so, untouched', () => {
    const { dir, db } = folderWithDb();
    const raw = new Database(db);
    raw.pragma('user_version = 1');
    raw.close();
    chmodSync(dir, 0o555);
    locked.push(dir);
    const r = asUser(['list', '--db', db]);
    expect(r.status).toBe(3);
    expect(r.stderr.trim().split('\n')).toEqual([
      expect.stringMatching(/schema version is 1, this lede needs \d+ and cannot upgrade it here \(folder .*: permission denied\); run lede ingest once/),
    ]);
    chmodSync(dir, 0o755);
    const check = new Database(db, { readonly: true });
    expect(check.pragma('user_version', { simple: true })).toBe(1);
    check.close();
  });

  it('an unfinished write-ahead log there is refused in one line rather than read without its rows', () => {
    const { dir, db } = folderWithDb();
    writeFileSync(`${db}-wal`, Buffer.alloc(4096, 1));
    chmodSync(dir, 0o555);
    locked.push(dir);
    const r = asUser(['list', '--db', db]);
    expect(r.status).toBe(3);
    expect(r.stderr.trim().split('\n')).toEqual([expect.stringMatching(/unfinished write-ahead log/)]);
  });
});

const canMount = (() => {
  if (!BUILT || process.getuid?.() !== 0) return false;
  const probe = tempDir();
  const ok = spawnSync('mount', ['-t', 'tmpfs', '-o', 'size=64k', 'tmpfs', probe]).status === 0;
  if (ok) spawnSync('umount', [probe]);
  return ok;
})();
if (BUILT && !canMount) console.warn('skipping read-only mount test: cannot mount a tmpfs here (needs root)');

describe.skipIf(!canMount)('a database on a read-only file system', () => {
  it('reading works even for root; ingest exits 3 saying the file system is read-only', () => {
    const { db: src } = folderWithDb();
    const mnt = tempDir();
    execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=2m', 'tmpfs', mnt]);
    try {
      const db = join(mnt, 'news.db');
      execFileSync('cp', [src, db]);
      execFileSync('mount', ['-o', 'remount,ro', mnt]);
      expectReadingWorks(db, (args) => lede(args));
      const input = join(tempDir(), 'new.txt');
      writeFileSync(input, articleText(3));
      const r = lede(['ingest', input, '--db', db]);
      expect(r.status).toBe(3);
      expect(r.stderr.trim().split('\n')).toEqual([expect.stringMatching(/news\.db.*read-only file system/)]);
      expect(existsSync(`${db}-wal`)).toBe(false);
    } finally {
      execFileSync('umount', [mnt]);
    }
  });
});
