import { describe, expect, it } from 'vitest';
import { asciiWordCount, wordCount, wordPatternCount } from '../../src/normalize/count.js';
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

describe('wordPatternCount', () => {
  const WORD = /[\p{L}\p{N}][\p{L}\p{N}\p{M}'’_-]*/gu;
  it('counts as the word pattern does on any text: accents, marks, apostrophes, astral and lone surrogates', () => {
    const fixed = ['Café au lait — à la carte’s end', 'naïve e\u0301tude ’tis -x- _y_', 'Ελληνικά κείμενα, русский текст', '𝐁𝐨𝐥𝐝 math 𠜎𠜱 ok', 'a\ud800b \udc00c', '٣ أرقام ١٢٣', '\u0301\u0301 lone marks', ''];
    for (const t of fixed) expect(wordPatternCount(t), JSON.stringify(t)).toBe((t.match(WORD) ?? []).length);
    // Seeded random strings over a mixed alphabet.
    const alphabet = ['a', 'Z', '7', ' ', "'", '’', '_', '-', '.', 'é', '\u0301', 'ß', 'Ж', '٣', '𝐁', '\ud800', '\udc00', '😀', '\u00a0', '\n'];
    let seed = 12345;
    const rnd = () => ((seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) / 4294967296);
    for (let k = 0; k < 500; k++) {
      let t = '';
      for (let i = 0, len = Math.floor(rnd() * 30); i < len; i++) t += alphabet[Math.floor(rnd() * alphabet.length)];
      expect(wordPatternCount(t), JSON.stringify(t)).toBe((t.match(WORD) ?? []).length);
    }
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
