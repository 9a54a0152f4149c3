// The HTML extractor's wiring: one parse, fields, body, reconciliation, provenance, user rules.
import { describe, expect, it } from 'vitest';
import { extractHtml } from '../../../src/extract/html/index.js';
import { loadHtml } from '../../../src/extract/html/load.js';
import { buildContext } from '../../../src/extract/html/meta/context.js';
import { extractHeadline } from '../../../src/extract/html/meta/headline.js';
import { extractTag } from '../../../src/extract/html/meta/tag.js';
import { extractDeck } from '../../../src/extract/html/meta/deck.js';
import { extractByline } from '../../../src/extract/html/meta/byline.js';
import { extractPublished } from '../../../src/extract/html/meta/date.js';
import { DEFAULT_EXTRACT_OPTIONS, type ExtractOptions } from '../../../src/types.js';
import { page } from './helpers.js';

const PARAS = [
  'The council voted on Tuesday night to reopen the bridge after two years of repairs, delays and a budget that doubled along the way.',
  'Engineers said the steel had been replaced, the deck resurfaced and the lights rewired, and that the crossing would carry buses again.',
  'Traffic is expected to return to normal by the end of the month, officials said in a statement that thanked residents for their patience.',
];
const HTML = page(
  '<title>Bridge reopens after two years | Town Gazette</title><meta property="og:site_name" content="Town Gazette">'
  + '<link rel="canonical" href="https://gazette.example/local/bridge-reopens"><meta property="article:published_time" content="2021-05-03T08:00:00Z">'
  + '<script type="application/ld+json">{"@type":"NewsArticle","headline":"Bridge reopens after two years","author":{"@type":"Person","name":"Ann Lee"}}</script>',
  '<nav><ul><li><a href="/">Home</a></li><li><a href="/local">Local</a></li><li><a href="/sport">Sport</a></li><li><a href="/arts">Arts</a></li></ul></nav>'
  + '<article><header><a class="kicker" href="/local">Local</a><h1>Bridge reopens after two years</h1>'
  + '<p class="standfirst">The crossing is back, at twice the price</p><p class="byline">By Ann Lee</p></header>'
  + `<div class="body"><p>By Ann Lee</p>${PARAS.map((p) => `<p>${p}</p>`).join('')}</div></article>`,
  'lang="en-GB"',
);
const opts = (o: Partial<ExtractOptions> = {}): ExtractOptions => ({ ...DEFAULT_EXTRACT_OPTIONS, ...o });

describe('extractHtml', () => {
  it('fills every field with its provenance and drops the byline repeated at the top of the body', () => {
    const x = extractHtml(HTML, opts());
    expect(x).toMatchObject({
      headline: 'Bridge reopens after two years', tag: 'Local', deck: 'The crossing is back, at twice the price',
      byline: 'Ann Lee', published: '2021-05-03T08:00:00Z', url: 'https://gazette.example/local/bridge-reopens', lang: 'en-GB',
    });
    expect(x.provenance).toMatchObject({ headline: 'h1', tag: 'kicker', deck: 'dek-class', byline: 'json-ld', url: 'canonical', lang: 'html:lang' });
    expect(x.provenance.body).toBeTruthy();
    expect(x.body[0]).not.toBe('By Ann Lee');
    expect(x.body.join(' ')).toContain('budget that doubled');
  });

  it('tries user selectors first, field by field', () => {
    const x = extractHtml(HTML, opts({ rules: { selectors: { headline: ['.missing', 'p.standfirst'], tag: ['nav li:nth-child(3) a'] } } }));
    expect(x.headline).toBe('The crossing is back, at twice the price');
    expect(x.tag).toBe('Sport');
    expect(x.provenance).toMatchObject({ headline: 'rules:selector', tag: 'rules:selector', byline: 'json-ld' });
  });

  it('skips an invalid user selector instead of failing', () => {
    const x = extractHtml(HTML, opts({ rules: { selectors: { headline: ['[[[nonsense'] } } }));
    expect(x.headline).toBe('Bridge reopens after two years');
  });

  it('uses the folder tag only when the page shows none', () => {
    expect(extractHtml(HTML, opts({ fallbackTag: 'politics' })).tag).toBe('Local');
    const bare = page('<title>Bridge reopens</title>', `<h1>Bridge reopens</h1>${PARAS.map((p) => `<p>${p}</p>`).join('')}`);
    const x = extractHtml(bare, opts({ fallbackTag: 'politics' }));
    expect(x.tag).toBe('politics');
    expect(x.provenance.tag).toBe('folder');
  });

  it('field extractors leave the tree untouched for the body pass', () => {
    const $ = loadHtml(HTML);
    const before = $.html();
    const ctx = buildContext($);
    const head = extractHeadline(ctx);
    extractTag(ctx, head);
    extractDeck(ctx, head);
    extractByline(ctx);
    extractPublished(ctx);
    expect($.html()).toBe(before);
  });

  it('marks a page whose structured data declares a listing and no article', () => {
    const listing = page('<script type="application/ld+json">{"@type":"CollectionPage","name":"Local news"}</script>', `<h1>Local news</h1>${PARAS.map((p) => `<p>${p}</p>`).join('')}`);
    expect(extractHtml(listing, opts()).notArticle).toBe(true);
  });

  it('does not throw on strange pages', () => {
    const deep = '<div>'.repeat(20000) + '<h1>Deep</h1>' + '<p>text</p>'.repeat(3);
    for (const html of ['', '   ', 'plain text only', '<html><head></head></html>', deep, '<h1><h1><h1>x', '<script type="application/ld+json">{{{</script>']) {
      expect(() => extractHtml(html, opts())).not.toThrow();
    }
    expect(extractHtml(deep, opts()).headline).toBe('Deep');
  });
});
