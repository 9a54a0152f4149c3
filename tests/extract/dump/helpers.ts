// Build block sequences for the dump unit tests: one string per block, with a tiny prefix
// syntax for the kind ("# " heading, "* " list item, "--" rule, "[img]" placeholder).
import { boilerplateMatcher } from '../../../src/extract/boilerplate/index.js';
import type { Block } from '../../../src/extract/dump/block.js';
import { classifyBlocks, type Scored } from '../../../src/extract/dump/classify.js';

export function blocks(lines: string[]): Block[] {
  return lines.map((l, i) => {
    if (l === '--') return { text: '', kind: 'rule', level: 0, linkShare: null, line: i + 1, gapBefore: true };
    const h = /^(#{1,6}) (.*)$/.exec(l);
    if (h) return { text: h[2]!, kind: 'heading', level: h[1]!.length, linkShare: null, line: i + 1, gapBefore: true };
    if (l.startsWith('* ')) return { text: l.slice(2), kind: 'list-item', level: 1, linkShare: null, line: i + 1, gapBefore: false };
    return { text: l, kind: 'line', level: 0, linkShare: null, line: i + 1, gapBefore: true };
  });
}

export const scoredOf = (lines: string[]): Scored[] => classifyBlocks(blocks(lines), boilerplateMatcher());

export const P1 = 'Scientists from three universities said on Tuesday that glaciers in the central Alps lost twice as much ice last summer as their models had predicted.';
export const P2 = 'The survey, which combined drone photography with stake measurements taken every two weeks, covered forty glaciers in Switzerland, Austria and Italy.';
export const P3 = 'Local authorities have already closed two hiking routes where the ice had become unstable, and more closures are expected in the spring.';
