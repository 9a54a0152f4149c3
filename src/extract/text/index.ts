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

// lynx prints an apostrophe written as an entity (&apos;, &#39;) as U+02BC, the modifier letter;
// beside a Latin letter it is that apostrophe ("Whatʼs" → "What's"). Between letters of other
// scripts (Ukrainian, where U+02BC is the apostrophe's own letter) it is left alone. The fields
// are mended after extraction: the labeller learned its features from the dumps as printed.
const LYNX_APOSTROPHE = /(?<=\p{Script=Latin})\u02bc|\u02bc(?=\p{Script=Latin})/gu;
const mend = (s: string | null) => (s === null ? s : s.replace(LYNX_APOSTROPHE, "'"));

export function extractText(input: string, options: ExtractOptions): Extraction {
  const x = extractDump(parseTextDump(input), options);
  if (!input.includes('\u02bc')) return x;
  return { ...x, tag: mend(x.tag), headline: mend(x.headline), deck: mend(x.deck), byline: mend(x.byline), body: x.body.map((b) => mend(b)!) };
}
