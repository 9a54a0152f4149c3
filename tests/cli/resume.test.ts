// Every input accounted for, and re-runs that skip what has not changed — through the built
// binary, as users run it.
import { spawnSync, type SpawnSyncReturns } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import Database from 'better-sqlite3';
import { beforeAll, describe, expect, it } from 'vitest';

const ROOT = resolve(import.meta.dirname, '../..');
const BIN = join(ROOT, 'bin/lede.js');
const SAMPLES = join(ROOT, 'samples');

function lede(args: string[], cwd: string): SpawnSyncReturns<string> {
  return spawnSync(process.execPath, [BIN, ...args], {
    input: '', encoding: 'utf8', cwd, env: { ...process.env, NO_COLOR: '1', LEDE_DB: '' }, timeout: 60_000,
  });
}

const jsonLines = (s: string) => s.split('\n').filter(Boolean).map((l) => JSON.parse(l) as Record<string, unknown>);

function query<T>(db: string, sql: string): T[] {
  const d = new Database(db, { readonly: true });
  try {
    return d.prepare(sql).all() as T[];
  } finally {
    d.close();
  }
}

const story = (headline: string, word: string) => `${headline}

Officials said on Monday that the ${word} would change from next week, after months of complaints from residents about delays and crowding at peak times.

The new plan adds four extra services a day and moves the first departure half an hour earlier, according to a statement from the operator.

Residents who spoke at a public meeting last month welcomed the ${word} plan but said they wanted more evening services before the winter.
`;

let work: string;
beforeAll(() => {
  work = mkdtempSync(join(tmpdir(), 'lede-resume-'));
});

function folder(name: string): string {
  const dir = join(work, name);
  cpSync(SAMPLES, dir, { recursive: true });
  return dir;
}

describe('sources: every input accounted for', () => {
  it('two files with the same article are one row with both files as sources (show, list --sources, stats)', () => {
    const dir = folder('dup');
    cpSync(join(dir, 'library-reopens-clean.txt'), join(dir, 'library-mirror.txt'));
    writeFileSync(join(dir, 'empty.txt'), '');
    const db = join(work, 'dup.db');
    const r = lede(['ingest', dir, '--db', db], work);
    expect(r.status).toBe(1); // the empty file
    expect(r.stderr).toMatch(/stored 9, updated 0, unchanged 1, no body 0, failed 1/);
    expect(r.stderr).toMatch(/1 held an article already stored from another file/);
    expect(query<{ n: number }>(db, 'SELECT count(*) AS n FROM articles')[0]!.n).toBe(9);

    const list = lede(['list', '--sources', '--json', '--db', db], work);
    const sources = jsonLines(list.stdout);
    expect(sources.length).toBe(11); // every input file, the failed one included
    expect(sources.find((s) => String(s.path).endsWith('empty.txt'))).toMatchObject({ status: 'error', error: 'empty file', article_id: null });
    const lib = sources.filter((s) => String(s.path).includes('library'));
    expect(lib.length).toBe(2);
    expect(lib[0]!.article_id).toBe(lib[1]!.article_id);

    const show = lede(['show', String(lib[0]!.article_id), '--json', '--db', db], work);
    expect((JSON.parse(show.stdout) as { sources: { path: string }[] }).sources.map((s) => s.path)).toEqual([
      join(dir, 'library-mirror.txt'), join(dir, 'library-reopens-clean.txt'),
    ]);
    expect(lede(['show', String(lib[0]!.article_id), '--db', db], work).stdout).toContain('library-mirror.txt');

    const stats = JSON.parse(lede(['stats', '--json', '--db', db], work).stdout) as { sources: unknown };
    expect(stats.sources).toEqual({ total: 11, ok: 10, noBody: 0, failed: 1, sharedArticles: 1 });
    expect(lede(['stats', '--db', db], work).stdout).toMatch(/sources\s+11 files: 10 with an article, 0 without a body, 1 failed; 1 articles held by more than one file/);
  });

  it('list --sources --status filters; article filters are refused with --sources', () => {
    const dir = folder('status');
    writeFileSync(join(dir, 'empty.txt'), '');
    const db = join(work, 'status.db');
    lede(['ingest', dir, '--db', db], work);
    expect(lede(['list', '--sources', '--status', 'error', '--db', db], work).stdout.trim().split('\t').slice(0, 3)).toEqual([join(dir, 'empty.txt'), 'error', '-']);
    const bad = lede(['list', '--sources', '--tag', 'x', '--db', db], work);
    expect(bad.status).toBe(2);
  });
});

