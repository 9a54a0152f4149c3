// Opening a database file: refuse what is not ours with a one-line reason that names the path,
// set the connection up for concurrent lede runs, and bring the schema up to date.
import { accessSync, closeSync, constants, existsSync, openSync, readSync, statSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import './uri.js'; // before the first connection: lets SQLite take the file: URI of the immutable fallback
import Database from 'better-sqlite3';
import { reasonOf, StoreError } from './errors.js';
import { APPLICATION_ID, LATEST_VERSION, MIGRATIONS, migrate, type Migration } from './migrations.js';

export interface OpenOptions {
  readonly?: boolean;
  /**
   * How long a write waits for another process's transaction before giving up. Batches are a few
   * hundred rows, so a competing writer holds the lock for well under a second at a time.
   */
  busyTimeoutMs?: number;
  /**
   * Read-only only: a file at an older schema version is first upgraded in place when it can be
   * written (one writable open, then read-only again). Default true; false never writes.
   */
  upgrade?: boolean;
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
      // A writer needs the folder too (WAL side files); reading needs neither, so say so.
      const where = p === path ? '' : `folder ${dir}: `;
      const still = exists ? ' (reading commands — list, show, search, export, stats — still work)' : '';
      throw new StoreError(`cannot open database "${path}" for writing: ${where}${reasonOf(err)}${still}`);
    }
  }
}

/**
 * The schema version and application id from the file's 100-byte header, read without SQLite:
 * opening a WAL database, even read-only, creates its -wal and -shm files, and a file from a newer
 * lede or another program must be refused without a trace. Null when the header is not SQLite's
 * (an empty or foreign file: SQLite itself gives the verdict). Uncheckpointed commits in a -wal can
 * make the header lag, so checkIdentity still decides on the open connection.
 */
function peekHeader(path: string): { version: number; appId: number } | null {
  let fd: number;
  try {
    fd = openSync(path, 'r');
  } catch {
    return null;
  }
  try {
    const h = Buffer.alloc(100);
    if (readSync(fd, h, 0, 100, 0) < 100 || h.toString('latin1', 0, 16) !== 'SQLite format 3\0') return null;
    return { version: h.readUInt32BE(60), appId: h.readUInt32BE(68) };
  } finally {
    closeSync(fd);
  }
}

function refuseByHeader(path: string): void {
  const h = peekHeader(path);
  if (!h) return;
  if (h.appId !== APPLICATION_ID && h.appId !== 0) throw new StoreError(`cannot open database "${path}": it is a SQLite database, but not one made by lede`);
  if (h.appId === APPLICATION_ID && h.version > LATEST_VERSION) throw newerError(path, h.version);
}

const newerError = (path: string, version: number) =>
  new StoreError(`cannot open database "${path}": its schema version is ${version}, newer than this lede knows (${LATEST_VERSION}); upgrade lede`);

/** Refuses files that are not lede databases, or are from a newer lede. */
export function checkIdentity(db: Database.Database, path: string): number {
  // One statement, so one snapshot: read apart, another run's first migration could commit in
  // between and leave tables without the application id, which reads as someone else's file.
  const { appId, version, tables } = db.prepare(
    `SELECT (SELECT application_id FROM pragma_application_id) AS appId,
            (SELECT user_version FROM pragma_user_version) AS version,
            (SELECT count(*) FROM sqlite_schema) AS tables`,
  ).get() as { appId: number; version: number; tables: number };
  if (appId !== APPLICATION_ID) {
    // A fresh (or zero-byte) file is ours to initialise; anything with content belongs to someone else.
    if (appId !== 0 || version !== 0 || tables > 0) {
      throw new StoreError(`cannot open database "${path}": it is a SQLite database, but not one made by lede`);
    }
  }
  if (version > LATEST_VERSION) {
    throw newerError(path, version);
  }
  return version;
}

const isBusy = (err: unknown): boolean => /^SQLITE_BUSY/.test(String((err as { code?: unknown }).code));

/**
 * Runs fn again while SQLite answers "busy", up to timeoutMs. Where waiting could deadlock SQLite
 * fails at once instead of calling its busy handler; the switch of a new file to WAL while another
 * connection holds its write lock is such a place, and two runs starting on one new file meet there.
 */
function untilNotBusy<T>(fn: () => T, timeoutMs: number): T {
  const deadline = Date.now() + timeoutMs;
  const nap = new Int32Array(new SharedArrayBuffer(4));
  for (let wait = 2; ; wait = Math.min(wait * 2, 50)) {
    try {
      return fn();
    } catch (err) {
      if (!isBusy(err) || Date.now() + wait > deadline) throw err;
      Atomics.wait(nap, 0, 0, wait);
    }
  }
}

/** Why a read-only connection failed because nothing beside the file may be created (WAL's -shm). */
function cannotCreateSideFiles(err: unknown): boolean {
  const code = (err as { code?: unknown }).code;
  return code === 'SQLITE_READONLY_DIRECTORY' || code === 'SQLITE_CANTOPEN' || code === 'SQLITE_READONLY_CANTINIT' || code === 'SQLITE_READONLY_RECOVERY';
}

/** With URIs on, a path spelled "file:…" would be parsed as one: "./file:…" is the same file, as a path. */
const asPath = (path: string): string => (path.startsWith('file:') ? `./${path}` : path);

