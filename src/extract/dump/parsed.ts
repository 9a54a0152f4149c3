// A dump read into blocks, before any field is looked for: what both extractors (the rule
// cascade in ./article.ts and the learned labeller in ./learned.ts) and the trainer start from.
import type { Block } from './block.js';
import type { DocMeta } from './header.js';

export interface ParsedDump {
  /** Provenance prefix: "text" or "md". */
  prefix: 'text' | 'md';
  plainText: boolean;
  /** Stated metadata (front matter, JSON header, `Title:` lines): it wins over the layout. */
  meta: DocMeta | null;
  /** Folded titles the page's share links carry (./fields/shared.ts). */
  sharedTitles: readonly string[];
  blocks: Block[];
}
