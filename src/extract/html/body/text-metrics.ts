// Length and punctuation measures that mean the same thing in every script. A Chinese or Japanese
// sentence carries in 20 characters what an English one says in 60–100, and uses no spaces, so
// thresholds written for Latin text would reject whole CJK articles. We count characters, not
// words, and weight ideographic/syllabic characters so one threshold fits both.

/** How many Latin characters one dense-script character is worth. */
export const DENSE_WEIGHT = 3;

/** Han, Hiragana, Katakana, Hangul (jamo and syllables), CJK punctuation and fullwidth forms. */
const isDense = (c: number) =>
  (c >= 0x2e80 && c <= 0x9fff) || (c >= 0xac00 && c <= 0xd7af) || (c >= 0x1100 && c <= 0x11ff)
  || (c >= 0xf900 && c <= 0xfaff) || (c >= 0xff00 && c <= 0xffef);

/** Unicode spaces above ASCII: NBSP, Ogham, the U+2000 block, line/paragraph separators, ideographic. */
const isWideSpace = (c: number) =>
  c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029
  || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0x85;

/**
 * Clause punctuation: the comma family across scripts (Latin , ;  Arabic ، ؛  CJK ， 、 ； ﹐ ﹑)
 * plus the ideographic full stop, because CJK prose often runs long clauses with few commas.
 */
const isClause = (c: number) =>
  c === 44 || c === 59 || c === 0x060c || c === 0x061b || c === 0x3001 || c === 0x3002
  || c === 0xff0c || c === 0xff1b || c === 0xfe50 || c === 0xfe51;

export interface TextMeasure {
  /** Weighted count of non-space characters (dense-script characters count DENSE_WEIGHT). */
  chars: number;
  /** Clause punctuation marks. */
  punct: number;
}

/** One linear pass over a string, by character code (no per-character regex). */
export function measure(s: string): TextMeasure {
  let chars = 0, punct = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c <= 32) continue;
    if (c < 0x80) {
      chars++;
      if (c === 44 || c === 59) punct++;
      continue;
    }
    if (c >= 0xd800 && c <= 0xdbff) { chars++; i++; continue; } // astral: emoji, rare Han; count once
    if (isWideSpace(c)) continue;
    chars += isDense(c) ? DENSE_WEIGHT : 1;
    if (isClause(c)) punct++;
  }
  return { chars, punct };
}

/** Weighted non-space length (see measure). */
export const weightedLength = (s: string): number => measure(s).chars;

/** True when a text ends like a sentence in some script (., !, ?, 。, ！, ？, ؟, …, quotes after). */
export function endsLikeSentence(s: string): boolean {
  return /[.!?\u3002\uff01\uff1f\u061f\u2026\u0964]["'\u201d\u2019\u00bb)\]]*\s*$/u.test(s);
}

/** A text that is one web address written out ("https://…", "www.…"): a cited source, not a title. */
export function isAddress(s: string): boolean {
  return /^\s*(?:https?:\/\/|www\.)\S+\s*$/i.test(s);
}
