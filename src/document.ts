// A document's trip around its extractor: the checks, decoding and format detection before it,
// the article and status after. Kept apart from any extractor so that a caller can choose how
// extractors are loaded: pipeline.ts links all of them, lazy-pipeline.ts loads each on first use.
import { binarySignature, looksBinary } from './input/binary.js';
import { decode } from './input/decode.js';
import { detectFormat } from './input/detect.js';
import { boundNesting } from './input/html-depth.js';
import { toArticle } from './normalize/article.js';
import { InputError } from './errors.js';
import { MAX_INPUT_BYTES } from './settings.js';
import type { ExtractResult, Extraction, Format } from './types.js';

export interface DocumentInput {
  /** Path as given by the user, or "-" for stdin. */
  source: string;
  bytes: Uint8Array;
  /** Forced format; undefined means sniff. */
  format?: Format;
  /** Name used as the extension hint (the path, or a name given for stdin). */
  hint?: string;
}

/** A document ready for its extractor: decoded text (the extractor's input) and its format. */
export interface OpenDocument { source: string; text: string; format: Format }

/** Check, decode and sniff; throws InputError for what is not a text document. */
export function openDocument(input: DocumentInput): OpenDocument {
  if (input.bytes.length > MAX_INPUT_BYTES) {
    throw new InputError(`file too large (${(input.bytes.length / 1048576).toFixed(1)} MiB, limit ${MAX_INPUT_BYTES / 1048576} MiB)`);
  }
  if (input.bytes.length === 0) throw new InputError('empty file');
  const signature = binarySignature(input.bytes);
  if (signature) throw new InputError(`binary file (${signature}), not text`);
  const { text } = decode(input.bytes);
  // NUL bytes are what a preallocated or crashed download is made of; normalization drops them.
  if (!/[^\s\0]/.test(text)) throw new InputError('no text in file (only whitespace or NUL bytes)');
  if (looksBinary(text)) throw new InputError('binary file (control characters throughout), not text');
  const format = input.format ?? detectFormat(text, input.hint ?? input.source);
  // Bounded nesting keeps the HTML parser linear on generated pages (see html-depth.ts).
  return { source: input.source, format, text: format === 'html' ? boundNesting(text) : text };
}

/** The stored shape of what the extractor found: normalized article, status and reason. */
export function closeDocument(doc: OpenDocument, x: Extraction): ExtractResult {
  const article = toArticle(x, { source: doc.source, format: doc.format, decodeEntities: doc.format !== 'html' });
  const status = article.body === '' || x.notArticle ? 'no_body' : 'ok';
  return { ...article, status, error: status === 'no_body' ? 'no article body found' : null };
}
