// Hostile HTML through the whole pipeline: every page must come back (an article, or no_body)
// in bounded time, with fields that are still single-line text. Times are generous ceilings for
// a slow CI machine; the point is "seconds, not minutes".
import { describe, expect, it } from 'vitest';
import { boundNesting, MAX_HTML_DEPTH } from '../../src/input/html-depth.js';
import { articleHtml, run } from './helpers.js';

const PARA = (i: number) =>
  `<p>The harbour project reached stage ${i} on Monday morning, three weeks earlier than planned, after engineers finished replacing corroded cables along the northern span.</p>`;
const PARAS = Array.from({ length: 5 }, (_, i) => PARA(i)).join('');
const page = (body: string, head = '') =>
  `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Harbour works | Daily Post</title>${head}</head><body>${body}</body></html>`;

function html(text: string) {
  const r = run(text, { hint: 'page.html' });
  expect(r.thrown).toBeUndefined();
  const a = r.result!;
  expect(['ok', 'no_body']).toContain(a.status);
  for (const f of [a.headline, a.deck, a.tag, a.byline]) if (f !== null) expect(f).not.toMatch(/\n/);
  return { ...a, seconds: r.seconds };
}

describe('deep nesting', () => {
  it('100,000 nested <div>s: seconds, not minutes, and the article is still found', () => {
    const r = html(page('<div>'.repeat(100_000) + '<h1>Harbour works finish early</h1>' + PARAS + '</div>'.repeat(100_000)));
    expect(r.seconds).toBeLessThan(8);
    expect(r.headline).toBe('Harbour works finish early');
    expect(r.body).toContain('reached stage 4 on Monday morning');
  }, 60_000);

  it('100,000 unclosed inline tags (<b><i> soup) and unclosed <div>s', () => {
    for (const soup of ['<b><i>'.repeat(50_000), '<div>'.repeat(100_000), '<span>'.repeat(100_000)]) {
      const r = html(page('<h1>Harbour works finish early</h1>' + soup + PARAS));
      expect(r.seconds).toBeLessThan(8);
      expect(r.body).toContain('reached stage 4 on Monday morning');
    }
  }, 60_000);

  it('the depth bound leaves real pages untouched and keeps words apart where it cuts', () => {
    const real = articleHtml(1);
    expect(boundNesting(real)).toBe(real);
    const deep = '<div>'.repeat(MAX_HTML_DEPTH + 3) + 'a<b>b</b>c' + '</div>'.repeat(MAX_HTML_DEPTH + 3);
    const bounded = boundNesting(deep);
    expect(bounded).not.toBe(deep);
    expect(bounded.match(/<div>/g)).toHaveLength(MAX_HTML_DEPTH);
    expect(bounded.match(/<\/div>/g)).toHaveLength(MAX_HTML_DEPTH);
    expect(bounded).toContain('a b c');
    // Script text and comments are not tags, however many "<div>" they hold.
    const scripted = `<script>${'<div>'.repeat(2000)}</script><!-- ${'<div>'.repeat(2000)} -->${real}`;
    expect(boundNesting(scripted)).toBe(scripted);
  });

  it('the depth scan itself is linear on tag soup that defeats naive scanners', () => {
    for (const soup of ['<a'.repeat(500_000), '<a "'.repeat(200_000), '</span>'.repeat(200_000) + '<div>'.repeat(600), '<'.repeat(1_000_000)]) {
      const t = performance.now();
      boundNesting(soup);
      expect(performance.now() - t).toBeLessThan(2000);
    }
  });
});

