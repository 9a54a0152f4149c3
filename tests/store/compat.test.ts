// The database as other SQLite tools see it. sqlite-utils and Datasette find a table's full-text
// index by the text of its CREATE statement, so the test asks the schema the same question they do,
// and then, where Debian's sqlite-utils is installed, runs the real tool.
import { spawnSync } from 'node:child_process';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { LATEST_VERSION, openStore } from '../../src/store/index.js';
import { APPLICATION_ID, migrate, MIGRATIONS } from '../../src/store/migrations.js';
import { article, tempDb } from './helpers.js';

// The query sqlite-utils 3.x (Table.detect_fts) and Datasette (detect_fts_sql) run.
const DETECT_FTS = `SELECT name FROM sqlite_master WHERE rootpage = 0 AND (
  sql LIKE '%VIRTUAL TABLE%USING FTS%content=[' || @t || ']%'
  OR sql LIKE '%VIRTUAL TABLE%USING FTS%content="' || @t || '"%'
  OR (tbl_name = @t AND sql LIKE '%VIRTUAL TABLE%USING FTS%'))`;

const ARTICLES = [
  article({ source: 'a.html', headline: 'Harbor dredging starts', body: 'Crews began dredging the harbor on Monday.', tag: 'Local' }),
  article({ source: 'b.html', headline: 'School budget passes', body: 'The board approved the school budget.', tag: 'Education' }),
];

function seeded(): string {
  const path = tempDb();
  const s = openStore(path);
  s.saveBatch(ARTICLES);
  s.close();
  return path;
}

/** A file exactly as lede's schema version 1 left it, with rows in it. */
function versionOneDb(): string {
  const path = tempDb();
  const db = new Database(path);
  db.pragma('journal_mode = WAL');
  migrate(db, MIGRATIONS.filter((m) => m.version === 1));
  const insert = db.prepare(`INSERT INTO articles (source, format, headline, deck, body, word_count, content_hash, ingested_at)
    VALUES (@source, @format, @headline, @deck, @body, @word_count, @content_hash, '2025-01-01T00:00:00.000Z')`);
  for (const a of ARTICLES) insert.run(a);
  db.close();
  return path;
}

describe('full-text index as sqlite-utils and Datasette detect it', () => {
  it('a new database: articles_fts is found as the index of articles', () => {
    const db = new Database(seeded(), { readonly: true });
    expect(db.prepare(DETECT_FTS).pluck().all({ t: 'articles' })).toEqual(['articles_fts']);
    db.close();
  });

  it('a version-1 database is upgraded in place: index recognised, rebuilt, consistent, triggers live', () => {
    const path = versionOneDb();
    let db = new Database(path);
    expect(db.prepare(DETECT_FTS).pluck().all({ t: 'articles' })).toEqual([]); // the bug as filed
    db.close();

    const s = openStore(path);
    expect(s.search('harbor').map((h) => h.article.source)).toEqual(['a.html']);
    s.saveBatch([article({ source: 'c.html', headline: 'Ferry returns', body: 'The harbor ferry runs again.' })]);
    expect(s.search('harbor').map((h) => h.article.source).sort()).toEqual(['a.html', 'c.html']);
    s.close();

    db = new Database(path);
    expect(db.pragma('user_version', { simple: true })).toBe(LATEST_VERSION);
    expect(db.pragma('application_id', { simple: true })).toBe(APPLICATION_ID);
    expect(db.prepare(DETECT_FTS).pluck().all({ t: 'articles' })).toEqual(['articles_fts']);
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    // Throws SQLITE_CORRUPT_VTAB when the index and the table disagree.
    db.prepare("INSERT INTO articles_fts (articles_fts, rank) VALUES ('integrity-check', 1)").run();
    const triggers = db.prepare("SELECT name FROM sqlite_schema WHERE type = 'trigger' ORDER BY name").pluck().all();
    expect(triggers).toEqual(['articles_fts_delete', 'articles_fts_insert', 'articles_fts_update']);
    db.close();
  });
});

const HAVE_SQLITE_UTILS = spawnSync('sqlite-utils', ['--version'], { encoding: 'utf8' }).status === 0;
if (!HAVE_SQLITE_UTILS) console.warn('skipping: sqlite-utils not installed (apt-get install sqlite-utils); the real-tool checks did not run');

const sqliteUtils = (...args: string[]) => {
  const r = spawnSync('sqlite-utils', args, { encoding: 'utf8' });
  expect(r.stderr).toBe('');
  expect(r.status).toBe(0);
  return JSON.parse(r.stdout) as Record<string, unknown>[];
};

describe.skipIf(!HAVE_SQLITE_UTILS)('the real sqlite-utils on a lede database', () => {
  it('search, rows and tables --counts work as is', () => {
    const path = seeded();
    expect(sqliteUtils('search', path, 'articles', 'harbor', '-c', 'source')).toEqual([{ source: 'a.html' }]);
    const rows = sqliteUtils('rows', path, 'articles', '-c', 'source', '-c', 'tag');
    expect(rows.sort((a, b) => String(a.source).localeCompare(String(b.source)))).toEqual([
      { source: 'a.html', tag: 'Local' },
      { source: 'b.html', tag: 'Education' },
    ]);
    const counts = sqliteUtils('tables', path, '--counts');
    expect(counts).toEqual(expect.arrayContaining([{ table: 'articles', count: 2 }, { table: 'articles_fts', count: 2 }]));
  });

  it('a bulk-loaded database (index deferred, then caught up) searches the same', () => {
    const path = tempDb();
    const s = openStore(path);
    s.deferIndex();
    s.saveBatch(ARTICLES);
    expect(sqliteUtils('search', path, 'articles', 'harbor', '-c', 'source')).toEqual([]); // what an outside reader sees mid-run
    for (const _ of s.catchUpIndex());
    s.close();
    expect(sqliteUtils('search', path, 'articles', 'harbor', '-c', 'source')).toEqual([{ source: 'a.html' }]);
    expect(sqliteUtils('tables', path, '--counts')).toEqual(expect.arrayContaining([{ table: 'articles_fts', count: 2 }, { table: 'fts_deferred', count: 1 }]));
  });

  it('a version-1 database works after lede opened it once', () => {
    const path = versionOneDb();
    openStore(path).close();
    expect(sqliteUtils('search', path, 'articles', 'budget', '-c', 'source')).toEqual([{ source: 'b.html' }]);
  });
});
