// Helpers for the sharding tests (--from-jsonl, merge): a mixed folder and a dump of a database
// that leaves out only what differs between machines and runs (row ids, clock times, file facts
// that JSON Lines do not carry).
import { copyFileSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import Database from 'better-sqlite3';
import { articleText } from '../robustness/helpers.js';

const SAMPLES = resolve(import.meta.dirname, '../../samples');

/**
 * The repo samples (HTML, text, Markdown, legacy encodings), generated articles, a duplicate of
 * one of them under another name (one article, two sources), an empty file (a failure) and a
 * listing page with no article body.
 */
export function mixedFolder(dir: string, generated = 20): string {
  mkdirSync(join(dir, 'b'), { recursive: true });
  for (const f of readdirSync(SAMPLES)) copyFileSync(join(SAMPLES, f), join(dir, f));
  for (let i = 0; i < generated; i++) writeFileSync(join(dir, i % 2 ? 'b' : '', `gen-${String(i).padStart(3, '0')}.txt`), articleText(i, 'harbour'));
  writeFileSync(join(dir, 'b', 'zz-copy-of-gen-000.txt'), articleText(0, 'harbour'));
  writeFileSync(join(dir, 'empty.txt'), '');
  writeFileSync(join(dir, 'listing.html'), '<html><body><ul>' + Array.from({ length: 30 }, (_, i) => `<li><a href="/a${i}">Story ${i}</a></li>`).join('') + '</ul></body></html>');
  return dir;
}

export interface DbDump {
  articles: Record<string, unknown>[];
  sources: Record<string, unknown>[];
}

/**
 * Every article (all columns but id and ingested_at) in id order, and every source (path, status,
 * error, the content_hash of its article) by path: equal dumps mean the same rows, the same
 * folding of duplicates and the same order of ids.
 */
export function dumpDb(path: string): DbDump {
  const db = new Database(path, { readonly: true });
  try {
    const articles = db.prepare('SELECT source, format, url, tag, headline, deck, byline, published, lang, body, word_count, content_hash, provenance FROM articles ORDER BY id').all() as Record<string, unknown>[];
    const sources = db.prepare(`SELECT s.path, s.status, s.error, a.content_hash AS article
      FROM sources s LEFT JOIN articles a ON a.id = s.article_id ORDER BY s.path`).all() as Record<string, unknown>[];
    return { articles, sources };
  } finally {
    db.close();
  }
}

/** Runs an FTS5 query against the database's index: rowids' content hashes, sorted. */
export function ftsHits(path: string, query: string): string[] {
  const db = new Database(path, { readonly: true });
  try {
    return (db.prepare('SELECT a.content_hash FROM articles_fts f JOIN articles a ON a.id = f.rowid WHERE articles_fts MATCH ?').pluck().all(query) as string[]).sort();
  } finally {
    db.close();
  }
}
