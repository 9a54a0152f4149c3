import type { Extraction } from '../types.js';

export function emptyExtraction(): Extraction {
  return { tag: null, headline: null, deck: null, byline: null, published: null, url: null, lang: null, body: [], provenance: {} };
}
