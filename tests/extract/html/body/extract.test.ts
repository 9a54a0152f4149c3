import { describe, expect, it } from 'vitest';
import { PROSE, bodyText, extract, page, paragraphs } from './helpers.js';

describe('extractHtmlBody: choosing the article', () => {
  it('returns the article paragraphs and none of the site chrome (nor the <h1> headline)', () => {
    const r = extract(page(`<article><h1>Buses</h1>${paragraphs()}<h2>What comes next</h2><p>More later.</p></article>`));
    expect(r.blocks).toEqual([...PROSE, 'What comes next', 'More later.']);
    expect(r.rule).toBe('score:strict');
    expect(r.notArticle).toBe(false);
    const text = bodyText(r);
    for (const junk of ['Home', 'Sport', 'All rights reserved', 'Tracking script', 'color: red']) expect(text).not.toContain(junk);
  });
  it('drops a leading heading that repeats the headline hint', () => {
    const r = extract(page(`<article><h1>Buses  for all</h1>${paragraphs()}</article>`), {}, { headline: 'Buses for all', deck: null });
    expect(r.blocks[0]).toBe(PROSE[0]);
  });
  it('joins the sections of an article split over sibling boxes', () => {
    const html = page(`<div class="story-part">${paragraphs(3)}</div><div class="ad-slot"><a href="/buy">Buy now</a></div>
      <div class="story-part">${paragraphs(3, 3)}</div>`);
    expect(extract(html).blocks).toEqual(PROSE);
  });
});