describe('re-runs: skip what has not changed', () => {
  it('an unchanged folder is skipped unread; a file changed in place but with the same size and mtime is only seen with --verify', () => {
    const dir = join(work, 'rerun');
    mkdirSync(dir);
    const a = join(dir, 'a.txt');
    writeFileSync(a, story('Harbour ferry timetable changes', 'ferry'));
    writeFileSync(join(dir, 'b.txt'), story('Council approves bike lanes', 'council'));
    // A whole-second mtime, so that setting it back below restores it exactly.
    utimesSync(a, 1_700_000_000, 1_700_000_000);
    const db = join(work, 'rerun.db');
    expect(lede(['ingest', dir, '--db', db], work).stderr).toMatch(/stored 2/);

    const again = lede(['ingest', dir, '--db', db], work);
    expect(again.status).toBe(0);
    expect(again.stderr).toMatch(/stored 0, updated 0, unchanged 2 \(2 not read again\)/);

    // Same length, same mtime, other words: a re-run trusts size and mtime and does not read it.
    writeFileSync(a, readFileSync(a, 'utf8').replaceAll('ferry', 'tram!'));
    utimesSync(a, 1_700_000_000, 1_700_000_000);
    expect(lede(['ingest', dir, '--db', db], work).stderr).toMatch(/unchanged 2 \(2 not read again\)/);
    expect(lede(['search', 'tram', '--db', db], work).stdout).toBe('');

    // --verify reads and hashes it, finds the change, updates the row and the index.
    const verify = lede(['ingest', dir, '--verify', '--db', db], work);
    expect(verify.stderr).toMatch(/stored 0, updated 1, unchanged 1, no body/);
    expect(lede(['search', 'tram', '--db', db], work).stdout).toContain('Harbour tram! timetable');
    expect(lede(['search', 'ferry', '--db', db], work).stdout).toBe('');
    expect(query<{ n: number }>(db, 'SELECT count(*) AS n FROM articles')[0]!.n).toBe(2);
  });

  it('a touched file is read and hashed but not extracted again; a changed one updates its row', () => {
    const dir = join(work, 'touch');
    mkdirSync(dir);
    const a = join(dir, 'a.txt');
    writeFileSync(a, story('Library reopens after restoration', 'library'));
    const db = join(work, 'touch.db');
    lede(['ingest', dir, '--db', db], work);
    const later = new Date(Date.now() + 5000);
    utimesSync(a, later, later);
    const touched = lede(['ingest', dir, '-v', '--db', db], work);
    expect(touched.stderr).toMatch(/unchanged .*a\.txt \(id 1, same bytes\)/);
    expect(touched.stderr).toMatch(/unchanged 1, no body/); // read, so not "not read again"
    expect(query<{ mtime_ms: number }>(db, 'SELECT mtime_ms FROM sources')[0]!.mtime_ms).toBe(statSync(a).mtimeMs);

    writeFileSync(a, story('Library reopens after restoration', 'museum'));
    const changed = lede(['ingest', dir, '--db', db], work);
    expect(changed.stderr).toMatch(/stored 0, updated 1/);
    expect(lede(['search', 'museum', '--db', db], work).stdout).toContain('Library reopens');
  });

  it('--force extracts everything again; other options (--precision) do too; nothing changes', () => {
    const dir = folder('force');
    const db = join(work, 'force.db');
    lede(['ingest', dir, '--db', db], work);
    const force = lede(['ingest', dir, '--force', '--db', db], work);
    expect(force.stderr).toMatch(/stored 0, updated 0, unchanged 9, no body/);
    expect(force.stderr).not.toMatch(/not read again/);
    const precision = lede(['ingest', dir, '--precision', '--db', db], work);
    expect(precision.stderr).not.toMatch(/not read again/);
    expect(lede(['ingest', dir, '--precision', '--db', db], work).stderr).toMatch(/unchanged 9 \(9 not read again\)/);
    expect(lede(['ingest', dir, '--force', '--verify', '--db', db], work).status).toBe(2);
  });

  it('a file that failed is tried again; a file without a body is reported again, not re-read', () => {
    const dir = join(work, 'fail');
    mkdirSync(dir);
    writeFileSync(join(dir, 'empty.txt'), '');
    writeFileSync(join(dir, 'nav.html'), '<html><body><nav><a href="/a">Home</a> <a href="/b">News</a></nav></body></html>');
    const db = join(work, 'fail.db');
    const first = lede(['ingest', dir, '--db', db], work);
    expect(first.stderr).toMatch(/no body 1, failed 1/);
    const again = lede(['ingest', dir, '--db', db], work);
    expect(again.status).toBe(1);
    expect(again.stderr).toMatch(/unchanged 0 \(1 not read again\), no body 1, failed 1/);
    expect(again.stderr).toMatch(/nav\.html: no article body found \(unchanged since the last run\); not stored/);
    expect(again.stderr).toMatch(/empty\.txt: empty file/);
  });
});
