import type { ExtractOptions, Extraction } from '../../types.js';
import { emptyExtraction } from '../empty.js';

// Placeholder until the html extractor lands.
export function extractHtml(input: string, _options: ExtractOptions): Extraction {
  void input;
  return emptyExtraction();
}
