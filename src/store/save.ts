// Writing articles: the re-ingest rules ("safe to re-run: nothing lost, nothing duplicated").
// An article is identified by its content (content_hash), a file by its path; every file is
// recorded in `sources` with the article it holds, so a file whose article another file already
// gave is a second source of that row, never a file recorded nowhere.
//
//   same content_hash, same source, same metadata  → unchanged
//   same content_hash, same source, other metadata → updated in place (a better extractor fixes old rows)
//   same content_hash, another source               → unchanged, and the file is listed as a second
//                                                     source (the row's own metadata stays: otherwise two
//                                                     copies would overwrite each other on every run)
//   same content_hash, stored from stdin ("-")      → updated: the row adopts the real path, unless that
//                                                     path already has a row of its own
//   new content_hash at a path whose article no other file holds → updated in place (one row per file;
//                                                     ingested_at kept)
//   new content_hash otherwise (a new file, or one that shared its article with another file) → stored
import type Database from 'better-sqlite3';
import type { Article } from '../types.js';
import { articleParams } from './rows.js';
import type { Sources, SourceInfo } from './sources.js';

export type SaveOutcome = 'stored' | 'updated' | 'unchanged';

export interface SaveResult {
  outcome: SaveOutcome;
  id: number;
  /** The article was first stored from another file; this one is listed as a further source of it. */
  duplicate?: true;
}

/** The source of an article read from standard input: it names no file, so it identifies no row. */
export const STDIN_SOURCE = '-';

/** Metadata that a re-ingest may correct; headline and body are covered by content_hash itself. */
const META = ['format', 'url', 'tag', 'headline', 'deck', 'byline', 'published', 'lang', 'word_count', 'provenance'] as const;

const INSERT_COLUMNS = ['source', ...META, 'body', 'content_hash'] as const;

// The row with this content_hash, corrected only when it belongs to the same source (or adopts
// it, see above) and something differs, so an unchanged re-run writes nothing and RETURNING yields
// no row. A plain UPDATE by id, not an UPSERT: an INSERT that ends in DO UPDATE still uses up an
// AUTOINCREMENT id, and every file seen again would leave a gap in the ids. Never INSERT OR
// REPLACE: it deletes the old row (new id, and an external-content FTS index keeps its tokens).
const CORRECT_SQL = `
  UPDATE articles SET
    source = @source,
    ${META.map((c) => `${c} = @${c}`).join(',\n    ')},
    updated_at = @now
  WHERE id = @id
    AND (source = @source OR @adopt = 1)
    AND (source IS NOT @source
         OR ${META.map((c) => `${c} IS NOT @${c}`).join('\n         OR ')})
  RETURNING id`;

const INSERT_SQL = `
  INSERT INTO articles (${INSERT_COLUMNS.join(', ')}, ingested_at)
  VALUES (${INSERT_COLUMNS.map((c) => '@' + c).join(', ')}, @now)
  RETURNING id`;

// A changed file: its row takes the new content (and the path, should the row have come from a
// file that holds something else by now). The triggers re-index it.
const REPLACE_SQL = `
  UPDATE articles SET
    ${['source', ...META, 'body', 'content_hash'].map((c) => `${c} = @${c}`).join(',\n    ')},
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
  private readonly correct: Database.Statement<[Record<string, unknown>], { id: number }>;
  private readonly insert: Database.Statement<[Record<string, unknown>], { id: number }>;
  private readonly replace: Database.Statement<[Record<string, unknown>]>;

  constructor(db: Database.Database, private readonly sources: Sources) {
    this.byHash = db.prepare('SELECT id, source FROM articles WHERE content_hash = ?');
    // The newest row of a path, should a path hold several (a file that once matched another's content).
    this.bySource = db.prepare('SELECT id FROM articles WHERE source = ? ORDER BY id DESC LIMIT 1');
    this.correct = db.prepare(CORRECT_SQL);
    this.insert = db.prepare(INSERT_SQL);
    this.replace = db.prepare(REPLACE_SQL);
  }

  /** Stores an article read from `source` (null: stdin) and records the file as one of its sources. */
  save(a: Article, source: SourceInfo | null, now: string): SaveResult {
    const result = this.saveArticle(a, source?.path ?? null, now);
    if (source) this.sources.upsert(source, result.id, now);
    return result;
  }

  private saveArticle(a: Article, path: string | null, now: string): SaveResult {
    const params = articleParams(a);
    const existing = this.byHash.get(a.content_hash);
    if (existing) {
      const adopt = existing.source === STDIN_SOURCE && path !== null && this.bySource.get(path) === undefined;
      const row = this.correct.get({ ...params, now, id: existing.id, adopt: adopt ? 1 : 0 });
      const result: SaveResult = { outcome: row ? 'updated' : 'unchanged', id: existing.id };
      if (path !== null && existing.source !== path && !adopt) result.duplicate = true;
      return result;
    }
    // New content. The row this file gave last time takes it, unless another file still holds
    // that article: then the two files part ways and this one gets a row of its own.
    const before = path !== null ? this.sources.get(path)?.article_id ?? this.bySource.get(path)?.id : undefined;
    if (before != null && !this.sources.sharedWithOthers(before, path!)) {
      this.replace.run({ ...params, now, id: before });
      return { outcome: 'updated', id: before };
    }
    return { outcome: 'stored', id: this.insert.get({ ...params, now })!.id };
  }
}
