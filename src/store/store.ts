// The Store the CLI talks to: one connection, statements prepared once, one transaction per batch.
import type Database from 'better-sqlite3';
import type { Article } from '../types.js';
import { QueryError, reasonOf, StoreError } from './errors.js';
import { FtsBacklog, type IndexProgress } from './fts.js';
import { openDatabase, type OpenOptions } from './open.js';
import { Queries, type ListOptions, type Stats } from './queries.js';
import { ROW_COLUMNS, rowToArticle, type ArticleRow } from './rows.js';
import { Saver, STDIN_SOURCE, type SaveResult } from './save.js';
import { Searcher, type SearchHit, type SearchOptions } from './search.js';
import { NO_FACTS, Sources, type FileFacts, type SourceInfo, type SourceListOptions, type SourceRow, type SourceStats } from './sources.js';

/** One input of a run, as the writer hands it to the store. */
export type Entry =
  /** An article, from a file (`source`) or from stdin (`source` null). */
  | { kind: 'article'; article: Article; source: SourceInfo | null }
  /** A file that gave no article: no body, or an error (named in `source`). */
  | { kind: 'failed'; source: SourceInfo }
  /** A file unchanged since the last run, not extracted again: only its facts and last_seen move. */
  | { kind: 'seen'; path: string; file: Partial<FileFacts> };

export interface Store {
  readonly path: string;
  /** One transaction for the whole batch; returns one outcome per article, in order, plus the row id. */
  saveBatch(articles: Article[]): SaveResult[];
  /**
   * One transaction for the whole batch: articles stored and every file recorded in `sources`.
   * One result per entry, in order (null for entries that store no article).
   */
  record(entries: Entry[]): (SaveResult | null)[];
  /** What the last run recorded about a file, for skipping it when it has not changed. */
  source(path: string): SourceRow | undefined;
  /** Every file that gave this article, by path. */
  sourcesOf(articleId: number): SourceRow[];
  listSources(opts?: SourceListOptions): SourceRow[];
  sourceStats(): SourceStats;
  get(id: number): Article | null;
  list(opts?: ListOptions): Article[];
  /**
   * Ranked full-text hits. Articles stored without index entries (a bulk run still going, or
   * stopped) are indexed first, through a writable connection if this one is read-only; where the
   * file cannot be written, a StoreError says so rather than a search that misses them.
   */
  search(query: string, opts?: SearchOptions): SearchHit[];
  /**
   * From now on this store's batches add new articles without indexing them for search, for a bulk
   * load; `catchUpIndex` (or the next search) indexes them. A no-op on a file read at version 3.
   */
  deferIndex(): void;
  /** Articles not in the full-text index yet (0 when it is complete). */
  unindexed(): number;
  /**
   * Indexes the articles stored without index entries, a chunk per transaction, yielding after
   * each; stopping early keeps what is done, and the rest is done by the next catch-up or search.
   */
  catchUpIndex(): Generator<IndexProgress, void, undefined>;
  /**
   * Every article by id, one row at a time, for export of huge databases. While it is being
   * iterated the connection is busy: finish (or break out of) the loop before other calls.
   */
  all(): IterableIterator<Article>;
  stats(): Stats;
  count(): number;
  /** Removes one article (and its index entries); false when there is no such id. */
  delete(id: number): boolean;
  close(): void;
}

export interface StoreOptions extends OpenOptions {
  /** The clock for ingested_at/updated_at; tests pass a fixed one. */
  now?: () => Date;
}

class SqliteStore implements Store {
  private readonly saver: Saver | null;
  private readonly searcher: Searcher;
  private readonly queries: Queries;
  private readonly getStmt: Database.Statement<[number], ArticleRow>;
  private readonly allStmt: Database.Statement<[], ArticleRow>;
  private readonly deleteStmt: Database.Statement<[number]> | null;
  private readonly sources: Sources;
  private readonly writeBatch: ((entries: Entry[], now: string) => (SaveResult | null)[]) | null;
  private readonly backlog: FtsBacklog;
  private deferring = false;
  private closed = false;

