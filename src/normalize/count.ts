// Word counts that are sane for every script: Latin-like scripts count space-separated words,
// CJK text (no spaces) counts words found by ICU's dictionary segmenter.

const CJK = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Thai}\p{Script=Lao}\p{Script=Khmer}\p{Script=Myanmar}]/u;
const WORD = /[\p{L}\p{N}][\p{L}\p{N}\p{M}'’_-]*/gu;

let segmenter: Intl.Segmenter | undefined;

export function wordCount(text: string): number {
  if (!CJK.test(text)) return text.match(WORD)?.length ?? 0;
  segmenter ??= new Intl.Segmenter(undefined, { granularity: 'word' });
  let n = 0;
  for (const seg of segmenter.segment(text)) if (seg.isWordLike) n++;
  return n;
}
