// `lede --version`: lede's version and the SQLite (with its FTS5) it actually runs on — the
// bundled SQLite decides tokenizer behaviour and file compatibility, so bug reports need it.
import { createRequire } from 'node:module';
import Database from 'better-sqlite3';
import { VERSION } from '../version.js';

export function versionText(): string {
  const db = new Database(':memory:');
  try {
    const { sqlite, fts5 } = db.prepare("SELECT sqlite_version() AS sqlite, fts5_source_id() AS fts5").get() as { sqlite: string; fts5: string };
    // fts5_source_id() is "fts5: <date> <time> <hash>": the check-in FTS5 was built from.
    const [date, time, hash] = fts5.replace(/^fts5:\s*/, '').split(/\s+/);
    const driver = (createRequire(import.meta.url)('better-sqlite3/package.json') as { version: string }).version;
    return [
      `lede ${VERSION}`,
      `SQLite ${sqlite}, FTS5 ${date} ${time} ${hash?.slice(0, 12) ?? ''}`.trimEnd(),
      `better-sqlite3 ${driver}, Node.js ${process.versions.node}`,
    ].join('\n');
  } finally {
    db.close();
  }
}
