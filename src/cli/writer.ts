// The single writer of a run: entries (articles, failed files, files seen unchanged) are gathered
// and written in batched transactions — a batch is written whole or not at all, so a kill never
// leaves a half-written row, and at most the last second of work is redone by the next run.
// A bulk run (an empty database, or many new articles) defers the full-text index to its end.
import { BATCH_SIZE, BATCH_MAX_MS, BULK_INDEX_AFTER } from '../settings.js';
import type { Entry, IndexProgress, SaveResult, Store } from '../store/index.js';

export type Written = (entry: Entry, result: SaveResult | null) => void | Promise<void>;

export class BatchWriter {
  private batch: Entry[] = [];
  private articles = 0;
  private since = performance.now();
  private stored = 0;
  private deferred = false;

  /** `bulkAfter`: new articles after which the index is deferred; Infinity never defers. */
  constructor(private readonly store: Store, private readonly onWritten: Written, private readonly bulkAfter = BULK_INDEX_AFTER) {
    // Nothing to search yet: indexing as we go would only make the load slower.
    if (bulkAfter !== Infinity && store.list({ limit: 1 }).length === 0) this.defer();
  }

  private defer(): void {
    this.store.deferIndex();
    this.deferred = true;
  }

  /** Queue one entry; writes the batch when it is full, or when it has waited long enough. */
  async add(entry: Entry): Promise<void> {
    this.batch.push(entry);
    if (entry.kind === 'article') this.articles++;
    // Articles cost far more to write than a file seen unchanged, hence two limits.
    if (this.articles >= BATCH_SIZE || this.batch.length >= BATCH_SIZE * 10 || performance.now() - this.since > BATCH_MAX_MS) await this.flush();
  }

  async flush(): Promise<void> {
    const batch = this.batch;
    this.batch = [];
    this.articles = 0;
    this.since = performance.now();
    if (batch.length === 0) return;
    const results = this.store.record(batch);
    for (let i = 0; i < batch.length; i++) {
      if (results[i]?.outcome === 'stored') this.stored++;
      await this.onWritten(batch[i]!, results[i] ?? null);
    }
    if (!this.deferred && this.stored >= this.bulkAfter) this.defer();
  }

  /**
   * After the last flush: indexes every article stored without index entries — this run's, and
   * any a stopped run left — a chunk at a time, yielding progress after each.
   */
  index(): Generator<IndexProgress, void, undefined> {
    return this.store.catchUpIndex();
  }
}
