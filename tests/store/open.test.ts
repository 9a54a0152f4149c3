import { writeFileSync } from 'node:fs';
import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { LATEST_VERSION, openStore, StoreError } from '../../src/store/index.js';
import { checkIdentity, openDatabase } from '../../src/store/open.js';
import { APPLICATION_ID, migrate, MIGRATIONS, type Migration } from '../../src/store/migrations.js';
import { article, tempDb, tempDir } from './helpers.js';

/** Runs fn, expects a StoreError, returns its message (asserting it is one line). */
function storeError(fn: () => unknown): string {
  try {
    fn();
  } catch (err) {
    expect(err).toBeInstanceOf(StoreError);
    const msg = (err as Error).message;
    expect(msg).not.toContain('\n');
    return msg;
  }
  throw new Error('expected a StoreError');
}

const raw = (path: string) => new Database(path);

describe('openStore: a new file', () => {
  it('creates the schema at the latest version, in WAL mode, marked as a lede file', () => {
    const path = tempDb();
    openStore(path).close();
    const db = raw(path);
    expect(db.pragma('user_version', { simple: true })).toBe(LATEST_VERSION);
    expect(db.pragma('application_id', { simple: true })).toBe(APPLICATION_ID);
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    const names = db.prepare("SELECT name FROM sqlite_schema WHERE type IN ('table', 'index', 'trigger')").pluck().all();
    expect(names).toEqual(expect.arrayContaining([
      'articles', 'articles_fts', 'articles_source', 'articles_tag', 'articles_published',
      'articles_fts_insert', 'articles_fts_update', 'articles_fts_delete',
    ]));
    const cols = db.prepare('SELECT name FROM pragma_table_info(?)').pluck().all('articles');
    expect(cols).toEqual([
      'id', 'source', 'format', 'url', 'tag', 'headline', 'deck', 'byline', 'published', 'lang',
      'body', 'word_count', 'content_hash', 'ingested_at', 'provenance', 'updated_at',
    ]);
    db.close();
  });

  it('sets the per-connection pragmas concurrent runs rely on', () => {
    const db = openDatabase(tempDb(), { busyTimeoutMs: 1234 });
    expect(db.pragma('busy_timeout', { simple: true })).toBe(1234);
    expect(db.pragma('synchronous', { simple: true })).toBe(1); // NORMAL
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    db.close();
  });

  it('reopening is idempotent: same version, rows kept, nothing re-run', () => {
    const path = tempDb();
    const s1 = openStore(path);
    s1.saveBatch([article()]);
    s1.close();
    const s2 = openStore(path);
    expect(s2.count()).toBe(1);
    s2.close();
    const db = raw(path);
    expect(db.pragma('user_version', { simple: true })).toBe(LATEST_VERSION);
    db.close();
  });

  it('accepts an empty (zero-byte) file as a new database', () => {
    const path = tempDb();
    writeFileSync(path, '');
    const s = openStore(path);
    expect(s.count()).toBe(0);
    s.close();
  });

  it('works in memory, also when asked for read-only', () => {
    const s = openStore(':memory:', { readonly: true });
    expect(s.saveBatch([article()])[0]!.outcome).toBe('stored');
    s.close();
  });
});

describe('openStore: refusals name the path and say why, in one line', () => {
  it('refuses a database from a newer lede, naming both versions', () => {
    const path = tempDb();
    openStore(path).close();
    const db = raw(path);
    db.pragma(`user_version = ${LATEST_VERSION + 5}`);
    db.close();
    const msg = storeError(() => openStore(path));
    expect(msg).toContain(path);
    expect(msg).toContain(String(LATEST_VERSION + 5));
    expect(msg).toContain(`(${LATEST_VERSION})`);
    expect(storeError(() => openStore(path, { readonly: true }))).toContain('newer');
  });

  it('refuses a file that is not a SQLite database', () => {
    const path = tempDb();
    writeFileSync(path, 'Mayor defends city budget\n\nThe mayor said on Friday…\n'.repeat(200));
    const msg = storeError(() => openStore(path));
    expect(msg).toContain(path);
    expect(msg).toMatch(/not a SQLite database/);
  });

  it('refuses a directory', () => {
    const dir = tempDir();
    const msg = storeError(() => openStore(dir));
    expect(msg).toBe(`cannot open database "${dir}": is a directory`);
  });

  it('refuses a location whose folder does not exist or is a file', () => {
    const dir = tempDir();
    expect(storeError(() => openStore(join(dir, 'missing', 'lede.db')))).toMatch(/missing.*no such file or directory/);
    const file = join(dir, 'plain.txt');
    writeFileSync(file, 'x');
    expect(storeError(() => openStore(join(file, 'lede.db')))).toContain(join(file, 'lede.db'));
  });

  it("refuses someone else's SQLite database instead of adding tables to it", () => {
    const path = tempDb();
    const db = raw(path);
    db.exec('CREATE TABLE invoices (id INTEGER PRIMARY KEY, total REAL)');
    db.close();
    expect(storeError(() => openStore(path))).toMatch(/not one made by lede/);
    const after = raw(path);
    expect(after.prepare("SELECT count(*) FROM sqlite_schema WHERE name = 'articles'").pluck().get()).toBe(0);
    after.close();
  });

  it('read-only: refuses a missing file rather than creating one', () => {
    const path = tempDb();
    expect(storeError(() => openStore(path, { readonly: true }))).toBe(`cannot open database "${path}": no such file`);
  });

  it('read-only: reads, but refuses writes with a StoreError', () => {
    const path = tempDb();
    const w = openStore(path);
    w.saveBatch([article()]);
    w.close();
    const r = openStore(path, { readonly: true });
    expect(r.count()).toBe(1);
    expect(storeError(() => r.saveBatch([article({ body: 'Another body entirely.' })]))).toMatch(/read-only/);
    expect(storeError(() => r.delete(1))).toMatch(/read-only/);
    r.close();
  });

  it('read-only: an empty file is not a database to read', () => {
    const path = tempDb();
    writeFileSync(path, '');
    expect(storeError(() => openStore(path, { readonly: true }))).toMatch(/schema version is 0/);
  });
});

