import type { ExtractOptions, Extraction } from '../../types.js';
import { emptyExtraction } from '../empty.js';

// Placeholder until the text extractor lands.
export function extractText(input: string, _options: ExtractOptions): Extraction {
  void input;
  return emptyExtraction();
}
