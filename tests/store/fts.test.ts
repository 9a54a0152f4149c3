// The deferred full-text index (src/store/fts.ts): a bulk load stores rows without index entries
// and indexes them at the end; search is right after a bulk run, after an incremental one, after a
// kill between batches and the catch-up, and while another connection is still deferring.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { openStore, StoreError, type Store } from '../../src/store/index.js';
import { article, tempDb } from './helpers.js';

const ROOT = join(import.meta.dirname, '..', '..');

/** FTS5's own check: throws when the index and the table disagree (a row missing from the index included). */
function indexMatchesTable(path: string): boolean {
  const db = new Database(path);
  try {
    db.exec("INSERT INTO articles_fts (articles_fts, rank) VALUES ('integrity-check', 1)");
    return true;
  } catch {
    return false;
  } finally {
    db.close();
  }
}

/** What the index alone says, as sqlite-utils or Datasette would ask it, without lede's catch-up. */
function rawMatch(path: string, term: string): number[] {
  const db = new Database(path, { readonly: true });
  const ids = db.prepare('SELECT rowid FROM articles_fts WHERE articles_fts MATCH ? ORDER BY rowid').pluck().all(term) as number[];
  db.close();
  return ids;
}

const watermark = (path: string): number | null => {
  const db = new Database(path, { readonly: true });
  const w = db.prepare('SELECT indexed_through FROM fts_deferred').pluck().get() as number | null;
  db.close();
  return w;
};

/** n articles, each with its own word (`w<tag><i>`) and a word they share (`shared<tag>`). */
const batch = (tag: string, n: number, from = 0) =>
  Array.from({ length: n }, (_, k) => {
    const i = from + k;
    return article({ source: `${tag}/${i}.txt`, headline: `Story ${tag} ${i}`, body: `Body of w${tag}${i} with shared${tag} words.`, deck: null });
  });

const hits = (s: Store, q: string) => s.search(q, { limit: 10_000 }).map((h) => h.article.source).sort();

describe('a bulk load into an empty database', () => {
  it('stores rows without index entries, and the catch-up indexes all of them in chunks', () => {
    const path = tempDb();
    const s = openStore(path);
    s.deferIndex();
    for (let b = 0; b < 5; b++) s.saveBatch(batch('a', 600, b * 600));
    expect(s.unindexed()).toBe(3000);
    expect(rawMatch(path, 'sharedA')).toEqual([]); // nothing indexed row by row
    expect(indexMatchesTable(path)).toBe(false);

    const steps = [...s.catchUpIndex()];
    expect(steps.length).toBeGreaterThan(1); // 2,000 rows in the first chunk
    expect(steps.at(-1)).toEqual({ done: 3000, total: 3000 });
    expect(steps.map((p) => p.done)).toEqual([...steps.map((p) => p.done)].sort((x, y) => x - y));
    expect(s.unindexed()).toBe(0);
    expect(watermark(path)).toBeNull();
    expect(hits(s, 'sharedA')).toHaveLength(3000);
    expect(hits(s, 'wa2999')).toEqual(['a/2999.txt']);
    // After the catch-up the triggers index every write again.
    s.saveBatch(batch('b', 3));
    expect(rawMatch(path, 'sharedB')).toHaveLength(3);
    s.close();
    expect(indexMatchesTable(path)).toBe(true);
  });
});

describe('an incremental bulk run over an indexed database', () => {
  it('indexes only the new rows; old rows changed, re-indexed and deleted meanwhile stay right', () => {
    const path = tempDb();
    const s = openStore(path);
    const old = s.saveBatch(batch('o', 20));
    s.deferIndex();
    s.saveBatch(batch('n', 30));
    expect(s.unindexed()).toBe(30);
    // An old file changed: its row is indexed, so its new text is indexed at once and the old forgotten.
    s.saveBatch([article({ source: 'o/3.txt', headline: 'Story o 3', body: 'Rewritten about lighthouses.', deck: null })]);
    expect(rawMatch(path, 'lighthouses')).toEqual([old[3]!.id]);
    expect(rawMatch(path, 'wo3')).toEqual([]);
    // A new row changed before the catch-up, and rows deleted on either side of the line.
    s.saveBatch([article({ source: 'n/5.txt', headline: 'Story n 5', body: 'Now about ferries.', deck: null })]);
    const newIds = s.list({ limit: 100 }).filter((a) => a.source.startsWith('n/')).map((a) => a.id!);
    expect(s.delete(old[7]!.id)).toBe(true);
    expect(s.delete(newIds[9]!)).toBe(true);
    expect(indexMatchesTable(path)).toBe(false);

    expect([...s.catchUpIndex()].at(-1)).toEqual({ done: 29, total: 29 });
    expect(indexMatchesTable(path)).toBe(true);
    expect(hits(s, 'ferries')).toEqual(['n/5.txt']);
    expect(hits(s, 'wn5')).toEqual([]);
    expect(hits(s, 'sharedN')).toHaveLength(28); // 30, one rewritten, one deleted
    expect(hits(s, 'sharedO')).toHaveLength(18);
    expect(hits(s, 'wn9')).toEqual([]);
    s.close();
  });
});

