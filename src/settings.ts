// Limits and defaults in one place, so they are easy to find and to reason about together.

/** Past this, a "page" is a data file or a mistake, and parsing it would stall a batch. */
export const MAX_INPUT_BYTES = 50 * 1024 * 1024;

/** Articles per SQLite transaction: large enough to amortise the commit, small enough to lose little on a crash. */
export const BATCH_SIZE = 500;

/**
 * A run that has stored this many new articles (or that began on an empty database) stores the
 * rest without indexing each for search, and indexes them together at the end: FTS5 takes rows
 * about ten times slower one batch at a time than the table does (src/store/fts.ts).
 */
export const BULK_INDEX_AFTER = 1000;

/** A batch is written at the latest this long after its first entry, however few it holds. */
export const BATCH_MAX_MS = 1000;

/** Files read ahead of extraction, to overlap disk reads with parsing. */
export const READ_AHEAD = 8;

export const DEFAULT_DB = 'lede.db';

/**
 * Documents sent to an extraction worker at once: the one it extracts and the next, so it starts
 * that one without waiting for the main thread to take a result and send more.
 */
export const WORKER_DEPTH = 2;

/** One document's extraction time limit in batch runs (worker threads); past it the document fails. */
export const EXTRACT_TIMEOUT_MS = 120_000;

/**
 * Heap cap per extraction worker. V8 sizes a heap's growth by its cap: under 2 GB it collects
 * sooner, and a bulk ingest of 3 KB dumps held 110–130 MB per worker instead of ~65 MB (live:
 * ~30 MB). A 45 MB HTML page still fits; a document that runs a worker out of this is tried
 * once more in a worker of its own with WORKER_RETRY_HEAP_MB.
 */
export const WORKER_HEAP_MB = 512;

/**
 * Heap cap for that second try. A parsed 50 MiB page needs well under this; a page that needs
 * more fails alone ("worker died") instead of taking the machine's memory with it at -j 8.
 */
export const WORKER_RETRY_HEAP_MB = 2048;

/**
 * Young generation per extraction worker. V8's default (48 MB) is sized for one big heap; each
 * worker keeps it mostly full of garbage between scavenges, and at -j 2 that was a fifth of the
 * run's RSS. Half the size costs no measurable CPU on dumps or HTML (5,000 bench dumps: peak RSS
 * 280–305 → 247–250 MB; user CPU within the run-to-run noise).
 */
export const WORKER_YOUNG_MB = 24;
