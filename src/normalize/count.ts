// Word counts that are sane for every script: Latin-like scripts count space-separated words,
// CJK text (no spaces) counts words found by ICU's dictionary segmenter.

const CJK = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Thai}\p{Script=Lao}\p{Script=Khmer}\p{Script=Myanmar}]/u;
// A word (WORD below): /[\p{L}\p{N}][\p{L}\p{N}\p{M}'’_-]*/u, counted without the pattern.

let segmenter: Intl.Segmenter | undefined;

// ICU's dictionary segmentation slows down sharply on one long run of unspaced text (64k
// characters take a second, 128k half a minute), so text goes to it in pieces of at most this
// size, cut after whitespace or sentence punctuation where possible. A word cut at a forced
// boundary counts twice: one word in thousands.
const CHUNK = 4096;
const BREAK_AFTER = /[\s。．！？；，、.!?;,]/u;

function* chunks(text: string): Generator<string> {
  let start = 0;
  while (text.length - start > CHUNK) {
    let end = start + CHUNK;
    // Look back over the last quarter of the window for a natural place to cut.
    for (let i = end - 1; i > start + CHUNK * 0.75; i--) {
      if (BREAK_AFTER.test(text[i]!)) { end = i + 1; break; }
    }
    // Never split a surrogate pair.
    const c = text.charCodeAt(end - 1);
    if (c >= 0xd800 && c <= 0xdbff) end++;
    yield text.slice(start, end);
    start = end;
  }
  if (start < text.length) yield text.slice(start);
}

/**
 * WORD's count on ASCII text without the regular expression, undefined when the text is not
 * ASCII: a word starts at a letter or digit and goes on through letters, digits, "'", "_" and
 * "-". One pass both checks and counts.
 */
export function asciiWordCount(text: string): number | undefined {
  let n = 0, inWord = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 128) return undefined;
    const alnum = (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
    if (alnum) { if (!inWord) { n++; inWord = true; } }
    else if (!(inWord && (c === 39 || c === 95 || c === 45))) inWord = false;
  }
  return n;
}

// What a non-ASCII code point is to WORD: 1 a letter or digit (starts and continues a word),
// 2 a mark or "’" (continues one), 0 anything else. Remembered per code point: text holds few.
const START = /^[\p{L}\p{N}]$/u;
const GOES_ON = /^[\p{M}’]$/u;
const classes = new Map<number, number>();
function classOf(cp: number): number {
  let c = classes.get(cp);
  if (c === undefined) {
    const ch = String.fromCodePoint(cp);
    c = START.test(ch) ? 1 : GOES_ON.test(ch) ? 2 : 0;
    if (classes.size >= 65536) classes.clear();
    classes.set(cp, c);
  }
  return c;
}

/**
 * WORD's count (text.match(WORD).length) without building the array of words: code point by
 * code point, ASCII told apart inline, other code points by their remembered class.
 */
export function wordPatternCount(text: string): number {
  let n = 0, inWord = false;
  for (let i = 0; i < text.length; i++) {
    const u = text.charCodeAt(i);
    let c: number;
    if (u < 128) c = (u >= 48 && u <= 57) || (u >= 65 && u <= 90) || (u >= 97 && u <= 122) ? 1 : u === 39 || u === 95 || u === 45 ? 2 : 0;
    else {
      const cp = text.codePointAt(i)!;
      if (cp > 0xffff) i++;
      c = classOf(cp);
    }
    if (c === 1) { if (!inWord) { n++; inWord = true; } }
    else if (c === 0 || !inWord) inWord = false;
  }
  return n;
}

export function wordCount(text: string): number {
  // ASCII text, most bodies, has no CJK and is counted without the regular expression.
  const ascii = asciiWordCount(text);
  if (ascii !== undefined) return ascii;
  if (!CJK.test(text)) return wordPatternCount(text);
  segmenter ??= new Intl.Segmenter(undefined, { granularity: 'word' });
  let n = 0;
  for (const piece of chunks(text)) {
    for (const seg of segmenter.segment(piece)) if (seg.isWordLike) n++;
  }
  return n;
}
