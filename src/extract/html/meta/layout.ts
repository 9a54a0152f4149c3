// Where things sit relative to the headline: shared ancestors, menus, body paragraphs. Page
// layout is what tells a kicker from a menu item and a standfirst from a first paragraph.
import { isElement, type AnyNode, type Element } from './dom.js';
import type { PageContext } from './context.js';

/** The nearest ancestor shared by `el` and `anchor`, and how many levels above `anchor` it is. */
export function commonAncestor(el: Element, anchor: Element, max = 60): { lca: Element; up: number } | null {
  const levels = new Map<Element, number>();
  let i = 0;
  for (let n: AnyNode | null = anchor; n && isElement(n) && i <= max; n = n.parent, i++) levels.set(n, i);
  for (let n: AnyNode | null = el; n && isElement(n); n = n.parent) {
    const up = levels.get(n);
    if (up !== undefined) return { lca: n, up };
  }
  return null;
}

/** Item of a list with more than `max` items (a menu or a tag cloud, not a label), within 3 levels. */
export function inLongList(el: Element, max = 3): boolean {
  let n: AnyNode | null = el;
  for (let d = 0; d < 4 && n && isElement(n); d++, n = n.parent) {
    if (n.name === 'li' || n.name === 'dd') {
      const list = n.parent;
      if (!list || !isElement(list)) return false;
      let items = 0;
      for (const c of list.children) if (isElement(c) && c.name === n.name) items++;
      return items > max;
    }
  }
  return false;
}

/** Characters of visible text an element shows (from the page scan; no re-walk). */
export function shownChars(ctx: PageContext, el: Element): number {
  const s = ctx.scan.start.get(el), e = ctx.scan.end.get(el);
  if (s === undefined || e === undefined) return 0;
  let n = 0;
  for (let i = s; i < e && i < ctx.scan.lines.length; i++) n += ctx.scan.lines[i]!.text.length;
  return n;
}

/**
 * A block that sits among the article's own paragraphs: its parent (or grandparent, for
 * <p> wrapped in <div>s) holds at least two other prose paragraphs. A standfirst lives in the
 * article header; the first paragraph of the story lives here.
 */
export function amongBodyParagraphs(ctx: PageContext, block: Element): boolean {
  let n: AnyNode | null = block;
  for (let d = 0; d < 2 && n && isElement(n); d++, n = n.parent) {
    const parent: AnyNode | null = n.parent;
    if (!parent || !isElement(parent)) return false;
    let prose = 0;
    for (const c of parent.children) {
      if (c === n || !isElement(c) || (c.name !== 'p' && c.name !== 'div' && c.name !== 'blockquote')) continue;
      if (shownChars(ctx, c) >= 120 && (c.name === 'p' || !hasBlockChild(c))) prose++;
      if (prose >= 2) return true;
    }
  }
  return false;
}

/** A container of blocks (not a paragraph); a <div> wrapping a single <p> still reads as one paragraph. */
function hasBlockChild(el: Element): boolean {
  const blocks = el.children.filter((c) => isElement(c) && BLOCKISH.has(c.name));
  return blocks.length > 1 || (blocks.length === 1 && (blocks[0] as Element).name !== 'p');
}
const BLOCKISH = new Set(['p', 'div', 'section', 'article', 'ul', 'ol', 'table', 'figure', 'header', 'footer', 'aside', 'nav', 'h1', 'h2', 'h3', 'h4', 'blockquote']);
