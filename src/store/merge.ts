// Reading a shard database for `lede merge`: every file it recorded, in the order it recorded
// them, as the entries a run would have handed the store — so writing them into another
// database folds duplicates, links sources and indexes for search exactly as one run over all
// the files would have. The shard is opened read-only and never changed.
import type Database from 'better-sqlite3';
import type { Entry } from './store.js';
import { openDatabase } from './open.js';
import { ROW_COLUMNS, rowToArticle, type ArticleRow } from './rows.js';
import type { SourceStatus } from './sources.js';

interface SourceJoin {
  path: string;
  size: number | null;
  mtime_ms: number | null;
  sha256: string | null;
  status: SourceStatus;
  error: string | null;
  settings: string | null;
  article_id: number | null;
}

export interface Shard {
  readonly path: string;
  /** Articles and sources in the shard (for the summary). */
  readonly counts: { articles: number; sources: number };
  entries(): Generator<Entry>;
  close(): void;
}

/**
 * Opens a shard read-only; a file that is not a lede database, from a newer lede, or at an older
 * schema (it would have to be upgraded in place) is refused with a one-line StoreError.
 */
export function openShard(path: string): Shard {
  const db: Database.Database = openDatabase(path, { readonly: true, upgrade: false });
  const count = (sql: string) => db.prepare(sql).pluck().get() as number;
  const counts = { articles: count('SELECT count(*) FROM articles'), sources: count('SELECT count(*) FROM sources') };
  return {
    path,
    counts,
    *entries(): Generator<Entry> {
      // Sources in the order they were first recorded (rowid), which is the order the shard's run
      // met the files: the first source of each article creates it, so ids come out in that order.
      const sources = db.prepare<[], SourceJoin>(
        'SELECT path, size, mtime_ms, sha256, status, error, settings, article_id FROM sources ORDER BY rowid').iterate();
      const article = db.prepare<[number], ArticleRow>(`SELECT ${ROW_COLUMNS} FROM articles WHERE id = ?`);
      // Articles no file gave (stdin): placed among the others by id.
      const sourceless = db.prepare<[], ArticleRow>(
        `SELECT ${ROW_COLUMNS} FROM articles a WHERE NOT EXISTS (SELECT 1 FROM sources s WHERE s.article_id = a.id) ORDER BY id`).iterate();
      let nextSourceless = sourceless.next();
      const sourcelessBefore = function* (id: number): Generator<Entry> {
        while (!nextSourceless.done && nextSourceless.value.id < id) {
          yield { kind: 'article', article: { ...rowToArticle(nextSourceless.value), id: null, ingested_at: null }, source: null };
          nextSourceless = sourceless.next();
        }
      };
      for (const s of sources) {
        const file = { size: s.size, mtime_ms: s.mtime_ms, sha256: s.sha256 };
        const info = { path: s.path, status: s.status, error: s.error, settings: s.settings, file };
        if (s.status === 'ok' && s.article_id !== null) {
          const row = article.get(s.article_id);
          if (row) {
            yield* sourcelessBefore(row.id);
            // As the run that met this file handed it over: the article named by this file.
            yield { kind: 'article', article: { ...rowToArticle(row), id: null, ingested_at: null, source: s.path }, source: info };
            continue;
          }
        }
        // A file that gave no article (or whose article was deleted since): recorded as it failed.
        yield { kind: 'failed', source: { ...info, status: s.status === 'ok' ? 'error' : s.status, error: s.status === 'ok' ? (s.error ?? 'its article is not in the shard any more') : s.error } };
      }
      yield* sourcelessBefore(Number.MAX_SAFE_INTEGER);
    },
    close: () => db.close(),
  };
}