function connect(name: string, readonly: boolean, busyTimeoutMs: number | undefined): Database.Database {
  const db = new Database(name, { readonly, fileMustExist: readonly });
  try {
    // First, so that even the pragmas below wait for a concurrent writer instead of failing.
    db.pragma(`busy_timeout = ${Math.max(0, Math.floor(busyTimeoutMs ?? DEFAULT_BUSY_TIMEOUT_MS))}`);
    // The first read: this is where a WAL file whose -shm cannot be created fails.
    db.prepare('SELECT count(*) FROM sqlite_schema').pluck().get();
    return db;
  } catch (err) {
    db.close();
    throw err;
  }
}

/**
 * A read-only connection. Reading a WAL database normally creates its -shm index beside it; in a
 * read-only folder (a mounted archive, someone else's directory) that is impossible, and SQLite
 * can only read the file as immutable. Immutable means SQLite trusts that nobody writes the file
 * meanwhile — true where nobody can create the side files a writer needs — and ignores any -wal,
 * so a leftover -wal (commits not yet copied into the file) is refused instead of silently
 * hiding those rows.
 */
function connectReadOnly(path: string, busyTimeoutMs: number | undefined): Database.Database {
  try {
    return connect(asPath(path), true, busyTimeoutMs);
  } catch (err) {
    if (!cannotCreateSideFiles(err)) throw err;
    if (existsSync(`${path}-wal`) && statSync(`${path}-wal`).size > 0) {
      throw new StoreError(`cannot read database "${path}": its folder is read-only and it has an unfinished write-ahead log (${path}-wal); open it once where it can be written`);
    }
    try {
      return connect(`${pathToFileURL(resolve(path)).href}?immutable=1`, true, busyTimeoutMs);
    } catch {
      throw err; // the first reason is the one that explains the folder
    }
  }
}

/** Every step between `version` and ours leaves the tables a reader queries as they were. */
export const readableAsIs = (version: number, migrations: readonly Migration[] = MIGRATIONS): boolean =>
  migrations.every((m) => m.version <= version || m.readCompatible === true);

function openForReading(path: string, opts: OpenOptions): Database.Database {
  let db: Database.Database;
  try {
    db = connectReadOnly(path, opts.busyTimeoutMs);
  } catch (err) {
    if (err instanceof StoreError) throw err;
    throw new StoreError(`cannot open database "${path}": ${reasonOf(err)}`);
  }
  try {
    const version = checkIdentity(db, path);
    if (version >= LATEST_VERSION) return db;
    if (version === 0) throw new StoreError(`cannot read database "${path}": its schema version is 0, it holds no lede data yet`);
    let upgradeFailure = '';
    if (opts.upgrade !== false) {
      db.close();
      try {
        openDatabase(path, { busyTimeoutMs: opts.busyTimeoutMs }).close();
      } catch (err) {
        // Only the reason: the path is already named, and "reads still work" would contradict us.
        upgradeFailure = (err instanceof Error ? err.message : String(err))
          .replace(/^cannot (open|upgrade) database "[^"]*"( for writing)?: /, '')
          .replace(/ \(reading commands[^)]*\)$/, '');
      }
      db = connectReadOnly(path, opts.busyTimeoutMs);
      if (checkIdentity(db, path) >= LATEST_VERSION) return db;
    }
    if (readableAsIs(version)) return db;
    throw new StoreError(
      `cannot read database "${path}": its schema version is ${version}, this lede needs ${LATEST_VERSION}` +
        (upgradeFailure ? ` and cannot upgrade it here (${upgradeFailure}); run lede ingest once where it can be written` : '; open it once for writing (e.g. lede ingest) to upgrade it'),
    );
  } catch (err) {
    if (db!.open) db!.close();
    if (err instanceof StoreError) throw err;
    throw new StoreError(`cannot open database "${path}": ${reasonOf(err)}`);
  }
}

export function openDatabase(path: string, opts: OpenOptions = {}): Database.Database {
  const memory = isMemoryPath(path);
  // An in-memory database is always new, so "read-only" could only ever show an empty store.
  if (!memory && opts.readonly === true) {
    checkPath(path, true);
    refuseByHeader(path);
    const db = openForReading(path, opts);
    db.pragma('foreign_keys = ON');
    return db;
  }
  if (!memory) {
    checkPath(path, false);
    refuseByHeader(path);
  }

  let db: Database.Database;
  try {
    db = connect(asPath(path), false, opts.busyTimeoutMs);
  } catch (err) {
    throw new StoreError(`cannot open database "${path}": ${reasonOf(err)}`);
  }
  try {
    checkIdentity(db, path);
    db.pragma('foreign_keys = ON');
    // WAL: readers never block the writer and vice versa; with it, synchronous=NORMAL is still
    // crash-safe (a power cut can lose the last commits, never corrupt the file) and much faster.
    untilNotBusy(() => db.pragma('journal_mode = WAL'), opts.busyTimeoutMs ?? DEFAULT_BUSY_TIMEOUT_MS);
    db.pragma('synchronous = NORMAL');
    migrate(db);
    return db;
  } catch (err) {
    db.close();
    if (err instanceof StoreError) throw err;
    throw new StoreError(`cannot open database "${path}": ${reasonOf(err)}`);
  }
}
