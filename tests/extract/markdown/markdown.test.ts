import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { htmlBlockLines, markdownToBlocks, splitLongLines } from '../../../src/extract/markdown/blocks.js';
import { extractMarkdown } from '../../../src/extract/markdown/index.js';
import { DEFAULT_EXTRACT_OPTIONS } from '../../../src/types.js';

const fixture = (name: string) => readFileSync(resolve(import.meta.dirname, '../../fixtures/markdown', name), 'utf8');
const run = (md: string) => extractMarkdown(md, DEFAULT_EXTRACT_OPTIONS);

describe('markdownToBlocks', () => {
  it('turns links into their text, drops images, keeps code, and measures link share', () => {
    const { blocks } = markdownToBlocks('# [Title](/t)\n\nSee [the report](https://x.org) now.\n\n![alt](a.png)\n\n```\nx = 1\n```\n\n*   [Home](/)\n');
    expect(blocks.map((b) => [b.kind, b.text])).toEqual([
      ['heading', 'Title'], ['paragraph', 'See the report now.'], ['line', ''], ['code', 'x = 1'], ['list-item', 'Home'],
    ]);
    expect(blocks[0]!.linkShare).toBe(1);
    expect(blocks[1]!.linkShare).toBeCloseTo(10 / 19, 2);
    expect(blocks[2]!.flags?.media).toBe(true);
  });
  it('splits a paragraph at hard line breaks and reads GFM tables row by row', () => {
    const { blocks } = markdownToBlocks('By Jane Doe  \nMay 5, 2016\n\n| a | b |\n|---|---|\n| 1 | 2 |\n');
    expect(blocks.map((b) => b.text)).toEqual(['By Jane Doe', 'May 5, 2016', 'a | b', '1 | 2']);
    expect(blocks[2]!.kind).toBe('table');
  });
  it('reads a link whose title runs over two lines (turndown keeps title attributes as they are)', () => {
    const { blocks } = markdownToBlocks('#### [A teaser title](https://x.org/a "A teaser title\nwith a second line and \\"quotes\\"")\n\nNext paragraph.\n');
    expect(blocks.map((b) => [b.kind, b.text, b.linkShare])).toEqual([['heading', 'A teaser title', 1], ['paragraph', 'Next paragraph.', 0]]);
  });
  it('treats the content of a link wrapped around blocks (turndown teaser cards) as link text', () => {
    const { blocks } = markdownToBlocks('[\n\nWilbur Ross pledges not to intimidate scientists\n\n](/2017/01/24/story.html)\n');
    expect(blocks.map((b) => [b.text, b.linkShare])).toEqual([['Wilbur Ross pledges not to intimidate scientists', 1]]);
  });
});

describe('raw HTML and indentation in page dumps', () => {
  it('reads a raw HTML table row by row, cells joined, entities decoded', () => {
    const html = '<table><tr><td><p><b>Status</b></p></td><td><p>Next &amp; last</p></td></tr><tr><td><a href="/">Home</a></td><td>About</td></tr></table><h2>A title</h2><p>Text&nbsp;here.</p>';
    expect(htmlBlockLines(html)).toEqual([
      { text: 'Status | Next & last', kind: 'table', level: 0, link: 0 },
      { text: 'Home | About', kind: 'table', level: 0, link: 4 / 12 },
      { text: 'A title', kind: 'heading', level: 2, link: 0 },
      { text: 'Text here.', kind: 'line', level: 0, link: 0 },
    ]);
    const { blocks } = markdownToBlocks('Intro paragraph.\n\n<div><p>First line of the box.</p><p>Second line of the box.</p></div>\n');
    expect(blocks.map((b) => b.text)).toEqual(['Intro paragraph.', 'First line of the box.', 'Second line of the box.']);
  });
  it('never reads the code of a <script>, <style> or <template> as text, as a block or inline', () => {
    const md = [
      'Intro paragraph.',
      '<script>\nvar s = "the council said";\n</script>',
      '<style>\n.x { content: "the mayor said"; }\n</style>',
      '<div><script>track("the ferry opens")</script><p>Kept line.</p><template><p>hidden line</p></template></div>',
      'Inline <script>var s = "said on Monday";</script> and <style>.y{}</style>text <b>kept</b>.',
      'Unclosed <script>var z = "never shown"',
    ].join('\n\n');
    expect(markdownToBlocks(md).blocks.map((b) => b.text)).toEqual(['Intro paragraph.', 'Kept line.', 'Inline and text kept .', 'Unclosed']);
  });
  it('does not read text indented by the page as a code block (converters fence their code)', () => {
    const { blocks } = markdownToBlocks('Para one.\n\n              [![Striking members of the union. ](a.jpg)](b.html)\n\n    An indented paragraph of text.\n');
    expect(blocks.map((b) => [b.kind, b.text])).toEqual([['paragraph', 'Para one.'], ['line', ''], ['paragraph', 'An indented paragraph of text.']]);
  });
});

