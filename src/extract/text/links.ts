// Link markers that text browsers leave in dumps: lynx writes "[12]Home" for every link and
// a numbered "References" list of URLs at the end. The markers are noise in the text but
// precious evidence: they tell which words were links, which plain text otherwise cannot.

// "[12]" before the link text; lynx also writes "[IMG]"/"[INLINE]" for images.
const MARKER = /\[(\d{1,5})\]/g;
const REFERENCES_HEAD = /^\s*(?:References|Visible links:?|Hidden links:?)\s*$/;
const REFERENCE_ITEM = /^\s*\d{1,5}\.\s+\S+:\S*/;

/**
 * Cut the trailing "References" section (a heading followed by numbered URLs) that lynx
 * appends; returns the lines before it.
 */
export function stripReferences(lines: readonly string[]): readonly string[] {
  // Walk up from the end: the references section is everything below the highest heading
  // under which (nearly) every line is a numbered URL; lynx may add "Visible links" and
  // "Hidden links:" sub-sections of the same shape. No cap on the walk: it stops at the first
  // run of ordinary lines, and a page with 100k links has a 100k-line list (a cap left it in
  // the body).
  let items = 0, other = 0, cut = -1;
  for (let i = lines.length - 1; i >= 0; i--) {
    const l = lines[i]!;
    if (l.trim() === '') continue;
    if (REFERENCES_HEAD.test(l)) {
      if (items >= 1 && items > other * 3) cut = i;
      continue;
    }
    if (REFERENCE_ITEM.test(l)) items++;
    else if (++other > 3 && other * 3 >= items) break;
  }
  return cut >= 0 ? lines.slice(0, cut) : lines;
}

export const hasLinkMarkers = (text: string): boolean => /\[\d{1,5}\]\S/.test(text);

// Link text ends at the next marker, at sentence punctuation, or after a few words: a marker
// inside a sentence links a phrase, not the rest of the line.
const LINK_TEXT = /^[^\[.,;:!?()]{0,60}/u;

/** Remove link markers; estimate the share of the line that was link text. */
export function stripLinkMarkers(text: string): { text: string; linkChars: number } {
  if (!text.includes('[')) return { text, linkChars: 0 };
  let linkChars = 0;
  const parts = text.split(MARKER);
  // split with a capture group: [before, n, after, n, after, …]
  let out = parts[0]!;
  for (let k = 2; k < parts.length; k += 2) {
    const seg = parts[k]!;
    const m = LINK_TEXT.exec(seg);
    const words = (m?.[0] ?? '').trim().split(/\s+/).slice(0, 6).join(' ');
    linkChars += words.length;
    out += seg;
  }
  return { text: out, linkChars };
}
