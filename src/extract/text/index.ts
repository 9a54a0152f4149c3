// Plain-text dumps: clean article text, w3m/lynx page dumps, browser select-all copies.
// Text → lines (header lines and lynx references set aside) → blocks → the shared dump
// extractor.
import type { ExtractOptions, Extraction } from '../../types.js';
import { extractDump } from '../dump/extract.js';
import { sharedTitles } from '../dump/fields/shared.js';
import { parseHeaderLines } from '../dump/header.js';
import type { ParsedDump } from '../dump/parsed.js';
import { textToBlocks } from './blocks.js';
import { stripReferences } from './links.js';

export function parseTextDump(input: string): ParsedDump {
  let lines: readonly string[] = input.replace(/\r\n?/g, '\n').split('\n');
  const header = parseHeaderLines(lines);
  let first = 1;
  if (header) { lines = lines.slice(header.consumed); first += header.consumed; }
  // A lynx reference list holds the share links' URLs, titles in them; it goes before the text is read.
  const titles = sharedTitles(input);
  lines = stripReferences(lines);
  return { prefix: 'text', plainText: true, meta: header?.meta ?? null, sharedTitles: titles, blocks: textToBlocks(lines, first) };
}

export function extractText(input: string, options: ExtractOptions): Extraction {
  const dump = parseTextDump(input);
  return extractDump(dump, options);
}
