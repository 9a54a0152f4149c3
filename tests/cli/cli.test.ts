// The built binary, run the way users and scripts run it: files, folders, stdin, --files-from,
// re-ingest, every exit code, pipes that close early. `npm test` builds before running these.
import { spawnSync, type SpawnSyncReturns } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import Database from 'better-sqlite3';
import { beforeAll, describe, expect, it } from 'vitest';

const ROOT = resolve(import.meta.dirname, '../..');
const BIN = join(ROOT, 'bin/lede.js');
const SAMPLES = join(ROOT, 'samples');

function lede(args: string[], opts: { input?: string | Buffer; env?: Record<string, string>; cwd?: string } = {}): SpawnSyncReturns<string> {
  return spawnSync(process.execPath, [BIN, ...args], {
    input: opts.input ?? '',
    encoding: 'utf8',
    cwd: opts.cwd ?? work,
    env: { ...process.env, NO_COLOR: '', FORCE_COLOR: '', LEDE_DB: '', ...opts.env },
    timeout: 60_000,
  });
}

const jsonLines = (s: string) => s.split('\n').filter(Boolean).map((l) => JSON.parse(l) as Record<string, unknown>);
const rowCount = (db: string) => {
  const d = new Database(db, { readonly: true });
  try {
    return (d.prepare('SELECT count(*) AS n FROM articles').get() as { n: number }).n;
  } finally {
    d.close();
  }
};

const ARTICLE = `World News

Harbour Bridge Reopens After Repairs Finish Early

Engineers say the crossing is safe for heavy lorries again

The harbour bridge reopened to traffic on Monday morning, three weeks earlier than planned, after engineers finished replacing corroded steel cables along its northern span.

Traffic officials said the early finish was due to dry weather in October, which allowed crews to work through several weekends without interruption.

The repairs cost about 14 million pounds, slightly less than the original estimate, according to the regional transport authority.

Contact Us`;

let work: string;
beforeAll(() => {
  if (!existsSync(join(ROOT, 'dist/cli/main.js'))) throw new Error('dist/ is missing: run `npm run build` (npm test does it)');
  work = mkdtempSync(join(tmpdir(), 'lede-cli-'));
  mkdirSync(join(work, 'in/politics'), { recursive: true });
  writeFileSync(join(work, 'in/politics/bridge.txt'), ARTICLE);
  writeFileSync(join(work, 'in/bridge-copy.txt.gz'), gzipSync(ARTICLE.replace('World News\n\n', '')));
});

describe('lede ingest', () => {
  it('stores every sample, and a second run adds nothing', () => {
    const db = join(work, 'samples.db');
    const first = lede(['ingest', SAMPLES, '--db', db]);
    expect(first.stderr).toMatch(/stored \d+/);
    expect(first.status).toBe(0);
    const n = rowCount(db);
    expect(n).toBe(9);
    const second = lede(['ingest', SAMPLES, '--db', db]);
    expect(second.status).toBe(0);
    expect(second.stderr).toMatch(/stored 0, updated 0, unchanged 9/);
    expect(rowCount(db)).toBe(n);
  });

  it('uses LEDE_DB, then ./lede.db', () => {
    const dir = mkdtempSync(join(tmpdir(), 'lede-cwd-'));
    expect(lede(['ingest', join(work, 'in/politics/bridge.txt')], { cwd: dir }).status).toBe(0);
    expect(existsSync(join(dir, 'lede.db'))).toBe(true);
    const env = join(dir, 'env.db');
    expect(lede(['ingest', join(work, 'in/politics/bridge.txt')], { cwd: dir, env: { LEDE_DB: env } }).status).toBe(0);
    expect(rowCount(env)).toBe(1);
  });

  it('--json prints each stored row with the column names as keys', () => {
    const db = join(work, 'json.db');
    const r = lede(['ingest', '--json', '--db', db, join(work, 'in/politics/bridge.txt')]);
    expect(r.status).toBe(0);
    const [row] = jsonLines(r.stdout);
    expect(Object.keys(row!)).toEqual(['id', 'source', 'format', 'url', 'tag', 'headline', 'deck', 'byline', 'published', 'lang', 'body', 'word_count', 'content_hash', 'ingested_at', 'provenance']);
    expect(row).toMatchObject({ id: 1, format: 'text', headline: 'Harbour Bridge Reopens After Repairs Finish Early' });
    expect(row!.body).not.toMatch(/Contact Us/);
    expect(typeof row!.ingested_at).toBe('string');
  });

  it('--dry-run extracts and prints without creating the database', () => {
    const db = join(work, 'dry.db');
    const r = lede(['ingest', '-n', '--db', db, join(work, 'in')]);
    expect(r.status).toBe(0);
    expect(jsonLines(r.stdout)).toHaveLength(2);
    expect(existsSync(db)).toBe(false);
  });

  it('exit 1 when some inputs fail: each named as `path: reason`, the rest still stored', () => {
    const db = join(work, 'partial.db');
    const missing = join(work, 'nope.html');
    const empty = join(work, 'empty.txt');
    writeFileSync(empty, '');
    const r = lede(['ingest', '--db', db, missing, empty, join(work, 'in/politics/bridge.txt')]);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain(`${missing}: no such file or directory`);
    expect(r.stderr).toContain(`${empty}: empty file`);
    expect(rowCount(db)).toBe(1);
  });

  it('exit 3 when the database cannot be opened', () => {
    const notDb = join(work, 'not-a-db.db');
    writeFileSync(notDb, 'this is not sqlite, just text long enough to have a header '.repeat(10));
    const r = lede(['ingest', '--db', notDb, join(work, 'in/politics/bridge.txt')]);
    expect(r.status).toBe(3);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toContain(notDb);
    expect(lede(['ingest', '--db', join(work, 'no/such/dir/x.db'), join(work, 'in')]).status).toBe(3);
    expect(lede(['list', '--db', join(work, 'missing.db')]).status).toBe(3);
  });

  it('--tag-from-folder fills the tag only where the page shows none', () => {
    const r = lede(['extract', '--tag-from-folder', join(work, 'in')]);
    const rows = jsonLines(r.stdout);
    const bySource = Object.fromEntries(rows.map((x) => [String(x.source).split('/').pop(), x]));
    expect(bySource['bridge.txt']!.tag).toBe('World News');
    expect(bySource['bridge-copy.txt.gz']!.tag).toBe('in');
  });
});

