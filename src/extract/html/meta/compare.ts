// Comparing short texts (headline vs. <title>, deck vs. meta description) the way a reader
// would: case, quotes, dashes, spacing and edge punctuation do not make two texts different.
import { memoByString } from '../../../memo.js';

const QUOTES = /[\u2018\u2019\u201a\u201b\u2032\u0060\u00b4\u201c\u201d\u201e\u201f\u2033\u00ab\u00bb\u2039\u203a"']/g;
const DASHES = /[\u2010-\u2015\u2212\u2e3a\u2e3b\ufe58\ufe63\uff0d]/g;
const EDGE_PUNCT = /^[\s\p{P}\p{S}]+|[\s\p{P}\p{S}]+$/gu;

function foldText(s: string): string {
  return s.normalize('NFKC').toLowerCase().replace(QUOTES, "'").replace(DASHES, '-').replace(/\u2026/g, '...')
    .replace(/\s+/g, ' ').replace(EDGE_PUNCT, '').trim();
}

// The field extractors fold the same short texts over and over (site names against every
// heading, a heading's options once per test); longer texts (whole lines) are folded as they come.
const FOLD_MEMO_MAX_CHARS = 300;
const foldShort = memoByString(foldText);

/** Comparison key: NFKC, lower case, one quote and one dash, spaces collapsed, edge punctuation gone. */
export function fold(s: string): string {
  return s.length <= FOLD_MEMO_MAX_CHARS ? foldShort(s) : foldText(s);
}

export const sameText = (a: string | null | undefined, b: string | null | undefined): boolean =>
  !!a && !!b && fold(a) === fold(b);

// Scripts written without spaces between words: every character counts as a word.
const CJK = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Thai}\p{Script=Lao}\p{Script=Khmer}\p{Script=Myanmar}]/u;
const WORD = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Thai}\p{Script=Lao}\p{Script=Khmer}\p{Script=Myanmar}]|[\p{L}\p{N}\p{M}]+/gu;

/** Word tokens, lower-cased; characters of unspaced scripts one by one. */
export function tokens(s: string): string[] {
  return s.normalize('NFKC').toLowerCase().match(WORD) ?? [];
}

/** Visible length in "words": CJK characters count as half a word each (two make a word). */
export function wordLength(s: string): number {
  const folded = s.normalize('NFKC').toLowerCase();
  const toks = folded.match(WORD) ?? [];
  // No unspaced script anywhere (most texts): every token is a whole word, no test per token.
  if (!CJK.test(folded)) return toks.length;
  let n = 0;
  for (const t of toks) n += CJK.test(t) ? 0.5 : 1;
  return n;
}

/** How many of b's tokens a holds, each token of a used once. */
function sharedTokens(ta: readonly string[], tb: readonly string[]): number {
  const count = new Map<string, number>();
  for (const t of ta) count.set(t, (count.get(t) ?? 0) + 1);
  let common = 0;
  for (const t of tb) {
    const k = count.get(t) ?? 0;
    if (k > 0) { common++; count.set(t, k - 1); }
  }
  return common;
}

/** Dice coefficient of the token multisets (0–1). */
export function similarity(a: string, b: string): number {
  const ta = tokens(a), tb = tokens(b);
  if (!ta.length || !tb.length) return 0;
  return (2 * sharedTokens(ta, tb)) / (ta.length + tb.length);
}

/** Share of b's tokens found in a (how much of b a covers). */
export function coverage(a: string, b: string): number {
  const ta = tokens(a), tb = tokens(b);
  if (!tb.length) return 0;
  return sharedTokens(ta, tb) / tb.length;
}

/** a contains b as a whole phrase (folded), e.g. a <title> containing the <h1>. */
export function containsText(a: string, b: string): boolean {
  const fa = fold(a), fb = fold(b);
  return fb !== '' && fa.includes(fb);
}

/** A text with its comparison key and tokens computed once, for many comparisons. */
export interface Prepared { text: string; key: string; toks: string[] }

export const prepare = (text: string): Prepared => ({ text, key: fold(text), toks: tokens(text) });

/** similarity() on prepared texts. */
export function similarityOf(a: Prepared, b: Prepared): number {
  if (!a.toks.length || !b.toks.length) return 0;
  const count = new Map<string, number>();
  for (const t of a.toks) count.set(t, (count.get(t) ?? 0) + 1);
  let common = 0;
  for (const t of b.toks) {
    const k = count.get(t) ?? 0;
    if (k > 0) { common++; count.set(t, k - 1); }
  }
  return (2 * common) / (a.toks.length + b.toks.length);
}
