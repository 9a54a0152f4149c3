// How the torture's crash trials judge the file a kill left. A kill -9 during start-up can leave
// a database whose first transaction (the schema) never committed: SQLite's header, WAL mode set,
// no table. The first full `npm run torture` counted that as a corrupt database; it is the state
// atomic schema creation promises, and lede's next run initialises it. Anything else without
// lede's schema (a stray table, garbage) is still corrupt.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { afterCrash, neverInitialised, snapshot } from './trials.js';
import { BUILT, corpus, lede, tempDir } from './helpers.js';

if (!BUILT) console.warn('skipping crash-state re-runs: dist/ is missing (run `npm run build`; `npm test` does it)');

/** What lede's open does before its first migration commits: the file, in WAL mode, empty. */
function headerOnly(path: string): void {
  const db = new Database(path);
  db.pragma('journal_mode = WAL');
  db.close();
}

describe('the database a crash left', () => {
  it('a file with SQLite\'s header and no table is one never initialised; a table or garbage is not', () => {
    const d = tempDir();
    headerOnly(join(d, 'fresh.db'));
    expect(neverInitialised(join(d, 'fresh.db'))).toBe(true);
    writeFileSync(join(d, 'zero.db'), '');
    expect(neverInitialised(join(d, 'zero.db'))).toBe(true);

    const foreign = new Database(join(d, 'table.db'));
    foreign.exec('CREATE TABLE t (x)');
    foreign.close();
    expect(neverInitialised(join(d, 'table.db'))).toBe(false);
    writeFileSync(join(d, 'garbage.db'), Buffer.alloc(4096, 0x5a));
    expect(neverInitialised(join(d, 'garbage.db'))).toBe(false);
    expect(neverInitialised(join(d, 'absent.db'))).toBe(false);
  });

  it.skipIf(!BUILT)('a kill before the schema committed: intact, and the re-run equals an uninterrupted run; garbage is corrupt', () => {
    const d = tempDir();
    const input = corpus(5);
    const refDb = join(d, 'ref.db');
    expect(lede(['ingest', input, '--db', refDb]).status).toBe(0);
    const ref = snapshot(refDb);

    const fresh = join(d, 'fresh.db');
    headerOnly(fresh);
    const after = afterCrash(fresh, [input], ref, 60_000);
    expect(after).toMatchObject({ corrupt: 0, rowsLost: 0, committed: 0, initialised: false });
    expect(after.outcome).toBe('intact, no partial rows; re-run = uninterrupted run');

    const garbage = join(d, 'garbage.db');
    writeFileSync(garbage, Buffer.alloc(4096, 0x5a));
    const bad = afterCrash(garbage, [input], ref, 60_000);
    expect(bad.corrupt).toBe(1);
    expect(bad.outcome).toMatch(/corrupt after the crash/);
  }, 60_000);
});
