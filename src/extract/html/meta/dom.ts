// Read-only DOM helpers shared by the field extractors. Nothing here mutates the tree: the body
// pass runs after the field extractors and must see the page as it was parsed.
import type { CheerioAPI } from 'cheerio/slim';
import type { AnyNode, Element } from 'domhandler';
import { normalizeInline } from '../../../normalize/text.js';

export type { AnyNode, Element };

export const isElement = (n: AnyNode | null | undefined): n is Element =>
  !!n && (n.type === 'tag' || n.type === 'script' || n.type === 'style');

/** Elements whose text a reader never sees as prose. */
export const SKIP = new Set(['script', 'style', 'noscript', 'template', 'svg', 'math', 'iframe', 'object', 'button',
  'select', 'option', 'textarea', 'input', 'head', 'title', 'meta', 'link', 'canvas', 'video', 'audio']);

/** Elements that start a new line of text, so their words never glue to their neighbours'. */
export const BLOCK = new Set(['address', 'article', 'aside', 'blockquote', 'body', 'center', 'dd', 'details', 'dialog',
  'dir', 'div', 'dl', 'dt', 'fieldset', 'figcaption', 'figure', 'footer', 'form', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6',
  'header', 'hgroup', 'hr', 'html', 'li', 'main', 'menu', 'nav', 'ol', 'p', 'pre', 'section', 'summary', 'table',
  'tbody', 'td', 'tfoot', 'th', 'thead', 'tr', 'ul', 'br', 'img', 'picture', 'caption']);

// Class names that hide text from sighted readers (screen-reader-only labels such as "Posted in",
// and the utility classes of common CSS frameworks for display:none).
const HIDDEN_CLASS = /(?:^|\s)(?:sr-only|visually-?hidden|screen-?reader(?:-text|-only)?|a11y-hidden|assistive-text|element-invisible|offscreen|hidden|d-none|is-hidden|u-hidden|hide|invisible)(?:\s|$)/i;
const SHOWN_AT_BREAKPOINT = /(?:^|\s)(?:(?:sm|md|lg|xl|2xl):(?:block|flex|inline|inline-block|inline-flex|grid|table)|d-(?:sm|md|lg|xl)-(?:block|flex|inline|inline-block|grid|table))(?:\s|$)/i;
const HIDDEN_STYLE = /(?:^|;)\s*(?:display\s*:\s*none|visibility\s*:\s*hidden)/i;

/** Hidden by the element itself (attribute, inline style or a hiding utility class). */
export function hiddenSelf(el: Element): boolean {
  const a = el.attribs;
  if (a['hidden'] !== undefined) return true;
  if (a['style'] && HIDDEN_STYLE.test(a['style'])) return true;
  // "hidden md:block" (Tailwind) and "d-none d-lg-block" (Bootstrap) are shown on desktop.
  if (a['class'] && HIDDEN_CLASS.test(a['class']) && !SHOWN_AT_BREAKPOINT.test(a['class'])) return true;
  return false;
}

/**
 * The text a reader sees in an element: hidden and non-prose descendants skipped, a space at
 * every block boundary and <br>, so "<h1>Title<br>Second line</h1>" never reads "TitleSecond line".
 * Normalized to one line.
 */
export function textOf(el: AnyNode): string {
  const out: string[] = [];
  // Iterative: scraped pages can nest unclosed tags thousands deep.
  const stack: (AnyNode | string)[] = [el];
  while (stack.length) {
    const node = stack.pop()!;
    if (typeof node === 'string') { out.push(node); continue; }
    if (node.type === 'text') { out.push(node.data); continue; }
    if (!isElement(node) && node.type !== 'root') continue;
    if (isElement(node) && (SKIP.has(node.name) || hiddenSelf(node))) continue;
    const block = isElement(node) && BLOCK.has(node.name);
    if (block) { out.push(' '); stack.push(' '); }
    const kids = (node as Element).children ?? [];
    for (let k = kids.length - 1; k >= 0; k--) stack.push(kids[k]!);
  }
  return normalizeInline(out.join(''));
}

/** Lower-cased class and id of an element, for vocabulary tests. */
export function classId(el: Element): string {
  const a = el.attribs;
  return `${a['class'] ?? ''} ${a['id'] ?? ''}`.toLowerCase();
}

/** The element and its ancestors, innermost first, up to (not including) the root. */
export function* selfAndAncestors(el: Element): Generator<Element> {
  for (let n: AnyNode | null = el; n && isElement(n); n = n.parent) yield n;
}

/** True when el is inside (or is) an element matching the test, within `depth` levels. */
export function hasAncestor(el: Element, test: (a: Element) => boolean, depth = Infinity): boolean {
  let i = 0;
  for (const a of selfAndAncestors(el)) {
    if (i++ > depth) return false;
    if (test(a)) return true;
  }
  return false;
}

/** Attribute value, trimmed; null when absent or empty. */
export function attr(el: Element, name: string): string | null {
  const v = el.attribs[name];
  if (v === undefined) return null;
  const t = v.trim();
  return t === '' ? null : t;
}

/** Elements matching a selector built at run time (cheerio types those as any node). */
export function selectAll($: CheerioAPI, selector: string): Element[] {
  return $(selector).toArray().filter(isElement);
}
