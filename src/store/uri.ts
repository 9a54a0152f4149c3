// better-sqlite3 reads SQLITE_USE_URI once, when its native addon loads (at the first connection),
// and is built with URIs off. The store needs one URI, `file:…?immutable=1`, to read databases in
// read-only folders (open.ts). Plain paths mean the same with URIs on; only a name starting with
// "file:" would change meaning, and openDatabase never passes a user's path in that form.
process.env.SQLITE_USE_URI ??= '1';
export {};
