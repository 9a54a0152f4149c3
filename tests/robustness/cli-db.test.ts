// The built CLI against its database: signals mid-ingest, concurrent writers, unwritable and
// full databases. After each, the database must be consistent (row count, SQLite integrity, FTS
// index in step with the table) and every failure one line on stderr.
import { execFileSync, spawnSync } from 'node:child_process';
import { chmodSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { beforeAll, describe, expect, it } from 'vitest';
import { articleText, BUILT, corpus, dbState, failureLines, lede, ledeAsync, permissionPrefix, summaryCount, tempDir } from './helpers.js';

if (!BUILT) console.warn('skipping robustness CLI tests: dist/ is missing (run `npm run build`; `npm test` does it)');

describe.skipIf(!BUILT)('signals mid-ingest', () => {
  let dir: string;
  beforeAll(() => { dir = corpus(800, { emptyEvery: 40 }); });

  async function interruptAfterProgress(signal: NodeJS.Signals, db: string) {
    const run = ledeAsync(['ingest', dir, '--db', db]);
    // The empty files are named on stderr as they are reached: proof that documents flow.
    const t0 = performance.now();
    while (failureLines(run.stderr()).length < 3 && performance.now() - t0 < 20_000) await new Promise((r) => setTimeout(r, 20));
    run.child.kill(signal);
    return run.done;
  }

  it('SIGINT: the documents already read are stored in whole batches, exit 130, and the next run stores the rest', async () => {
    const db = join(tempDir(), 'int.db');
    const r = await interruptAfterProgress('SIGINT', db);
    expect(r.code).toBe(130);
    expect(r.stderr).toMatch(/^lede: interrupted by SIGINT: .*run the same command again/m);
    const stored = summaryCount(r.stderr, 'stored');
    expect(stored).toBeGreaterThan(0); // not thrown away: they were extracted before the signal
    expect(stored).toBeLessThan(780);
    expect(dbState(db)).toEqual({ rows: stored, integrity: 'ok', fts: 'ok' });

    const again = lede(['ingest', dir, '--db', db]);
    expect(again.status).toBe(1); // the empty files still fail
    expect(summaryCount(again.stderr, 'stored')).toBe(780 - stored);
    expect(summaryCount(again.stderr, 'unchanged')).toBe(stored);
    expect(dbState(db)).toEqual({ rows: 780, integrity: 'ok', fts: 'ok' });
  }, 60_000);

  it('SIGTERM: exit 143 and a consistent database', async () => {
    const db = join(tempDir(), 'term.db');
    const r = await interruptAfterProgress('SIGTERM', db);
    expect(r.code).toBe(143);
    expect(r.stderr).toMatch(/interrupted by SIGTERM/);
    const s = dbState(db);
    expect(s).toEqual({ rows: summaryCount(r.stderr, 'stored'), integrity: 'ok', fts: 'ok' });
  }, 60_000);
});

describe.skipIf(!BUILT)('concurrent writers', () => {
  it('two ingest runs on one database at once: both succeed, nothing is duplicated', async () => {
    const a = corpus(150, { topic: 'harbour' });
    const b = corpus(150, { topic: 'railway' });
    const db = join(tempDir(), 'shared.db');
    const runs = [ledeAsync(['ingest', a, b, '--db', db]), ledeAsync(['ingest', b, a, '--db', db])];
    const [r1, r2] = await Promise.all(runs.map((r) => r.done));
    expect([r1!.code, r2!.code]).toEqual([0, 0]);
    // Every article stored once: by one run, found unchanged by the other.
    expect(summaryCount(r1!.stderr, 'stored') + summaryCount(r2!.stderr, 'stored')).toBe(300);
    expect(dbState(db)).toEqual({ rows: 300, integrity: 'ok', fts: 'ok' });
  }, 60_000);
});

describe.skipIf(!BUILT)('databases that cannot be written', () => {
  const prefix = permissionPrefix();
  if (prefix === null) console.warn('skipping permission tests: running as root without setpriv to drop CAP_DAC_OVERRIDE');

  it.skipIf(prefix === null)('a read-only database file: exit 3 with one line naming it, and reading still works', () => {
    const dir = tempDir();
    const db = join(dir, 'ro.db');
    const article = join(dir, 'a.txt');
    writeFileSync(article, articleText(1));
    expect(lede(['ingest', article, '--db', db]).status).toBe(0);
    chmodSync(db, 0o444);
    writeFileSync(article, articleText(2));
    const r = lede(['ingest', article, '--db', db], { prefix: prefix! });
    expect(r.status).toBe(3);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toContain(db);
    expect(r.stderr).toMatch(/permission denied|read-only/);
    const list = lede(['list', '--db', db], { prefix: prefix! });
    expect(list.status).toBe(0);
    expect(list.stdout).toContain('Headline number 1');
    chmodSync(db, 0o644);
    expect(dbState(db)).toEqual({ rows: 1, integrity: 'ok', fts: 'ok' });
  });

  it.skipIf(prefix === null)('an unreadable input (chmod 000) is named with its reason; the others are stored', () => {
    const dir = corpus(6);
    chmodSync(join(dir, 'a00002.txt'), 0o000);
    const db = join(tempDir(), 'x.db');
    const r = lede(['ingest', dir, '--db', db], { prefix: prefix! });
    expect(r.status).toBe(1);
    expect(failureLines(r.stderr)).toEqual([`${join(dir, 'a00002.txt')}: permission denied`]);
    expect(dbState(db)).toEqual({ rows: 5, integrity: 'ok', fts: 'ok' });
  });

  // A tiny tmpfs is the honest way to fill a disk; only root may mount one.
  const canMount = (() => {
    if (process.getuid?.() !== 0) return false;
    const probe = tempDir();
    const ok = spawnSync('mount', ['-t', 'tmpfs', '-o', 'size=64k', 'tmpfs', probe]).status === 0;
    if (ok) spawnSync('umount', [probe]);
    return ok;
  })();
  if (!canMount) console.warn('skipping full-disk test: cannot mount a tmpfs here (needs root)');

  it.skipIf(!canMount)('a full disk: exit 3 with "disk is full" in one line, committed batches intact', () => {
    const mnt = tempDir();
    // Room for one full batch (500 articles with their sources and index) whatever the timing,
    // not for all 1500: on an idle machine the first batch is a full one.
    execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=1500k', 'tmpfs', mnt]);
    try {
      const db = join(mnt, 'full.db');
      const r = lede(['ingest', corpus(1500), '--db', db]);
      expect(r.status).toBe(3);
      expect(r.stderr.trim().split('\n')).toEqual([`lede: cannot write to database "${db}": disk is full`]);
      const s = dbState(db);
      expect(s.integrity).toBe('ok');
      expect(s.fts).toBe('ok');
      // Whole batches only (a batch is closed by size or by time, so not a multiple of anything):
      // each article was committed together with the source that gave it.
      const d = new Database(db, { readonly: true });
      const orphans = d.prepare("SELECT count(*) FROM articles WHERE id NOT IN (SELECT article_id FROM sources WHERE article_id IS NOT NULL)").pluck().get();
      const dangling = d.prepare("SELECT count(*) FROM sources WHERE status = 'ok' AND article_id IS NULL").pluck().get();
      d.close();
      expect(s.rows).toBeGreaterThan(0);
      expect([orphans, dangling]).toEqual([0, 0]);
    } finally {
      execFileSync('umount', [mnt]);
    }
  }, 60_000);
});

