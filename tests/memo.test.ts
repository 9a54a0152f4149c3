import { describe, expect, it } from 'vitest';
import { memoByString, memoShort } from '../src/memo.js';

describe('memoByString', () => {
  it('answers a repeated string from the cache', () => {
    let calls = 0;
    const len = memoByString((s) => { calls++; return s.length; });
    expect([len('abc'), len('abc'), len('de'), len('abc')]).toEqual([3, 3, 2, 3]);
    expect(calls).toBe(2);
  });

  it('empties the cache when it fills, and still answers right', () => {
    let calls = 0;
    const up = memoByString((s) => { calls++; return s.toUpperCase(); }, 2);
    up('a'); up('b'); // full
    up('c');          // clears, then holds only "c"
    expect(up('a')).toBe('A');
    expect(calls).toBe(4);
    expect(up('c')).toBe('C');
    expect(calls).toBe(4);
  });

  it('remembers null answers', () => {
    let calls = 0;
    const f = memoByString((s) => { calls++; return s ? null : 'empty'; });
    f('x'); f('x');
    expect(calls).toBe(1);
  });

  it('memoShort answers texts over its length at once, without calling or keeping them', () => {
    let calls = 0;
    const f = memoShort((s) => { calls++; return s.length; }, 3, -1);
    expect([f('abc'), f('abc'), f('abcd'), f('abcd')]).toEqual([3, 3, -1, -1]);
    expect(calls).toBe(1);
  });
});
