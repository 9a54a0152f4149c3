import { describe, expect, it } from 'vitest';
import { capitalShare, contentTokens, endsSentence, looksLikeCode, sameText, sentenceCount, textWeight, wordCountOf } from '../../../src/extract/dump/measure.js';

describe('script-aware measures', () => {
  it('compares texts as localeCompare at base sensitivity does', () => {
    const pairs: [string, string][] = [['Home', 'HOME'], ['Hôme', 'home'], ['Home', 'Homes'], ['Straße', 'STRASSE'], ['東京', '東京'], ['a', 'b'], ['', '']];
    for (const [a, b] of pairs) expect(sameText(a, b), `${a} / ${b}`).toBe(a.localeCompare(b, undefined, { sensitivity: 'base' }) === 0);
    expect(sameText('Hôme', 'HOME')).toBe(true);
    expect(sameText('Home', 'Homes')).toBe(false);
  });
  it('weighs a CJK character like a short Latin word', () => {
    expect(textWeight('abc')).toBe(3);
    expect(textWeight('新电脑')).toBe(9);
    expect(wordCountOf('The mayor said')).toBe(3);
    expect(wordCountOf('人工智能迈上新台阶')).toBeGreaterThanOrEqual(4);
  });
  it('counts words the same on the ASCII fast path as on any other text', () => {
    const WORD = /[\p{L}\p{N}][\p{L}\p{N}\p{M}'’_-]*/gu;
    for (const t of ["don't stop -- it's 3-4 o'clock, snake_case _x_ 'quoted' - - 1.5", 'Café au lait — à la carte’s end', '']) {
      expect(wordCountOf(t), t).toBe((t.match(WORD) ?? []).length);
    }
    expect(textWeight('Café — naïve')).toBe(12);
  });
  it('sees sentence ends through closing quotes, in several scripts, and colons', () => {
    expect(endsSentence('He said "soft on crime."')).toBe(true);
    expect(endsSentence('后果很严重。')).toBe(true);
    expect(endsSentence('The ranking was as follows:')).toBe(true);
    expect(endsSentence('A headline without a stop')).toBe(false);
    expect(sentenceCount('One. Two! "Three?"')).toBe(3);
  });
  it('measures title case, ignoring small words', () => {
    expect(capitalShare('Glacier Loss Doubles in the Alps')).toBe(1);
    expect(capitalShare('the mayor said that the library would reopen')).toBe(0);
    expect(capitalShare('1234')).toBeNull();
  });
  it('makes overlap tokens of words and CJK bigrams', () => {
    expect(contentTokens('The Alps, a glacier of 2021')).toEqual(['the', 'alps', 'glacier', '2021']);
    expect(contentTokens('新电脑')).toEqual(['新电', '电脑']);
  });
  it('recognises program code lines', () => {
    expect(looksLikeCode('FROM unnest(array[2, 3, 5]) AS n;')).toBe(true);
    expect(looksLikeCode('const x = f(y)')).toBe(true);
    expect(looksLikeCode('Local authorities closed two routes')).toBe(false);
  });
});