  constructor(
    readonly path: string,
    private readonly db: Database.Database,
    private readonly now: () => Date,
    private readonly opts: OpenOptions = {},
  ) {
    this.searcher = new Searcher(db);
    this.backlog = new FtsBacklog(db);
    this.queries = new Queries(db);
    this.getStmt = db.prepare(`SELECT ${ROW_COLUMNS} FROM articles WHERE id = ?`);
    this.allStmt = db.prepare(`SELECT ${ROW_COLUMNS} FROM articles ORDER BY id`);
    const sources = new Sources(db);
    this.sources = sources;
    if (db.readonly) {
      this.saver = null;
      this.deleteStmt = null;
      this.writeBatch = null;
    } else {
      const saver = new Saver(db, sources);
      this.saver = saver;
      this.deleteStmt = db.prepare('DELETE FROM articles WHERE id = ?');
      const one = (e: Entry, now: string): SaveResult | null => {
        switch (e.kind) {
          case 'article': return saver.save(e.article, e.source, now);
          case 'failed': sources.upsert(e.source, null, now); return null;
          case 'seen': sources.seen(e.path, e.file, now); return null;
        }
      };
      const backlog = this.backlog;
      const tx = db.transaction((entries: Entry[], now: string) => {
        // Every batch, not once: another run finishing its catch-up may have ended the deferral.
        if (this.deferring) backlog.defer();
        return entries.map((e) => {
          try {
            return one(e, now);
          } catch (err) {
            // Thrown inside the transaction, so every earlier row of the batch is rolled back too.
            const name = e.kind === 'article' ? e.article.source : e.kind === 'failed' ? e.source.path : e.path;
            throw new StoreError(`cannot store "${name}" in database "${path}": ${reasonOf(err)}`);
          }
        });
      });
      // IMMEDIATE takes the write lock at BEGIN, where busy_timeout applies. A deferred transaction
      // that reads first and writes later can fail at once with SQLITE_BUSY when another lede run
      // committed in between, whatever the timeout.
      this.writeBatch = tx.immediate;
    }
  }

  private writable(what: string): void {
    if (this.closed) throw new StoreError(`database "${this.path}" is closed`);
    if (!this.writeBatch) throw new StoreError(`cannot ${what} in database "${this.path}": it was opened read-only`);
  }

  /** Articles without file facts: each path is recorded as a source with size, mtime and hash unknown. */
  saveBatch(articles: Article[]): SaveResult[] {
    const entries: Entry[] = articles.map((a) => ({
      kind: 'article',
      article: a,
      source: a.source === STDIN_SOURCE ? null : { path: a.source, status: 'ok', error: null, file: NO_FACTS, settings: null },
    }));
    return this.record(entries) as SaveResult[];
  }

  record(entries: Entry[]): (SaveResult | null)[] {
    this.writable('store articles');
    if (entries.length === 0) return [];
    try {
      return this.writeBatch!(entries, this.now().toISOString());
    } catch (err) {
      if (err instanceof StoreError) throw err;
      throw new StoreError(`cannot write to database "${this.path}": ${reasonOf(err)}`);
    }
  }

  source(path: string): SourceRow | undefined {
    return this.read(() => this.sources.get(path));
  }

  sourcesOf(articleId: number): SourceRow[] {
    return this.read(() => this.sources.of(articleId));
  }

  listSources(opts?: SourceListOptions): SourceRow[] {
    return this.read(() => this.sources.list(opts));
  }

  sourceStats(): SourceStats {
    return this.read(() => this.sources.stats());
  }

  /**
   * A read that SQLite refuses (a page damaged after the file was opened, an I/O error) becomes
   * a one-line StoreError naming the file, never an internal error with a stack.
   */
  private read<T>(fn: () => T): T {
    try {
      return fn();
    } catch (err) {
      if (err instanceof StoreError || err instanceof QueryError) throw err;
      throw new StoreError(`cannot read database "${this.path}": ${reasonOf(err)}`);
    }
  }

