// The linear line reader (lines.ts) stands in for micromark on documents that would cost it
// seconds. It must give the same blocks on ordinary Markdown (checked on every fixture and on
// the constructs below, read both ways), and be chosen only past the cost thresholds.
import { readdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { pathologicalCases } from '../../../bench/pathological.js';
import { markdownToBlocks, needsLinearReading } from '../../../src/extract/markdown/blocks.js';
import { extractMarkdown } from '../../../src/extract/markdown/index.js';
import { DEFAULT_EXTRACT_OPTIONS } from '../../../src/types.js';

const FIXTURES = resolve(import.meta.dirname, '../../fixtures/markdown');
const both = (md: string) => [markdownToBlocks(md, 1, 'auto'), markdownToBlocks(md, 1, 'linear')] as const;
const shape = (d: ReturnType<typeof markdownToBlocks>) => ({
  blocks: d.blocks.map((b) => ({ ...b, linkShare: Math.round((b.linkShare ?? 0) * 100) / 100 })), yaml: d.yaml, jsonHeader: d.jsonHeader,
});

describe('line reader = micromark on ordinary Markdown', () => {
  it.each(readdirSync(FIXTURES).filter((f) => f.endsWith('.md')))('fixture %s: the same blocks, front matter and header', (name) => {
    const md = readFileSync(resolve(FIXTURES, name), 'utf8');
    expect(needsLinearReading(md)).toBe(false);
    const [micromark, linear] = both(md);
    expect(shape(linear)).toEqual(shape(micromark));
  });

  it.each([
    ['links, images, code, lists', '# [Title](/t)\n\nSee [the report](https://x.org) now.\n\n![alt](a.png)\n\n```\nx = 1\n```\n\n*   [Home](/)\n'],
    ['hard breaks and a GFM table', 'By Jane Doe  \nMay 5, 2016\n\n| a | b |\n|---|---|\n| 1 | 2 |\n'],
    ['reference links and definitions', 'Read [the story][s] and [more].\n\n[s]: https://x.org/s\n[more]: https://x.org/m "More"\n'],
    ['escapes, code spans, emphasis', 'A \\[not a link\\] with `[code](x)` and **bold** _words_ in snake_case.\n'],
    ['nested list and quote', '- one\n  - two\n    - three\n\n> quoted line\n> more\n\nAfter.\n'],
    ['setext heading, rule', 'Heading here\n============\n\nText.\n\n---\n\nMore text.\n'],
  ])('%s', (_name, md) => {
    const [micromark, linear] = both(md);
    expect(shape(linear)).toEqual(shape(micromark));
  });
});

describe('pathological Markdown goes to the line reader, with the same article', () => {
  // A tenth of the sizes (10k links, 6k rows, 5k references) is past every threshold;
  // a hundredth is read by micromark. Both must give the same article.
  const big = pathologicalCases(0.1);
  const small = pathologicalCases(0.01);
  it.each(big.map((c, i) => [c.name, i] as const))('%s', (_name, i) => {
    expect(needsLinearReading(big[i]!.markdown)).toBe(true);
    expect(needsLinearReading(small[i]!.markdown)).toBe(false);
    const a = extractMarkdown(big[i]!.markdown, DEFAULT_EXTRACT_OPTIONS);
    const b = extractMarkdown(small[i]!.markdown, DEFAULT_EXTRACT_OPTIONS);
    expect(a.headline).toBe('Harbour works finish early');
    expect(a.headline).toBe(b.headline);
    expect(a.body).toEqual(b.body);
    expect(a.body.join('\n')).toContain('reached stage 3');
  });

  it.each([
    ['syntax characters', '[*_`'.repeat(10_000)],
    ['unclosed HTML comments', '<!-- '.repeat(20_000)],
    ['deeply nested lists', Array.from({ length: 3000 }, (_, i) => `${' '.repeat((i % 16) * 2)}- item`).join('\n')],
    ['deeply nested quotes', Array.from({ length: 400 }, (_, i) => `${'> '.repeat(i % 200)}q`).join('\n')],
  ])('%s, which micromark reads in seconds, are read linearly', (_name, tail) => {
    expect(needsLinearReading(`# Title\n\nA paragraph.\n\n${tail}\n`)).toBe(true);
  });
});
