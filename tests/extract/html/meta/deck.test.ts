import { describe, expect, it } from 'vitest';
import { extractHeadline } from '../../../../src/extract/html/meta/headline.js';
import { extractDeck } from '../../../../src/extract/html/meta/deck.js';
import { ctxOf, page } from '../helpers.js';

const P1 = 'The council voted on Tuesday night to reopen the bridge after two years of repairs and delays.';
const P2 = 'Engineers said the steel had been replaced, the deck resurfaced and the lights rewired for the winter.';
const P3 = 'Traffic is expected to return to normal by the end of the month, officials said in a statement.';
const BODY = `<div class="story"><p>${P1}</p><p>${P2}</p><p>${P3}</p></div>`;

function deck(head: string, body: string, byline: string | null = null) {
  const ctx = ctxOf(page(head, body));
  return extractDeck(ctx, extractHeadline(ctx), { byline });
}

describe('deck', () => {
  it('takes a deck-classed standfirst under the headline, past byline and date', () => {
    const r = deck('', `<header><h1>Bridge reopens</h1><p class="byline">By Ann Lee</p><time>May 3, 2021</time><p class="article-dek">Two years and $40m later, the river crossing is back</p></header>${BODY}`, 'Ann Lee');
    expect(r).toEqual({ text: 'Two years and $40m later, the river crossing is back', rule: 'dek-class' });
  });

  it('takes a sub-heading set right after the headline', () => {
    const r = deck('', `<header><h1>Bridge reopens</h1><h2>Two years and $40m later, the river crossing is back.</h2></header>${BODY}`);
    expect(r).toEqual({ text: 'Two years and $40m later, the river crossing is back.', rule: 'subheading' });
  });

  it('returns null when the meta description is just the first paragraph', () => {
    const r = deck(`<meta name="description" content="${P1}">`, `<article><h1>Bridge reopens</h1>${BODY}</article>`);
    expect(r).toBeNull();
    // …also when the first paragraph sits alone in the container the headline shares.
    const flat = deck(`<meta property="og:description" content="${P1}">`, `<div class="post"><h1>Bridge reopens</h1><p>${P1}</p><p>${P2}</p><p>${P3}</p></div>`);
    expect(flat).toBeNull();
  });

  it('takes the description when the page shows it in the article header, apart from the story', () => {
    const desc = 'Two years and $40m later, the river crossing is open to traffic again';
    const r = deck(`<meta property="og:description" content="${desc}">`, `<header class="top"><h1>Bridge reopens</h1><p>${desc}</p><span class="author">Ann Lee</span></header>${BODY}`);
    expect(r).toEqual({ text: desc, rule: 'meta:description' });
  });

  it('returns null on a key-points box and on a caption', () => {
    expect(deck('', `<header><h1>Bridge reopens</h1><ul class="key-points"><li>The bridge reopens after two years of repairs</li><li>Traffic should return to normal this month</li></ul></header>${BODY}`)).toBeNull();
    expect(deck('', `<header><h1>Bridge reopens</h1><figure><img src="a.jpg"><figcaption>The bridge at dawn on Tuesday, seen from the east bank.</figcaption></figure></header>${BODY}`)).toBeNull();
  });

  it('takes a strapline even inside the byline row', () => {
    const r = deck('', `<header><h1>Where to buy the new cards</h1><div class="byline-social"><p class="byline">By Ann Lee</p><p class="strapline">How to get one before they sell out.</p></div></header>${BODY}`, 'Ann Lee');
    expect(r?.text).toBe('How to get one before they sell out.');
  });

  it('takes a Medium-style subtitle that shares the container with the story', () => {
    const r = deck('', `<div class="section-inner"><h1>Inside the drug lab</h1><h4>Welcome to the lab where the drugs you bought online are tested.</h4><p>${P1}</p><p>${P2}</p><p>${P3}</p></div>`);
    expect(r).toEqual({ text: 'Welcome to the lab where the drugs you bought online are tested.', rule: 'subheading' });
  });

  it('skips a display copy of the headline', () => {
    expect(deck('', `<header><h1>Prince -- Woman Warns Estate</h1><h2>Prince Woman Warns Estate</h2></header>${BODY}`)).toBeNull();
  });

  it('joins a deck broken over lines', () => {
    const r = deck('', `<header><h1>Bridge reopens</h1><p class="dek">Two years later,<br>the crossing is back</p></header>${BODY}`);
    expect(r?.text).toBe('Two years later, the crossing is back');
  });

  it('takes a subtitle set inside the <h1>', () => {
    const r = deck('<meta property="og:title" content="Deep-Fried Fish Cakes, Hot and Fresh">',
      `<h1>Deep-Fried Fish Cakes, Hot and Fresh <small>Welcome to the flavour capital of the north</small></h1>${BODY}`);
    expect(r).toEqual({ text: 'Welcome to the flavour capital of the north', rule: 'headline-subtitle' });
  });

  it('leaves a date shown inline after the deck out of it, and skips meta lines', () => {
    const r = deck('', `<div class="hl"><h1>Goats ruled this island</h1><div class="hl__deck"><h2 class="hl__text">The island makes a quick comeback. What is the secret?<span>Monday, 6 January 2020</span></h2></div></div>${BODY}`);
    expect(r?.text).toBe('The island makes a quick comeback. What is the secret?');
    const meta = deck('', `<div class="head"><h1>Fish cakes, hot and fresh</h1><p class="article-meta">February 4, 2020 • words by Kanae N. • art by Koichi</p></div>${BODY}`);
    expect(meta).toBeNull();
  });

  it('returns null without a located headline', () => {
    expect(extractDeck(ctxOf(page('', BODY)), null)).toBeNull();
  });
});
