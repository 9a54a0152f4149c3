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

export function wordCount(text: string): number {
  if (!CJK.test(text)) {
    // Counted by stepping a global regex through the text: the same matches as text.match(WORD)
    // without an array of every word of the body.
    let n = 0;
    WORD.lastIndex = 0;
    while (WORD.test(text)) n++;
    return n;
  }
  segmenter ??= new Intl.Segmenter(undefined, { granularity: 'word' });
  let n = 0;
  for (const piece of chunks(text)) {
    for (const seg of segmenter.segment(piece)) if (seg.isWordLike) n++;
  }
  return n;
}
