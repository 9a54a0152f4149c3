// Deferred full-text indexing. FTS5 indexes a row as it is inserted at about a tenth of the rate
// the table alone takes rows (each batch's commit flushes a small segment and merges), so a bulk
// load stores its rows without indexing them and indexes them together at the end, in a few
// large statements: about twice the end-to-end rate (bench/store-bench.ts).
//
// The state is one number in the database, `fts_deferred.indexed_through`, changed in the same
// transactions as the rows (schema version 4):
//   NULL  every article is indexed (the triggers index every write, as before);
//   N     every article with id <= N is indexed, every article above N is not.
// Ids only grow (AUTOINCREMENT), so rows a deferring run inserts are all above N; the triggers
// leave rows above N alone, and the catch-up indexes them in id order, moving N up in the same
// transaction. Whoever runs it (the run itself at its end, the next run, a search) and wherever a
// kill lands, the invariant holds, and a search first indexes what is missing (or refuses).
import type Database from 'better-sqlite3';

/** A chunk of the catch-up aims at this long a transaction: other writers wait for it (busy_timeout). */
const CHUNK_TARGET_MS = 1000;
const FIRST_CHUNK = 2000;
const MIN_CHUNK = 200;
const MAX_CHUNK = 50_000;

export interface IndexProgress {
  /** Rows indexed so far by this catch-up. */
  done: number;
  /** Rows it set out to index (those stored before it began). */
  total: number;
}

type Watermark = number | null;

/** Statements over fts_deferred, prepared once per connection. */
export class FtsBacklog {
  /** False for a file read as is at schema version 3: nothing there can be deferred. */
  readonly supported: boolean;
  private readonly mark: Database.Statement<[], Watermark> | null = null;
  private readonly above: Database.Statement<[number], number> | null = null;
  private readonly countAbove: Database.Statement<[number, number], number> | null = null;
  private readonly deferStmt: Database.Statement<[]> | null = null;
  private readonly newest: Database.Statement<[], number>;

  constructor(private readonly db: Database.Database) {
    this.supported = db.prepare("SELECT 1 FROM sqlite_schema WHERE type = 'table' AND name = 'fts_deferred'").pluck().get() !== undefined;
    this.newest = db.prepare<[], number>('SELECT coalesce(max(id), 0) FROM articles').pluck();
    if (!this.supported) return;
    this.mark = db.prepare<[], Watermark>('SELECT indexed_through FROM fts_deferred WHERE id = 1').pluck();
    this.above = db.prepare<[number], number>('SELECT EXISTS (SELECT 1 FROM articles WHERE id > ?)').pluck();
    this.countAbove = db.prepare<[number, number], number>('SELECT count(*) FROM articles WHERE id > ? AND id <= ?').pluck();
    this.deferStmt = db.prepare('UPDATE fts_deferred SET indexed_through = coalesce(indexed_through, (SELECT coalesce(max(id), 0) FROM articles)) WHERE id = 1');
  }

  private watermark(): Watermark {
    return this.mark?.get() ?? null;
  }

  /** True when some stored article is not in the index yet. */
  stale(): boolean {
    const w = this.watermark();
    return w !== null && this.above!.get(w) === 1;
  }

  /** How many stored articles are not in the index yet. */
  pending(): number {
    const w = this.watermark();
    return w === null ? 0 : this.countAbove!.get(w, Number.MAX_SAFE_INTEGER)!;
  }

  /**
   * Inside the caller's write transaction: rows inserted from now on are not indexed. Idempotent,
   * and a no-op while deferring already (N stays where the index really ends).
   */
  defer(): void {
    this.deferStmt?.run();
  }

  /**
   * Indexes, chunk by chunk (each its own IMMEDIATE transaction), every row stored before the call;
   * yields after each chunk, so a caller can report progress or stop (what is indexed stays indexed).
   * Rows stored meanwhile by a run still deferring are left to that run.
   */
  *catchUp(): Generator<IndexProgress, void, undefined> {
    if (!this.supported) return;
    const start = this.watermark();
    if (start === null) return;
    const target = this.newest.get()!;
    const total = this.countAbove!.get(start, target)!;
    const last = this.db.prepare<[number, number, number], number | null>(
      'SELECT max(id) FROM (SELECT id FROM articles WHERE id > ? AND id <= ? ORDER BY id LIMIT ?)').pluck();
    const index = this.db.prepare<[number, number]>(
      'INSERT INTO articles_fts (rowid, headline, deck, body) SELECT id, headline, deck, body FROM articles WHERE id > ? AND id <= ?');
    const move = this.db.prepare<[number, number]>(
      'UPDATE fts_deferred SET indexed_through = CASE WHEN EXISTS (SELECT 1 FROM articles WHERE id > ?) THEN ? ELSE NULL END WHERE id = 1');
    let chunk = FIRST_CHUNK;
    let done = 0;
    for (;;) {
      const t0 = performance.now();
      // Read N again under the write lock: another process may have indexed some of these meanwhile.
      const step = this.db.transaction((): { indexed: number; finished: boolean } => {
        const w = this.watermark();
        if (w === null) return { indexed: 0, finished: true };
        const upTo = last.get(w, target, chunk) ?? Math.max(w, target);
        const indexed = upTo > w ? index.run(w, upTo).changes : 0;
        move.run(upTo, upTo);
        return { indexed, finished: upTo >= target };
      }).immediate();
      done += step.indexed;
      yield { done: Math.min(done, total), total };
      if (step.finished) return;
      const ms = Math.max(performance.now() - t0, 1);
      chunk = Math.min(MAX_CHUNK, Math.max(MIN_CHUNK, Math.round((chunk * CHUNK_TARGET_MS) / ms)));
    }
  }

  /** The whole catch-up at once; returns the rows indexed. */
  complete(): number {
    let done = 0;
    for (const p of this.catchUp()) done = p.done;
    return done;
  }
}
