// Small reproductions of what real pages taught the extractor (the corpus page in each comment).
// Every one failed before the fix it guards.
import { describe, expect, it } from 'vitest';
import { PROSE, bodyText, extract, page, paragraphs } from './helpers.js';

const long = (i: number) => `Caption number ${i} tells a long story about a company, its results, its chief executive and the markets, `
  + 'with several clauses, commas and details, so that it reads like prose even though it belongs to a picture gallery.';

describe('regressions from real pages', () => {
  it('prunes a gallery widget full of long captions even when it holds most of the prose (readability-bug-1255978)', () => {
    const legends = Array.from({ length: 8 }, (_, i) => `<li><h2>${i + 1}/8 Title ${i}</h2><p>${long(i)}</p></li>`).join('');
    const html = page(`<article class="full-article"><div class="text-wrapper">${paragraphs(4)}
      <div class="gallery-widget"><ul class="legends">${legends}</ul></div>${paragraphs(2, 4)}</div></article>`);
    const text = bodyText(extract(html));
    for (const p of PROSE) expect(text).toContain(p);
    expect(text).not.toContain('Caption number');
  });

  it('joins article sections whose paragraphs sit too deep to vote for them (readability-quanta-1)', () => {
    const deep = (inner: string) => `<div class="part"><div><div><div><div><div class="copy">${inner}</div></div></div></div></div></div>`;
    const html = page(`<div class="post-body">${deep(paragraphs(2))}${deep(paragraphs(4, 2))}</div>`);
    expect(extract(html).blocks).toEqual(PROSE);
  });

  it('does not let a well-named box with one caption outscore the article (readability-cnn)', () => {
    const html = page(`<div class="lead"><div class="story-top"><div class="video-player"><p>The priest saving the city's gangs, in a short video</p></div></div></div>
      <div class="wrap"><div class="column">${paragraphs(4)}</div></div>`);
    expect(extract(html).blocks).toEqual(PROSE.slice(0, 4));
  });

  it('keeps an article whose wrapper has a boilerplate name but content-named insides (trafilatura thepointsguy)', () => {
    const junk = `<section class="advertiser-disclosure"><p>${'Many of the offers on this site come from partners who pay us, which may affect how products appear. '.repeat(6)}</p></section>`;
    const html = page(`${junk}<div class="above-footer"><div class="post-content"><div class="article-body">${paragraphs()}</div></div></div>`);
    expect(bodyText(extract(html))).toContain(PROSE[3]);
  });

  it('does not let "comment-text" inside a comment list vouch for the list (trafilatura hearya)', () => {
    const comment = (i: number) => `<dd class="comment"><div class="format_text" id="comment-body-${i}"><p>${long(i)}</p></div></dd>`;
    const html = page(`<div class="post">${paragraphs(4)}</div><div id="comments"><dl id="comment_list">${[1, 2, 3, 4, 5, 6].map(comment).join('')}</dl></div>`);
    const text = bodyText(extract(html));
    expect(text).toContain(PROSE[0]);
    expect(text).not.toContain('Caption number');
  });

  it('drops a paragraph named like boilerplate inside the article (trafilatura villagevoice)', () => {
    const html = page(`<article>${paragraphs()}<p class="ad-disclosure">We may be paid when you buy through the links in our stories, thank you.</p></article>`);
    expect(bodyText(extract(html))).not.toContain('We may be paid');
  });

  it('reads the <noscript> copy of a script-rendered article (trafilatura googleblog)', () => {
    const html = page(`<div class="post-body"><script type="text/template">${paragraphs()}</script><noscript>${paragraphs()}</noscript></div>`);
    const r = extract(html);
    expect(r.blocks).toEqual(PROSE);
    expect(r.rule).toContain('noscript');
  });

  it('reads streamed chunks parked in hidden elements when nothing else is visible (defuddle lesswrong)', () => {
    const html = page(`<div id="app"><template id="B:1"></template></div><div hidden id="S:1"><div class="post-content">${paragraphs()}</div></div>`);
    const r = extract(html);
    expect(r.blocks).toEqual(PROSE);
    expect(r.rule).toContain('hidden');
  });

  it('joins sibling sections with similar class lists (postlight politico)', () => {
    const html = page(`<div class="page"><section class="row row--story"><div class="text"><div><div><div>${paragraphs(2)}</div></div></div></div></section>
      <section class="row row--story main-section"><div class="text">${paragraphs(4, 2)}</div></section>
      <section class="row row--story below"><a href="/x">More</a> <a href="/y">Other stories</a></section></div>`);
    expect(extract(html).blocks).toEqual(PROSE);
  });

  it('keeps headings whose class mentions "header" (postlight buzzfeed)', () => {
    const item = (i: number) => `<div class="item"><h2 class="item__header">${PROSE[i]}</h2></div>`;
    const html = page(`<article>${[0, 1, 2, 3, 4, 5].map(item).join('')}</article>`);
    expect(bodyText(extract(html))).toContain(PROSE[4]);
  });

  it('keeps a short article that has a couple of buttons, drops a buy box of buttons (postlight yahoo, trafilatura springer)', () => {
    const html = page(`<div class="main"><button>Follow</button><button>Share</button>${paragraphs(3)}
      <div class="box"><p>Instant access to the full text.</p><button>Buy article</button><button>Subscribe</button></div></div>`);
    const text = bodyText(extract(html));
    expect(text).toContain(PROSE[2]);
    expect(text).not.toContain('Instant access');
  });

  it('does not end the article at a table cell that reads "Comment" (readability-dropbox-blog)', () => {
    const html = page(`<article>${paragraphs(4)}<table><tr><td>Comment</td></tr><tr><td>Field that holds the note</td></tr></table>${paragraphs(2, 4)}</article>`);
    expect(bodyText(extract(html))).toContain(PROSE[5]);
  });
});

