import { describe, expect, it } from 'vitest';
import { capitalShare, classShare, contentTokens, endsSentence, letterShare, looksLikeCode, sameText, SHARE_LETTER, SHARE_NUMBER, sentenceCount, textWeight, wordCountOf } from '../../../src/extract/dump/measure.js';

describe('classShare', () => {
  // What letterShare and the digit-share feature computed before: copies and matches.
  const squeezedLetters = (t: string) => { const c = t.replace(/\s+/g, ''); return c.length === 0 ? 0 : (c.match(/\p{L}/gu)?.length ?? 0) / c.length; };
  const digits = (t: string) => { const c = t.replace(/\s/g, ''); return c === '' ? 0 : (t.match(/\p{N}/gu)?.length ?? 0) / c.length; };
  it('equals the regular-expression shares on mixed scripts, spaces of every kind and surrogates split by spaces', () => {
    const fixed = ['12/02 | 3:40 PM | 19 ▲', 'Ελληνικά ٣٤ 𝐁𝐨𝐥𝐝 𝟏𝟐', '\ud835 \udc01 split pair', '\ud835\u00a0\udc01', 'a\ud800b\udc00', '\u3000全角\u3000スペース１２', '', '   ', '\u2028\u2029\ufeff'];
    const alphabet = ['a', 'Z', '7', ' ', '\t', '\u00a0', '\u3000', '.', 'é', 'Ж', '٣', '１', '\ud835', '\udc01', '\udfce', '😀', '\u0301', '▲'];
    let seed = 99;
    const rnd = () => ((seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) / 4294967296);
    const random = Array.from({ length: 500 }, () => Array.from({ length: Math.floor(rnd() * 25) }, () => alphabet[Math.floor(rnd() * alphabet.length)]).join(''));
    for (const t of [...fixed, ...random]) {
      expect(classShare(t, SHARE_LETTER, true), JSON.stringify(t)).toBe(squeezedLetters(t));
      expect(classShare(t, SHARE_NUMBER, false), JSON.stringify(t)).toBe(digits(t));
      expect(letterShare(t), JSON.stringify(t)).toBe(squeezedLetters(t.slice(0, 300)));
    }
  });
});

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
