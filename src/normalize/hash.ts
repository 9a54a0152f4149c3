import { createHash } from 'node:crypto';

/** sha256 hex of the normalized headline and body: the identity of an article across runs. */
export function contentHash(headline: string | null, body: string): string {
  return createHash('sha256').update(headline ?? '').update('\n\n').update(body).digest('hex');
}
