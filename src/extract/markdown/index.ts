import type { ExtractOptions, Extraction } from '../../types.js';
import { emptyExtraction } from '../empty.js';

// Placeholder until the markdown extractor lands.
export function extractMarkdown(input: string, _options: ExtractOptions): Extraction {
  void input;
  return emptyExtraction();
}
