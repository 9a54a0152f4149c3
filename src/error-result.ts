// The result line for an input that could not be processed at all. Its own module so that the
// main thread of a batch run, which only reads folders and writes SQLite, can name a failure
// without loading the extraction stack (the workers load it).
import type { ExtractResult } from './types.js';

export function errorResult(source: string, reason: string): ExtractResult {
  return {
    id: null, source, format: null, url: null, tag: null, headline: null, deck: null, byline: null,
    published: null, lang: null, body: '', word_count: 0, content_hash: '', ingested_at: null, provenance: {},
    status: 'error', error: reason,
  };
}
