// Normalization runs on every field of every document, so it must stay linear on inputs no
// article has: a paragraph of 200,000 wrapped lines, CJK text without a break for 100k+ chars,
// enormous fields, control and invisible characters everywhere.
import { describe, expect, it } from 'vitest';
import { wordCount } from '../../src/normalize/count.js';
import { toIsoDate } from '../../src/normalize/date.js';
import { joinParagraphs, joinWrappedLines, normalizeInline, vocabularyOf } from '../../src/normalize/text.js';

const seconds = (fn: () => unknown) => {
  const t = performance.now();
  fn();
  return (performance.now() - t) / 1000;
};

describe('joinWrappedLines on huge paragraphs', () => {
  it('200,000 wrapped lines join in well under a second (was minutes: a regex over the joined text per line)', () => {
    const lines = Array.from({ length: 200_000 }, (_, i) => `line number ${i} of a very long wrapped paragraph`);
    let out = '';
    expect(seconds(() => { out = joinWrappedLines(lines); })).toBeLessThan(2);
    expect(out.startsWith('line number 0 of a very long wrapped paragraph line number 1')).toBe(true);
    expect(out.length).toBe(lines.join(' ').length);
  });

  it('gives the same result as joining onto the whole text (the old, quadratic way)', () => {
    // Reference: the hyphen rule applied to the text joined so far.
    const reference = (lines: string[], vocab: Set<string>) => {
      let out = '';
      for (const raw of lines) {
        const line = raw.trim();
        if (line === '') continue;
        if (out === '') { out = line; continue; }
        const left = /(\p{L}+)-$/u.exec(out);
        if (left && /^\p{L}/u.test(line)) {
          const right = /^(\p{Ll}+)/u.exec(line);
          out = right && vocab.has((left[1]! + right[1]!).toLowerCase()) ? out.slice(0, -1) + line : out + line;
        } else out += ' ' + line;
      }
      return out;
    };
    const pieces = ['an inter-', 'national treaty', 'a well-', 'known fact', 'Austria-', 'Hungary', '', '  ', 'x -', '- y', 'über-', 'all', '42-', 'b'];
    const lines = Array.from({ length: 3000 }, (_, i) => pieces[(i * 7 + (i >> 3)) % pieces.length]!);
    const vocab = vocabularyOf('international überall');
    expect(joinWrappedLines(lines, vocab)).toBe(reference(lines, vocab));
    expect(joinWrappedLines(lines, vocab)).toContain('an international treaty');
  });
});

describe('wordCount on CJK text without breaks', () => {
  it('a 160k-character run is counted in seconds (ICU segmentation is superlinear on one huge run)', () => {
    const text = '市长周五表示预算保护了学校批评者不同意这一决定'.repeat(7000);
    let n = 0;
    expect(seconds(() => { n = wordCount(text); })).toBeLessThan(5);
    // Every 23-character phrase holds about a dozen words; chunking may split a few.
    expect(n).toBeGreaterThan(7000 * 8);
    expect(n).toBeLessThan(7000 * 23);
  });

  it('chunking does not change the count of ordinary CJK text', () => {
    const para = '東京都は二十日、節電要請を発表した。';
    expect(wordCount(para.repeat(500))).toBe(wordCount(para) * 500);
  });
});

describe('fields of absurd size', () => {
  it('normalizeInline and joinParagraphs stay linear on megabytes of mixed junk', () => {
    const junk = 'word\u00a0\u200b\u00ad\t\r\n\u0001\u3000'.repeat(300_000);
    expect(seconds(() => normalizeInline(junk))).toBeLessThan(3);
    expect(normalizeInline('a\u0000b\u200bc\u00adD\u00a0e\u0007')).toBe('abcD e');
    expect(seconds(() => joinParagraphs(Array.from({ length: 100_000 }, (_, i) => `p${i % 3}`)))).toBeLessThan(2);
  });

  it('dates: long or repetitive strings answer quickly and never invent a year', () => {
    for (const s of ['1'.repeat(100_000), '12 de '.repeat(50_000), 'T'.repeat(100_000), `${'2020-'.repeat(50_000)}`]) {
      let r: string | null = 'x';
      expect(seconds(() => { r = toIsoDate(s); })).toBeLessThan(1);
      expect(r).toBeNull();
    }
  });
});
