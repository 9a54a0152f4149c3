// Titles a page hands to its share buttons. "Tweet", "Email" and "Share" links carry the
// article's title in their URL (`twitter.com/intent/tweet?text=<title>`, `mailto:?subject=
// <title>`, `…/share?url=…&title=<title>`), and a Markdown dump or a lynx reference list
// keeps those URLs even though the page's <title> and <h1> markup are gone. The headline
// extractor credits a block that says the same.
import { decodeHTML } from 'entities';
import { foldKey } from './page.js';

// A share parameter: the value runs to the next parameter, the end of the link or a space.
const SHARE_PARAM = /[?&](?:text|title|subject)=([^&#)\s"<>\]]{8,600})/gi;
// Share texts often end with the page's URL, or a "via @site" signature.
const TRAILING_URL = /\s+(?:https?:\/\/|www\.)\S*$/u;
const TRAILING_VIA = /\s+via\s+@\w+$/iu;
const MAX_TITLES = 12;
// Scripts written without spaces between words.
const CJK = /[\u3040-\u9fff\uac00-\ud7af]/u;

function decode(value: string): string | null {
  try {
    return decodeURIComponent(value.replace(/\+/g, ' '));
  } catch {
    return null;
  }
}

/** Folded texts (./page.ts foldKey) of the titles the page's share links carry, at most a dozen. */
export function sharedTitles(raw: string): string[] {
  const out = new Set<string>();
  // Only links carry share parameters; a text without "=" has none (most plain-text dumps).
  if (!raw.includes('=')) return [];
  for (const m of raw.matchAll(SHARE_PARAM)) {
    let v = decode(m[1]!);
    if (v === null) continue;
    v = decodeHTML(v).replace(TRAILING_URL, '').replace(TRAILING_VIA, '').trim();
    // A URL or an id is no title; a title has letters and spaces.
    if (/^(?:https?:|www\.)/i.test(v) || !/\p{L}/u.test(v)) continue;
    const key = foldKey(v);
    if (key.length >= 8 && (key.includes(' ') || CJK.test(key))) out.add(key);
    if (out.size >= MAX_TITLES) break;
  }
  return [...out];
}

/**
 * How well a block's folded text matches a shared title: 1 when they are the same, 0.7 when
 * the title is the block plus a site name or a "Check out" lead-in ("BBC News - <block>",
 * "<block> | The Japan Times"), else 0.
 */
export function sharedMatch(key: string, titles: readonly string[]): number {
  if (key.length < 8 || titles.length === 0) return 0;
  let best = 0;
  for (const t of titles) {
    if (t === key) return 1;
    if (t.length < key.length || key.length < 0.5 * t.length) continue;
    if (t.startsWith(key + ' ') || t.endsWith(' ' + key)) best = 0.7;
  }
  return best;
}
