// The two ways the store fails in front of a user. Both carry a one-line message that names what
// went wrong (the database path, or the query) so the CLI can print it as is, without a stack.

/** The database cannot be opened, migrated or written → the CLI exits 3. */
export class StoreError extends Error {
  override name = 'StoreError';
}

/** A full-text query SQLite refuses (syntax, unknown column) → the CLI exits 2. */
export class QueryError extends Error {
  override name = 'QueryError';
}

/**
 * The first line of an error's message, for wrapping in a one-line StoreError. SQLite's own
 * messages are already short ("file is not a database"); errno codes get plain words.
 */
export function reasonOf(err: unknown): string {
  const e = err as NodeJS.ErrnoException & { code?: string };
  // better-sqlite3 reports extended result codes (SQLITE_BUSY_SNAPSHOT, SQLITE_READONLY_DIRECTORY…);
  // the primary code is what decides the wording.
  const code = typeof e?.code === 'string' && e.code.startsWith('SQLITE_') ? e.code.split('_').slice(0, 2).join('_') : e?.code;
  switch (code) {
    case 'ENOENT': return 'no such file or directory';
    case 'EACCES': case 'EPERM': return 'permission denied';
    case 'ENOTDIR': return 'a parent of the path is not a directory';
    case 'EISDIR': return 'is a directory';
    case 'EROFS': return 'read-only file system';
    case 'SQLITE_BUSY': return 'database is locked by another process (timed out waiting)';
    case 'SQLITE_READONLY': return 'the database or its folder is read-only';
    case 'SQLITE_FULL': return 'disk is full';
    case 'SQLITE_NOTADB': return 'not a SQLite database';
    case 'SQLITE_CORRUPT': return 'the database file is corrupt';
    default: {
      const msg = e instanceof Error ? e.message : String(err);
      return msg.split('\n')[0]!.trim() || String(e?.code ?? 'unknown error');
    }
  }
}
