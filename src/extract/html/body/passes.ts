// One extraction attempt with a given strictness, over the shared document index: prune →
// score → select → clean → collect blocks. Attempts differ only in their PassConfig, so the
// multi-pass driver can run several and keep the best without touching the DOM again.
import { isProse, totals, type Totals } from './aggregate.js';
import { cleanSelection, type CleanConfig } from './clean.js';
import type { DocIndex } from './doc-index.js';
import { pruned, type PruneConfig } from './prune.js';
import { scoreElements } from './score.js';
import { selectContent, type SelectConfig, type Selection } from './select.js';

export interface PassConfig {
  name: string;
  prune: PruneConfig;
  useClassWeights: boolean;
  clean: CleanConfig | null;
  select: SelectConfig;
}

export interface Attempt {
  name: string;
  /** Indices of the kept blocks, in document order. */
  blocks: number[];
  /** Weighted characters, and those in prose blocks, of the kept blocks. */
  chars: number;
  proseChars: number;
  linkChars: number;
  /** The chosen container (-1 when nothing scored). */
  top: number;
  /** The best-scoring element inside it (the article's spine; -1 when nothing scored). */
  best: number;
  /** Prose characters the pass did not prune: what a complete selection could have covered. */
  availableProse: number;
  /** Pictures inside the kept subtrees (pruned and dropped boxes excluded). */
  images: number;
}

/**
 * A fragment (no <html>/<body>: a snippet, a stored article body) whose paragraphs have no common
 * container to vote for is read whole.
 */
function fragmentSelection(index: DocIndex, keepElement: (i: number) => boolean): Selection | null {
  if (index.elements.some((r) => r.tag === 'body' || r.tag === 'html')) return null;
  const elements = index.elements.flatMap((r, i) => (r.parent < 0 && keepElement(i) ? [i] : []));
  const looseBlocks = index.blocks.flatMap((b, bi) => (b.owner < 0 ? [bi] : []));
  if (elements.length === 0 && looseBlocks.length === 0) return null;
  return { top: -1, best: -1, elements, looseBlocks };
}

export function runPass(index: DocIndex, all: Totals, config: PassConfig): Attempt {
  const out = pruned(index, all, config.prune);
  const keepElement = (i: number) => out[i] === 0;
  const t = totals(index, keepElement);
  const keepBlock = (bi: number) => out[index.blocks[bi]!.owner] === 0;
  const scores = scoreElements(index, t, keepBlock, config.useClassWeights);
  const sel = selectContent(index, t, scores, keepElement, config.select) ?? fragmentSelection(index, keepElement);
  let availableProse = 0;
  index.elements.forEach((r, i) => { if (r.parent < 0) availableProse += t.proseChars[i]!; });
  const empty: Attempt = { name: config.name, blocks: [], chars: 0, proseChars: 0, linkChars: 0, top: -1, best: -1, availableProse, images: 0 };
  if (!sel) return empty;
  const drop = config.clean ? cleanSelection(index, t, scores, sel.elements, config.clean, sel.best) : new Uint8Array(index.elements.length);

  // Mark the kept subtrees, then read their blocks in document order.
  const n = index.elements.length;
  const inside = new Uint8Array(n);
  let images = 0;
  for (const root of sel.elements) {
    const end = index.elements[root]!.end;
    for (let i = root; i <= end; i++) {
      inside[i] = out[i] === 0 && drop[i] === 0 ? 1 : 0;
      // Subtree image counts: add a kept root, subtract each excluded box right below kept ones.
      const p = index.elements[i]!.parent;
      if (i === root) images += inside[i] ? index.elements[i]!.imgs : 0;
      else if (!inside[i] && inside[p]) images -= index.elements[i]!.imgs;
    }
  }
  const loose = new Set(sel.looseBlocks);
  const blocks: number[] = [];
  let chars = 0, proseChars = 0, linkChars = 0;
  index.blocks.forEach((b, bi) => {
    if (!(inside[b.owner] || loose.has(bi))) return;
    blocks.push(bi);
    chars += b.chars;
    linkChars += b.linkChars;
    if (isProse(b)) proseChars += b.chars;
  });
  return { name: config.name, blocks, chars, proseChars, linkChars, top: sel.top, best: sel.best, availableProse, images };
}