describe('page-level siblings', () => {
  it('does not take a banner beside the page wrapper for the lead paragraph (readability-qq)', () => {
    const html = `<html><body><div class="browser-tip">Your browser is out of date, update it now to browse the site three times faster, it only takes a minute of your time ×</div>
      <div class="wrapper"><div class="main"><div class="article">${paragraphs()}</div></div></div></body></html>`;
    expect(extract(html).blocks).toEqual(PROSE);
  });
});

describe('the article header box', () => {
  it('drops the header box (kicker, headline, deck, byline) above the text (postlight sbnation, theverge)', () => {
    const header = `<div class="entry-hero"><p class="kicker">Transport</p><h1>Buses for all</h1>
      <p class="dek">The network grows by four routes, and the suburbs finally get a direct line to the hospital.</p><p>By Jane Doe</p></div>`;
    const html = page(`<article>${header}<div class="entry-content">${paragraphs()}</div></article>`);
    expect(extract(html, {}, { headline: 'Buses for all', deck: null }).blocks).toEqual(PROSE);
  });
  it('keeps introductory paragraphs that share the headline\'s box (trafilatura thelist)', () => {
    const html = page(`<article><div class="intro"><h1>Buses for all</h1>${paragraphs(3)}</div><div class="more">${paragraphs(3, 3)}</div></article>`);
    expect(extract(html, {}, { headline: 'Buses for all', deck: null }).blocks).toEqual(PROSE);
  });
});

describe('pictures and list entries', () => {
  it('keeps paragraphs that share a box with several icons (trafilatura politico)', () => {
    const icons = Array.from({ length: 7 }, (_, i) => `<img src="icon-${i}.svg">`).join('');
    const html = page(`<article><div class="lead-row"><div class="share">${icons}</div>${paragraphs(3)}</div>${paragraphs(3, 3)}</article>`);
    expect(extract(html).blocks).toEqual(PROSE);
  });
  it('keeps a leading list entry written "Title · Author (year)" (trafilatura nextkabinett)', () => {
    const html = page(`<article><ul><li>The Garden · Derek Jarman (1990)</li><li>${PROSE[0]}</li></ul>${paragraphs(5, 1)}</article>`);
    expect(extract(html).blocks[0]).toBe('The Garden · Derek Jarman (1990)');
  });
});

describe('notes that belong to the article', () => {
  it('keeps the footnotes below the text, without their bare number links (defuddle daringfireball, 12gramsofcarbon)', () => {
    const note = (i: number) => `<div class="footnote"><a class="footnote-number" href="#ref-${i}">${i}</a><div class="footnote-content"><p>${PROSE[i]}</p></div></div>`;
    const html = page(`<article class="post">${paragraphs(4)}<div class="footnotes"><ol><li id="fn1"><p>${PROSE[4]}</p></li></ol></div>${note(5)}</article>`);
    expect(extract(html).blocks).toEqual(PROSE);
  });
});

