import { describe, expect, it } from 'vitest';
import { extractHeadline } from '../../../../src/extract/html/meta/headline.js';
import { ctxOf, page } from '../helpers.js';

const headline = (head: string, body: string) => extractHeadline(ctxOf(page(head, body)));

describe('headline', () => {
  it('takes the <h1> that agrees with the metadata, not the site name in <title>', () => {
    const r = headline('<title>Rates rise again | Example News</title><meta property="og:site_name" content="Example News">',
      '<h1>Rates rise again</h1><p>Text.</p>');
    expect(r).toMatchObject({ text: 'Rates rise again', rule: 'h1' });
  });

  it('ignores a logo <h1> and a sidebar <h1> when the article <h1> agrees with og:title', () => {
    const r = headline('<meta property="og:title" content="Bridge reopens after repairs"><title>Bridge reopens after repairs - Town Gazette</title>',
      '<header><h1 class="site-logo"><a href="/">Town Gazette</a></h1></header>'
      + '<aside><h1>Most read</h1></aside><article><h1>Bridge reopens after repairs</h1><p>Body.</p></article>');
    expect(r?.text).toBe('Bridge reopens after repairs');
  });

  it('prefers the post title in an <h2> when the <h1> is the blog name', () => {
    const r = headline('<title>Four Years Later » Blog Archive » Interning of Small Integers in Python</title>',
      '<h1>Four Years Later</h1><div class="post"><h2>Interning of Small Integers in Python</h2><p>Body.</p></div>');
    expect(r).toMatchObject({ text: 'Interning of Small Integers in Python', rule: 'h2' });
  });

  it('keeps the visible <h1> when the SEO title says something else', () => {
    const r = headline('<title>Why the new tax plan costs renters more | Example</title>',
      '<article><h1>The Renters’ Bill</h1><p>Body.</p></article>');
    expect(r).toMatchObject({ text: 'The Renters’ Bill', rule: 'h1' });
  });

  it('drops a section label set on its own line inside the <h1>', () => {
    const r = headline('<title>Brothel catering to politicians busted in Boston</title>',
      '<h1><div class="entry-section"><a href="/local/">Local News | </a></div><span>Brothel catering to politicians busted in Boston</span></h1>');
    expect(r?.text).toBe('Brothel catering to politicians busted in Boston');
  });

  it('drops a subtitle set inside the <h1> when the metadata title omits it', () => {
    const r = headline('<meta property="og:title" content="Deep-Fried Fish Cakes, Hot and Fresh">',
      '<h1>Deep-Fried Fish Cakes, Hot and Fresh <small>Welcome to the flavour capital</small></h1>');
    expect(r?.text).toBe('Deep-Fried Fish Cakes, Hot and Fresh');
  });

  it('prefers itemprop=headline over an <h1> marked as the alternative headline', () => {
    const r = headline('<meta property="og:title" content="The 5 Biggest Decorating Mistakes — and How to Solve Them"><title>Decorating Mistakes | Home</title>',
      '<header><h1 itemprop="alternativeHeadline">Decorating Mistakes</h1><h2 itemprop="headline">The 5 Biggest Decorating Mistakes — and How to Solve Them</h2></header>');
    expect(r?.text).toBe('The 5 Biggest Decorating Mistakes — and How to Solve Them');
  });

  it('falls back to the cleaned metadata title on pages without headings', () => {
    const r = headline('<meta property="og:site_name" content="Example News"><title>Rates rise again | Example News</title>', '<p>Only text.</p>');
    expect(r).toMatchObject({ text: 'Rates rise again', rule: 'title' });
    const ld = headline('<script type="application/ld+json">{"@type":"NewsArticle","headline":"From JSON-LD"}</script><title>Other | Site</title>', '<p>x</p>');
    expect(ld).toMatchObject({ text: 'From JSON-LD', rule: 'json-ld' });
  });

  it('ignores hidden headings and an application-name that is really the title', () => {
    const r = headline('<meta name="application-name" content="Sad movies are good for you"><title>Sad movies are good for you</title>',
      '<h1 style="display:none">Hidden thing</h1><h1>Sad movies are good for you</h1>');
    expect(r?.text).toBe('Sad movies are good for you');
  });

  it('finds a post title set in an <h3> when it agrees with the metadata (blog themes)', () => {
    const r = headline('<script type="application/ld+json">{"@type":"BlogPosting","headline":"The Bountiful Update"}</script>',
      '<h1>Minecraft News</h1><div class="post"><h3><a href="/p/1">Minecraft 1.8 - The Bountiful Update</a></h3><p>Body.</p></div>');
    expect(r).toMatchObject({ text: 'Minecraft 1.8 - The Bountiful Update', rule: 'h3' });
  });

  it('returns null on an empty page', () => {
    expect(headline('', '')).toBeNull();
  });
});
