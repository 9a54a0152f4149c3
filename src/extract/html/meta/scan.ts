// One walk over the whole parsed page, done once: the visible text cut into lines at block
// boundaries (in document order), and an index of the elements the field extractors look at.
// Every field then reads these instead of running its own full-document queries, which is what
// keeps big pages cheap.
import { BLOCK, SKIP, hiddenSelf, isElement, type AnyNode, type Element } from './dom.js';

/** Tags indexed by name. */
const INDEXED = new Set(['h1', 'h2', 'h3', 'h4', 'time', 'meta', 'link', 'script', 'title', 'base', 'html', 'body',
  'header', 'article', 'main', 'nav', 'ol', 'ul']);

/**
 * Class/id words any field extractor cares about; each extractor applies its own stricter test
 * to this short list instead of querying the whole document.
 */
const INTERESTING = /byline|author|date|publish|time|kicker|eyebrow|overline|breadcrumb|crumb|section|categor|rubri|label|topic|tag|flag|channel|vertical|dek|deck|standfirst|sub|summary|intro|lede|lead|excerpt|teaser|desc|headline|title|strap|abstract|synopsis|header|hero|meta|info|contributor|writer|source|credit/;

/** Whitespace that collapsing would change inside a trimmed text: two in a row, or any but a space. */
const LOOSE_SPACE = /\s\s|[^\S ]/;

export interface Line {
  text: string;
  /** Innermost block element holding the line. */
  block: Element;
  /** Share of the characters that sit inside links (0–1). */
  linkShare: number;
  /** Inside a figure/figcaption (a caption or credit, never a deck or a kicker). */
  inFigure: boolean;
  /** Links that start within the line (several = a list of labels, not one label). */
  links: number;
}

export interface PageScan {
  lines: Line[];
  /** Index of the first line at or after the element's start (lines.length when none). */
  start: Map<Element, number>;
  /** Index one past the element's last line. */
  end: Map<Element, number>;
  /** Elements never shown: hidden themselves, or inside something hidden or not rendered. */
  hidden: Set<Element>;
  byTag: Map<string, Element[]>;
  /** Elements with an itemprop attribute. */
  itemprop: Element[];
  /** Elements whose class or id holds a word from INTERESTING, with that text lower-cased. */
  classed: { el: Element; words: string }[];
  /** <a rel=author>. */
  relAuthor: Element[];
}

export function scanPage(root: AnyNode): PageScan {
  const lines: Line[] = [];
  const start = new Map<Element, number>();
  const end = new Map<Element, number>();
  const hidden = new Set<Element>();
  const byTag = new Map<string, Element[]>();
  const itemprop: Element[] = [];
  const classed: { el: Element; words: string }[] = [];
  const relAuthor: Element[] = [];

  let buf = '';
  let linkChars = 0;
  let totalChars = 0;
  // A line has started (text seen since the last flush) but is not flushed yet.
  let pending = false;
  let figure = 0;
  let link = 0;
  let lineLinks = 0;
  // The innermost open link has already been counted for the current line.
  let linkCounted = false;
  let invisible = 0;
  const blockStack: Element[] = [];

  const flush = () => {
    const owner = blockStack[blockStack.length - 1];
    if (pending && owner) {
      // Whitespace only: full normalization waits for the few lines that become fields. Trimmed
      // first, the same as collapsing first; most lines then have no run of spaces left to collapse.
      let text = buf.trim();
      if (LOOSE_SPACE.test(text)) text = text.replace(/\s+/g, ' ');
      if (text !== '') {
        lines.push({ text, block: owner, linkShare: totalChars ? Math.min(1, linkChars / totalChars) : 0, inFigure: figure > 0, links: lineLinks });
      }
    }
    buf = '';
    pending = false;
    lineLinks = 0;
    linkCounted = false;
    linkChars = 0;
    totalChars = 0;
  };

  // Iterative walk: deep pages would overflow the stack with recursion. An element's exit is one
  // shared marker on the node stack, the element and whether it was hidden on stacks of their
  // own, so the walk allocates nothing per node (this runs over every node of every page).
  const EXIT = { type: 'exit' } as unknown as AnyNode;
  const stack: AnyNode[] = [root];
  const open: Element[] = [];
  const openHidden: boolean[] = [];
  while (stack.length) {
    const node = stack.pop()!;
    if (node === EXIT) {
      const el = open.pop()!;
      if (openHidden.pop()) { invisible--; continue; }
      if (BLOCK.has(el.name)) { flush(); blockStack.pop(); }
      if (el.name === 'figure' || el.name === 'figcaption') figure--;
      if (el.name === 'a') link--;
      end.set(el, lines.length + (pending ? 1 : 0));
      continue;
    }
    if (node.type === 'text') {
      if (invisible) continue;
      const t = node.data;
      buf += t;
      const n = t.trim().length;
      if (n) {
        pending = true;
        totalChars += n;
        if (link > 0) {
          linkChars += n;
          if (!linkCounted) { lineLinks++; linkCounted = true; }
        }
      }
      continue;
    }
    if (node.type === 'root') {
      const kids = (node as unknown as Element).children;
      for (let k = kids.length - 1; k >= 0; k--) stack.push(kids[k]!);
      continue;
    }
    if (!isElement(node)) continue;

    // Index every element, shown or not (JSON-LD scripts and <meta> are never shown).
    const name = node.name;
    if (INDEXED.has(name)) {
      const list = byTag.get(name);
      if (list) list.push(node); else byTag.set(name, [node]);
    }
    const a = node.attribs;
    if (a['itemprop'] !== undefined) itemprop.push(node);
    // No INTERESTING word spans the space between class and id, so each is tested alone and
    // the joined string is built only for the few elements that match.
    const cls = a['class'], id = a['id'];
    if ((cls && INTERESTING.test(cls.toLowerCase())) || (id && INTERESTING.test(id.toLowerCase()))) {
      classed.push({ el: node, words: `${cls ?? ''} ${id ?? ''}`.toLowerCase() });
    }
    if (name === 'a' && a['rel'] && /(?:^|\s)author(?:\s|$)/i.test(a['rel'])) relAuthor.push(node);

    const hid = invisible > 0 || SKIP.has(name) || hiddenSelf(node);
    if (hid) {
      hidden.add(node);
      invisible++;
    } else {
      if (BLOCK.has(name)) { flush(); blockStack.push(node); }
      if (name === 'figure' || name === 'figcaption') figure++;
      if (name === 'a') { link++; linkCounted = false; }
      start.set(node, lines.length);
    }
    stack.push(EXIT);
    open.push(node);
    openHidden.push(hid);
    const kids = node.children;
    for (let k = kids.length - 1; k >= 0; k--) stack.push(kids[k]!);
  }
  flush();
  return { lines, start, end, hidden, byTag, itemprop, classed, relAuthor };
}

/** Lines an element shows, as a [start, end) range; null when it shows none. */
export function lineRange(scan: PageScan, el: Element): { start: number; end: number } | null {
  const s = scan.start.get(el), e = scan.end.get(el);
  return s !== undefined && e !== undefined && e > s ? { start: s, end: e } : null;
}
