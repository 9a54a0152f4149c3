// Format dispatch: each format has its own extractor; all return the same Extraction shape.
import type { ExtractOptions, Extraction, Format } from '../types.js';
import { extractHtml } from './html/index.js';
import { extractText } from './text/index.js';
import { extractMarkdown } from './markdown/index.js';

export function extract(input: string, format: Format, options: ExtractOptions): Extraction {
  switch (format) {
    case 'html': return extractHtml(input, options);
    case 'text': return extractText(input, options);
    case 'markdown': return extractMarkdown(input, options);
  }
}
