// User rules: `rules.selectors.body` names the article container(s) directly. The first selector
// that matches wins; its elements are read as the body, with the same box cleaning as the
// generic path but no scoring (the user already chose).
import type { CheerioAPI } from 'cheerio/slim';
import { totals } from './aggregate.js';
import { cleanSelection } from './clean.js';
import { buildIndex, type Block } from './doc-index.js';
import type { DomElement, DomNode, DomParent } from './dom.js';
import { scoreElements } from './score.js';

/** Blocks of the first matching selector's elements, or null when none matches (or all are invalid). */
export function selectorBlocks($: CheerioAPI, selectors: readonly string[]): Block[] | null {
  for (const sel of selectors) {
    let matched: DomElement[];
    try { matched = $(sel).toArray() as unknown as DomElement[]; } catch { continue; }
    if (matched.length === 0) continue;
    // Nested matches would repeat text: keep the outermost (one ancestor walk per match).
    const set = new Set<DomNode>(matched);
    const outer = matched.filter((el) => {
      for (let p = el.parent; p; p = p.parent) if (set.has(p)) return false;
      return true;
    });
    const root: DomParent = { type: 'root', parent: null, children: outer };
    const index = buildIndex(root);
    const t = totals(index, () => true);
    const roots = index.elements.flatMap((r, i) => (r.parent < 0 ? [i] : []));
    const scores = scoreElements(index, t, () => true, true);
    const drop = cleanSelection(index, t, scores, roots, { useClassWeights: true, maxLinkDensity: 0.5, proseClauses: 10 });
    const blocks = index.blocks.filter((b) => b.owner < 0 || !drop[b.owner]);
    if (blocks.length > 0) return blocks;
  }
  return null;
}
