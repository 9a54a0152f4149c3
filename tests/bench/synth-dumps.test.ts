// The scale benchmark's input: deterministic, every file distinct, about 3 KB, and each one a
// dump lede reads as one article of its own (the benchmark counts rows against files).
import { describe, expect, it } from 'vitest';
import { syntheticDump, type SourceArticle } from '../../bench/synth-dumps.js';
import { processDocument } from '../../src/pipeline.js';
import { DEFAULT_EXTRACT_OPTIONS } from '../../src/types.js';

const ARTICLES: SourceArticle[] = Array.from({ length: 5 }, (_, a) => ({
  headline: `Council ${a} approves the new harbour budget`,
  paragraphs: Array.from({ length: 6 }, (_, p) => `Paragraph ${p} of story ${a}: the council met on Tuesday and residents asked about the harbour, the transit plan and the school budget, which officials said would be reviewed again next month.`),
}));

describe('synthetic dumps', () => {
  it('are the same bytes for the same index, whatever else was generated', () => {
    expect(syntheticDump(ARTICLES, 17)).toBe(syntheticDump(ARTICLES, 17));
    expect(syntheticDump(ARTICLES, 3)).not.toBe(syntheticDump(ARTICLES, 8));
  });

  it('are distinct files and distinct articles, about 3 KB each', () => {
    const n = 300;
    const texts = Array.from({ length: n }, (_, i) => syntheticDump(ARTICLES, i));
    expect(new Set(texts).size).toBe(n);
    const sizes = texts.map((t) => t.length);
    expect(Math.min(...sizes)).toBeGreaterThan(1500);
    expect(Math.max(...sizes)).toBeLessThan(4000);
    const hashes = texts.slice(0, 60).map((t, i) => processDocument({ source: `d${i}.txt`, bytes: Buffer.from(t) }, DEFAULT_EXTRACT_OPTIONS).content_hash);
    expect(new Set(hashes).size).toBe(60);
  });
});
