// byline, published, url, lang: the metadata fields with one clear source order each.
import { describe, expect, it } from 'vitest';
import { cleanByline, extractByline } from '../../../../src/extract/html/meta/byline.js';
import { extractPublished } from '../../../../src/extract/html/meta/date.js';
import { extractUrl } from '../../../../src/extract/html/meta/url.js';
import { extractLang } from '../../../../src/extract/html/meta/lang.js';
import { extractHeadline } from '../../../../src/extract/html/meta/headline.js';
import { ctxOf, page } from '../helpers.js';

const ld = (obj: unknown) => `<script type="application/ld+json">${JSON.stringify(obj)}</script>`;

describe('byline', () => {
  it('takes JSON-LD people, not the publishing organization', () => {
    const c = ctxOf(page(ld({ '@type': 'NewsArticle', author: [{ '@type': 'Person', name: 'Ann Lee' }, { '@type': 'Person', name: 'Bo Chen' }, { '@type': 'Organization', name: 'Example News' }] }), ''));
    expect(extractByline(c)).toEqual({ text: 'Ann Lee and Bo Chen', rule: 'json-ld' });
  });

  it('falls back to meta author, then to the visible byline', () => {
    expect(extractByline(ctxOf(page('<meta name="author" content="By Jane Doe">', '')))).toEqual({ text: 'Jane Doe', rule: 'meta:author' });
    const vis = ctxOf(page('', '<article><div class="byline">By <a rel="author" href="/a">Sam Roe</a> | March 3, 2020</div></article>'));
    expect(extractByline(vis)?.text).toBe('Sam Roe');
  });

  it('cuts dates, times and outlet names off a visible byline', () => {
    expect(cleanByline('By: Drew Dietsch October 2, 2016')).toBe('Drew Dietsch');
    expect(cleanByline('Von Jonas Berger · 3. September 2025, 07:15 Uhr')).toBe('Jonas Berger');
    expect(cleanByline('Konstantin @ 12:00 am')).toBe('Konstantin');
    expect(cleanByline('oz on December 4, 2006')).toBe('oz');
    expect(cleanByline('ByTravis Haney')).toBe('Travis Haney');
    expect(cleanByline('Pete Evans · CBC News')).toBe('Pete Evans');
    expect(cleanByline('Name *')).toBeNull();
  });

  it('reads a "By …" line next to the headline, and not a comment form', () => {
    const c = ctxOf(page('', '<header><h1>Bridge reopens</h1><p class="meta">Von Jonas Berger · 3. September 2025</p></header>'
      + '<form class="comment-form"><label class="comment-form-author">Name *</label></form>'));
    expect(extractByline(c, extractHeadline(c))).toEqual({ text: 'Jonas Berger', rule: 'by-line' });
    const sentence = ctxOf(page('', '<h1>Bridge reopens</h1><p>By the time it opened, the money had run out.</p>'));
    expect(extractByline(sentence, extractHeadline(sentence))).toBeNull();
  });

  it('never returns a date, a URL or the site name', () => {
    expect(cleanByline('March 3, 2020')).toBeNull();
    expect(cleanByline('https://example.com/staff/ann')).toBeNull();
    expect(cleanByline('Par Marie Dupont')).toBe('Marie Dupont');
    const c = ctxOf(page('<meta property="og:site_name" content="Example News"><meta name="author" content="Example News">', ''));
    expect(extractByline(c)).toBeNull();
  });
});

describe('published', () => {
  it('prefers JSON-LD datePublished over meta and <time>', () => {
    const c = ctxOf(page(ld({ '@type': 'Article', datePublished: '2020-01-02T03:04:05Z', dateModified: '2021-01-01' })
      + '<meta property="article:published_time" content="2019-01-01">', '<time datetime="2018-01-01">x</time>'));
    expect(extractPublished(c)).toEqual({ text: '2020-01-02T03:04:05Z', rule: 'json-ld' });
  });

  it('reads the article meta tag, then a <time> that is not an update stamp', () => {
    expect(extractPublished(ctxOf(page('<meta property="article:published_time" content="2019-05-06">', '')))?.rule).toBe('meta:article:published_time');
    const c = ctxOf(page('', '<span class="updated"><time datetime="2021-02-02">Updated</time></span><time datetime="2020-02-02">Feb 2</time>'));
    expect(extractPublished(c)?.text).toBe('2020-02-02');
  });

  it('falls back to a date line shown around the headline, preferring publication to update', () => {
    const c = ctxOf(page('', '<h1>Bridge reopens</h1><div class="x">Updated: Dec 16, 2016</div><div>Licat on June 5, 2023</div>'));
    expect(extractPublished(c, extractHeadline(c))).toEqual({ text: 'Licat on June 5, 2023', rule: 'date-line' });
    const both = ctxOf(page('', '<h1>Bridge reopens</h1><p>Published March 9, 2017 Updated March 10, 2017</p>'));
    expect(extractPublished(both, extractHeadline(both))?.text).toBe('Published March 9, 2017');
  });

  it('returns null when nothing reads as a date', () => {
    expect(extractPublished(ctxOf(page('<meta name="date" content="yesterday">', '<time>soon</time>')))).toBeNull();
  });
});

describe('url', () => {
  it('takes the canonical link, made absolute against og:url', () => {
    const c = ctxOf(page('<link rel="canonical" href="/news/story-1"><meta property="og:url" content="https://example.com/amp/story-1">', ''));
    expect(extractUrl(c)).toEqual({ text: 'https://example.com/news/story-1', rule: 'canonical' });
  });

  it('falls back to og:url and never returns a relative URL', () => {
    expect(extractUrl(ctxOf(page('<meta property="og:url" content="https://example.com/a">', '')))?.rule).toBe('og:url');
    expect(extractUrl(ctxOf(page('<link rel="canonical" href="/relative/only">', '')))).toBeNull();
  });
});

describe('lang', () => {
  it('reads <html lang>, then content-language, then og:locale', () => {
    expect(extractLang(ctxOf(page('', '', 'lang="pt-BR"')))).toEqual({ text: 'pt-BR', rule: 'html:lang' });
    expect(extractLang(ctxOf(page('<meta http-equiv="Content-Language" content="de, en">', '')))).toEqual({ text: 'de', rule: 'meta:content-language' });
    expect(extractLang(ctxOf(page('<meta property="og:locale" content="fr_FR">', '')))).toEqual({ text: 'fr_FR', rule: 'og:locale' });
    expect(extractLang(ctxOf(page('', '', 'lang="{{ lang }}"')))).toBeNull();
  });
});
