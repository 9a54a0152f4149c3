// When a run defers the full-text index: from the start on an empty database, after `bulkAfter`
// new articles otherwise; and its catch-up at the end leaves the index complete.
import { describe, expect, it } from 'vitest';
import { BatchWriter } from '../../src/cli/writer.js';
import { openStore, type Entry } from '../../src/store/index.js';
import { article, tempDb } from '../store/helpers.js';

const entry = (i: number): Entry => ({
  kind: 'article',
  article: article({ source: `f/${i}.txt`, headline: `Story ${i}`, body: `Body ${i} about the harbour.` }),
  source: null,
});

describe('BatchWriter and the full-text index', () => {
  it('on an empty database defers from the first batch, and index() completes it', async () => {
    const s = openStore(tempDb());
    const w = new BatchWriter(s, () => {});
    for (let i = 0; i < 3; i++) await w.add(entry(i));
    await w.flush();
    expect(s.unindexed()).toBe(3);
    expect([...w.index()].at(-1)).toEqual({ done: 3, total: 3 });
    expect(s.unindexed()).toBe(0);
    expect(s.search('harbour')).toHaveLength(3);
    s.close();
  });

  it('on a database with articles indexes as it goes until the run has stored bulkAfter new ones', async () => {
    const s = openStore(tempDb());
    s.saveBatch([article({ source: 'old.txt' })]);
    const w = new BatchWriter(s, () => {}, 4);
    for (let i = 0; i < 3; i++) await w.add(entry(i));
    await w.flush();
    expect(s.unindexed()).toBe(0); // 3 < 4: indexed row by row
    await w.add(entry(3));
    await w.flush();
    expect(s.unindexed()).toBe(0); // the batch that reaches 4 was indexed; the next ones are not
    for (let i = 4; i < 7; i++) await w.add(entry(i));
    await w.flush();
    expect(s.unindexed()).toBe(3);
    expect([...w.index()].at(-1)).toEqual({ done: 3, total: 3 });
    expect(s.search('harbour')).toHaveLength(7);
    s.close();
  });
});

describe('BatchWriter with bulkAfter Infinity (--index-as-you-go)', () => {
  it('never defers, even on an empty database', async () => {
    const s = openStore(tempDb());
    const w = new BatchWriter(s, () => {}, Infinity);
    for (let i = 0; i < 3; i++) await w.add(entry(i));
    await w.flush();
    expect(s.unindexed()).toBe(0);
    expect([...w.index()]).toEqual([]);
    s.close();
  });
});