  get(id: number): Article | null {
    return this.read(() => {
      const row = this.getStmt.get(id);
      return row ? rowToArticle(row) : null;
    });
  }

  list(opts?: ListOptions): Article[] {
    return this.read(() => this.queries.list(opts));
  }

  search(query: string, opts?: SearchOptions): SearchHit[] {
    if (this.read(() => this.backlog.stale())) this.indexBeforeSearch();
    return this.read(() => this.searcher.search(query, opts));
  }

  /** Rows stored after the index: index them (here, or through a writable connection), or refuse. */
  private indexBeforeSearch(): void {
    const missing = this.unindexed();
    const refuse = (why: string) => new StoreError(
      `cannot search database "${this.path}": ${missing} articles are not in its full-text index yet (an ingest is running, or was stopped before it finished) ` +
        `and ${why}; run lede ingest or lede search once where the file can be written`);
    if (!this.db.readonly) {
      try {
        this.backlog.complete();
      } catch (err) {
        throw refuse(`indexing them failed (${reasonOf(err)})`);
      }
      return;
    }
    if (this.opts.upgrade === false) throw refuse('this store was opened not to write');
    let writer: Database.Database;
    try {
      writer = openDatabase(this.path, { busyTimeoutMs: this.opts.busyTimeoutMs });
    } catch (err) {
      throw refuse(`the file cannot be written here (${(err instanceof Error ? err.message : String(err)).replace(/^cannot open database "[^"]*"( for writing)?: /, '').replace(/ \(reading commands[^)]*\)$/, '')})`);
    }
    try {
      new FtsBacklog(writer).complete();
    } catch (err) {
      throw refuse(`indexing them failed (${reasonOf(err)})`);
    } finally {
      writer.close();
    }
  }

  deferIndex(): void {
    this.writable('store articles');
    this.deferring = this.backlog.supported;
  }

  unindexed(): number {
    return this.read(() => this.backlog.pending());
  }

  *catchUpIndex(): Generator<IndexProgress, void, undefined> {
    this.writable('index articles');
    this.deferring = false;
    const steps = this.backlog.catchUp();
    for (;;) {
      let next: IteratorResult<IndexProgress, void>;
      try {
        next = steps.next();
      } catch (err) {
        throw new StoreError(`cannot index articles in database "${this.path}": ${reasonOf(err)}`);
      }
      if (next.done) return;
      yield next.value;
    }
  }

  *all(): IterableIterator<Article> {
    const rows = this.read(() => this.allStmt.iterate());
    try {
      for (;;) {
        const next = this.read(() => rows.next());
        if (next.done) return;
        yield rowToArticle(next.value);
      }
    } finally {
      // A caller that stops early must free the statement (and with it the connection).
      rows.return?.();
    }
  }

  stats(): Stats {
    return this.read(() => this.queries.stats());
  }

  count(): number {
    return this.read(() => this.queries.count());
  }

  delete(id: number): boolean {
    this.writable('delete articles');
    try {
      return this.deleteStmt!.run(id).changes > 0;
    } catch (err) {
      throw new StoreError(`cannot write to database "${this.path}": ${reasonOf(err)}`);
    }
  }

  close(): void {
    if (this.closed) return;
    this.closed = true;
    if (!this.db.readonly) {
      // Lets SQLite refresh its planner statistics when they have gone stale; cheap when they have not.
      try {
        this.db.pragma('optimize');
      } catch {
        // Best effort: a busy or read-only file must not turn a successful run into a failure.
      }
    }
    this.db.close();
  }
}

export function openStore(path: string, opts: StoreOptions = {}): Store {
  const db = openDatabase(path, opts);
  try {
    return new SqliteStore(path, db, opts.now ?? (() => new Date()), opts);
  } catch (err) {
    // Preparing the statements reads the schema (the FTS table's own shadow tables included):
    // a file damaged past its header fails here, and must say so instead of printing a stack.
    db.close();
    throw new StoreError(`cannot open database "${path}": it is damaged (${reasonOf(err)})`);
  }
}
