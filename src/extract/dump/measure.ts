// Script-aware text measures the dump extractor scores blocks with. Thresholds are in
// "weight" rather than characters so that CJK text, which packs a word into one or two
// characters, is judged like Latin text of the same content.

import { memoByString } from '../../memo.js';
import { asciiWordCount, wordPatternCount } from '../../normalize/count.js';

/** Texts longer than this (paragraphs) are remembered only for the document at hand. */
const LONG_TEXT = 200;

/**
 * A pure function of a block's text, remembered: the classifier, the headline, deck and tag
 * finders and the labeller's features each ask the same few measures of the same lines, so
 * each text is measured once per dump. Short lines (menus, footers, section names, bylines)
 * recur across the pages of a site and are kept for many dumps; paragraphs rarely recur across
 * pages, and at 4,096 per cache they held ~15 MB of old dumps' text and token arrays in every
 * extraction worker (peak RSS of a bulk ingest), so they get a cache the size of one dump.
 */
export function memoByText<R>(fn: (text: string) => R, max = 4096, maxLong = 256): (text: string) => R {
  const short = memoByString(fn, max);
  const long = memoByString(fn, maxLong);
  return (text: string): R => (text.length > LONG_TEXT ? long(text) : short(text));
}

// One collator for every comparison: localeCompare with options builds one per call. Same
// locale and options, so the same answers.
const BASE_COLLATOR = new Intl.Collator(undefined, { sensitivity: 'base' });

/** The same text but for case and accents ("Home" = "HOME" = "Hôme"), as localeCompare says. */
export const sameText = (a: string, b: string): boolean => a === b || BASE_COLLATOR.compare(a, b) === 0;

