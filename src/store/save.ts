// Writing articles: the re-ingest rules ("safe to re-run: nothing lost, nothing duplicated").
//
//   same content_hash, same source, same metadata  → unchanged
//   same content_hash, same source, other metadata → updated in place (a better extractor fixes old rows)
//   same content_hash, another source               → unchanged (a duplicate; the first row stays as it is,
//                                                     otherwise two copies would overwrite each other on
//                                                     every run and never settle)
//   same content_hash, stored from stdin ("-")      → updated: the row adopts the real path, unless that
//                                                     path already has a row of its own
//   new content_hash, a path that already has a row → updated in place (one row per file; ingested_at kept)
//   new content_hash otherwise                      → stored
import type Database from 'better-sqlite3';
import type { Article } from '../types.js';
import { articleParams } from './rows.js';

export type SaveOutcome = 'stored' | 'updated' | 'unchanged';

export interface SaveResult {
  outcome: SaveOutcome;
  id: number;
}

/** The source of an article read from standard input: it names no file, so it identifies no row. */
export const STDIN_SOURCE = '-';

/** Metadata that a re-ingest may correct; headline and body are covered by content_hash itself. */
const META = ['format', 'url', 'tag', 'headline', 'deck', 'byline', 'published', 'lang', 'word_count', 'provenance'] as const;

const INSERT_COLUMNS = ['source', ...META, 'body', 'content_hash'] as const;

// UPSERT on content_hash. DO UPDATE only when the stored row belongs to the same source (or adopts
// it, see above) and something differs, so an unchanged re-run writes nothing and RETURNING yields
// no row. Never INSERT OR REPLACE: it deletes the old row (new id, and an external-content FTS
// index keeps the deleted row's tokens).
const UPSERT_SQL = `
  INSERT INTO articles (${INSERT_COLUMNS.join(', ')}, ingested_at)
  VALUES (${INSERT_COLUMNS.map((c) => '@' + c).join(', ')}, @now)
  ON CONFLICT (content_hash) DO UPDATE SET
    source = excluded.source,
    ${META.map((c) => `${c} = excluded.${c}`).join(',\n    ')},
    updated_at = @now
  WHERE (articles.source = excluded.source OR @adopt = 1)
    AND (articles.source IS NOT excluded.source
         OR ${META.map((c) => `articles.${c} IS NOT excluded.${c}`).join('\n         OR ')})
  RETURNING id`;

// A changed file: its row takes the new content. The triggers re-index it.
const REPLACE_SQL = `
  UPDATE articles SET
    ${[...META, 'body', 'content_hash'].map((c) => `${c} = @${c}`).join(',\n    ')},
    updated_at = @now
  WHERE id = @id`;

interface Existing {
  id: number;
  source: string;
}

/** Prepared once per connection; `save` runs inside the caller's transaction. */
export class Saver {
  private readonly byHash: Database.Statement<[string], Existing>;
  private readonly bySource: Database.Statement<[string], { id: number }>;
  private readonly upsert: Database.Statement<[Record<string, unknown>], { id: number }>;
  private readonly replace: Database.Statement<[Record<string, unknown>]>;

  constructor(db: Database.Database) {
    this.byHash = db.prepare('SELECT id, source FROM articles WHERE content_hash = ?');
    // The newest row of a path, should a path hold several (a file that once matched another's content).
    this.bySource = db.prepare('SELECT id FROM articles WHERE source = ? ORDER BY id DESC LIMIT 1');
    this.upsert = db.prepare(UPSERT_SQL);
    this.replace = db.prepare(REPLACE_SQL);
  }

  save(a: Article, now: string): SaveResult {
    const params = articleParams(a);
    const isPath = a.source !== STDIN_SOURCE;
    const existing = this.byHash.get(a.content_hash);
    if (existing) {
      const adopt = existing.source === STDIN_SOURCE && isPath && this.bySource.get(a.source) === undefined;
      const row = this.upsert.get({ ...params, now, adopt: adopt ? 1 : 0 });
      return row ? { outcome: 'updated', id: row.id } : { outcome: 'unchanged', id: existing.id };
    }
    const atPath = isPath ? this.bySource.get(a.source) : undefined;
    if (atPath) {
      this.replace.run({ ...params, now, id: atPath.id });
      return { outcome: 'updated', id: atPath.id };
    }
    const row = this.upsert.get({ ...params, now, adopt: 0 });
    // Cannot be undefined: the hash was absent a moment ago inside this same write transaction.
    return { outcome: 'stored', id: row!.id };
  }
}
