// The token scan of boundNesting, on the markup it must read as the parser does: comments, quoted
// ">" in attributes, a "<" that starts no tag, raw-text elements, self-closing and namespaced
// tags. Each case uses a tiny limit so the tokens it finds decide what is dropped.
import { describe, expect, it } from 'vitest';
import { boundNesting } from '../../src/input/html-depth.js';

describe('boundNesting token scan', () => {
  const cases: [string, string, number, string][] = [
    ['drops the tags past the limit, keeps their text', '<div><div><div>x</div></div></div>', 2, '<div><div> x </div></div>'],
    ['does not count tags inside a comment', '<div><!-- <div><div> --><div>x</div></div>', 1, '<div><!-- <div><div> --> x </div>'],
    ['reads a quoted ">" as part of the attribute', '<div><span title="a>b"><i>x</i></span></div>', 2, '<div><span title="a>b"> x </span></div>'],
    ['skips a "<" that starts no tag', '<div>1 < 2 <a<b>c</b></div>', 1, '<div>1 < 2 <a c </div>'],
    ['does not count tags inside a script', '<div><script><div><div></div></div></script><p>x</p><em>y</em></div>', 1, '<div><script><div><div></div></div></script><p>x</p> y </div>'],
    ['matches tag names in any case', '<DIV><Section><B>x</B></Section></DIV>', 1, '<DIV>  x  </DIV>'],
    ['does not count self-closing and void tags', '<div><br/><img src="a"/><x-y/><span>x</span></div>', 1, '<div><br/><img src="a"/><x-y/> x </div>'],
    ['reads namespaced names whole', '<div><svg:g><x:y>z</x:y></svg:g></div>', 1, '<div>  z  </div>'],
    ['keeps a heading a little past the limit', '<div><h1>t</h1><span>s</span></div>', 1, '<div><h1>t</h1> s </div>'],
  ];
  for (const [what, html, limit, expected] of cases) {
    it(what, () => expect(boundNesting(html, limit)).toBe(expected));
  }

  it('returns the page itself when nothing is too deep', () => {
    const html = '<div><!-- x --><p>a < b</p><script>if (a<b) {}</script></div>';
    expect(boundNesting(html, 3)).toBe(html);
  });
});
