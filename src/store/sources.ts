// The `sources` table: one row per input file a run saw, with what became of it. Articles are
// identified by their content; files by their path. This is the link between the two, and what
// lets a re-run skip a file it has already read (same path, size, mtime and settings).
import type Database from 'better-sqlite3';

export type SourceStatus = 'ok' | 'no_body' | 'error';
export const SOURCE_STATUSES: readonly SourceStatus[] = ['ok', 'no_body', 'error'];

/** What was known about the file when it was read; null when unknown (stat failed, older databases). */
export interface FileFacts {
  size: number | null;
  /** fs.Stats.mtimeMs: compared for equality only, never for order. */
  mtime_ms: number | null;
  /** sha256 hex of the bytes as on disk (before gunzip). */
  sha256: string | null;
}

export const NO_FACTS: FileFacts = { size: null, mtime_ms: null, sha256: null };

/** One input file as a run reports it to the store. */
export interface SourceInfo {
  path: string;
  status: SourceStatus;
  error: string | null;
  file: FileFacts;
  /** Fingerprint of the lede version and the options the file was extracted with. */
  settings: string | null;
}

export interface SourceRow extends FileFacts {
  path: string;
  article_id: number | null;
  status: SourceStatus;
  error: string | null;
  settings: string | null;
  first_seen: string;
  last_seen: string;
}

export const SOURCE_COLUMNS = 'path, size, mtime_ms, sha256, article_id, status, error, settings, first_seen, last_seen';

export interface SourceListOptions {
  limit?: number;
  offset?: number;
  status?: SourceStatus;
}

export interface SourceStats {
  total: number;
  ok: number;
  noBody: number;
  failed: number;
  /** Articles that more than one file holds. */
  sharedArticles: number;
}

// An error says nothing about what the file holds (a read failed, a worker died), so the link to
// the article it held before is kept; "ok" and "no_body" say exactly what it holds now.
const UPSERT_SOURCE = `
  INSERT INTO sources (path, size, mtime_ms, sha256, article_id, status, error, settings, first_seen, last_seen)
  VALUES (@path, @size, @mtime_ms, @sha256, @article_id, @status, @error, @settings, @now, @now)
  ON CONFLICT (path) DO UPDATE SET
    size = excluded.size, mtime_ms = excluded.mtime_ms, sha256 = excluded.sha256,
    article_id = CASE WHEN excluded.status = 'error' THEN sources.article_id ELSE excluded.article_id END,
    status = excluded.status, error = excluded.error, settings = excluded.settings, last_seen = excluded.last_seen`;

/** Statements over `sources`, prepared once per connection. Writes run inside the caller's transaction. */
export class Sources {
  private readonly getStmt: Database.Statement<[string], SourceRow>;
  private readonly ofArticle: Database.Statement<[number], SourceRow>;
  private readonly upsertStmt: Database.Statement<[Record<string, unknown>]> | null;
  private readonly seenStmt: Database.Statement<[Record<string, unknown>]> | null;
  private readonly sharedStmt: Database.Statement<[number, string], number>;
  private readonly listCache = new Map<string, Database.Statement<[Record<string, unknown>], SourceRow>>();
  private readonly statsStmt: Database.Statement<[], Omit<SourceStats, 'sharedArticles'>>;
  private readonly sharedCount: Database.Statement<[], number>;

  constructor(private readonly db: Database.Database) {
    this.getStmt = db.prepare(`SELECT ${SOURCE_COLUMNS} FROM sources WHERE path = ?`);
    this.ofArticle = db.prepare(`SELECT ${SOURCE_COLUMNS} FROM sources WHERE article_id = ? ORDER BY path`);
    this.sharedStmt = db.prepare<[number, string], number>('SELECT 1 FROM sources WHERE article_id = ? AND path <> ? LIMIT 1').pluck();
    this.statsStmt = db.prepare(`SELECT count(*) AS total, count(*) FILTER (WHERE status = 'ok') AS ok,
      count(*) FILTER (WHERE status = 'no_body') AS noBody, count(*) FILTER (WHERE status = 'error') AS failed FROM sources`);
    this.sharedCount = db.prepare<[], number>(
      'SELECT count(*) FROM (SELECT article_id FROM sources WHERE article_id IS NOT NULL GROUP BY article_id HAVING count(*) > 1)').pluck();
    this.upsertStmt = db.readonly ? null : db.prepare(UPSERT_SOURCE);
    // A file seen again unchanged: only the facts that may have moved without the bytes changing
    // (a touched file keeps its hash) and the time it was seen.
    this.seenStmt = db.readonly ? null : db.prepare(`UPDATE sources SET size = coalesce(@size, size), mtime_ms = coalesce(@mtime_ms, mtime_ms),
      last_seen = @now WHERE path = @path`);
  }

  get(path: string): SourceRow | undefined {
    return this.getStmt.get(path);
  }

  of(articleId: number): SourceRow[] {
    return this.ofArticle.all(articleId);
  }

  /** Whether a file other than `path` holds this article. */
  sharedWithOthers(articleId: number, path: string): boolean {
    return this.sharedStmt.get(articleId, path) !== undefined;
  }

  upsert(s: SourceInfo, articleId: number | null, now: string): void {
    this.upsertStmt!.run({ path: s.path, ...s.file, article_id: articleId, status: s.status, error: s.error, settings: s.settings, now });
  }

  seen(path: string, file: Partial<FileFacts>, now: string): void {
    this.seenStmt!.run({ path, size: file.size ?? null, mtime_ms: file.mtime_ms ?? null, now });
  }

  list(opts: SourceListOptions = {}): SourceRow[] {
    const key = opts.status ? 'status' : '';
    let stmt = this.listCache.get(key);
    if (!stmt) {
      stmt = this.db.prepare(`SELECT ${SOURCE_COLUMNS} FROM sources ${opts.status ? 'WHERE status = @status' : ''} ORDER BY path LIMIT @limit OFFSET @offset`);
      this.listCache.set(key, stmt);
    }
    return stmt.all({ limit: opts.limit ?? -1, offset: opts.offset ?? 0, ...(opts.status ? { status: opts.status } : {}) });
  }

  stats(): SourceStats {
    return { ...this.statsStmt.get()!, sharedArticles: this.sharedCount.get()! };
  }
}
