import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { openStore, StoreError, type Store } from '../../src/store/index.js';
import type { Article, Format } from '../../src/types.js';
import { article, clock, tempDb } from './helpers.js';

function fresh(c = clock()): { store: Store; path: string; c: ReturnType<typeof clock> } {
  const path = tempDb();
  return { store: openStore(path, { now: c.now }), path, c };
}

describe('saveBatch: re-ingest semantics', () => {
  it('stores new articles and returns their ids in order', () => {
    const { store } = fresh();
    const a = article();
    const b = article({ source: 'pages/other.html', headline: 'Storm closes bridge', body: 'The bridge closed at noon.' });
    const res = store.saveBatch([a, b]);
    expect(res.map((r) => r.outcome)).toEqual(['stored', 'stored']);
    expect(store.get(res[0]!.id)!.headline).toBe(a.headline);
    expect(store.get(res[1]!.id)!.headline).toBe(b.headline);
    store.close();
  });

  it('round-trips every field; ingested_at is the time of first storage, in ISO 8601 UTC', () => {
    const { store } = fresh(clock('2025-03-04T05:06:07.000Z'));
    const a = article({ provenance: { tag: 'breadcrumb', headline: 'json-ld' } });
    const { id } = store.saveBatch([a])[0]!;
    expect(store.get(id)).toEqual({ ...a, id, ingested_at: '2025-03-04T05:06:07.000Z' });
    store.close();
  });

  it('the same file again is unchanged and adds no row', () => {
    const { store } = fresh();
    const [first] = store.saveBatch([article()]);
    const [again] = store.saveBatch([article()]);
    expect(again).toEqual({ outcome: 'unchanged', id: first!.id });
    expect(store.count()).toBe(1);
    store.close();
  });

  it('the same content with corrected metadata is updated in place; ingested_at is kept', () => {
    const { store, path, c } = fresh();
    const [first] = store.saveBatch([article({ tag: null, deck: null })]);
    c.advance(60_000);
    const fixed = article({ tag: 'Politics', deck: 'Council votes next week', provenance: { tag: 'kicker', deck: 'h2' } });
    const [second] = store.saveBatch([fixed]);
    expect(second).toEqual({ outcome: 'updated', id: first!.id });
    expect(store.count()).toBe(1);
    const row = store.get(first!.id)!;
    expect([row.tag, row.deck, row.provenance]).toEqual(['Politics', 'Council votes next week', { tag: 'kicker', deck: 'h2' }]);
    expect(row.ingested_at).toBe('2025-01-01T00:00:00.000Z');
    store.close();
    const db = new Database(path, { readonly: true });
    expect(db.prepare('SELECT updated_at FROM articles').pluck().get()).toBe('2025-01-01T00:01:00.000Z');
    db.close();
  });

  it.each<[string, Partial<Article>]>([
    ['url', { url: 'https://example.org/budget?amp' }],
    ['byline', { byline: null }],
    ['published', { published: '2024-05-02T09:00:00Z' }],
    ['lang', { lang: 'en-US' }],
    ['format', { format: 'markdown' as Format }],
    ['word_count', { word_count: 99 }],
  ])('a change of %s alone counts as updated', (_field, over) => {
    const { store } = fresh();
    store.saveBatch([article()]);
    expect(store.saveBatch([article(over)])[0]!.outcome).toBe('updated');
    expect(store.saveBatch([article(over)])[0]!.outcome).toBe('unchanged');
    store.close();
  });

  it('provenance listed in another key order is not a change', () => {
    const { store } = fresh();
    store.saveBatch([article({ provenance: { headline: 'h1', body: 'score' } })]);
    expect(store.saveBatch([article({ provenance: { body: 'score', headline: 'h1' } })])[0]!.outcome).toBe('unchanged');
    store.close();
  });

  it('a changed file at the same path replaces its row in place (one row per file)', () => {
    const { store } = fresh();
    const [first] = store.saveBatch([article()]);
    const edited = article({ body: 'The mayor said on Friday that the budget protects schools and parks.' });
    const [second] = store.saveBatch([edited]);
    expect(second).toEqual({ outcome: 'updated', id: first!.id });
    expect(store.count()).toBe(1);
    expect(store.get(first!.id)!.content_hash).toBe(edited.content_hash);
    expect(store.get(first!.id)!.body).toBe(edited.body);
    store.close();
  });

  it('the same content under another path is a duplicate: unchanged, first row untouched', () => {
    const { store } = fresh();
    const [first] = store.saveBatch([article()]);
    const [dup] = store.saveBatch([article({ source: 'mirror/budget.txt', format: 'text', tag: null })]);
    expect(dup).toEqual({ outcome: 'unchanged', id: first!.id, duplicate: true });
    // …and the copy is recorded as a second source of the row, not nowhere.
    expect(store.sourcesOf(first!.id).map((s) => s.path)).toEqual(['mirror/budget.txt', 'pages/budget.html']);
    expect(store.count()).toBe(1);
    expect(store.get(first!.id)).toMatchObject({ source: 'pages/budget.html', format: 'html', tag: 'Politics' });
    // …and it stays that way: re-running both never flip-flops between them.
    expect(store.saveBatch([article(), article({ source: 'mirror/budget.txt', format: 'text', tag: null })]).map((r) => r.outcome))
      .toEqual(['unchanged', 'unchanged']);
    store.close();
  });

  it('identical articles within one batch do not error: stored once, then unchanged', () => {
    const { store } = fresh();
    const res = store.saveBatch([article(), article(), article({ source: 'copy.html' })]);
    expect(res.map((r) => r.outcome)).toEqual(['stored', 'unchanged', 'unchanged']);
    expect(new Set(res.map((r) => r.id)).size).toBe(1);
    expect(store.count()).toBe(1);
    store.close();
  });

  it('stdin ("-") never identifies a row: two different stdin articles are two rows', () => {
    const { store } = fresh();
    const res = store.saveBatch([article({ source: '-' }), article({ source: '-', body: 'Another story, read from a pipe.' })]);
    expect(res.map((r) => r.outcome)).toEqual(['stored', 'stored']);
    expect(store.count()).toBe(2);
    store.close();
  });

  it('an article first read from stdin adopts the real path when the file is ingested later', () => {
    const { store } = fresh();
    const [first] = store.saveBatch([article({ source: '-' })]);
    expect(store.saveBatch([article()])[0]).toEqual({ outcome: 'updated', id: first!.id });
    expect(store.get(first!.id)!.source).toBe('pages/budget.html');
    // The reverse (a file's content piped in again) is just a duplicate.
    expect(store.saveBatch([article({ source: '-' })])[0]!.outcome).toBe('unchanged');
    expect(store.get(first!.id)!.source).toBe('pages/budget.html');
    store.close();
  });

  it('a path that has a row of its own does not adopt a stdin row', () => {
    const { store } = fresh();
    const [stdin] = store.saveBatch([article({ source: '-' })]);
    const [own] = store.saveBatch([article({ body: 'What the file held before.' })]);
    // Now the file holds what was piped in earlier.
    const [again] = store.saveBatch([article()]);
    expect(again).toEqual({ outcome: 'unchanged', id: stdin!.id, duplicate: true });
    expect(store.get(stdin!.id)!.source).toBe('-');
    expect(store.get(own!.id)!.source).toBe('pages/budget.html');
    store.close();
  });
});

