// Which elements a pass ignores before scoring. Strict passes drop site chrome (nav, aside,
// footer, ARIA landmarks) and boxes named like comments/related/share/menus; relaxed passes keep
// them, for pages whose article sits inside an oddly named wrapper.
import type { DocIndex } from './doc-index.js';
import { contentNamed, isChrome, unlikelyNamed, weightOf } from './hints.js';
import type { Totals } from './aggregate.js';

export interface PruneConfig {
  /** Drop elements whose class/id reads like a box beside the article. */
  unlikelyNames: boolean;
  /** Drop nav/aside/footer/header and chrome ARIA roles. */
  chrome: boolean;
}

/**
 * Tags never pruned by name: the page itself, explicit article containers, tables, and the text
 * atoms (a heading named "item__header" is a heading, not a page header; named paragraphs are
 * judged later, in cleaning).
 */
const NEVER_PRUNED = new Set([
  'html', 'body', 'article', 'main', 'table', 'tbody', 'tr', 'td', 'th', 'pre', 'code',
  'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'p', 'blockquote',
]);

/**
 * A box whose prose sits mostly inside content-named elements (<article>, "post-content", …) is a
 * wrapper of the article whatever its own name ("above-footer", "layout-with-sidebar"), while a
 * gallery or comment list full of captions or replies has no such element inside.
 */
const WRAPPED_SHARE = 0.5;

/**
 * Per element, the prose held by its outermost content-named descendants (or itself): how much of
 * its text is vouched for by markup that says "article".
 */
export function vouchedProse(index: DocIndex, all: Totals): Float64Array {
  const n = index.elements.length;
  const out = new Float64Array(n); // holds the sum over children until the element itself is visited
  for (let i = n - 1; i >= 0; i--) {
    const r = index.elements[i]!;
    const plain = r.hint === '';
    const unlikely = unlikelyNamed(r.names);
    const named = contentNamed(r.names)
      || ((r.tag === 'article' || r.tag === 'main' || r.el.attribs.itemprop === 'articleBody') && (plain || weightOf(r.names) >= 0) && !unlikely);
    if (named) out[i] = all.proseChars[i]!;
    // A comment's "comment-text" vouches for its comment box, but for nothing above it.
    if (r.parent >= 0 && (named || !unlikely)) out[r.parent]! += out[i]!;
  }
  return out;
}

/** 1 for each pruned element (itself or through an ancestor), 0 otherwise. */
export function pruned(index: DocIndex, all: Totals, config: PruneConfig): Uint8Array {
  const n = index.elements.length;
  const out = new Uint8Array(n);
  if (!config.unlikelyNames && !config.chrome) return out;
  const vouched = config.unlikelyNames ? vouchedProse(index, all) : null;
  for (let i = 0; i < n; i++) {
    const r = index.elements[i]!;
    if (r.parent >= 0 && out[r.parent]) { out[i] = 1; continue; }
    if (NEVER_PRUNED.has(r.tag)) continue;
    const byName = config.unlikelyNames && unlikelyNamed(r.names)
      && !(vouched![i]! > 0 && vouched![i]! >= all.proseChars[i]! * WRAPPED_SHARE);
    const byRole = config.chrome && isChrome(r.el, r.tag);
    if (!byName && !byRole) continue;
    out[i] = 1;
  }
  return out;
}
