import { describe, expect, it } from 'vitest';
import { loadHtml } from '../../../../src/extract/html/load.js';
import { buildIndex } from '../../../../src/extract/html/body/doc-index.js';
import { rootOf } from '../../../../src/extract/html/body/dom.js';
import { normalizeInline } from '../../../../src/normalize/text.js';

const blocks = (html: string) => buildIndex(rootOf(loadHtml(html))).blocks.map((b) => normalizeInline(b.text)).filter(Boolean);
const kinds = (html: string) => buildIndex(rootOf(loadHtml(html))).blocks.map((b) => b.kind);

describe('serialization into blocks', () => {
  it('never glues words from adjacent block elements', () => {
    expect(blocks('<div><p>word</p><p>Word</p></div>')).toEqual(['word', 'Word']);
    expect(blocks('<div>one<div>two</div>three</div>')).toEqual(['one', 'two', 'three']);
  });
  it("keeps the page's own spacing between inline elements", () => {
    expect(blocks('<p><span>a</span><span>b</span> <em>c</em></p>')).toEqual(['ab c']);
    expect(blocks('<p>Hello <a href="/x">big</a> world</p>')).toEqual(['Hello big world']);
  });
  it('ends a block at an empty block element, such as a spacer <div> (trafilatura elavegan)', () => {
    expect(blocks('<div><span>Watch the video.</span><div class="spacer"></div><span>Add the flour.</span><hr>Stir.</div>')).toEqual([
      'Watch the video.', 'Add the flour.', 'Stir.',
    ]);
  });
  it('splits at <br><br> but reads a single <br> as a line break inside the block', () => {
    expect(blocks('<div>First line<br>same block<br><br>Second block<br> <br>Third</div>')).toEqual([
      'First line same block', 'Second block', 'Third',
    ]);
  });
  it('gives headings, list items, quotes and pre blocks their own block and kind', () => {
    const html = '<h2>Title</h2><ul><li>one</li><li>two</li></ul><blockquote>quoted</blockquote><pre>a\n  b</pre>';
    expect(blocks(html)).toEqual(['Title', 'one', 'two', 'quoted', 'a b']);
    expect(kinds(html)).toEqual(['h', 'li', 'li', 'quote', 'pre']);
  });
  it('joins the cells of a data row with a separator, one block per row', () => {
    const html = '<table><tr><th>Name</th><th>Age</th></tr><tr><td>Ann</td><td>34</td></tr></table>';
    expect(blocks(html)).toEqual(['Name | Age', 'Ann | 34']);
  });
  it('reads a data row whose cells wrap their values in <div>s, without gluing the wrapped words', () => {
    expect(blocks('<table><tr><td><div><a href="/a">Maps</a></div><div>app</div></td><td><div>32.7 MB</div></td></tr></table>')).toEqual(['Maps app | 32.7 MB']);
  });
  it('reads layout tables (cells holding paragraphs) as containers', () => {
    expect(blocks('<table><tr><td><p>Para one.</p><p>Para two.</p></td><td>Side</td></tr></table>')).toEqual([
      'Para one.', 'Para two.', 'Side',
    ]);
  });
  it('drops images, figure captions, credits, scripts, styles, noscript, forms controls and templates', () => {
    const html = `<p>Before</p><figure><img src="a.jpg" alt="alt text"><figcaption>A caption</figcaption></figure>
      <div class="wp-caption"><img src="b.jpg"><p class="wp-caption-text">Another caption</p></div>
      <span class="image-credit">Photo: Agency</span><script>var x = 1;</script><style>p{}</style>
      <noscript>Enable JS</noscript><template><p>tpl</p></template><button>Click</button><select><option>Opt</option></select>
      <p>After</p>`;
    expect(blocks(html)).toEqual(['Before', 'After']);
  });
  it('drops a short text that repeats the alt of a picture beside it: a caption or video title (postlight money.cnn)', () => {
    const html = `<div class="player"><div class="still"><img src="v.jpg" alt="Nationwide  demonstrations for a minimum wage"></div>
      <div class="footer"><div class="headline">Nationwide demonstrations for a minimum wage</div></div></div>
      <p>Nationwide demonstrations for a minimum wage</p>`;
    // The paragraph outside the picture's box is too far from it to be its caption.
    expect(blocks(html)).toEqual(['Nationwide demonstrations for a minimum wage']);
    expect(kinds(html)).toEqual(['p']);
  });
  it('keeps a heading that repeats a picture alt, and short alts match nothing', () => {
    expect(blocks('<div><img src="a.jpg" alt="The Eiffel Tower at night"><h2>The Eiffel Tower at night</h2></div>')).toEqual(['The Eiffel Tower at night']);
    expect(blocks('<div><img src="a.jpg" alt="Photo"><p>Photo</p></div>')).toEqual(['Photo']);
  });
  it('reads a role="button" box as a control label unless it holds paragraphs or headings (postlight cnbc)', () => {
    const html = `<div role="button" class="placeholder"><div><span>VIDEO</span><span>3:49</span></div><div>Chief executive on coal and gas</div></div>
      <div role="button"><h3>How long does the bus take?</h3></div><p>After</p>`;
    expect(blocks(html)).toEqual(['How long does the bus take?', 'After']);
  });
  it('drops captions named with the "cptn" abbreviation (postlight timesofindia)', () => {
    expect(blocks('<section><div><img src="a.jpg"></div><div class="img_cptn">File photo of the minister. (Agency)</div></section><p>After</p>')).toEqual(['After']);
  });
  it('reads formulas as part of their sentence: TeX image alts and MathML (defuddle cp4space)', () => {
    expect(blocks('<p>if <img class="latex" src="f.png" alt="\\lambda, \\mu"> are reals, then <img src="photo.jpg" alt="a photo of the board"> holds.</p>'))
      .toEqual(['if \\lambda, \\mu are reals, then holds.']);
    const katex = '<p>so <span class="katex"><span class="katex-mathml"><math><semantics><mrow><mi>x</mi><mo>+</mo><mn>1</mn></mrow>'
      + '<annotation encoding="application/x-tex">x+1</annotation></semantics></math></span><span class="katex-html" aria-hidden="true">x+1</span></span> grows.</p>';
    expect(blocks(katex)).toEqual(['so x+1 grows.']);
    expect(blocks('<p>where <math><msup><mi>n</mi><mn>2</mn></msup></math> is even.</p>')).toEqual(['where n 2 is even.']);
    expect(blocks('<p>Area <math alttext="\\pi r^2"><mi>π</mi></math>.</p>')).toEqual(['Area \\pi r^2.']);
  });
  it('keeps a figure that wraps a code listing or quote', () => {
    expect(blocks('<figure><pre><code>let x = 1;</code></pre><figcaption>Listing 1</figcaption></figure>')).toEqual(['let x = 1;']);
  });
  it('skips hidden elements', () => {
    const html = `<p>Shown</p><p hidden>Hidden attr</p><p style="display: none">No display</p>
      <p style="color:red;visibility:hidden">Invisible</p><div aria-hidden="true">Aria</div><span class="sr-only">Share on X</span>`;
    expect(blocks(html)).toEqual(['Shown']);
  });
  it('reads upper-case markup like lower-case', () => {
    expect(blocks('<DIV><P>One</P><P>Two<BR><BR>Three</P><SCRIPT>x()</SCRIPT></DIV>')).toEqual(['One', 'Two', 'Three']);
  });
  it('treats custom elements as block boundaries', () => {
    expect(blocks('<div><x-para>one</x-para><x-para>two</x-para></div>')).toEqual(['one', 'two']);
  });
  it('measures link text and CJK text by weighted characters', () => {
    const idx = buildIndex(rootOf(loadHtml('<p>ab <a href="/">cd</a></p><p>中文</p>')));
    expect(idx.blocks[0]).toMatchObject({ chars: 4, linkChars: 2 });
    expect(idx.blocks[1]!.chars).toBe(6);
  });
});
