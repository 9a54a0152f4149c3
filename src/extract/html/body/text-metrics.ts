// Length and punctuation measures that mean the same thing in every script. A Chinese or Japanese
// sentence carries in 20 characters what an English one says in 60–100, and uses no spaces, so
// thresholds written for Latin text would reject whole CJK articles. We count characters, not
// words, and weight ideographic/syllabic characters so one threshold fits both.

/** Han, Hiragana, Katakana, Hangul, CJK punctuation and fullwidth forms. */
const DENSE = /[\u1100-\u11ff\u2e80-\u9fff\uac00-\ud7af\uf900-\ufaff\uff00-\uffef]/u;
/** How many Latin characters one dense-script character is worth. */
export const DENSE_WEIGHT = 3;

/**
 * Clause punctuation: the comma family across scripts (Latin, Arabic ، ؛, CJK ， 、 ；) plus the
 * ideographic full stop, because CJK prose often runs long clauses with few commas.
 */
const CLAUSE = /[,;\u060c\u061b\u3001\u3002\uff0c\uff1b\ufe50\ufe51]/;

export interface TextMeasure {
  /** Weighted count of non-space characters (dense-script characters count DENSE_WEIGHT). */
  chars: number;
  /** Clause punctuation marks. */
  punct: number;
}

/** One linear pass over a string. */
export function measure(s: string): TextMeasure {
  let chars = 0, punct = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c <= 32 || c === 0xa0) continue;
    if (c < 0x80) {
      chars++;
      if (c === 44 || c === 59) punct++;
      continue;
    }
    if (c >= 0xd800 && c <= 0xdbff) { chars++; i++; continue; } // astral: emoji, rare Han; count once
    const ch = s[i]!;
    if (/\s/.test(ch)) continue;
    if (DENSE.test(ch)) chars += DENSE_WEIGHT; else chars++;
    if (CLAUSE.test(ch)) punct++;
  }
  return { chars, punct };
}

/** Weighted non-space length (see measure). */
export const weightedLength = (s: string): number => measure(s).chars;

/** True when a text ends like a sentence in some script (., !, ?, 。, ！, ？, ؟, …, quotes after). */
export function endsLikeSentence(s: string): boolean {
  return /[.!?\u3002\uff01\uff1f\u061f\u2026\u0964]["'\u201d\u2019\u00bb)\]]*\s*$/u.test(s);
}