describe('search never misses a stored article', () => {
  it('a search on a store that is deferring indexes the backlog first', () => {
    const path = tempDb();
    const s = openStore(path);
    s.deferIndex();
    s.saveBatch(batch('a', 10));
    expect(hits(s, 'sharedA')).toHaveLength(10);
    expect(s.unindexed()).toBe(0);
    s.close();
    expect(indexMatchesTable(path)).toBe(true);
  });

  it('a run still deferring and a reader catching up in between keep the index exact', () => {
    const path = tempDb();
    const writer = openStore(path);
    writer.deferIndex();
    writer.saveBatch(batch('a', 50));
    const reader = openStore(path, { readonly: true });
    expect(hits(reader, 'sharedA')).toHaveLength(50); // indexed through a writable connection of its own
    writer.saveBatch(batch('a', 50, 50)); // the writer goes on deferring
    expect(writer.unindexed()).toBe(50);
    expect(hits(reader, 'sharedA')).toHaveLength(100);
    writer.saveBatch(batch('a', 50, 100));
    expect([...writer.catchUpIndex()].at(-1)).toEqual({ done: 50, total: 50 });
    expect(hits(reader, 'sharedA')).toHaveLength(150);
    reader.close();
    writer.close();
    expect(indexMatchesTable(path)).toBe(true);
  });

  it('a store opened never to write refuses to search a stale index, in one line naming the file', () => {
    const path = tempDb();
    const s = openStore(path);
    s.deferIndex();
    s.saveBatch(batch('a', 4));
    s.close();
    const r = openStore(path, { readonly: true, upgrade: false });
    expect(() => r.search('sharedA')).toThrow(StoreError);
    expect(() => r.search('sharedA')).toThrow(/^cannot search database ".*lede\.db": 4 articles are not in its full-text index yet .*; run lede ingest/);
    expect(r.list()).toHaveLength(4); // everything else reads as usual
    r.close();
  });
});

describe('a kill -9 between batches and the catch-up', () => {
  it('leaves every committed row stored; the next search indexes them and finds them all', async () => {
    const dist = join(ROOT, 'dist', 'store', 'index.js');
    if (!existsSync(dist)) {
      console.warn('skipping the kill -9 test: dist/ not built (npm test builds it)');
      return;
    }
    const path = tempDb();
    openStore(path).saveBatch(batch('o', 5)); // an indexed database, as before a bulk run
    // A bulk run in another process: three batches committed, then it waits to be killed before its catch-up.
    const script = `
      import { openStore } from ${JSON.stringify(dist)};
      const s = openStore(${JSON.stringify(path)});
      s.deferIndex();
      const mk = (i) => ({ id: null, source: 'k/' + i + '.txt', format: 'text', url: null, tag: null, headline: 'Killed ' + i,
        deck: null, byline: null, published: null, lang: 'en', body: 'Body wk' + i + ' sharedk.', word_count: 3,
        content_hash: 'hash-' + i, ingested_at: null, provenance: {} });
      for (let b = 0; b < 3; b++) s.saveBatch(Array.from({ length: 100 }, (_, k) => mk(b * 100 + k)));
      process.stdout.write('ready\\n');
      setInterval(() => {}, 1000);`;
    const child = spawn(process.execPath, ['--input-type=module', '-e', script], { stdio: ['ignore', 'pipe', 'inherit'] });
    await new Promise<void>((resolve, reject) => {
      child.stdout.on('data', (d: Buffer) => { if (d.toString().includes('ready')) resolve(); });
      child.on('exit', (code) => reject(new Error(`child exited early (${code})`)));
    });
    const exited = new Promise((r) => child.on('exit', r));
    child.kill('SIGKILL');
    await exited;

    expect(watermark(path)).toBe(5);
    expect(rawMatch(path, 'sharedk')).toEqual([]);
    const s = openStore(path, { readonly: true });
    expect(s.unindexed()).toBe(300);
    expect(hits(s, 'sharedk')).toHaveLength(300);
    expect(hits(s, 'wk299')).toEqual(['k/299.txt']);
    expect(hits(s, 'sharedO')).toHaveLength(5);
    expect(s.unindexed()).toBe(0);
    s.close();
    expect(watermark(path)).toBeNull();
    expect(indexMatchesTable(path)).toBe(true);
  });
});
