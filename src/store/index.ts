// The store's public face: everything the CLI needs, from one import.
export { StoreError, QueryError } from './errors.js';
export type { SaveOutcome, SaveResult } from './save.js';
export { STDIN_SOURCE } from './save.js';
export type { SearchHit, SearchOptions, SnippetPart } from './search.js';
export { DEFAULT_SEARCH_LIMIT } from './search.js';
export type { ListOptions, Stats, StatsBucket } from './queries.js';
export type { Entry, Store, StoreOptions } from './store.js';
export type { IndexProgress } from './fts.js';
export type { FileFacts, SourceInfo, SourceListOptions, SourceRow, SourceStats, SourceStatus } from './sources.js';
export { NO_FACTS, SOURCE_STATUSES } from './sources.js';
export { openStore } from './store.js';
export { LATEST_VERSION } from './migrations.js';
export { DEFAULT_BUSY_TIMEOUT_MS } from './open.js';