const CJK_CHAR = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}\p{Script=Thai}]/gu;
// Code-unit ranges that hold every CJK/Thai character (and some others): text without any of
// them, most of it, skips the script lookups, which are the costly part of these measures.
const MAYBE_CJK = /[\u0E00-\u0E7F\u1100-\u11FF\u2E80-\u2FDF\u3000-\u9FFF\uA960-\uA97F\uAC00-\uD7FF\uF900-\uFAFF\uFF00-\uFFEF\uD800-\uDBFF]/;
const WORD = /[\p{L}\p{N}][\p{L}\p{N}\p{M}'’_-]*/gu;

/** Characters, with each CJK/Thai character counted three times (about one Latin word). */
export function textWeight(text: string): number {
  if (!MAYBE_CJK.test(text)) return text.length;
  const cjk = text.match(CJK_CHAR)?.length ?? 0;
  return text.length + 2 * cjk;
}

/** Words, where a run of CJK characters counts one word per two characters. */
export function wordCountOf(text: string): number {
  let n = 0;
  const ascii = asciiWordCount(text);
  if (ascii !== undefined) return ascii;
  if (!MAYBE_CJK.test(text)) return wordPatternCount(text);
  for (const w of text.match(WORD) ?? []) {
    const cjk = w.match(CJK_CHAR)?.length ?? 0;
    n += cjk > 0 ? Math.max(1, Math.round(cjk / 2)) + (w.length - cjk > 0 ? 1 : 0) : 1;
  }
  return n;
}

// Sentence-final punctuation, Latin, CJK, Arabic and Devanagari, optionally followed by closing
// quotes or brackets: `… "soft on crime."`.
// A colon ends the sentence that introduces a list, a quote or code.
const SENTENCE_END = /[.!?…。！？؟।:：][\s"'”’»)\]」』]*$/u;
// A sentence boundary inside a block: end punctuation, space, then a capital or a quote.
const SENTENCE_BREAK = /[.!?…][”"’']?\s+["“‘(]?\p{Lu}|[。！？]/gu;

export const endsSentence = (text: string): boolean => SENTENCE_END.test(text);

/** Number of sentence boundaries inside the text, plus one for a final sentence end. */
export function sentenceCount(text: string): number {
  return (text.match(SENTENCE_BREAK)?.length ?? 0) + (endsSentence(text) ? 1 : 0);
}

/** Commas (Latin, CJK, Arabic): prose has them, menus and titles rarely do. */
export function commaCount(text: string): number {
  return text.match(/[,，、،]/g)?.length ?? 0;
}

const CASED_WORD = /(?<![\p{L}\p{N}])[\p{Lu}\p{Ll}][\p{L}'’-]*/gu;
const SMALL_WORDS = new Set([
  'a', 'an', 'the', 'and', 'or', 'but', 'nor', 'of', 'in', 'on', 'at', 'to', 'for', 'by', 'with', 'from',
  'as', 'is', 'vs', 'via', 'per', 'into', 'onto', 'over', 'than', 'up', 'off', 'out',
]);

/**
 * Share of cased words that start with a capital, small English function words aside:
 * 1.0 for "Lust For Youth", low for sentence-case prose. Null when there are no cased words.
 */
export const capitalShare = memoByText(capitalShareOf);

function capitalShareOf(text: string): number | null {
  const ascii = asciiCapitalShare(text);
  if (ascii !== undefined) return ascii;
  let cased = 0, upper = 0;
  for (const w of text.match(CASED_WORD) ?? []) {
    if (SMALL_WORDS.has(w.toLowerCase())) continue;
    cased++;
    if (/^\p{Lu}/u.test(w)) upper++;
  }
  return cased === 0 ? null : upper / cased;
}

const isAsciiLetter = (c: number): boolean => (c | 32) >= 97 && (c | 32) <= 122;
const isAsciiDigit = (c: number): boolean => c >= 48 && c <= 57;

/**
 * capitalShare of ASCII text without the regular expression (undefined when the text is not
 * ASCII): a cased word starts at a letter that follows no letter or digit and goes on through
 * letters, "'" and "-".
 */
function asciiCapitalShare(text: string): number | null | undefined {
  let cased = 0, upper = 0;
  const n = text.length;
  for (let i = 0; i < n; i++) if (text.charCodeAt(i) >= 128) return undefined;
  let i = 0;
  while (i < n) {
    const c = text.charCodeAt(i);
    if (!isAsciiLetter(c) || (i > 0 && (isAsciiLetter(text.charCodeAt(i - 1)) || isAsciiDigit(text.charCodeAt(i - 1))))) { i++; continue; }
    let j = i + 1;
    for (; j < n; j++) {
      const d = text.charCodeAt(j);
      if (!isAsciiLetter(d) && d !== 39 && d !== 45) break;
    }
    // The small words are at most four letters long.
    if (j - i > 4 || !SMALL_WORDS.has(text.slice(i, j).toLowerCase())) {
      cased++;
      if (c <= 90) upper++;
    }
    i = j;
  }
  return cased === 0 ? null : upper / cased;
}

const TOKEN = /[\p{L}\p{N}]+/gu;
const CJK_RUN = /^[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}\p{Script=Thai}]+$/u;

/**
 * Content tokens for overlap measures: lower-cased words of three or more letters, and
 * character bigrams of CJK runs (which have no spaces to split on). The array is shared
 * between callers (remembered per text): read it, never change it.
 */
export const contentTokens: (text: string) => readonly string[] = memoByText(contentTokensOf);

function contentTokensOf(text: string): string[] {
  const out: string[] = [];
  for (const t of text.toLowerCase().match(TOKEN) ?? []) {
    if (CJK_RUN.test(t)) {
      for (let i = 0; i + 1 < t.length; i++) out.push(t.slice(i, i + 2));
      if (t.length === 1) out.push(t);
    } else if (t.length >= 3 || /\d/.test(t)) {
      out.push(t);
    }
  }
  return out;
}

/** Share of letters among the non-space characters: low for "12/02 | 3:40 PM | 19 ▲". */
export function letterShare(text: string): number {
  // Long text is judged on its start: enough to tell a symbol row from words.
  if (text.length > 300) text = text.slice(0, 300);
  // ASCII text, most of it, is counted without building the squeezed copy.
  let nonSpace = 0, letters = 0, ascii = true;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 128) { ascii = false; break; }
    if (c === 32 || (c >= 9 && c <= 13)) continue;
    nonSpace++;
    if ((c | 32) >= 97 && (c | 32) <= 122) letters++;
  }
  if (ascii) return nonSpace === 0 ? 0 : letters / nonSpace;
  // As (squeezed.match(/\p{L}/gu) ?? []).length / squeezed.length of the text without its
  // whitespace, without building either.
  return classShare(text, LETTER, true);
}

const LETTER = 1, NUMBER = 2, SPACE = 4;
// Per code point: LETTER (\p{L}), NUMBER (\p{N}), SPACE (\s, which only BMP code units are).
const CLASS_OF = new Map<number, number>();
function classBits(cp: number): number {
  let c = CLASS_OF.get(cp);
  if (c === undefined) {
    const ch = String.fromCodePoint(cp);
    c = (/^\p{L}$/u.test(ch) ? LETTER : 0) | (/^\p{N}$/u.test(ch) ? NUMBER : 0) | (/^\s$/.test(ch) ? SPACE : 0);
    if (CLASS_OF.size >= 65536) CLASS_OF.clear();
    CLASS_OF.set(cp, c);
  }
  return c;
}
const isSpaceUnit = (u: number): boolean => (u < 128 ? u === 32 || (u >= 9 && u <= 13) : (classBits(u) & SPACE) !== 0);

/**
 * Share of the code points of class `cls` (LETTER or NUMBER) among the text's non-whitespace
 * code units (its UTF-16 length without whitespace). `squeezed`: the code points are read from
 * the text with its whitespace taken out (a surrogate pair split by a space is one code point
 * there), else from the text as it is.
 */
export function classShare(text: string, cls: number, squeezed: boolean): number {
  let units = 0, hits = 0;
  // Where a high surrogate waits for its low half, or -1.
  let highAt = -1;
  for (let i = 0; i < text.length; i++) {
    const u = text.charCodeAt(i);
    if (isSpaceUnit(u)) { if (!squeezed) highAt = -1; continue; }
    units++;
    if (highAt >= 0 && u >= 0xdc00 && u <= 0xdfff) {
      const cp = 0x10000 + ((text.charCodeAt(highAt) - 0xd800) << 10) + (u - 0xdc00);
      highAt = -1;
      if (classBits(cp) & cls) hits++;
      continue;
    }
    // Lone surrogates are neither letters nor numbers.
    highAt = u >= 0xd800 && u <= 0xdbff ? i : -1;
    if (highAt >= 0) continue;
    if (u < 128 ? (cls === LETTER ? (u | 32) >= 97 && (u | 32) <= 122 : u >= 48 && u <= 57) : classBits(u) & cls) hits++;
  }
  return units === 0 ? 0 : hits / units;
}
export { LETTER as SHARE_LETTER, NUMBER as SHARE_NUMBER };

// Characters that code has and prose, menus and titles rarely do.
const CODE_CHARS = /[(){}\[\];=<>|\\$#@*+]/g;

/** A line of program code or data ("FROM unnest(array[2, 3]) AS n;", "x = f(y)"). */
export function looksLikeCode(text: string): boolean {
  if (text.length < 3 || text.length > 300) return false;
  const n = text.match(CODE_CHARS)?.length ?? 0;
  return n >= 2 && n / text.length >= 0.04 || /[;{}]$/.test(text) || /^(?:SELECT|FROM|WHERE|WITH|import|export|def|class|function|const|let|var|return|if|for|while)\b/.test(text);
}
