// One document, start to finish: bytes → decode → detect format → extract → normalize.
// Pure apart from the clock-free inputs it is given; the CLI and the eval both call it, so what
// we measure is what users get.
import { binarySignature, looksBinary } from './input/binary.js';
import { decode } from './input/decode.js';
import { detectFormat } from './input/detect.js';
import { boundNesting } from './input/html-depth.js';
import { extract } from './extract/index.js';
import { toArticle } from './normalize/article.js';
import { InputError } from './errors.js';
import { MAX_INPUT_BYTES } from './settings.js';
import type { ExtractOptions, ExtractResult, Format } from './types.js';


export interface DocumentInput {
  /** Path as given by the user, or "-" for stdin. */
  source: string;
  bytes: Uint8Array;
  /** Forced format; undefined means sniff. */
  format?: Format;
  /** Name used as the extension hint (the path, or a name given for stdin). */
  hint?: string;
}

export function processDocument(input: DocumentInput, options: ExtractOptions): ExtractResult {
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
  const x = extract(format === 'html' ? boundNesting(text) : text, format, options);
  const article = toArticle(x, { source: input.source, format, decodeEntities: format !== 'html' });
  const status = article.body === '' || x.notArticle ? 'no_body' : 'ok';
  return { ...article, status, error: status === 'no_body' ? 'no article body found' : null };
}

export { errorResult } from './error-result.js';
