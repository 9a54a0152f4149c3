// Markdown: clean documents with front matter or a JSON header, and whole-page dumps from
// HTML-to-Markdown converters (menus as link lists, cookie banners, link-list footers).
// Header lines ("Title: …", "Markdown Content:") → remark blocks → the shared dump extractor.
import type { ExtractOptions, Extraction } from '../../types.js';
import { extractDump } from '../dump/extract.js';
import { sharedTitles } from '../dump/fields/shared.js';
import { parseHeaderLines, type DocMeta } from '../dump/header.js';
import type { ParsedDump } from '../dump/parsed.js';
import { markdownToBlocks } from './blocks.js';
import { frontMatterMeta, jsonHeaderMeta } from './metadata.js';

export function parseMarkdownDump(input: string): ParsedDump {
  let text = input.replace(/\r\n?/g, '\n');
  let meta: DocMeta | null = null;
  let first = 1;
  const header = parseHeaderLines(text.slice(0, 4000).split('\n'));
  if (header) {
    const lines = text.split('\n');
    text = lines.slice(header.consumed).join('\n');
    first += header.consumed;
    meta = { ...header.meta, source: 'md:header' };
  }
  const doc = markdownToBlocks(text, first);
  meta ??= (doc.yaml !== null ? frontMatterMeta(doc.yaml) : null) ?? (doc.jsonHeader ? jsonHeaderMeta(doc.jsonHeader) : null);
  return { prefix: 'md', plainText: false, meta, sharedTitles: sharedTitles(text), blocks: doc.blocks };
}

export function extractMarkdown(input: string, options: ExtractOptions): Extraction {
  const dump = parseMarkdownDump(input);
  return extractDump(dump, options);
}