describe('lede extract', () => {
  it('reads one article from stdin, with - or with no inputs at all', () => {
    for (const args of [['extract', '-'], ['extract']]) {
      const r = lede(args, { input: ARTICLE });
      expect(r.status).toBe(0);
      const [row] = jsonLines(r.stdout);
      expect(row).toMatchObject({ source: '-', status: 'ok', error: null, tag: 'World News', deck: 'Engineers say the crossing is safe for heavy lorries again' });
    }
  });

  it('reads --files-from with NUL separators, from stdin', () => {
    const list = [join(work, 'in/politics/bridge.txt'), join(work, 'in/bridge-copy.txt.gz')].join('\0') + '\0';
    const r = lede(['extract', '--files-from', '-', '-0'], { input: list });
    expect(r.status).toBe(0);
    expect(jsonLines(r.stdout).map((x) => x.status)).toEqual(['ok', 'ok']);
  });

  it('reads --files-from a file, one path per line', () => {
    const listFile = join(work, 'list.txt');
    writeFileSync(listFile, `${join(work, 'in/politics/bridge.txt')}\n${join(SAMPLES, 'coastal-wetlands-study.html')}\n`);
    const rows = jsonLines(lede(['extract', '--files-from', listFile]).stdout);
    expect(rows.map((x) => x.format)).toEqual(['text', 'html']);
  });

  it('prints status error with the reason for a bad input and exits 1', () => {
    const r = lede(['extract', join(work, 'missing.txt')]);
    expect(r.status).toBe(1);
    expect(jsonLines(r.stdout)[0]).toMatchObject({ status: 'error', error: 'no such file or directory' });
  });

  it('does not crash when the reader closes the pipe early', () => {
    const r = spawnSync('bash', ['-c', `set -o pipefail; "${process.execPath}" "${BIN}" extract "${SAMPLES}" "${SAMPLES}" "${SAMPLES}" | head -c 100 >/dev/null; echo "lede=\${PIPESTATUS[0]}"`], { encoding: 'utf8' });
    expect(r.stdout).toContain('lede=0');
    expect(r.stderr).not.toMatch(/EPIPE|Error|at /);
  });

  it('a document past --timeout fails alone, named with the reason; the run goes on', () => {
    const r = lede(['extract', '--timeout', '0.001', SAMPLES]);
    expect(r.status).toBe(1);
    const rows = jsonLines(r.stdout);
    expect(rows).toHaveLength(9);
    expect(rows.every((x) => x.status === 'error' && /took longer than/.test(String(x.error)))).toBe(true);
    expect(r.stderr).toContain(`${join(SAMPLES, 'coastal-wetlands-study.html')}: extraction took longer than`);
  });

  it('gives the same results with one worker and with several', () => {
    const one = jsonLines(lede(['extract', '-j', '1', SAMPLES]).stdout);
    const two = jsonLines(lede(['extract', '-j', '3', SAMPLES]).stdout);
    expect(two).toEqual(one);
  });

  it('never colours output that is not a terminal', () => {
    const r = lede(['extract', join(work, 'missing.txt')], { env: { FORCE_COLOR: '1' } });
    expect(r.stderr + r.stdout).not.toMatch(/\x1b\[/);
  });
});

describe('usage errors exit 2', () => {
  it.each([
    [['ingest', '--precision', '--recall', 'x']],
    [['extract', '--format', 'pdf', 'x']],
    [['frobnicate']],
    [['extract', '-0', 'x']],
    [['show', 'abc']],
    [['list', '--limit', '0']],
  ])('%j', (args) => {
    const r = lede(args);
    expect(r.status).toBe(2);
    expect(r.stderr).not.toMatch(/\n\s+at /); // no stack trace
  });

  it('no arguments prints help', () => {
    const r = lede([]);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/Usage: lede/);
  });

  it('a bad --rules file is one clear line', () => {
    const rules = join(work, 'rules.json');
    writeFileSync(rules, '{"selectors": {"headline": ["h1[["]}}');
    const r = lede(['extract', '--rules', rules, join(work, 'in')]);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/--rules .*rules\.json: selectors\.headline: invalid CSS selector/);
  });
});