describe('recipes', () => {
  it('reads a recipe from its steps up: ingredients and tips in sibling boxes join (trafilatura bettycrocker)', () => {
    const step = (text: string) => `<li class="step"><div class="step-text"><div class="step-description" itemprop="text">${text}<div class="spacer"></div></div></div></li>`;
    const html = page(`<div class="recipe-detail"><div class="columns">
      <div class="recipe-ingredients primary"><h2>Ingredients</h2><div class="part">can (20 oz) pineapple slices in juice, drained</div><div class="part">jar (6 oz) cherries without stems, drained</div></div>
      <div class="recipe-steps primary"><h2>Steps</h2><ul class="steps">${step(`${PROSE[0]} ${PROSE[1]}`)}${step(`${PROSE[2]} ${PROSE[5]}`)}${step('Cool for five minutes, then serve.')}</ul></div>
      <div class="recipe-tips primary"><h2>Tips</h2><ul><li>${PROSE[3]}</li><li>${PROSE[4]}</li></ul></div></div></div>`);
    const text = bodyText(extract(html));
    expect(text).toContain('pineapple slices in juice');
    for (const p of PROSE) expect(text).toContain(p);
  });
});

describe('short articles', () => {
  it('keeps a short article read completely by the strict pass, not the sidebar a looser pass adds to it', () => {
    const side = `<div class="sidebar-widget"><h3>About us</h3><p>${'We are a small independent newsroom covering transport, housing and the environment in the northern region, funded by readers like you. '.repeat(4)}</p></div>`;
    const r = extract(page(`<article class="post"><h1>Buses</h1>${paragraphs(2)}</article>`, side));
    expect(r.blocks).toEqual(PROSE.slice(0, 2));
    expect(r.rule).toBe('score:strict');
  });
});

describe('notes beside the article', () => {
  it('joins a one-sentence editor\'s note boxed just before the article (trafilatura salon)', () => {
    const html = page(`<div class="posts"><section class="writer"><h5><a href="/w">Jane Doe</a></h5><h6>January 10, 2020</h6></section>
      <section class="source"><p class="editors-note">This post originally appeared on <a href="https://example.org/x">Grist</a>.</p></section>
      <article>${paragraphs()}</article></div>`);
    expect(extract(html).blocks).toEqual(['This post originally appeared on Grist.', ...PROSE]);
  });
  it('joins the lead paragraph set apart in its own box before the text', () => {
    const html = page(`<div class="story"><div class="lead"><p><strong>${PROSE[0]}</strong></p></div><div class="story-body">${paragraphs(5, 1)}</div></div>`);
    expect(extract(html).blocks).toEqual(PROSE);
  });
  it('does not join wrapped notes after the text: author bios, disclosures (readability-wapo-1, postlight fool)', () => {
    const html = page(`<div class="story"><div class="story-body">${paragraphs()}</div><div class="sig-line"><div class="post-body-bio">Jane Doe covers the city for the paper. She previously covered conflicts abroad for a wire service.</div></div></div>`);
    expect(extract(html).blocks).toEqual(PROSE);
  });
  it('does not join a wrapped standfirst or a named author box that way (postlight theguardian, readability-wapo-2)', () => {
    const html = page(`<div class="posts"><div class="standfirst"><div><p>Apprehension and distrust pervade the protest site as promises that there are no plans to remove people do little to reassure</p></div></div>
      <article>${paragraphs()}</article><div class="author-bio"><p>Jane Doe covers the city.</p></div></div>`);
    expect(extract(html).blocks).toEqual(PROSE);
  });
});

describe('gated text', () => {
  it('keeps paragraphs marked as behind a paywall: they are the article (postlight wired, newyorker)', () => {
    const gated = PROSE.slice(4).map((p) => `<p class="paywall">${p}</p>`).join('');
    const html = page(`<article><div class="body__inner-container">${paragraphs(4)}${gated}</div></article>`);
    expect(extract(html).blocks).toEqual(PROSE);
  });
});

describe('slideshow articles', () => {
  it('reads slides whose text sits in long figcaptions, still dropping short captions (postlight popsugar)', () => {
    const slide = (from: number, n: number) => `<figure class="slide"><img src="s${from}.jpg" alt=""><figcaption class="slide-caption">${paragraphs(n, from)}</figcaption></figure>`;
    const html = page(`<article class="post"><div class="post-content">${paragraphs(1)}</div><div class="slides">${slide(1, 3)}${slide(3, 3)}
      <figure><img src="x.jpg"><figcaption>The bus depot at night, photographed from the roof.</figcaption></figure></div></article>`);
    const text = bodyText(extract(html));
    for (const p of PROSE) expect(text).toContain(p);
    expect(text).not.toContain('bus depot at night');
  });
});
