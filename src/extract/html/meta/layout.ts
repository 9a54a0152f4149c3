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

/** Blocks that carry the story's running text when they follow a paragraph. */
const PROSE = new Set(['p', 'blockquote', 'pre', 'ul', 'ol', 'dl', 'h2', 'h3', 'h4', 'h5', 'h6', 'table']);
/** Following text past which a block is the start of the story, not a standfirst. */
const STORY_CHARS = 200;

/**
 * The line is the start of the story's running text, not something set apart above it: its own
 * block goes on with more text, or the paragraphs right after it in the same container carry
 * the story. A standfirst is followed by a byline, an image or a separate body container; the
 * first paragraph is followed by the second. `line` is the index of the line in the page scan.
 */
export function startsStory(ctx: PageContext, line: number, block: Element): boolean {
  const L = ctx.scan.lines;
  const end = ctx.scan.end.get(block) ?? line + 1;
  let after = 0;
  for (let i = line + 1; i < end && i < L.length && after < STORY_CHARS; i++) if (!L[i]!.inFigure) after += L[i]!.text.length;
  if (after >= STORY_CHARS) return true;
  let n: AnyNode | null = block;
  for (let d = 0; d < 3 && n && isElement(n); d++) {
    const parent: AnyNode | null = n.parent;
    if (!parent || !isElement(parent)) return false;
    let following = 0, prose = 0;
    let seen = false;
    for (const c of parent.children) {
      if (c === n) { seen = true; continue; }
      if (!isElement(c) || ctx.scan.hidden.has(c)) continue;
      const leafDiv = (c.name === 'div' || c.name === 'section') && !hasBlockChild(c);
      if (!PROSE.has(c.name) && !leafDiv) continue;
      const chars = shownChars(ctx, c);
      if (seen) following += chars;
      if ((c.name === 'p' || leafDiv) && chars >= 60) prose++;
    }
    if (following >= STORY_CHARS || prose >= 2) return true;
    // Climb out of a wrapper that holds only this block (<div><p>…</p></div>).
    if (parent.children.filter((c) => isElement(c) && !ctx.scan.hidden.has(c)).length > 1) return false;
    n = parent;
  }
  return false;
}

/** A container of blocks (not a paragraph); a <div> wrapping a single <p> still reads as one paragraph. */
function hasBlockChild(el: Element): boolean {
  const blocks = el.children.filter((c) => isElement(c) && BLOCKISH.has(c.name));
  return blocks.length > 1 || (blocks.length === 1 && (blocks[0] as Element).name !== 'p');
}
const BLOCKISH = new Set(['p', 'div', 'section', 'article', 'ul', 'ol', 'table', 'figure', 'header', 'footer', 'aside', 'nav', 'h1', 'h2', 'h3', 'h4', 'blockquote']);
