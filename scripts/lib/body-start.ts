// Does an extracted body begin where a reference extractor's body begins? Postlight's truth gives
// the first N words of its body ("body_start"), whitespace-collapsed, sometimes with words glued
// across elements and undecoded entities, so both sides are compared as their letter/digit runs
// joined without separators (glued or not, the same characters in the same order).
import { decodeHTML } from 'entities';

const TOKEN = /[\p{L}\p{N}_]+/gu;
const tokens = (s: string): string[] => decodeHTML(s).normalize('NFKC').toLowerCase().match(TOKEN) ?? [];

/**
 * 'strict': the body begins with all of `start`; 'suffix': it begins with a tail of `start` of at
 * least 4 tokens (the reference kept a leading caption or UI label we drop); 'no' otherwise.
 */
export function bodyStartMatch(body: string, start: string): 'strict' | 'suffix' | 'no' {
  const want = tokens(start);
  if (want.length === 0) return 'no';
  const got = tokens(body.slice(0, start.length * 4 + 200)).join('');
  if (got.startsWith(want.join(''))) return 'strict';
  for (let k = 1; k <= want.length - 4; k++) {
    if (got.startsWith(want.slice(k).join(''))) return 'suffix';
  }
  return 'no';
}
