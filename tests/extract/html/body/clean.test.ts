// One fixture per cleaning rule: the article plus one kind of box that rides along with it.
import { describe, expect, it } from 'vitest';
import { PROSE, bodyText, extract, page, paragraphs } from './helpers.js';

/** The article with `box` inserted after its third paragraph. */
const withBox = (box: string, where: 'middle' | 'end' = 'middle') =>
  page(`<article>${paragraphs(3)}${where === 'middle' ? box : ''}${paragraphs(3, 3)}${where === 'end' ? box : ''}</article>`);

const expectClean = (html: string, junk: string[]) => {
  const r = extract(html);
  const text = bodyText(r);
  for (const p of PROSE) expect(text).toContain(p);
  for (const j of junk) expect(text).not.toContain(j);
};

describe('cleaning inside the article container', () => {
  it('drops share bars', () => {
    expectClean(withBox(`<div class="share-tools"><a href="#">Facebook</a> <a href="#">Twitter</a> <a href="#">Email</a></div>`), ['Facebook']);
    expectClean(withBox(`<ul class="social-links"><li><a href="#">Share on WhatsApp</a></li></ul>`, 'end'), ['WhatsApp']);
  });
  it('drops related-link lists, named or not', () => {
    expectClean(withBox(`<div class="related-stories"><h3>Related</h3><ul><li><a href="/a">Mayor opens new bridge over the river</a></li><li><a href="/b">Tram fares rise again</a></li></ul></div>`), ['Mayor opens']);
    // Unnamed, at the end of the article: a list that is all links.
    expectClean(withBox(`<ul><li><a href="/c">City budget approved after long debate</a></li><li><a href="/d">Second bridge delayed by a year</a></li><li><a href="/e">Parking rules change in March</a></li></ul>`, 'end'), ['City budget']);
    // One linked headline dropped between paragraphs.
    expectClean(withBox(`<ul><li><a href="/f">Read: the history of the city's trams</a></li></ul>`), ['history of the city']);
  });
  it('keeps a list of links that sits between paragraphs and is long enough to be content', () => {
    const list = `<ul><li><a href="/1">Bug 101 – tram stop signs show the wrong times at night</a></li><li><a href="/2">Bug 102 – the route planner ignores the new northern routes</a></li><li><a href="/3">Bug 103 – ticket machines reject contactless cards at two stops</a></li><li><a href="/4">Bug 104 – the timetable page is not readable on small phones</a></li></ul>`;
    expect(bodyText(extract(withBox(list)))).toContain('route planner ignores');
  });
  it('keeps a closing list of sources written as addresses, even all linked (readability-lazy-image-1)', () => {
    const urls = ['https://example.org/api/inspector.html', 'https://docs.example.com/protocol/v8', 'www.example.net/flame-graphs'];
    const list = `<h2>Sources</h2><ul>${urls.map((u) => `<li><a href="${u}">${u}</a></li>`).join('')}</ul>`;
    const text = bodyText(extract(withBox(list, 'end')));
    for (const u of urls) expect(text).toContain(u);
  });
  it('keeps a closing list of citations, each ending in a full stop outside its link (trafilatura emacspeak)', () => {
    const refs = `<div class="outline"><h2>References</h2><div class="outline-text"><ol>
      <li><a href="/a">Twenty years of the speaking desktop, looking back</a>.</li>
      <li><a href="/b">The complete audio desktop</a>. Chapter from the book <i>Beautiful Code</i>, Publisher.</li></ol></div></div>`;
    expect(bodyText(extract(withBox(refs, 'end')))).toContain('Chapter from the book Beautiful Code, Publisher.');
    // Linked titles with no sentence around them are a related-stories list.
    expectClean(withBox(`<div><ul><li><a href="/c">Bridge opens.</a></li><li><a href="/d">Tram fares rise.</a></li><li><a href="/e">Budget passed.</a></li></ul></div>`, 'end'), ['Tram fares']);
  });
  it('keeps a list whose entries hold formulas set as images: not a gallery (defuddle cp4space)', () => {
    const list = `<ul><li>the real symmetric matrices of dimension <i>n</i>;</li><li>the complex Hermitian matrices of dimension <i>n</i>;</li>
      <li>the algebras <img class="latex" src="f1.png" alt="R^n"> with the product <img class="latex" src="f2.png" alt="x o y">, known as spin factors.</li></ul>`;
    expect(bodyText(extract(withBox(list)))).toContain('complex Hermitian matrices');
  });
  it('keeps a one-line code sample in its own small box (trafilatura pluralsight, readability-toc-missing)', () => {
    expect(bodyText(extract(withBox('<div class="highlight"><pre><code>$ poetry init</code></pre></div>')))).toContain('$ poetry init');
    // …while a tiny box of label text still goes.
    expectClean(withBox('<div class="label">Sponsored</div>'), ['Sponsored']);
  });
  it('keeps a data table even when one column is links (readability-links-in-tables)', () => {
    const rows = ['Maps', 'Mail', 'Books', 'Video'].map((a, i) => `<tr><td><div><a href="/${a}">${a}</a></div></td><td><div>${i + 10}.5 MB</div></td><td><div>${i + 3}.1 MB (-${i + 40}%)</div></td></tr>`).join('');
    const text = bodyText(extract(withBox(`<table><tr><th>Application</th><th>Original size</th><th>Compressed</th></tr>${rows}</table>`)));
    expect(text).toContain('Books | 12.5 MB | 5.1 MB (-42%)');
  });
  it('drops newsletter boxes and forms', () => {
    expectClean(withBox(`<div class="newsletter-signup"><p>Get our daily briefing.</p><form><input type="email"><button>Sign up</button></form></div>`), ['daily briefing']);
    expectClean(withBox(`<form action="/subscribe"><p>Your email</p><input type="email"><input type="checkbox"><p>I agree</p></form>`), ['Your email', 'I agree']);
  });
  it('drops figure captions and photo credits', () => {
    expectClean(withBox(`<figure><img src="bus.jpg"><figcaption>A new bus at the depot. Photo: City Press</figcaption></figure>`), ['depot', 'City Press']);
    expectClean(withBox(`<div class="image"><img src="x.jpg"><span class="photo-credit">Jane Doe / Agency</span></div>`), ['Jane Doe']);
  });
  it('drops ad slots and advertisement labels', () => {
    expectClean(withBox(`<div class="ad-container"><span>Advertisement</span><iframe src="https://ads.example"></iframe></div>`), ['Advertisement']);
    expectClean(withBox(`<p>Advertisement</p>`), ['Advertisement']);
  });
  it('drops comment sections', () => {
    const comments = `<section id="comments"><h2>3 Comments</h2><div class="comment"><p>Great article, thanks for writing it, I agree with every word of it.</p></div><div class="comment"><p>I disagree, the buses are always late and this will not change anything at all.</p></div></section>`;
    expectClean(page(`<article>${paragraphs()}</article>${comments}`), ['Great article', 'I disagree', '3 Comments']);
  });
  it('drops author boxes', () => {
    expectClean(withBox(`<div class="author-bio"><p>Jane Doe covers transport for the paper.</p><a href="/jane">More by Jane</a></div>`, 'end'), ['covers transport', 'More by Jane']);
  });
  it('drops "read more" lines and trailing tag lists', () => {
    expectClean(withBox(`<p><a href="/more">Read more</a></p>`, 'end'), ['Read more']);
    expectClean(withBox(`<p>Tags: <a href="/t/bus">bus</a>, <a href="/t/city">city</a></p>`, 'end'), ['Tags:']);
  });
  it('drops hidden elements', () => {
    expectClean(withBox(`<div style="display:none"><p>Hidden promotional paragraph that a reader never sees on the page.</p></div>`), ['Hidden promotional']);
    expectClean(withBox(`<p hidden>Another hidden paragraph, with commas, for the scorer, to like.</p>`), ['Another hidden']);
  });
  it('drops nav, aside and footer inside the article', () => {
    expectClean(withBox(`<aside><p>Fact box: the city has 400 buses.</p></aside><nav><a href="/1">1</a><a href="/2">2</a></nav>`), ['Fact box']);
    expectClean(withBox(`<footer><p>Published in the Tuesday print edition.</p></footer>`, 'end'), ['print edition']);
  });
  it('never returns scripts, styles or noscript text', () => {
    const html = withBox(`<script>document.write("script text")</script><style>.x{color:red}</style><noscript>Please enable JavaScript</noscript>`);
    expectClean(html, ['script text', 'color:red', 'enable JavaScript']);
  });
  it('drops cookie banners and consent dialogs', () => {
    const banner = `<div class="cookie-consent"><p>We use cookies to improve your experience, to analyse traffic and to show ads.</p><button>Accept</button></div>`;
    expectClean(page(`<article>${paragraphs()}</article>`).replace('<body>', `<body>${banner}`), ['We use cookies']);
  });
  it('drops disclaimers and call-to-action boxes after the article', () => {
    expectClean(withBox(`<section class="letters-cta"><p>We want to hear what you think about this article. Write to us.</p></section>`, 'end'), ['We want to hear']);
    expectClean(withBox(`<div class="editorial-disclaimer"><p>The advertising disclaimer below does not apply to this article.</p></div>`, 'end'), ['disclaimer below']);
  });
});
