import { describe, expect, it } from 'vitest';
import { wordCount } from '../../src/normalize/count.js';
import { contentHash } from '../../src/normalize/hash.js';

describe('wordCount', () => {
  it('counts words in space-separated scripts, contractions and hyphenated words as one', () => {
    expect(wordCount("The mayor's well-known plan, in 3 parts.")).toBe(7);
    expect(wordCount('Grüße aus Köln — überall')).toBe(4);
  });
  it('counts the same text the same way every time (the word pattern keeps no position between calls)', () => {
    const text = 'one two three four';
    expect([wordCount(text), wordCount(text), wordCount('five six'), wordCount('')]).toEqual([4, 4, 2, 0]);
  });
  it('counts CJK words by dictionary segmentation, not as one giant word or one per character', () => {
    const n = wordCount('東京都は二十日、節電要請を発表した。');
    expect(n).toBeGreaterThan(5);
    expect(n).toBeLessThan(18);
  });
});

describe('contentHash', () => {
  it('is sha256 hex of headline and body, and changes with either', () => {
    const h = contentHash('Title', 'Body');
    expect(h).toMatch(/^[0-9a-f]{64}$/);
    expect(contentHash('Title', 'Body')).toBe(h);
    expect(contentHash('Title2', 'Body')).not.toBe(h);
    expect(contentHash('Title', 'Body2')).not.toBe(h);
    expect(contentHash('TitleB', 'ody')).not.toBe(contentHash('Title', 'Body'));
  });
});
