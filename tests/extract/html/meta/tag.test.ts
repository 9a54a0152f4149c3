import { describe, expect, it } from 'vitest';
import { extractHeadline } from '../../../../src/extract/html/meta/headline.js';
import { extractTag, lastCrumb } from '../../../../src/extract/html/meta/tag.js';
import { cleanLabel, isDateText, labelOf } from '../../../../src/extract/html/meta/labels.js';
import { ctxOf, page } from '../helpers.js';

const NAV = '<nav class="site-nav"><ul><li><a href="/news">News</a></li><li><a href="/sport">Sport</a></li><li><a href="/arts">Arts</a></li><li><a href="/money">Money</a></li><li><a href="/travel">Travel</a></li></ul></nav>';
const BODY = '<div class="story"><p>The first paragraph of the story goes on for a while, as first paragraphs do, with detail.</p><p>The second paragraph adds more detail, quotes and numbers, long enough to read as prose.</p></div>';

function tag(head: string, body: string, byline: string | null = null) {
  const ctx = ctxOf(page(head, body));
  return extractTag(ctx, extractHeadline(ctx), byline);
}

describe('tag', () => {
  it('takes the kicker just above the headline', () => {
    const r = tag('<title>Bridge reopens | Gazette</title>', `${NAV}<article><header><a class="kicker" href="/local">Local</a><h1>Bridge reopens</h1></header>${BODY}</article>`);
    expect(r).toEqual({ text: 'Local', rule: 'kicker' });
  });

  it('takes a kicker without class words when it opens the headline block', () => {
    const r = tag('', `${NAV}<article><div class="head"><p><a href="/sci">Science</a></p><h1>Comet probe ends its mission</h1></div>${BODY}</article>`);
    expect(r?.text).toBe('Science');
  });

  it('never takes the last item of the site menu above the headline', () => {
    expect(tag('', `${NAV}<article><h1>Comet probe ends its mission</h1>${BODY}</article>`)).toBeNull();
  });

  it('looks past a date and an "Updated" flag to the kicker', () => {
    const r = tag('', `<div class="hdr"><div class="section-label"><a href="/biz">Business</a></div><time>March 3, 2020</time><span>Updated</span><h1>Rates rise again in March</h1></div>${BODY}`);
    expect(r?.text).toBe('Business');
  });

  it('reads the label part of a line with flags: "Business · Updated", "Biz & IT —"', () => {
    expect(labelOf('Business · Updated', [], null)).toBe('Business');
    expect(labelOf('Biz & IT —', [], null)).toBe('Biz & IT');
    expect(labelOf('Tech · Science', [], null)).toBeNull();
    expect(cleanLabel('Categories: News')).toBe('News');
    expect(cleanLabel('Filed under 2020 Election')).toBe('2020 Election');
  });

  it('takes the last breadcrumb that is neither home nor the article itself', () => {
    const r = tag('', `${NAV}<ol class="breadcrumbs"><li><a href="/">Home</a></li><li><a href="/crafts">Crafts</a></li><li><a href="/diy">DIY Projects</a></li><li>How to Build a Terrarium</li></ol><header><h1>How to Build a Terrarium</h1></header>${BODY}`);
    expect(r).toEqual({ text: 'DIY Projects', rule: 'breadcrumb' });
    expect(lastCrumb(['首页', '科技频道', '探索者', '正文'], [], 'x')).toBe('探索者');
    expect(lastCrumb(['Home', 'Silver Society – The young old people'], [], 'Silver Society – The young old people')).toBeNull();
  });

  it('reads a breadcrumb written as one line of text', () => {
    const r = tag('', `<div class="wrap"><div>Front Page » Transportation » Transit board rejects the plan</div><h1>Transit board rejects the plan</h1></div>${BODY}`);
    expect(r?.text).toBe('Transportation');
  });

  it('returns null when several labels are shown and none is marked', () => {
    const r = tag('', `<header><ul class="labels"><li><a href="/a">FCC</a></li><li><a href="/b">Net Neutrality</a></li></ul><h1>The chairman steps down</h1></header>${BODY}`);
    expect(r).toBeNull();
  });

  it('does not take the columnist name, a caption credit or an alternative title for a kicker', () => {
    expect(tag('', `<header><p><a href="/au">Laurie Oakes</a></p><h1>Angry media will not buckle</h1></header>${BODY}`, 'Laurie Oakes')).toBeNull();
    expect(tag('', `<header><div class="image-credit">Getty Images</div><h1>Angry media will not buckle</h1></header>${BODY}`)).toBeNull();
  });

  it('does not take the blog name <h1> above a post title set in a lower heading', () => {
    const r = tag('<script type="application/ld+json">{"@type":"BlogPosting","headline":"The Bountiful Update"}</script>',
      `<h1><a href="/">Minecraft News</a></h1><div class="post"><h3><a href="/p/1">Minecraft 1.8 - The Bountiful Update</a></h3>${BODY}</div>`);
    expect(r).toBeNull();
  });

  it('takes a single category label under the headline when the line says so', () => {
    const r = tag('', `<div class="single-header"><h1>The endorsement race is getting interesting</h1><p class="byline">By Ann Lee</p><p class="meta">Filed under <a href="/tag/2020">2020 Election</a></p></div>${BODY}`);
    expect(r).toEqual({ text: '2020 Election', rule: 'category' });
  });

  it('uses the section label inside the <h1> ("Local News |" + headline)', () => {
    const r = tag('<title>Brothel busted in Boston</title>', `<h1><div class="entry-section"><a href="/local/">Local News | </a></div><span>Brothel busted in Boston</span></h1>${BODY}`);
    expect(r?.text).toBe('Local News');
  });

  it('takes a label set inside the <h1> before the headline, and never a photo credit', () => {
    const r = tag('<meta property="og:title" content="Why collaborative thinking wins">',
      `<header><h1><span>Open Progress</span> Why collaborative thinking wins</h1></header>${BODY}`);
    expect(r).toEqual({ text: 'Open Progress', rule: 'kicker' });
    const credit = tag('', `<div class="article-photo-credit"><div class="photo-credit">Paul Volcker during a meeting in 2009. SAUL LOEB/AFP/Getty Images</div></div><div class="article-title"><h1>The Collapse of Neoliberalism</h1></div>${BODY}`);
    expect(credit).toBeNull();
  });

  it('knows dates it cannot read are still dates', () => {
    expect(isDateText('February 4, 2020 • words by Kanae N.')).toBe(true);
    expect(isDateText('The island makes a quick comeback after decades, says a report from 6 January 2020 and more words')).toBe(false);
    expect(isDateText('Dec 28 Sat 2013 00:28')).toBe(true);
    expect(isDateText('2020 Election')).toBe(false);
  });
});
