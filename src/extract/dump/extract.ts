// Which dump extractor runs: the learned labeller when a usable model is in place, else the rule
// cascade (./article.ts). Both read the same parsed dump.
import type { ExtractOptions, Extraction } from '../../types.js';
import { extractFromBlocks } from './article.js';
import { extractLearned } from './learned.js';
import { dumpModel } from './model.js';
import type { ParsedDump } from './parsed.js';

export function extractDump(dump: ParsedDump, options: ExtractOptions): Extraction {
  const model = dumpModel();
  return model ? extractLearned(dump, options, model) : extractFromBlocks(dump.blocks, options, dump);
}
