// A damaged database file: whatever page is broken, every store operation either works or
// fails with a one-line StoreError naming the file (the CLI prints it and exits 3), never a raw
// SqliteError that the CLI reports as an internal error with a stack.
import { copyFileSync, openSync, closeSync, writeSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { contentHash } from '../../src/normalize/hash.js';
import { openStore, QueryError, StoreError } from '../../src/store/index.js';
import type { Article } from '../../src/types.js';
import { tempDir } from './helpers.js';

function article(i: number): Article {
  const headline = `Harbour works ${i} finish early`;
  const body = Array.from({ length: 6 }, (_, k) => `Paragraph ${k} of article ${i}: the harbour project reached stage ${k} ahead of plan, engineers said on Monday.`).join('\n\n');
  return {
    id: null, source: `pages/${i}.html`, format: 'html', url: `https://example.org/${i}`, tag: i % 2 ? 'Harbour' : 'City',
    headline, deck: null, byline: null, published: '2024-05-01', lang: 'en', body, word_count: 100,
    content_hash: contentHash(headline, body), ingested_at: null, provenance: { headline: 'h1' },
  };
}

/** Overwrite `pages` pages from page `at` with deterministic garbage. */
function damage(path: string, at: number, pages: number): void {
  const fd = openSync(path, 'r+');
  try {
    const junk = Buffer.alloc(4096 * pages);
    for (let i = 0; i < junk.length; i++) junk[i] = (i * 2654435761 + at) >>> 24;
    writeSync(fd, junk, 0, junk.length, 4096 * at);
  } finally {
    closeSync(fd);
  }
}

describe('a database damaged on disk', () => {
  const dir = tempDir();
  const good = join(dir, 'good.db');
  const store = openStore(good);
  for (let b = 0; b < 4; b++) store.saveBatch(Array.from({ length: 150 }, (_, i) => article(b * 150 + i)));
  store.close();
  const pages = Math.floor(statSync(good).size / 4096);

  const allowed = (err: unknown, path: string) => {
    expect(err instanceof StoreError || err instanceof QueryError, String(err)).toBe(true);
    expect((err as Error).message).not.toContain('\n');
    if (err instanceof StoreError) expect((err as Error).message).toContain(path);
  };
  const attempt = (fn: () => unknown, path: string) => {
    try {
      fn();
    } catch (err) {
      allowed(err, path);
    }
  };

  it.each([1, 3, Math.floor(pages / 4), Math.floor(pages / 2), pages - 3])('garbage from page %i: only one-line store errors', (at) => {
    const path = join(dir, `bad-${at}.db`);
    copyFileSync(good, path);
    damage(path, at, 3);
    for (const readonly of [false, true]) {
      let s: ReturnType<typeof openStore>;
      try {
        s = openStore(path, { readonly });
      } catch (err) {
        allowed(err, path);
        continue;
      }
      try {
        attempt(() => s.get(300), path);
        attempt(() => s.list({ limit: 1000 }), path);
        attempt(() => [...s.all()], path);
        attempt(() => s.stats(), path);
        attempt(() => s.count(), path);
        attempt(() => s.search('harbour', { limit: 50 }), path);
        if (!readonly) attempt(() => s.saveBatch([article(10_000), article(10_001)]), path);
      } finally {
        s.close();
      }
    }
  });
});
