// Which elements a pass ignores before scoring. Strict passes drop site chrome (nav, aside,
// footer, ARIA landmarks) and boxes named like comments/related/share/menus; relaxed passes keep
// them, for pages whose article sits inside an oddly named wrapper.
import type { DocIndex } from './doc-index.js';
import { isChrome, isUnlikelyByName } from './hints.js';
import type { Totals } from './aggregate.js';

export interface PruneConfig {
  /** Drop elements whose class/id reads like a box beside the article. */
  unlikelyNames: boolean;
  /** Drop nav/aside/footer/header and chrome ARIA roles. */
  chrome: boolean;
}

/** Tags that are never pruned by name: the page itself and explicit article containers. */
const NEVER_PRUNED = new Set(['html', 'body', 'article', 'main', 'table', 'tbody', 'tr', 'td', 'th', 'pre', 'code']);

/**
 * An element holding this share of the page's prose is the article's wrapper whatever its name
 * ("page-with-sidebar", a <header> that swallowed the page through a missing end tag).
 */
const WRAPPER_SHARE = 1.01;

/** 1 for each pruned element (itself or through an ancestor), 0 otherwise. */
export function pruned(index: DocIndex, all: Totals, config: PruneConfig): Uint8Array {
  const n = index.elements.length;
  const out = new Uint8Array(n);
  if (!config.unlikelyNames && !config.chrome) return out;
  let pageProse = 0;
  for (let i = 0; i < n; i++) if (index.elements[i]!.parent < 0) pageProse += all.proseChars[i]!;
  for (let i = 0; i < n; i++) {
    const r = index.elements[i]!;
    if (r.parent >= 0 && out[r.parent]) { out[i] = 1; continue; }
    if (NEVER_PRUNED.has(r.tag)) continue;
    const byName = config.unlikelyNames && isUnlikelyByName(r.hint);
    const byRole = config.chrome && isChrome(r.el, r.tag);
    if (!byName && !byRole) continue;
    if (pageProse > 0 && all.proseChars[i]! > pageProse * WRAPPER_SHARE) continue;
    out[i] = 1;
  }
  return out;
}
