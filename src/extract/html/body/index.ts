// Contract between the HTML field extractors and the body extractor (body/ owns the algorithm).
import type { CheerioAPI } from 'cheerio/slim';
import type { ExtractOptions } from '../../../types.js';

/** What the metadata pass already knows and the body pass can use. */
export interface BodyHints {
  headline: string | null;
  deck: string | null;
}

export interface BodyResult {
  /** Paragraphs, headings, list items, quotes: one string per block, in reading order. */
  blocks: string[];
  /** Which pass/rule produced the body, e.g. "score:strict", "score:relaxed", "selector". */
  rule: string;
  /** True for listing pages, galleries and other non-articles. */
  notArticle: boolean;
}

/** Runs after metadata extraction; may mutate the document. Placeholder until body/ lands. */
export function extractHtmlBody($: CheerioAPI, hints: BodyHints, options: ExtractOptions): BodyResult {
  void hints; void options;
  return { blocks: $('p').toArray().map((p) => $(p).text()), rule: 'placeholder', notArticle: false };
}
