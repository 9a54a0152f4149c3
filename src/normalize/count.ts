// Word counts that are sane for every script: Latin-like scripts count space-separated words,
// CJK text (no spaces) counts words found by ICU's dictionary segmenter.

const CJK = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Thai}\p{Script=Lao}\p{Script=Khmer}\p{Script=Myanmar}]/u;
const WORD = /[\p{L}\p{N}][\p{L}\p{N}\p{M}'’_-]*/gu;

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

export function wordCount(text: string): number {
  // ASCII text, most bodies, has no CJK and is counted without the regular expression.
  const ascii = asciiWordCount(text);
  if (ascii !== undefined) return ascii;
  if (!CJK.test(text)) return text.match(WORD)?.length ?? 0;
  segmenter ??= new Intl.Segmenter(undefined, { granularity: 'word' });
  let n = 0;
  for (const piece of chunks(text)) {
    for (const seg of segmenter.segment(piece)) if (seg.isWordLike) n++;
  }
  return n;
}
