import { describe, expect, it } from 'vitest';
import { isListingUrl, isNotArticle, jsonLdTypes, type PageSignals } from '../../../../src/extract/html/body/listing.js';
import { PROSE, extract, page, paragraphs } from './helpers.js';

const teaser = (i: number) => `<div class="teaser"><h3><a href="/news/story-${i}">Story number ${i} about the city</a></h3>
  <p>A one-line summary of story ${i}, with a comma.</p></div>`;

describe('not-article pages', () => {
  it('calls a front page of teasers a listing', () => {
    const html = page(`<section class="top-stories">${Array.from({ length: 12 }, (_, i) => teaser(i)).join('')}</section>`);
    const r = extract(html);
    expect(r.notArticle).toBe(true);
    expect(r.blocks).toEqual([]);
  });
  it('calls a gallery of pictures with short captions a listing', () => {
    const pics = Array.from({ length: 12 }, (_, i) => `<div class="slide"><img src="${i}.jpg"><p>Slide ${i}.</p></div>`).join('');
    expect(extract(page(`<div class="gallery">${pics}</div>`)).notArticle).toBe(true);
  });
  it('calls a search results page (by its schema.org type) a listing', () => {
    const ld = '<script type="application/ld+json">{"@context":"https://schema.org","@type":"SearchResultsPage"}</script>';
    const results = Array.from({ length: 3 }, (_, i) => `<li><a href="/r${i}">Result ${i}</a> — a snippet of text about buses, number ${i}.</li>`).join('');
    const html = page(`<h1>Search: buses</h1><ul class="results">${results}</ul>`).replace('</head>', `${ld}</head>`);
    expect(extract(html).notArticle).toBe(true);
  });
  it('keeps a short article an article', () => {
    const r = extract(page(`<article><h1>Buses</h1>${paragraphs(2)}</article>`));
    expect(r.notArticle).toBe(false);
    expect(r.blocks).toContain(PROSE[0]);
  });
  it('keeps a newsletter-style article whose links follow an introduction', () => {
    const items = Array.from({ length: 8 }, (_, i) => `<h3><a href="https://example.org/${i}">Link ${i}</a></h3><p>Why link ${i} is worth reading this week.</p>`).join('');
    const r = extract(page(`<article>${paragraphs(3)}${items}</article>`));
    expect(r.notArticle).toBe(false);
  });
});

describe('listing signals', () => {
  const base: PageSignals = {
    articleMeta: false, listingMeta: false, listingUrl: false, prose: 3000, proseBlocks: 10, longestProse: 500,
    leadProse: 3000, linkedHeadings: 0, images: 0,
  };
  it('needs the text to agree before trusting a listing address or type', () => {
    expect(isNotArticle({ ...base, listingUrl: true })).toBe(false);
    expect(isNotArticle({ ...base, listingMeta: true, prose: 300, longestProse: 120, leadProse: 300 })).toBe(true);
  });
  it('reads listing addresses', () => {
    expect(isListingUrl('https://news.example.com/')).toBe(true);
    expect(isListingUrl('https://news.example.com/tag/transport/')).toBe(true);
    expect(isListingUrl('https://news.example.com/search?q=bus')).toBe(true);
    expect(isListingUrl('https://news.example.com/2024/05/12/bus-network-expands/')).toBe(false);
    expect(isListingUrl(null)).toBe(false);
  });
  it('collects JSON-LD types at any depth and survives broken JSON', () => {
    const t = jsonLdTypes(['{"@graph":[{"@type":"WebPage"},{"@type":["NewsArticle","Thing"]}]}', '{broken', '{"@type":"https://schema.org/ItemList"}']);
    expect([...t].sort()).toEqual(['ItemList', 'NewsArticle', 'Thing', 'WebPage']);
  });
});