describe('saveBatch: one batch is one transaction', () => {
  it('a failing row mid-batch rolls back the rows before it and names the bad input', () => {
    const { store } = fresh();
    const ok1 = article({ source: 'a.html', body: 'First good article body.' });
    const bad = article({ source: 'b.html', body: 'Broken article body.', format: 'pdf' as Format });
    const ok2 = article({ source: 'c.html', body: 'Third good article body.' });
    let err: unknown;
    try {
      store.saveBatch([ok1, bad, ok2]);
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(StoreError);
    expect((err as Error).message).toMatch(/"b\.html".*CHECK constraint failed/);
    expect(store.count()).toBe(0);
    expect(store.search('article').length).toBe(0);
    // The connection is usable afterwards.
    expect(store.saveBatch([ok1, ok2]).map((r) => r.outcome)).toEqual(['stored', 'stored']);
    store.close();
  });

  it('a failing update mid-batch leaves the earlier update undone too', () => {
    const { store } = fresh();
    store.saveBatch([article()]);
    expect(() => store.saveBatch([article({ tag: 'Changed' }), article({ source: 'x', content_hash: '' })])).toThrow(StoreError);
    expect(store.list()[0]!.tag).toBe('Politics');
    store.close();
  });

  it('an empty batch is a no-op', () => {
    const { store } = fresh();
    expect(store.saveBatch([])).toEqual([]);
    store.close();
  });
});
