import { describe, expect, it } from 'vitest';
import { agreement, jsonLdArticleBody, referenceShingles } from '../../../../src/extract/html/body/evidence.js';
import { PROSE, bodyText, extract, page } from './helpers.js';

describe('JSON-LD articleBody', () => {
  it('finds the longest articleBody in @graph and arrays, strips tags and entities, survives broken JSON', () => {
    const scripts = ['{"@graph":[{"@type":"NewsArticle","articleBody":"Short"},{"articleBody":"<p>Longer &amp; better</p>"}]}', '{oops'];
    expect(jsonLdArticleBody(scripts)?.trim()).toBe('Longer & better');
    expect(jsonLdArticleBody(['{"@type":"WebPage"}'])).toBeNull();
  });
  it('measures agreement as word-trigram F1', () => {
    const ref = referenceShingles(PROSE.join(' '));
    expect(agreement(ref, PROSE.join(' '))).toBe(1);
    expect(agreement(ref, 'nothing in common at all here')).toBe(0);
    expect(agreement(ref, PROSE.slice(0, 3).join(' '))).toBeGreaterThan(0.5);
  });
  it('uses the articleBody when the page renders its text with script and no attempt resembles it', () => {
    const ld = `<script type="application/ld+json">${JSON.stringify({ '@type': 'NewsArticle', articleBody: PROSE.join('\n') })}</script>`;
    const html = page('<div id="app"><p>Loading…</p></div>').replace('</head>', `${ld}</head>`);
    const r = extract(html);
    expect(r.rule).toBe('json-ld');
    expect(r.blocks).toEqual(PROSE);
  });
  it('does not replace a good extraction with the evidence', () => {
    const ld = `<script type="application/ld+json">${JSON.stringify({ '@type': 'NewsArticle', articleBody: PROSE.join(' ') })}</script>`;
    const html = page(`<article>${PROSE.map((p) => `<p>${p}</p>`).join('')}</article>`).replace('</head>', `${ld}</head>`);
    const r = extract(html);
    expect(r.rule).toBe('score:strict');
    expect(bodyText(r)).toBe(PROSE.join('\n\n'));
  });
});
