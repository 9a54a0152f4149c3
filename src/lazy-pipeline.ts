// processDocument with each format's extractor loaded on first use. Extraction workers run
// this: one that only ever sees text dumps never loads the HTML parser (cheerio, htmlparser2)
// or the Markdown stack (unified, remark), ~17 MB of RSS and ~0.2 s of start-up per worker.
import { closeDocument, openDocument, type DocumentInput } from './document.js';
import type { ExtractOptions, ExtractResult, Extraction, Format } from './types.js';

type Extract = (input: string, options: ExtractOptions) => Extraction;

const load: Record<Format, () => Promise<Extract>> = {
  html: async () => (await import('./extract/html/index.js')).extractHtml,
  text: async () => (await import('./extract/text/index.js')).extractText,
  markdown: async () => (await import('./extract/markdown/index.js')).extractMarkdown,
};
const loaded = new Map<Format, Extract>();

export async function processDocumentLazily(input: DocumentInput, options: ExtractOptions): Promise<ExtractResult> {
  const doc = openDocument(input);
  let extract = loaded.get(doc.format);
  if (!extract) loaded.set(doc.format, extract = await load[doc.format]());
  return closeDocument(doc, extract(doc.text, options));
}
