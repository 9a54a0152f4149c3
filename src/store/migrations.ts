// The schema, as an ordered list of migrations. `PRAGMA user_version` records the last one
// applied; a migration is never edited once released — a change is a new entry at the end.
import type Database from 'better-sqlite3';
import { reasonOf, StoreError } from './errors.js';

export interface Migration {
  version: number;
  /** What the step does, for error messages. */
  name: string;
  sql: string;
  /**
   * True when a reader of the new schema can query a file still at the previous version as is
   * (the step changes nothing a read touches): a read-only file then stays readable unupgraded.
   */
  readCompatible?: boolean;
}

/**
 * Marks the file as a lede database (PRAGMA application_id, "lede" in ASCII), so we can tell our
 * own files from someone else's SQLite database passed by mistake with --db.
 */
export const APPLICATION_ID = 0x6c656465;

export const MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    name: 'articles table, indexes and full-text index',
    sql: `
      -- One row per article. Column names are the JSON keys the CLI prints (src/types.ts).
      -- AUTOINCREMENT so an id a user has seen ("lede show 42") never names another article later.
      CREATE TABLE articles (
        id           INTEGER PRIMARY KEY AUTOINCREMENT,
        source       TEXT NOT NULL,
        format       TEXT NOT NULL CHECK (format IN ('html', 'text', 'markdown')),
        url          TEXT,
        tag          TEXT,
        headline     TEXT,
        deck         TEXT,
        byline       TEXT,
        published    TEXT,
        lang         TEXT,
        body         TEXT NOT NULL,
        word_count   INTEGER NOT NULL CHECK (word_count >= 0),
        content_hash TEXT NOT NULL UNIQUE CHECK (content_hash <> ''),
        ingested_at  TEXT NOT NULL,
        provenance   TEXT NOT NULL DEFAULT '{}' CHECK (json_valid(provenance)),
        updated_at   TEXT
      );
      -- source: re-ingesting a changed file finds that path's row. tag and lang: list filters
      -- (tag compared without case, as users type it). published: --since and date ordering.
      CREATE INDEX articles_source ON articles (source);
      CREATE INDEX articles_tag ON articles (tag COLLATE NOCASE);
      CREATE INDEX articles_published ON articles (published);
      CREATE INDEX articles_lang ON articles (lang);

      -- External-content FTS5 index: the text lives once, in articles; the index holds tokens only.
      -- unicode61 folds case; remove_diacritics 2 folds Latin accents (resume finds résumé, Sao
      -- finds São). categories adds the combining marks (M*) to the default L* N* Co: without them
      -- the vowel signs of Devanagari, Thai, Bengali… count as separators and a Hindi word is
      -- indexed as loose consonants. What works for CJK is in src/store/README.md.
      CREATE VIRTUAL TABLE articles_fts USING fts5(
        headline, deck, body,
        content = 'articles', content_rowid = 'id',
        tokenize = 'unicode61 remove_diacritics 2 categories ''L* N* Co M*'''
      );

      -- Triggers keep the index in step with the table. An external-content index can only forget
      -- a row if it is told the exact old values, hence the 'delete' command with old.*.
      CREATE TRIGGER articles_fts_insert AFTER INSERT ON articles BEGIN
        INSERT INTO articles_fts (rowid, headline, deck, body) VALUES (new.id, new.headline, new.deck, new.body);
      END;
      CREATE TRIGGER articles_fts_delete AFTER DELETE ON articles BEGIN
        INSERT INTO articles_fts (articles_fts, rowid, headline, deck, body) VALUES ('delete', old.id, old.headline, old.deck, old.body);
      END;
      -- Only when indexed text really changed: a metadata fix (tag, url, provenance…) must not
      -- re-tokenize a long body.
      CREATE TRIGGER articles_fts_update AFTER UPDATE OF id, headline, deck, body ON articles
      WHEN old.id IS NOT new.id OR old.headline IS NOT new.headline OR old.deck IS NOT new.deck OR old.body IS NOT new.body
      BEGIN
        INSERT INTO articles_fts (articles_fts, rowid, headline, deck, body) VALUES ('delete', old.id, old.headline, old.deck, old.body);
        INSERT INTO articles_fts (rowid, headline, deck, body) VALUES (new.id, new.headline, new.deck, new.body);
      END;
    `,
  },
  {
    version: 2,
    name: 'full-text index declared so sqlite-utils and Datasette recognise it',
    readCompatible: true,
    // sqlite-utils and Datasette find a table's FTS index by matching the CREATE text against
    // content="<table>" or content=[<table>] (no spaces, those quotes): version 1 wrote
    // content = 'articles', which they read as "not configured for full-text search". The
    // tokenizer, columns and triggers are unchanged; the index is rebuilt from articles.
    sql: `
      DROP TRIGGER IF EXISTS articles_fts_insert;
      DROP TRIGGER IF EXISTS articles_fts_delete;
      DROP TRIGGER IF EXISTS articles_fts_update;
      DROP TABLE IF EXISTS articles_fts;
      CREATE VIRTUAL TABLE articles_fts USING fts5(
        headline, deck, body,
        content="articles", content_rowid="id",
        tokenize = 'unicode61 remove_diacritics 2 categories ''L* N* Co M*'''
      );
      INSERT INTO articles_fts (articles_fts) VALUES ('rebuild');
      -- The same three triggers as version 1 (a released migration is never shared or edited).
      CREATE TRIGGER articles_fts_insert AFTER INSERT ON articles BEGIN
        INSERT INTO articles_fts (rowid, headline, deck, body) VALUES (new.id, new.headline, new.deck, new.body);
      END;
      CREATE TRIGGER articles_fts_delete AFTER DELETE ON articles BEGIN
        INSERT INTO articles_fts (articles_fts, rowid, headline, deck, body) VALUES ('delete', old.id, old.headline, old.deck, old.body);
      END;
      CREATE TRIGGER articles_fts_update AFTER UPDATE OF id, headline, deck, body ON articles
      WHEN old.id IS NOT new.id OR old.headline IS NOT new.headline OR old.deck IS NOT new.deck OR old.body IS NOT new.body
      BEGIN
        INSERT INTO articles_fts (articles_fts, rowid, headline, deck, body) VALUES ('delete', old.id, old.headline, old.deck, old.body);
        INSERT INTO articles_fts (rowid, headline, deck, body) VALUES (new.id, new.headline, new.deck, new.body);
      END;
    `,
  },
  {
    version: 3,
    name: 'sources table: every file a run saw',
    sql: `
      -- One row per input file, whatever became of it, so no input is ever recorded nowhere: two
      -- files holding the same article point to one articles row and both are listed here. The
      -- size, mtime and settings let a re-run skip a file without reading it; sha256 (of the bytes
      -- as on disk) lets --verify and a touched-but-unchanged file skip extraction.
      CREATE TABLE sources (
        path       TEXT PRIMARY KEY,
        size       INTEGER,
        mtime_ms   REAL,
        sha256     TEXT,
        article_id INTEGER REFERENCES articles (id) ON DELETE SET NULL,
        status     TEXT NOT NULL CHECK (status IN ('ok', 'no_body', 'error')),
        error      TEXT,
        settings   TEXT,
        first_seen TEXT NOT NULL,
        last_seen  TEXT NOT NULL
      );
      CREATE INDEX sources_article ON sources (article_id);

      -- Databases from before: each stored path becomes a source of its (newest) row. Size, mtime
      -- and hash are unknown, so the next run reads these files once more and fills them in.
      INSERT INTO sources (path, article_id, status, first_seen, last_seen)
        SELECT source, max(id), 'ok', min(ingested_at), max(coalesce(updated_at, ingested_at))
        FROM articles WHERE source <> '-' GROUP BY source;
    `,
  },
  {
    version: 4,
    name: 'full-text index deferrable for bulk loads',
    // Readers query nothing new: a file still at version 3 has no deferred rows, and the search
    // code treats a missing fts_deferred table as "every row is indexed".
    readCompatible: true,
    sql: `
      -- Bulk loads store rows without indexing them one by one, and index them together at the end
      -- (src/store/fts.ts). One row, one fact: NULL means every article is in articles_fts;
      -- a number N means every article with id <= N is indexed and every article above it is not.
      -- It changes in the same transactions as the rows, so a run killed half-way leaves it exact,
      -- and the next run or search indexes what is missing before anyone searches.
      CREATE TABLE fts_deferred (
        id              INTEGER PRIMARY KEY CHECK (id = 1),
        indexed_through INTEGER
      );
      INSERT INTO fts_deferred (id, indexed_through) VALUES (1, NULL);

      -- The triggers of version 2, touching the index only for rows it holds (or is meant to
      -- hold): an id above indexed_through is left to the catch-up. Without the row (someone
      -- deleted it) every row is indexed, as before.
      DROP TRIGGER articles_fts_insert;
      DROP TRIGGER articles_fts_delete;
      DROP TRIGGER articles_fts_update;
      CREATE TRIGGER articles_fts_insert AFTER INSERT ON articles
      WHEN new.id <= coalesce((SELECT indexed_through FROM fts_deferred WHERE id = 1), 9223372036854775807)
      BEGIN
        INSERT INTO articles_fts (rowid, headline, deck, body) VALUES (new.id, new.headline, new.deck, new.body);
      END;
      CREATE TRIGGER articles_fts_delete AFTER DELETE ON articles
      WHEN old.id <= coalesce((SELECT indexed_through FROM fts_deferred WHERE id = 1), 9223372036854775807)
      BEGIN
        INSERT INTO articles_fts (articles_fts, rowid, headline, deck, body) VALUES ('delete', old.id, old.headline, old.deck, old.body);
      END;
      CREATE TRIGGER articles_fts_update AFTER UPDATE OF id, headline, deck, body ON articles
      WHEN old.id IS NOT new.id OR old.headline IS NOT new.headline OR old.deck IS NOT new.deck OR old.body IS NOT new.body
      BEGIN
        INSERT INTO articles_fts (articles_fts, rowid, headline, deck, body)
          SELECT 'delete', old.id, old.headline, old.deck, old.body
          WHERE old.id <= coalesce((SELECT indexed_through FROM fts_deferred WHERE id = 1), 9223372036854775807);
        INSERT INTO articles_fts (rowid, headline, deck, body)
          SELECT new.id, new.headline, new.deck, new.body
          WHERE new.id <= coalesce((SELECT indexed_through FROM fts_deferred WHERE id = 1), 9223372036854775807);
      END;
    `,
  },
];

export const LATEST_VERSION = MIGRATIONS.reduce((v, m) => Math.max(v, m.version), 0);

export function userVersion(db: Database.Database): number {
  return db.pragma('user_version', { simple: true }) as number;
}

/**
 * Applies every migration newer than the file's user_version, each in its own IMMEDIATE
 * transaction with the version bump, so a crash leaves the file at a whole version. The version
 * is re-read under the write lock: two lede runs opening a fresh file at once must not both run
 * step 1. A failing step throws a StoreError naming the file and the step.
 */
export function migrate(db: Database.Database, migrations: readonly Migration[] = MIGRATIONS): void {
  for (const m of [...migrations].sort((a, b) => a.version - b.version)) {
    if (userVersion(db) >= m.version) continue;
    try {
      db.transaction(() => {
        if (userVersion(db) >= m.version) return;
        db.exec(m.sql);
        if (m.version === 1) db.pragma(`application_id = ${APPLICATION_ID}`);
        db.pragma(`user_version = ${m.version}`);
      }).immediate();
    } catch (err) {
      throw new StoreError(`cannot upgrade database "${db.name}" to schema version ${m.version} (${m.name}): ${reasonOf(err)}`);
    }
  }
}
