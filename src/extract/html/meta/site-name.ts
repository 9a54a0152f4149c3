// The publication's own name, and <title> strings with it cut off. Sites append (or prepend)
// their name and section to the <title> and og:title at a separator; the visible headline never
// carries it.
import { fold } from './compare.js';
import { memoByString } from '../../../memo.js';

/** Separators sites put between headline, section and site name in a <title>. */
const SEPARATOR = /\s+(?:[|\-–—~»·•/\\]|::|›|>>)\s+|\s*[|｜]\s*|\s+_\s+|(?<=[^\x00-\x7f])_|_(?=[^\x00-\x7f])/gu;
/** A colon splits "Site: Headline" only when one side is a known site name. */
const COLON = /\s*[:：]\s+/u;

/** Letters and digits only, for "TechCrunch" ~ "techcrunch.com" ~ "Tech Crunch". */
const squashText = (s: string) => fold(s).replace(/\.(?:com|org|net|co|io|info|news|[a-z]{2})(?:\.[a-z]{2})?$/, '').replace(/[^\p{L}\p{N}]+/gu, '');
// Every candidate text is compared with the same few site names: each is squashed once.
const squashShort = memoByString(squashText);
const squash = (s: string) => (s.length <= 300 ? squashShort(s) : squashText(s));

/** The name of the site as a hostname gives it: "www.news.example.co.uk" → "example". */
export function hostName(url: string | null): string | null {
  if (!url) return null;
  try {
    const host = new URL(url).hostname.replace(/^(?:www\d?|m|amp|mobile|edition|blog|blogs|news)\./, '');
    const parts = host.split('.');
    // Drop the public suffix: one label, or two for "co.uk"-style suffixes.
    const cut = parts.length > 2 && parts[parts.length - 2]!.length <= 3 ? 2 : 1;
    const name = parts.slice(0, parts.length - cut).pop();
    return name && name.length > 1 ? name : null;
  } catch {
    return null;
  }
}

/** True when text is (a spelling of) one of the site names. */
export function isSiteName(text: string, sites: readonly string[]): boolean {
  const t = squash(text);
  if (t === '') return false;
  return sites.some((s) => {
    const q = squash(s);
    return q !== '' && (q === t || (q.length >= 4 && t.length >= 4 && (t === `the${q}` || q === `the${t}`)));
  });
}

/** Split a title at its separators; single segment when there are none. */
export function titleSegments(title: string): string[] {
  return title.split(SEPARATOR).map((s) => s.trim()).filter((s) => s !== '');
}

/**
 * The title without the site name: known names are cut at either end (at a separator, or at a
 * colon). Returns null when no known name was found, so callers can tell "cleaned" from "as is".
 */
export function stripKnownSite(title: string, sites: readonly string[]): string | null {
  if (!sites.length) return null;
  let segs = titleSegments(title);
  let changed = false;
  if (segs.length > 1) {
    // Cut from the end first (the common "Headline | Section | Site"), then from the start.
    let end = segs.length;
    while (end > 1 && isSiteName(segs[end - 1]!, sites)) { end--; changed = true; }
    let start = 0;
    while (start < end - 1 && isSiteName(segs[start]!, sites)) { start++; changed = true; }
    if (changed) segs = segs.slice(start, end);
  }
  let out = changed ? rejoin(title, segs) : title;
  const colon = COLON.exec(out);
  if (colon) {
    const head = out.slice(0, colon.index), tail = out.slice(colon.index + colon[0].length);
    if (isSiteName(head, sites)) { out = tail; changed = true; } else if (isSiteName(tail, sites)) { out = head; changed = true; }
  }
  return changed ? out.trim() : null;
}

// Put kept segments back together with the original text between them, so a headline that
// itself contains " - " is returned as written.
function rejoin(title: string, segs: string[]): string {
  const first = segs[0]!, last = segs[segs.length - 1]!;
  const a = title.indexOf(first);
  const b = title.lastIndexOf(last);
  if (a < 0 || b < 0 || b + last.length <= a) return segs.join(' - ');
  return title.slice(a, b + last.length);
}

/**
 * Best guess at the headline part of a title with unknown site names: the longest segment
 * when the others are short labels (site, section), else the title as is.
 */
export function guessTitleHeadline(title: string): string {
  const segs = titleSegments(title);
  if (segs.length < 2) return title;
  const words = (s: string) => s.split(/\s+/).length;
  const best = [...segs].sort((x, y) => y.length - x.length)[0]!;
  // "Headline | Site": the rest are names and labels of a few words.
  return segs.every((s) => s === best || (words(s) <= 4 && s.length < best.length)) ? best : title;
}