describe('database commands', () => {
  let db: string;
  beforeAll(() => {
    db = join(work, 'query.db');
    lede(['ingest', '--db', db, SAMPLES, join(work, 'in/politics')]);
  });

  it('list, show and stats', () => {
    const list = lede(['list', '--db', db]);
    expect(list.status).toBe(0);
    expect(list.stdout.trim().split('\n')).toHaveLength(10);
    const rows = jsonLines(lede(['list', '--db', db, '--json', '--tag', 'World News']).stdout);
    expect(rows).toHaveLength(1);
    const show = lede(['show', String(rows[0]!.id), '--db', db]);
    expect(show.stdout).toContain('Harbour Bridge Reopens');
    expect(show.stdout).toMatch(/found by\s+.*headline=/);
    expect(lede(['show', '9999', '--db', db]).status).toBe(1);
    const newest = lede(['list', '--db', db, '--order', 'desc', '--limit', '1']).stdout.split('\t')[0];
    expect(Number(newest)).toBe(10);
    expect(lede(['list', '--db', db, '--since', 'last week']).status).toBe(2);
    const stats = JSON.parse(lede(['stats', '--db', db, '--json']).stdout) as { total: number };
    expect(stats.total).toBe(10);
  });

  it('search ranks hits with snippets; a malformed query is exit 2 with one line', () => {
    const hits = jsonLines(lede(['search', 'harbour', 'bridge', '--db', db, '--json']).stdout);
    expect(hits[0]).toMatchObject({ headline: 'Harbour Bridge Reopens After Repairs Finish Early' });
    expect(String(hits[0]!.snippet)).toMatch(/\[[Hh]arbour\]|\[[Bb]ridge\]/);
    const bad = lede(['search', '"unbalanced', '--db', db]);
    expect(bad.status).toBe(2);
    expect(bad.stderr.trim().split('\n')).toHaveLength(1);
  });

  it('ingest leaves the full-text index complete; a search after a stopped bulk run indexes the rest first', () => {
    const bulk = join(work, 'bulk.db');
    expect(lede(['ingest', '-q', '--db', bulk, SAMPLES]).status).toBe(0);
    const d = new Database(bulk);
    expect(d.prepare('SELECT indexed_through FROM fts_deferred').pluck().get()).toBeNull();
    d.exec("INSERT INTO articles_fts (articles_fts, rank) VALUES ('integrity-check', 1)");
    const before = lede(['search', 'the', '--db', bulk, '--json', '--limit', '100']).stdout;
    expect(jsonLines(before).length).toBeGreaterThan(1);
    // What a run killed after its batches and before its catch-up leaves: rows above the line unindexed.
    d.exec("UPDATE fts_deferred SET indexed_through = 0; INSERT INTO articles_fts (articles_fts) VALUES ('delete-all')");
    d.close();
    const r = lede(['search', 'the', '--db', bulk, '--json', '--limit', '100']);
    expect(r.status).toBe(0);
    expect(r.stderr).toBe(`warning: ${rowCount(bulk)} articles are not in the search index yet (an ingest is running, or was stopped); indexing them first\n`);
    expect(r.stdout).toBe(before);
    const again = lede(['search', 'the', '--db', bulk]);
    expect(again.stderr).toBe('');
  });

  it('export as JSON Lines and CSV', () => {
    const jsonl = jsonLines(lede(['export', '--db', db]).stdout);
    expect(jsonl).toHaveLength(10);
    const out = join(work, 'export.csv');
    expect(lede(['export', '--format', 'csv', '--db', db, '-o', out]).status).toBe(0);
    const csv = readFileSync(out, 'utf8');
    expect(csv.split('\n')[0]).toBe('id,source,format,url,tag,headline,deck,byline,published,lang,body,word_count,content_hash,ingested_at,provenance');
    expect(csv).toContain('"Harbour Bridge Reopens After Repairs Finish Early"'.slice(1, -1));
  });
});
