// A bound on how deeply HTML elements nest, applied before the parser sees the page.
//
// htmlparser2 keeps its stack of open elements in an array it shifts and unshifts, so every tag
// costs time in proportion to the current depth: 100,000 nested <div>s take 10–15 s to parse,
// and the 50 MiB input limit allows hours. Browsers have the same problem and the same cure
// (Blink stops nesting at 512 levels and attaches deeper elements to the last allowed parent):
// tags beyond the limit are dropped, their text kept. Real pages stay far below the limit, and
// for them the page is returned untouched after one linear scan.

/** Deeper than any real page; pages past it are generated or broken. */
export const MAX_HTML_DEPTH = 512;

// Elements that never nest in practice because an opening sibling closes them (htmlparser2's
// implied closes: <p><p>, <li><li>, <td><td>…) or that have no content: not counted.
const NOT_NESTING = new Set([
  'p', 'li', 'dt', 'dd', 'option', 'optgroup', 'tr', 'td', 'th', 'tbody', 'thead', 'tfoot', 'rb', 'rt', 'rp', 'rtc',
  'area', 'base', 'basefont', 'bgsound', 'br', 'col', 'command', 'embed', 'frame', 'hr', 'image', 'img', 'input',
  'isindex', 'keygen', 'link', 'meta', 'param', 'source', 'track', 'wbr',
]);

const HEADINGS = new Set(['h1', 'h2', 'h3', 'h4', 'h5', 'h6']);
const HEADING_SLACK = 16;

// Their content is text to the parser, not tags: skipped whole, up to their end tag.
const RAW_TEXT = new Map(['script', 'style', 'textarea', 'title', 'xmp', 'iframe', 'noembed', 'noframes'].map((n) => [n, new RegExp(`</${n}`, 'gi')]));

// A comment, or a start/end tag with its attributes (quoted values may hold ">"). "<" is not
// allowed inside a tag so that a run of "<a<a<a…" fails at once instead of rescanning the rest.
// Sticky, and tried at each "<" in turn: the same tokens a global search finds, without a match
// array and captured strings for each of a page's thousands of tags.
const TOKEN = /<!--[\s\S]*?(?:-->|$)|<\/?[a-zA-Z][a-zA-Z0-9:-]*(?:[^<>"']|"[^"]*"|'[^']*')*>/y;

/** A character of a tag name after its first letter: [a-zA-Z0-9:-]. */
const isNameChar = (c: number) => (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 58) || c === 45;

// A stray end tag is matched against this many open elements only, so that misnested markup
// cannot make the scan itself quadratic.
const CLOSE_SEARCH = 64;

interface Scan {
  /** Index where the tag token starts, its length, and whether to drop it. */
  drops: { at: number; length: number }[];
  tooDeep: boolean;
}

function scan(html: string, limit: number, rewrite: boolean): Scan {
  const stack: string[] = [];
  const dropped = new Map<string, number>();
  const drops: Scan['drops'] = [];
  let tooDeep = false;
  // `next` is where the search for the next "<" resumes: past this token, or past a "<" that
  // starts none.
  for (let at = html.indexOf('<'), next = 0; at !== -1; at = html.indexOf('<', next)) {
    TOKEN.lastIndex = at;
    if (!TOKEN.test(html)) { next = at + 1; continue; }
    next = TOKEN.lastIndex;
    if (html.charCodeAt(at + 1) === 33) continue; // "<!": a comment (no tag name starts with "!")
    const close = html.charCodeAt(at + 1) === 47; // "/"
    const nameStart = at + (close ? 2 : 1);
    let nameEnd = nameStart + 1;
    while (isNameChar(html.charCodeAt(nameEnd))) nameEnd++;
    const name = html.slice(nameStart, nameEnd).toLowerCase();
    if (!close) {
      const rawEnd = RAW_TEXT.get(name);
      if (rawEnd) {
        rawEnd.lastIndex = next;
        next = rawEnd.exec(html)?.index ?? html.length;
        continue;
      }
      // Self-closing: the token ends in "/>" (a tag name never ends in "/").
      if (NOT_NESTING.has(name) || html.charCodeAt(next - 2) === 47) continue;
      // Headings past the limit are kept (a little deeper still), so a page that is only deep
      // because of wrappers keeps its headline as a heading.
      if (stack.length < limit || (HEADINGS.has(name) && stack.length < limit + HEADING_SLACK)) {
        stack.push(name);
        continue;
      }
      tooDeep = true;
      if (!rewrite) return { drops, tooDeep };
      dropped.set(name, (dropped.get(name) ?? 0) + 1);
      drops.push({ at, length: next - at });
    } else {
      const n = dropped.get(name) ?? 0;
      if (n > 0) {
        dropped.set(name, n - 1);
        drops.push({ at, length: next - at });
        continue;
      }
      for (let i = stack.length - 1; i >= 0 && i >= stack.length - CLOSE_SEARCH; i--) {
        if (stack[i] === name) {
          stack.length = i;
          break;
        }
      }
    }
  }
  return { drops, tooDeep };
}

/**
 * The page with tags nested deeper than `limit` removed (each replaced by a space, so words on
 * either side stay apart); the same string when nothing is that deep.
 */
export function boundNesting(html: string, limit = MAX_HTML_DEPTH): string {
  if (!scan(html, limit, false).tooDeep) return html;
  const { drops } = scan(html, limit, true);
  const parts: string[] = [];
  let from = 0;
  for (const d of drops) {
    parts.push(html.slice(from, d.at), ' ');
    from = d.at + d.length;
  }
  parts.push(html.slice(from));
  return parts.join('');
}
