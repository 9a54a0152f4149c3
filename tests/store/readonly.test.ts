// Opening for reading: older files upgraded when they can be, readable as is when they cannot and
// the step allows it, newer files refused without a byte changed. (Folders that cannot be written
// need a non-root process: tests/robustness/cli-db.test.ts runs those through the CLI.)
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { LATEST_VERSION, openStore, StoreError } from '../../src/store/index.js';
import { migrate, MIGRATIONS, type Migration } from '../../src/store/migrations.js';
import { readableAsIs } from '../../src/store/open.js';
import { article, tempDb } from './helpers.js';

function versionOne(): string {
  const path = tempDb();
  const db = new Database(path);
  db.pragma('journal_mode = WAL');
  migrate(db, MIGRATIONS.filter((m) => m.version === 1));
  db.prepare(`INSERT INTO articles (source, format, headline, body, word_count, content_hash, ingested_at)
    VALUES ('a.html', 'html', 'Harbor dredging starts', 'Crews began dredging the harbor.', 5, 'h1', '2025-01-01T00:00:00Z')`).run();
  db.close();
  return path;
}

const version = (path: string) => {
  const db = new Database(path, { readonly: true });
  const v = db.pragma('user_version', { simple: true });
  db.close();
  return v;
};
const sha = (path: string) => createHash('sha256').update(readFileSync(path)).digest('hex');

describe('openStore read-only on an older schema', () => {
  it('upgrades the file in place when it can be written, then reads it', () => {
    const path = versionOne();
    const s = openStore(path, { readonly: true });
    expect(s.search('harbor')).toHaveLength(1);
    s.close();
    expect(version(path)).toBe(LATEST_VERSION);
  });

  it('with upgrade: false, a file the pending steps change for readers is refused naming both versions, and nothing is written', () => {
    const path = versionOne();
    const before = sha(path);
    expect(() => openStore(path, { readonly: true, upgrade: false })).toThrow(
      new RegExp(`schema version is 1, this lede needs ${LATEST_VERSION}; open it once for writing`),
    );
    expect(version(path)).toBe(1);
    expect(sha(path)).toBe(before);
  });

  it('readable as is only when every pending step is marked read-compatible', () => {
    const steps: Migration[] = [
      { version: 1, name: 'base', sql: '' },
      { version: 2, name: 'index rebuilt', sql: '', readCompatible: true },
      { version: 3, name: 'new table readers query', sql: '' },
    ];
    expect(readableAsIs(1, steps)).toBe(false);
    expect(readableAsIs(2, steps)).toBe(false);
    expect(readableAsIs(3, steps)).toBe(true);
    expect(readableAsIs(1, steps.slice(0, 2))).toBe(true);
  });
});

describe('a database from a newer lede', () => {
  it('is refused for writing and for reading, and left byte for byte as it was, with no side files', () => {
    const path = tempDb();
    const w = openStore(path);
    w.saveBatch([article()]);
    w.close();
    const db = new Database(path);
    db.pragma(`user_version = ${LATEST_VERSION + 1}`);
    db.close();
    const before = sha(path);
    for (const readonly of [false, true]) {
      expect(() => openStore(path, { readonly })).toThrow(StoreError);
      expect(() => openStore(path, { readonly })).toThrow(new RegExp(`schema version is ${LATEST_VERSION + 1}, newer than this lede knows`));
    }
    expect(sha(path)).toBe(before);
    expect(existsSync(`${path}-wal`)).toBe(false);
    expect(existsSync(`${path}-shm`)).toBe(false);
    expect(version(path)).toBe(LATEST_VERSION + 1);
  });
});

describe('paths', () => {
  it('a database path spelled like a URI ("file:…") is a file of that name, not a URI', () => {
    const dir = tempDb().replace(/lede\.db$/, '');
    const cwd = process.cwd();
    process.chdir(dir);
    try {
      const s = openStore('file:news.db?mode=memory');
      s.saveBatch([article()]);
      s.close();
      expect(existsSync('file:news.db?mode=memory')).toBe(true);
      expect(openStore('file:news.db?mode=memory', { readonly: true }).count()).toBe(1);
    } finally {
      process.chdir(cwd);
    }
  });
});