describe('splitLongLines', () => {
  it('cuts a line past 8000 characters at spaces into paragraphs and leaves shorter lines alone', () => {
    const long = Array.from({ length: 3000 }, (_, i) => `w${i}`).join(' ');
    const out = splitLongLines(`short line\n${long}\nlast`);
    const lines = out.split('\n');
    expect(lines[0]).toBe('short line');
    expect(lines[lines.length - 1]).toBe('last');
    expect(Math.max(...lines.map((l) => l.length))).toBeLessThanOrEqual(8000);
    expect(out.replace(/\n\n/g, '').replace(/\n/g, ' ')).toBe(`short line ${long} last`);
  });
  it('is linear in the length of many long-but-not-too-long lines (a regex scan was quadratic)', () => {
    const text = Array.from({ length: 400 }, () => 'x'.repeat(7000)).join('\n');
    const t0 = performance.now();
    expect(splitLongLines(text)).toBe(text);
    expect(performance.now() - t0).toBeLessThan(500);
  });
});

describe('full-page Markdown dump (self-made fixture)', () => {
  const x = run(fixture('page-dump.md'));
  it('finds headline (h1), deck, tag, byline and date', () => {
    expect(x.headline).toBe('Glacier Loss Doubles in Alpine Valleys, Survey Finds');
    // The h1 (the rules) or the labeller's pick of the same line.
    expect(x.provenance.headline).toMatch(/^md:(h1|model-line-\d+)$/);
    expect(x.deck).toBe('Researchers measured twice the expected retreat over a single summer');
    expect(x.tag).toBe('Science');
    expect(x.byline).toBe('Maria Keller');
    expect(x.published).toBe('March 3, 2021');
  });
  it('keeps paragraphs, subheading, list items and quote; drops banner, menus, related links and footer', () => {
    expect(x.body[0]).toMatch(/^Scientists from three universities/);
    expect(x.body).toContain('What comes next');
    expect(x.body).toContain('repeat the survey this year,');
    expect(x.body[x.body.length - 1]).toBe('Local authorities have already closed two hiking routes where the ice had become unstable.');
    const all = x.body.join('\n');
    for (const junk of ['cookies', 'Sign in', 'Related stories', 'Ski resorts', 'About us', 'All rights reserved']) expect(all, junk).not.toContain(junk);
  });
});

describe('stated metadata', () => {
  it('reads YAML front matter and does not repeat the title heading in the body', () => {
    const x = run(fixture('front-matter.md'));
    expect(x).toMatchObject({
      headline: 'Glacier Loss Doubles in Alpine Valleys', deck: 'Researchers measured twice the expected retreat',
      byline: 'Maria Keller, Tom Roth', published: '2021-03-03', tag: 'Science', lang: 'en', url: 'https://example.org/science/glaciers',
    });
    expect(x.provenance.headline).toBe('md:front-matter');
    expect(x.body[0]).toMatch(/^Scientists/);
    expect(x.body).toContain('volume_loss = 2.0 * predicted');
  });
  it('reads a leading JSON metadata block and keeps it out of the body', () => {
    const x = run(fixture('json-header.md'));
    expect(x).toMatchObject({ headline: 'Glacier Loss Doubles in Alpine Valleys', byline: 'Maria Keller', published: 'March 3, 2021' });
    expect(x.provenance.headline).toBe('md:json-header');
    expect(x.body.join(' ')).not.toContain('"title"');
  });
  it('reads "Title: / URL Source: / Published Time:" reader headers', () => {
    const x = run(fixture('reader-header.md'));
    expect(x).toMatchObject({ headline: 'Glacier Loss Doubles in Alpine Valleys', url: 'https://example.org/science/glaciers', published: '2021-03-03T09:15:00Z' });
    expect(x.body).toHaveLength(2);
  });
  it('a leading code block that is not a metadata object stays a code block', () => {
    const doc = markdownToBlocks('```json\n["a", "b"]\n```\n\nText.\n');
    expect(doc.jsonHeader).toBeNull();
    expect(doc.blocks[0]).toMatchObject({ kind: 'code', text: '["a", "b"]' });
    expect(markdownToBlocks('```\n{"title": "T", "author": "A"}\n```\n').jsonHeader).toEqual({ title: 'T', author: 'A' });
  });
});

const CORPUS = resolve(import.meta.dirname, '../../../../shared/corpus');
const HAVE = existsSync(join(CORPUS, 'markdown'));
if (!HAVE) console.warn('skipping: ../shared/corpus not found');

describe.skipIf(!HAVE)('corpus markdown/ (defuddle output with a JSON header)', () => {
  it('takes every headline from the JSON header', () => {
    const truth = readFileSync(join(CORPUS, 'truth/markdown.jsonl'), 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l) as { id: string; headline: string });
    for (const t of truth) {
      const x = run(readFileSync(join(CORPUS, 'markdown', `${t.id}.md`), 'utf8'));
      expect(x.headline, t.id).toBe(t.headline);
      expect(x.body.length, t.id).toBeGreaterThan(3);
    }
  });
});

describe('article text above the chosen headline', () => {
  it('keeps a paragraph of the article that stands above the headline inside the body run', () => {
    const P = [
      'Images have emerged of coffins being buried in a mass grave in the city, as the death toll from the outbreak continues to rise.',
      'Officials say burials are being ramped up at the site, which has long been used for people with no next of kin.',
      'The state now has more confirmed cases than any single country, and the count is still growing every day.',
    ];
    const x = run(`${P[0]}\n\n# Workers were seen stacking coffins in deep trenches\n\n${P[1]}\n\n${P[2]}\n`);
    expect(x.headline).toBe('Workers were seen stacking coffins in deep trenches');
    expect(x.body).toEqual(P);
  });
});
