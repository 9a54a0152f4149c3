import { describe, expect, it } from 'vitest';
import { asciiWordCount, wordCount } from '../../src/normalize/count.js';
import { contentHash } from '../../src/normalize/hash.js';

describe('wordCount', () => {
  it('counts words in space-separated scripts, contractions and hyphenated words as one', () => {
    expect(wordCount("The mayor's well-known plan, in 3 parts.")).toBe(7);
    expect(wordCount('Grüße aus Köln — überall')).toBe(4);
  });
  it('counts CJK words by dictionary segmentation, not as one giant word or one per character', () => {
    const n = wordCount('東京都は二十日、節電要請を発表した。');
    expect(n).toBeGreaterThan(5);
    expect(n).toBeLessThan(18);
  });
});

describe('asciiWordCount', () => {
  const WORD = /[\p{L}\p{N}][\p{L}\p{N}\p{M}'’_-]*/gu;
  it('counts ASCII text as the word pattern does', () => {
    const texts = ["don't stop -- it's 3-4 o'clock, snake_case _x_ 'quoted' - - 1.5", 'a', '', '  \t\n ', '-x- _y_ z\'s', '\x00ab\x7fcd'];
    for (const t of texts) expect(asciiWordCount(t), JSON.stringify(t)).toBe((t.match(WORD) ?? []).length);
  });
  it('leaves text with any non-ASCII character to the pattern', () => {
    expect(asciiWordCount('Café au lait')).toBeUndefined();
    expect(asciiWordCount('plain text then ’')).toBeUndefined();
    expect(wordCount('Café au lait')).toBe(3);
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
