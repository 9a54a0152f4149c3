// The sources table: every input file recorded with what became of it, and databases written by
// the previous release upgraded in place.
import { copyFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { LATEST_VERSION, NO_FACTS, openStore, type SourceInfo } from '../../src/store/index.js';
import { article, clock, tempDb } from './helpers.js';

const RELEASE_DB = resolve(import.meta.dirname, '../fixtures/db/v1-release-82ef5d6.db');

const src = (path: string, over: Partial<SourceInfo> = {}): SourceInfo => ({
  path, status: 'ok', error: null, settings: 's1', file: { size: 10, mtime_ms: 1000.5, sha256: 'ab'.repeat(32) }, ...over,
});

describe('sources: every file accounted for', () => {
  it('two files with the same article: one row, both files listed as its sources', () => {
    const store = openStore(tempDb());
    const a = article({ source: 'a/story.html' });
    const b = article({ source: 'b/story-copy.html' });
    const [ra, rb] = store.record([
      { kind: 'article', article: a, source: src('a/story.html') },
      { kind: 'article', article: b, source: src('b/story-copy.html') },
    ]);
    expect(ra).toEqual({ outcome: 'stored', id: 1 });
    expect(rb).toEqual({ outcome: 'unchanged', id: 1, duplicate: true });
    expect(store.count()).toBe(1);
    expect(store.sourcesOf(1).map((s) => [s.path, s.article_id, s.status])).toEqual([['a/story.html', 1, 'ok'], ['b/story-copy.html', 1, 'ok']]);
    expect(store.sourceStats()).toEqual({ total: 2, ok: 2, noBody: 0, failed: 0, sharedArticles: 1 });
    store.close();
  });

  it('files without an article are recorded with their status and reason', () => {
    const store = openStore(tempDb());
    store.record([
      { kind: 'failed', source: src('listing.html', { status: 'no_body', error: 'no article body found' }) },
      { kind: 'failed', source: src('broken.html', { status: 'error', error: 'binary file (PNG image), not text', file: NO_FACTS }) },
    ]);
    expect(store.listSources().map((s) => [s.path, s.status, s.error, s.article_id])).toEqual([
      ['broken.html', 'error', 'binary file (PNG image), not text', null],
      ['listing.html', 'no_body', 'no article body found', null],
    ]);
    expect(store.listSources({ status: 'error' }).map((s) => s.path)).toEqual(['broken.html']);
    expect(store.sourceStats()).toMatchObject({ total: 2, ok: 0, noBody: 1, failed: 1 });
    store.close();
  });

  it('a file seen again keeps first_seen and moves last_seen; an error keeps the article it held', () => {
    const c = clock();
    const store = openStore(tempDb(), { now: c.now });
    store.record([{ kind: 'article', article: article(), source: src('pages/budget.html') }]);
    c.advance(60_000);
    store.record([{ kind: 'seen', path: 'pages/budget.html', file: { mtime_ms: 2000 } }]);
    expect(store.source('pages/budget.html')).toMatchObject({
      first_seen: '2025-01-01T00:00:00.000Z', last_seen: '2025-01-01T00:01:00.000Z', mtime_ms: 2000, size: 10, article_id: 1,
    });
    store.record([{ kind: 'failed', source: src('pages/budget.html', { status: 'error', error: 'input/output error' }) }]);
    expect(store.source('pages/budget.html')).toMatchObject({ status: 'error', article_id: 1 });
    store.record([{ kind: 'failed', source: src('pages/budget.html', { status: 'no_body', error: 'no article body found' }) }]);
    expect(store.source('pages/budget.html')).toMatchObject({ status: 'no_body', article_id: null });
    expect(store.count()).toBe(1); // the article itself is never lost
    store.close();
  });

  it('a changed file takes its row with it, unless another file still holds that article', () => {
    const store = openStore(tempDb());
    const v1 = article({ source: 'a.html' });
    store.record([
      { kind: 'article', article: v1, source: src('a.html') },
      { kind: 'article', article: article({ source: 'b.html' }), source: src('b.html') },
    ]);
    // a.html changes: b.html still holds the old article, so a.html gets a row of its own.
    const [r] = store.record([{ kind: 'article', article: article({ source: 'a.html', body: 'A rewritten story.' }), source: src('a.html') }]);
    expect(r).toEqual({ outcome: 'stored', id: 2 });
    expect(store.get(1)!.body).toBe(v1.body);
    expect(store.sourcesOf(1).map((s) => s.path)).toEqual(['b.html']);
    // b.html changes too: article 1 is b.html's alone now, so it is updated in place.
    const [r2] = store.record([{ kind: 'article', article: article({ source: 'b.html', body: 'B rewritten.' }), source: src('b.html') }]);
    expect(r2).toEqual({ outcome: 'updated', id: 1 });
    expect(store.get(1)).toMatchObject({ source: 'b.html', body: 'B rewritten.' });
    expect(store.search('rewritten').map((h) => h.article.id).sort()).toEqual([1, 2]);
    expect(store.search('critics').length).toBe(0); // only the old bodies said it
    store.close();
  });

  it('deleting an article unlinks its sources instead of leaving a dangling id', () => {
    const store = openStore(tempDb());
    store.record([{ kind: 'article', article: article(), source: src('pages/budget.html') }]);
    expect(store.delete(1)).toBe(true);
    expect(store.source('pages/budget.html')).toMatchObject({ article_id: null });
    store.close();
  });

  it('no gaps in ids: files seen again do not use up AUTOINCREMENT ids', () => {
    const store = openStore(tempDb());
    store.saveBatch([article({ source: 'a' }), article({ source: 'b' }), article({ source: 'a' })]);
    const [r] = store.saveBatch([article({ source: 'c', body: 'Another one.' })]);
    expect(r!.id).toBe(2);
    store.close();
  });
});

describe('a database written by the previous release (schema 1, lede at 82ef5d6)', () => {
  it('is upgraded in place: rows kept, every stored path becomes a source of its row, search still right', () => {
    const path = tempDb();
    copyFileSync(RELEASE_DB, path);
    const before = new Database(path, { readonly: true });
    expect(before.pragma('user_version', { simple: true })).toBe(1);
    const rows = before.prepare('SELECT id, source, content_hash FROM articles ORDER BY id').all() as { id: number; source: string }[];
    before.close();
    expect(rows.length).toBe(9);

    const store = openStore(path);
    expect(store.count()).toBe(9);
    expect(store.listSources().map((s) => [s.path, s.article_id, s.status, s.size])).toEqual(
      [...rows].sort((a, b) => (a.source < b.source ? -1 : 1)).map((r) => [r.source, r.id, 'ok', null]),
    );
    expect(store.search('library').map((h) => h.article.source)).toEqual(['samples/library-reopens-clean.txt']);
    store.close();

    const db = new Database(path);
    expect(db.pragma('user_version', { simple: true })).toBe(LATEST_VERSION);
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    expect(() => db.prepare("INSERT INTO articles_fts (articles_fts, rank) VALUES ('integrity-check', 1)").run()).not.toThrow();
    db.close();
  });
});

describe('source paths', () => {
  it('paths are stored as given (relative stays relative)', () => {
    const store = openStore(tempDb());
    store.saveBatch([article({ source: join('rel', 'x.html') })]);
    expect(store.source('rel/x.html')).toBeDefined();
    store.close();
  });
});
