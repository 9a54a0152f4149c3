// Per-element subtree totals over the blocks a pass keeps. Children follow their parent in the
// index, so one backward sweep adds every element into its parent: linear, whatever the depth.
import type { DocIndex } from './doc-index.js';

export interface Totals {
  chars: Float64Array;
  linkChars: Float64Array;
  punct: Float64Array;
  /** Blocks by kind, for cleaning decisions. */
  paras: Float64Array;
  items: Float64Array;
  headings: Float64Array;
  /** Table rows read as data ("Name | Value"), and all blocks. */
  rows: Float64Array;
  blocks: Float64Array;
  /** Blocks of real prose (see isProse). */
  proseChars: Float64Array;
}

/** A block a reader would call running text: long enough, mostly not links, punctuated. */
export function isProse(b: { chars: number; linkChars: number; punct: number; text: string; kind: string }): boolean {
  if (b.kind === 'h' || b.kind === 'row') return false;
  if (b.chars < 60 || b.linkChars > b.chars * 0.35) return false;
  return b.punct > 0 || /[.!?\u3002\uff01\uff1f\u061f\u0964]/u.test(b.text);
}

/** Totals over the blocks for which keep(blockIndex) is true, summed up through `included` elements. */
export function totals(index: DocIndex, keepElement: (i: number) => boolean, keepBlock: (i: number) => boolean = () => true): Totals {
  const n = index.elements.length;
  const t: Totals = {
    chars: new Float64Array(n), linkChars: new Float64Array(n), punct: new Float64Array(n),
    paras: new Float64Array(n), items: new Float64Array(n), headings: new Float64Array(n),
    rows: new Float64Array(n), blocks: new Float64Array(n), proseChars: new Float64Array(n),
  };
  index.blocks.forEach((b, bi) => {
    if (b.owner < 0 || !keepElement(b.owner) || !keepBlock(bi)) return;
    const o = b.owner;
    t.chars[o]! += b.chars;
    t.linkChars[o]! += b.linkChars;
    t.punct[o]! += b.punct;
    if (b.kind === 'p' || b.kind === 'text') t.paras[o]!++;
    else if (b.kind === 'li') t.items[o]!++;
    else if (b.kind === 'h') t.headings[o]!++;
    else if (b.kind === 'row') t.rows[o]!++;
    t.blocks[o]!++;
    if (isProse(b)) t.proseChars[o]! += b.chars;
  });
  for (let i = n - 1; i > 0; i--) {
    const p = index.elements[i]!.parent;
    if (p < 0 || !keepElement(i)) continue;
    t.chars[p]! += t.chars[i]!;
    t.linkChars[p]! += t.linkChars[i]!;
    t.punct[p]! += t.punct[i]!;
    t.paras[p]! += t.paras[i]!;
    t.items[p]! += t.items[i]!;
    t.headings[p]! += t.headings[i]!;
    t.rows[p]! += t.rows[i]!;
    t.blocks[p]! += t.blocks[i]!;
    t.proseChars[p]! += t.proseChars[i]!;
  }
  return t;
}

export const linkDensity = (t: Totals, i: number): number => (t.chars[i]! > 0 ? t.linkChars[i]! / t.chars[i]! : 0);
