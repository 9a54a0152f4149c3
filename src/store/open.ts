// Opening a database file: refuse what is not ours with a one-line reason that names the path,
// set the connection up for concurrent lede runs, and bring the schema up to date.
import { accessSync, constants, statSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import Database from 'better-sqlite3';
import { reasonOf, StoreError } from './errors.js';
import { APPLICATION_ID, LATEST_VERSION, migrate, userVersion } from './migrations.js';

export interface OpenOptions {
  readonly?: boolean;
  /**
   * How long a write waits for another process's transaction before giving up. Batches are a few
   * hundred rows, so a competing writer holds the lock for well under a second at a time.
   */
  busyTimeoutMs?: number;
}

export const DEFAULT_BUSY_TIMEOUT_MS = 10_000;

export const isMemoryPath = (path: string): boolean => path === ':memory:' || path === '';

/** Checks the file system first: SQLite's own wording for these cases is vague ("unable to open"). */
function checkPath(path: string, readonly: boolean): void {
  let exists = true;
  try {
    const st = statSync(path);
    if (st.isDirectory()) throw new StoreError(`cannot open database "${path}": is a directory`);
    if (!st.isFile()) throw new StoreError(`cannot open database "${path}": not a regular file`);
  } catch (err) {
    if (err instanceof StoreError) throw err;
    const code = (err as NodeJS.ErrnoException).code;
    if (code !== 'ENOENT') throw new StoreError(`cannot open database "${path}": ${reasonOf(err)}`);
    exists = false;
  }
  if (readonly) {
    if (!exists) throw new StoreError(`cannot open database "${path}": no such file`);
    return;
  }
  const dir = dirname(resolve(path));
  try {
    if (!statSync(dir).isDirectory()) throw new StoreError(`cannot open database "${path}": ${dir} is not a directory`);
  } catch (err) {
    if (err instanceof StoreError) throw err;
    throw new StoreError(`cannot open database "${path}": folder ${dir}: ${reasonOf(err)}`);
  }
  // WAL keeps two companion files (-wal, -shm) beside the database, so the folder must be
  // writable as well as the file.
  for (const p of exists ? [path, dir] : [dir]) {
    try {
      accessSync(p, constants.W_OK);
    } catch (err) {
      throw new StoreError(`cannot open database "${path}" for writing: ${p === path ? '' : `folder ${dir}: `}${reasonOf(err)}`);
    }
  }
}

/** Refuses files that are not lede databases, or are from a newer lede. */
function checkIdentity(db: Database.Database, path: string): number {
  const appId = db.pragma('application_id', { simple: true }) as number;
  const version = userVersion(db);
  if (appId !== APPLICATION_ID) {
    const tables = db.prepare('SELECT count(*) FROM sqlite_schema').pluck().get() as number;
    // A fresh (or zero-byte) file is ours to initialise; anything with content belongs to someone else.
    if (appId !== 0 || version !== 0 || tables > 0) {
      throw new StoreError(`cannot open database "${path}": it is a SQLite database, but not one made by lede`);
    }
  }
  if (version > LATEST_VERSION) {
    throw new StoreError(`cannot open database "${path}": its schema version is ${version}, newer than this lede knows (${LATEST_VERSION}); upgrade lede`);
  }
  return version;
}

export function openDatabase(path: string, opts: OpenOptions = {}): Database.Database {
  const memory = isMemoryPath(path);
  // An in-memory database is always new, so "read-only" could only ever show an empty store.
  const readonly = !memory && opts.readonly === true;
  if (!memory) checkPath(path, readonly);

  let db: Database.Database;
  try {
    db = new Database(path, { readonly, fileMustExist: readonly });
  } catch (err) {
    throw new StoreError(`cannot open database "${path}": ${reasonOf(err)}`);
  }
  try {
    // First, so that even the pragmas below wait for a concurrent writer instead of failing.
    db.pragma(`busy_timeout = ${Math.max(0, Math.floor(opts.busyTimeoutMs ?? DEFAULT_BUSY_TIMEOUT_MS))}`);
    const version = checkIdentity(db, path);
    db.pragma('foreign_keys = ON');
    if (readonly) {
      if (version < LATEST_VERSION) {
        throw new StoreError(
          `cannot read database "${path}": its schema version is ${version}, this lede needs ${LATEST_VERSION}; open it once for writing (e.g. lede ingest) to upgrade it`,
        );
      }
    } else {
      // WAL: readers never block the writer and vice versa; with it, synchronous=NORMAL is still
      // crash-safe (a power cut can lose the last commits, never corrupt the file) and much faster.
      db.pragma('journal_mode = WAL');
      db.pragma('synchronous = NORMAL');
      migrate(db);
    }
    return db;
  } catch (err) {
    db.close();
    if (err instanceof StoreError) throw err;
    throw new StoreError(`cannot open database "${path}": ${reasonOf(err)}`);
  }
}