describe('migrate', () => {
  const extra: Migration = { version: LATEST_VERSION + 1, name: 'add a notes table', sql: 'CREATE TABLE notes (id INTEGER PRIMARY KEY, text TEXT);' };

  it('applies migrations in version order, each once', () => {
    const db = new Database(':memory:');
    migrate(db, [extra, ...MIGRATIONS]);
    expect(db.pragma('user_version', { simple: true })).toBe(LATEST_VERSION + 1);
    migrate(db, [extra, ...MIGRATIONS]); // would fail with "table already exists" if re-run
    expect(db.prepare("SELECT count(*) FROM sqlite_schema WHERE name = 'notes'").pluck().get()).toBe(1);
    db.close();
  });

  it('rolls a failing step back whole and names it; earlier steps stay applied', () => {
    const db = new Database(':memory:');
    const broken: Migration = { version: LATEST_VERSION + 1, name: 'half-broken step', sql: 'CREATE TABLE notes (id INTEGER); CREATE TABLE notes (id INTEGER);' };
    expect(() => migrate(db, [...MIGRATIONS, broken])).toThrow(/schema version \d+ \(half-broken step\): table notes already exists/);
    expect(db.pragma('user_version', { simple: true })).toBe(LATEST_VERSION);
    expect(db.prepare("SELECT count(*) FROM sqlite_schema WHERE name = 'notes'").pluck().get()).toBe(0);
    db.close();
  });
});

describe('two lede runs on one file', () => {
  // A separate process holds the write lock for a while, as a concurrent `lede ingest` would.
  const holder = (path: string, ms: number, end: 'COMMIT' | 'ROLLBACK' = 'COMMIT') => {
    const child = spawn(process.execPath, ['-e', `
      const Database = require(${JSON.stringify(createRequire(import.meta.url).resolve('better-sqlite3'))});
      const db = new Database(${JSON.stringify(path)});
      db.exec('BEGIN IMMEDIATE');
      process.stdout.write('locked\\n');
      Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ${ms});
      db.exec('${end}');
      db.close();`], { stdio: ['ignore', 'pipe', 'inherit'] });
    const locked = new Promise<void>((res, rej) => {
      child.stdout.on('data', (d: Buffer) => d.toString().includes('locked') && res());
      child.on('exit', (code) => rej(new Error(`lock holder exited early (${code})`)));
    });
    const exited = new Promise<void>((res) => child.on('exit', () => res()));
    return { locked, exited };
  };

  it('a second writer waits for the first instead of failing, and fails cleanly past its timeout', async () => {
    const path = tempDb();
    openStore(path).close();
    const h = (ms: number) => holder(path, ms);
    const h1 = h(700);
    await h1.locked;
    const patient = openStore(path, { busyTimeoutMs: 20_000 });
    const t0 = Date.now();
    expect(patient.saveBatch([article()])[0]!.outcome).toBe('stored');
    expect(Date.now() - t0).toBeGreaterThan(200); // it really did wait
    patient.close();
    await h1.exited;

    const h2 = h(1000);
    await h2.locked;
    const hasty = openStore(path, { busyTimeoutMs: 50 });
    expect(storeError(() => hasty.saveBatch([article({ body: 'A second article body.' })]))).toMatch(/locked/);
    hasty.close();
    await h2.exited;
  });

  it('a new file another process is writing to: opening waits for it, as for any write', async () => {
    // Before the file is in WAL mode, SQLite answers the switch to WAL with "locked" at once,
    // without its busy handler, while another connection holds the write lock: two runs starting
    // on one new file hit exactly this.
    const path = tempDb();
    const h1 = holder(path, 400, 'ROLLBACK');
    await h1.locked;
    const t0 = Date.now();
    const db = openDatabase(path, { busyTimeoutMs: 20_000 });
    expect(Date.now() - t0).toBeGreaterThan(100); // it waited rather than got there first
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    db.close();
    await h1.exited;

    const other = tempDb();
    const h2 = holder(other, 1000, 'ROLLBACK');
    await h2.locked;
    expect(storeError(() => openDatabase(other, { busyTimeoutMs: 50 }))).toMatch(/locked/);
    await h2.exited;
  });

  it("the identity check reads one snapshot: another run's first migration committing midway does not make the file look foreign", () => {
    const path = tempDb();
    const first = raw(path);
    first.pragma('journal_mode = WAL');
    const second = raw(path);
    // The other run commits its whole schema right after this connection's first statement.
    let calls = 0;
    const racing = new Proxy(second, {
      get(target, prop, receiver) {
        const value = Reflect.get(target, prop, receiver);
        if (typeof value !== 'function') return value;
        return (...args: unknown[]) => {
          const out = value.apply(target, args);
          if (++calls === 1) migrate(first);
          return out;
        };
      },
    });
    // Before the commit (a new file) or after it (ours, up to date): either is a true answer.
    expect([0, LATEST_VERSION]).toContain(checkIdentity(racing, path));
    expect(checkIdentity(second, path)).toBe(LATEST_VERSION);
    first.close();
    second.close();
  });
});
