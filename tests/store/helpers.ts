// Shared fixtures for the store tests: throwaway database folders and articles built like the
// pipeline builds them (content_hash from headline + body).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach } from 'vitest';
import { contentHash } from '../../src/normalize/hash.js';
import type { Article } from '../../src/types.js';

const dirs: string[] = [];

/** A fresh folder under the OS temp dir, removed after each test. */
export function tempDir(): string {
  const d = mkdtempSync(join(tmpdir(), 'lede-store-'));
  dirs.push(d);
  return d;
}

export const tempDb = (): string => join(tempDir(), 'lede.db');

afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

/** An article; headline/body changes recompute the hash, as toArticle would. */
export function article(over: Partial<Article> = {}): Article {
  const headline = over.headline !== undefined ? over.headline : 'Mayor defends city budget';
  const body = over.body ?? 'The mayor said on Friday that the budget protects schools.\n\nCritics disagreed.';
  return {
    id: null,
    source: 'pages/budget.html',
    format: 'html',
    url: 'https://example.org/budget',
    tag: 'Politics',
    deck: 'Council votes next week',
    byline: 'A. Writer',
    published: '2024-05-01',
    lang: 'en',
    word_count: body.split(/\s+/).length,
    ingested_at: null,
    provenance: { headline: 'h1', body: 'score' },
    ...over,
    headline,
    body,
    content_hash: over.content_hash ?? contentHash(headline, body),
  };
}

/** A fixed clock, advanced by hand, so timestamps can be asserted. */
export function clock(start = '2025-01-01T00:00:00.000Z') {
  let t = new Date(start).getTime();
  return { now: () => new Date(t), advance: (ms: number) => void (t += ms) };
}
