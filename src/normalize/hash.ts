import { createHash } from 'node:crypto';
import { foldNoBreakSpaces } from './text.js';

/**
 * sha256 hex of the normalized headline and body: the identity of an article across runs.
 * No-break spaces hash as plain ones: two copies of an article that differ only in how their page
 * encoded its spaces are one article (and hashes stay those of releases that stored plain spaces).
 */
export function contentHash(headline: string | null, body: string): string {
  return createHash('sha256').update(foldNoBreakSpaces(headline ?? '')).update('\n\n').update(foldNoBreakSpaces(body)).digest('hex');
}
