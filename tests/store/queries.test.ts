import { describe, expect, it } from 'vitest';
import { openStore, QueryError, type Store } from '../../src/store/index.js';
import { article, tempDb } from './helpers.js';

function sample(): Store {
  const s = openStore(':memory:');
  s.saveBatch([
    article({ source: '1.html', body: 'One.', tag: 'Politics', lang: 'en', published: '2024-01-10', word_count: 100 }),
    article({ source: '2.txt', body: 'Two.', format: 'text', tag: 'politics', lang: 'en-GB', published: '2024-03-01T08:00:00Z', word_count: 200 }),
    article({ source: '3.md', body: 'Three.', format: 'markdown', tag: 'Sport', lang: 'de', published: null, word_count: 300 }),
    article({ source: '4.html', body: 'Four.', tag: null, lang: null, published: '2024-06-30', word_count: 400 }),
    article({ source: '5.html', body: 'Five.', tag: null, lang: 'english', published: '2023-12-31', word_count: 0 }),
  ]);
  return s;
}

const sources = (xs: { source: string }[]) => xs.map((x) => x.source);

describe('list', () => {
  it('lists everything in ingest order by default, newest first on request', () => {
    const s = sample();
    expect(sources(s.list())).toEqual(['1.html', '2.txt', '3.md', '4.html', '5.html']);
    expect(sources(s.list({ order: 'desc' }))).toEqual(['5.html', '4.html', '3.md', '2.txt', '1.html']);
    s.close();
  });

  it('pages with limit and offset', () => {
    const s = sample();
    expect(sources(s.list({ limit: 2 }))).toEqual(['1.html', '2.txt']);
    expect(sources(s.list({ limit: 2, offset: 2 }))).toEqual(['3.md', '4.html']);
    expect(sources(s.list({ offset: 4 }))).toEqual(['5.html']);
    expect(() => s.list({ limit: -1 })).toThrow(QueryError);
    expect(() => s.list({ offset: 1.5 })).toThrow(QueryError);
    s.close();
  });

  it('filters by tag ignoring case, by format, by language or its primary subtag', () => {
    const s = sample();
    expect(sources(s.list({ tag: 'POLITICS' }))).toEqual(['1.html', '2.txt']);
    expect(sources(s.list({ format: 'html' }))).toEqual(['1.html', '4.html', '5.html']);
    expect(sources(s.list({ lang: 'en' }))).toEqual(['1.html', '2.txt']); // not "english"
    expect(sources(s.list({ lang: 'en-gb' }))).toEqual(['2.txt']);
    s.close();
  });

  it('filters by publication date; undated articles are left out', () => {
    const s = sample();
    expect(sources(s.list({ since: '2024-03-01' }))).toEqual(['2.txt', '4.html']);
    expect(sources(s.list({ since: '2024' }))).toEqual(['1.html', '2.txt', '4.html']);
    expect(() => s.list({ since: 'last week' })).toThrow(/since must be an ISO 8601 date/);
    s.close();
  });

  it('combines filters', () => {
    const s = sample();
    expect(sources(s.list({ tag: 'politics', format: 'text', lang: 'en', since: '2024-02-01', limit: 5 }))).toEqual(['2.txt']);
    expect(sources(s.list({ tag: 'politics', format: 'html', since: '2024-02-01' }))).toEqual([]);
    s.close();
  });
});

describe('stats and count', () => {
  it('counts by tag, format and lang with missing values grouped as null, and totals the words', () => {
    const s = sample();
    const st = s.stats();
    expect(st.total).toBe(5);
    expect(st.words).toBe(1000);
    expect(st.byFormat).toEqual([{ key: 'html', count: 3 }, { key: 'markdown', count: 1 }, { key: 'text', count: 1 }]);
    // Biggest group first; tags are counted as written (the list filter is what ignores case).
    expect(st.byTag).toEqual([
      { key: null, count: 2 }, { key: 'Politics', count: 1 }, { key: 'Sport', count: 1 }, { key: 'politics', count: 1 },
    ]);
    expect(st.byLang).toContainEqual({ key: null, count: 1 });
    expect(st.byLang.reduce((n, b) => n + b.count, 0)).toBe(5);
    expect(s.count()).toBe(5);
    s.close();
  });

  it('an empty store has zero everything', () => {
    const s = openStore(':memory:');
    expect(s.stats()).toEqual({ total: 0, byTag: [], byFormat: [], byLang: [], words: 0 });
    expect(s.count()).toBe(0);
    s.close();
  });
});

describe('all (export iterator)', () => {
  it('streams every row of a large store in id order, across many batches', () => {
    const path = tempDb();
    const s = openStore(path);
    const N = 5000;
    for (let start = 0; start < N; start += 500) {
      s.saveBatch(Array.from({ length: 500 }, (_, i) => article({ source: `f/${start + i}.html`, body: `Body of article ${start + i}.` })));
    }
    let n = 0;
    let ordered = true;
    let lastId = 0;
    for (const a of s.all()) {
      ordered &&= a.id! > lastId;
      lastId = a.id!;
      n++;
    }
    expect(n).toBe(N);
    expect(ordered).toBe(true);
    s.close();
  });

  it('is lazy: breaking out early frees the connection for other calls', () => {
    const s = sample();
    const it = s.all();
    expect(it.next().value?.source).toBe('1.html');
    it.return?.(undefined);
    expect(s.count()).toBe(5);
    let seen = 0;
    for (const _ of s.all()) if (++seen === 2) break;
    expect(s.get(1)?.source).toBe('1.html');
    s.close();
  });
});

describe('get', () => {
  it('returns null for an unknown id', () => {
    const s = sample();
    expect(s.get(999)).toBeNull();
    s.close();
  });
});
