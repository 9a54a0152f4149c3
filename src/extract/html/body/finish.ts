// From kept blocks to the strings we return: whitespace normalized, empty blocks gone, and the
// leading blocks that repeat the headline or deck (the field extractor reports those) dropped.
import { normalizeInline } from '../../../normalize/text.js';
import type { Mode } from '../../../types.js';
import type { Block } from './doc-index.js';

const key = (s: string | null) => (s ? normalizeInline(s).toLowerCase() : '');

export function finishBlocks(blocks: readonly Block[], hints: { headline: string | null; deck: string | null }, mode: Mode): string[] {
  void mode;
  const out: string[] = [];
  const heads = new Set([key(hints.headline), key(hints.deck)].filter((s) => s !== ''));
  let lead = true;
  for (const b of blocks) {
    const text = normalizeInline(b.text);
    if (text === '') continue;
    if (lead && heads.has(text.toLowerCase())) continue;
    if (b.kind !== 'h') lead = false;
    out.push(text);
  }
  return out;
}
