// One document, start to finish: bytes → decode → detect format → extract → normalize.
// Pure apart from the clock-free inputs it is given; the CLI and the eval both call it, so what
// we measure is what users get.
import { closeDocument, openDocument, type DocumentInput } from './document.js';
import { extract } from './extract/index.js';
import type { ExtractOptions, ExtractResult } from './types.js';

export type { DocumentInput } from './document.js';

export function processDocument(input: DocumentInput, options: ExtractOptions): ExtractResult {
  const doc = openDocument(input);
  return closeDocument(doc, extract(doc.text, doc.format, options));
}

export { errorResult } from './error-result.js';
