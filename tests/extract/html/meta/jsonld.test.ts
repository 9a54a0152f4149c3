import { describe, expect, it } from 'vitest';
import { articleNodes, declaresListing, ldString, parseLoose, readJsonLd } from '../../../../src/extract/html/meta/jsonld.js';
import { ctxOf, page } from '../helpers.js';

const ld = (obj: unknown) => `<script type="application/ld+json">${typeof obj === 'string' ? obj : JSON.stringify(obj)}</script>`;
const scripts = (html: string) => ctxOf(html).scan.byTag.get('script') ?? [];

describe('JSON-LD', () => {
  it('reads @graph and picks the article node', () => {
    const html = page(ld({ '@context': 'https://schema.org', '@graph': [
      { '@type': 'WebSite', name: 'Example News' },
      { '@type': ['NewsArticle'], headline: 'Rates rise again', author: [{ '@type': 'Person', name: 'Ann Lee' }] },
    ] }), '');
    const nodes = readJsonLd(scripts(html));
    expect(nodes.map((n) => n['@type'])).toEqual(['WebSite', ['NewsArticle'], 'Person']);
    expect(ldString(articleNodes(nodes)[0]!['headline'])).toBe('Rates rise again');
  });

  it('reads top-level arrays and nested article types', () => {
    const html = page(ld([{ '@type': 'Organization', name: 'Org' }, { '@type': 'ReportageNewsArticle', headline: 'Field report' }]), '');
    expect(ldString(articleNodes(readJsonLd(scripts(html)))[0]!['headline'])).toBe('Field report');
  });

  it('skips broken JSON without throwing, and repairs the common breakage', () => {
    expect(parseLoose('{"@type": "Article", "headline": "A",}')).toEqual({ '@type': 'Article', headline: 'A' });
    expect(parseLoose('<!-- {"@type": "Article"} -->')).toEqual({ '@type': 'Article' });
    expect(parseLoose('{"headline": "line one\nline two"}')).toEqual({ headline: 'line one line two' });
    expect(parseLoose('{"@type": "Article", headline: }')).toBeUndefined();
    const html = page(ld('{ this is not json') + ld({ '@type': 'BlogPosting', headline: 'Still found' }), '');
    expect(ldString(articleNodes(readJsonLd(scripts(html)))[0]!['headline'])).toBe('Still found');
  });

  it('reads values given as objects, lists and entity-escaped strings', () => {
    expect(ldString({ '@value': 'x' })).toBe('x');
    expect(ldString([{ name: 'First' }, { name: 'Second' }])).toBe('First');
    expect(ldString('We&#039;re here')).toBe("We're here");
    expect(ldString('   ')).toBeNull();
  });

  it('declares a listing only when no article node exists', () => {
    expect(declaresListing([{ '@type': 'CollectionPage' }])).toBe(true);
    expect(declaresListing([{ '@type': 'ItemList' }, { '@type': 'NewsArticle', headline: 'x' }])).toBe(false);
    expect(declaresListing([{ '@type': 'WebPage' }])).toBe(false);
  });
});