describe('odd but valid documents', () => {
  it.each([
    ['unclosed tags everywhere', page('<h1>Harbour works finish early' + '<p>Unclosed paragraph about the harbour works <a href=x>link <b>bold <i>it '.repeat(3000))],
    ['10,000 tables', page('<h1>Harbour works finish early</h1>' + PARAS + '<table><tr><td>cell a</td><td>cell b</td></tr></table>'.repeat(10_000))],
    ['5,000 nested tables', page('<h1>Harbour works finish early</h1>' + '<table><tr><td>'.repeat(5000) + PARAS + '</td></tr></table>'.repeat(5000))],
    ['SVG and MathML islands', page('<h1>Harbour works finish early</h1>' + PARAS + '<svg><title>t</title><text>svg text</text><foreignObject><p>inside</p></foreignObject></svg><math><mi>x</mi><mo>=</mo></math>'.repeat(1000))],
    ['<plaintext> swallowing the rest', page('<h1>Harbour works finish early</h1>' + PARAS + '<plaintext><p>after plaintext</p></body></html>')],
    ['<template> holding a decoy article', page('<template><h1>Decoy headline in a template</h1>' + PARAS.replace(/harbour/g, 'decoy') + '</template><h1>Harbour works finish early</h1>' + PARAS)],
    ['5 MB attribute values', page(`<h1 title="${'x'.repeat(5_000_000)}">Harbour works finish early</h1><div class="${'a '.repeat(1_000_000)}">${PARAS}</div>`)],
    ['an attribute quote never closed', page(`<h1>Harbour works finish early</h1>${PARAS}<div class="${'a '.repeat(500_000)}>${PARAS}</div>`)],
    ['1,000,000 stray "<"', page('<h1>Harbour works finish early</h1>' + '<'.repeat(1_000_000) + PARAS)],
    ['entities that are invalid code points', page('<h1>Harbour works finish early</h1>' + PARAS + '<p>' + '&#0;&#xD800;&#99999999;&#x1F600;&nbsp;&bogus; '.repeat(20_000) + '</p>')],
    ['an unterminated CDATA section', page('<h1>Harbour works finish early</h1>' + PARAS + '<![CDATA[' + 'x'.repeat(100_000))],
  ])('%s', (_name, text) => {
    const r = html(text);
    expect(r.seconds).toBeLessThan(10);
  }, 60_000);

  it('a page that is all <script> has no body, and no script text leaks into fields', () => {
    const r = html(page('<script>' + 'var x = "<p>not text</p>";\n'.repeat(100_000) + '</script>'));
    expect(r.status).toBe('no_body');
    expect(JSON.stringify([r.headline, r.deck, r.tag, r.byline])).not.toMatch(/var x/);
  });

  it('a frameset page has no body (its content lives in other files)', () => {
    const r = html('<html><head><title>Frames</title></head><frameset cols="50%,50%"><frame src="a.html"><frame src="b.html"><noframes><p>Your browser does not support frames.</p></noframes></frameset></html>');
    expect(r.status).toBe('no_body');
  });
});

describe('metadata that is hostile', () => {
  it('1 MB of JSON-LD whose @graph nodes all point at each other', () => {
    const graph = Array.from({ length: 8000 }, (_, i) => ({
      '@id': `#n${i}`, '@type': i === 4000 ? 'NewsArticle' : 'WebPage', headline: i === 4000 ? 'Harbour works finish early' : `Page ${i}`,
      isPartOf: { '@id': `#n${(i + 1) % 8000}` }, author: { '@id': `#n${(i * 7) % 8000}` }, mainEntityOfPage: { '@id': `#n${(i + 3) % 8000}` },
    }));
    const ld = `<script type="application/ld+json">${JSON.stringify({ '@context': 'https://schema.org', '@graph': graph })}</script>`;
    const r = html(page('<h1>Harbour works finish early</h1>' + PARAS, ld));
    expect(r.seconds).toBeLessThan(5);
    expect(r.headline).toBe('Harbour works finish early');
  });

  it('JSON-LD that is invalid, deeply nested or of the wrong types costs nothing', () => {
    const lds = [
      '{"@type":"NewsArticle","headline":"Broken',
      '{{{{',
      'null',
      '"just a string"',
      `${'{"a":'.repeat(100_000)}1${'}'.repeat(100_000)}`,
      `${'['.repeat(100_000)}${']'.repeat(100_000)}`,
      '[1,2,null,{"@type":null,"headline":{"x":1},"author":[null,5,{"name":["a",{"b":1}]}],"datePublished":{"@value":7},"articleSection":[[["x"]]]}]',
      '{"@type":["NewsArticle",7,null],"headline":["Harbour works finish early", 5],"keywords":{"a":1}}',
    ].map((j) => `<script type="application/ld+json">${j}</script>`).join('');
    const r = html(page('<h1>Harbour works finish early</h1>' + PARAS, lds));
    expect(r.headline).toBe('Harbour works finish early');
    expect(r.status).toBe('ok');
  });

  it('a meta charset naming an encoding that does not exist', () => {
    const text = page('<h1>Harbour works finish early</h1>' + PARAS, '<meta charset="x-bogus-99"><meta http-equiv="Content-Type" content="text/html; charset=utf-99">');
    const latin = Buffer.from(text.replace('early', 'early \u00e9t\u00e9'), 'latin1');
    const r = run(latin, { hint: 'a.html' });
    expect(r.result!.headline).toBe('Harbour works finish early \u00e9t\u00e9');
  });

  it('a 100,000-character headline is not taken as the headline', () => {
    const long = 'Harbour words '.repeat(7200);
    const r = html(page(`<h1>${long}</h1>` + PARAS, `<meta property="og:title" content="${long}"><meta name="twitter:title" content="${long}">`));
    expect(r.seconds).toBeLessThan(10);
    expect(r.headline === null || r.headline.length < 1000).toBe(true);
  });

  it('50,000 meta tags and 5,000 <h1>s', () => {
    expect(html(page('<h1>Harbour works finish early</h1>' + PARAS, '<meta name="description" content="d">'.repeat(50_000))).seconds).toBeLessThan(10);
    expect(html(page(('<h1>Harbour works finish early</h1>' + PARA(1)).repeat(5000))).seconds).toBeLessThan(10);
  }, 30_000);
});
