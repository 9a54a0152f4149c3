// The deck (standfirst) of a dump: a standalone sentence-like block right after the headline,
// before the body. What tells it from the first body paragraph: it has no final period
// (decks often don't), or it is set apart from the body by the article's metadata (byline,
// date, share bar, picture) instead of running straight into the next paragraph.
import type { Scored } from './classify.js';
import { isToolbarText } from './fields/chrome.js';
import { capitalShare, commaCount, sameText } from './measure.js';
import { findDate } from './meta.js';

const SKIP = new Set(['artifact', 'rule', 'boiler', 'meta', 'link']);
const norm = (s: string) => s.toLowerCase().replace(/[\s\p{P}]+/gu, ' ').trim();
const DECK_MAX_WEIGHT = 420;

export interface DeckContext {
  headlineIndex: number;
  headlineText: string;
  /** Last index a deck may sit at (end of the article run). */
  limit: number;
}

/**
 * A short line that is not content: a label introducing what follows ("Summary:", "Lead:"),
 * or a row of share buttons printed on one line ("Twitter Facebook Email").
 */
function isLabel(s: Scored): boolean {
  if (s.cls !== 'short' || s.words > 6 || s.block.kind === 'heading') return false;
  if (s.words <= 3 && /[:：]$/u.test(s.block.text)) return true;
  return isToolbarText(s.block.text);
}

/** Index of the next block after `i` that carries content (skipping chrome, labels and headline repeats). */
function nextContent(scored: readonly Scored[], i: number, limit: number, headline: string): number | null {
  for (let j = i + 1; j <= limit && j < scored.length; j++) {
    const s = scored[j]!;
    if (SKIP.has(s.cls) || isLabel(s) || sameText(s.block.text, headline)) continue;
    return j;
  }
  return null;
}

// An address or a link is contact or caption material, never a standfirst.
const ADDRESS = /\S@\S+\.\p{L}|https?:\/\/|www\./u;

/**
 * The same words twice in a row ("Medical Daily Medical Daily", "Jane Doe By Jane Doe"): a
 * logo's alt text printed beside its name, a byline doubled by its link. Page chrome.
 */
export function hasDoubledPhrase(text: string): boolean {
  const w = text.toLowerCase().split(/\s+/).filter((x) => x !== '' && x !== 'by');
  for (let n = 2; n <= 4; n++) {
    for (let i = 0; i + 2 * n <= w.length; i++) {
      let same = true;
      for (let k = 0; k < n && same; k++) same = w[i + k] === w[i + n + k];
      if (same) return true;
    }
  }
  return false;
}

function deckShaped(s: Scored): boolean {
  const b = s.block;
  if (b.kind === 'list-item' || b.kind === 'code' || b.kind === 'table') return false;
  if (s.words < 5 || s.weight > DECK_MAX_WEIGHT || s.sentences > 3) return false;
  // A byline or caption line: a date, an address, or a name printed twice.
  if (ADDRESS.test(b.text) || hasDoubledPhrase(b.text) || (s.words <= 16 && findDate(b.text) !== null)) return false;
  // A title-cased run of comma-separated names is an author or keyword list.
  if (commaCount(b.text) >= 4 && (capitalShare(b.text) ?? 0) >= 0.8) return false;
  // A question-and-answer teaser or a sentence: it must read as text, not a label.
  return /\p{L}/u.test(b.text);
}

/** Index of the deck block, or null. */
export function findDeck(scored: readonly Scored[], ctx: DeckContext): number | null {
  const c = nextContent(scored, ctx.headlineIndex, ctx.limit, ctx.headlineText);
  if (c === null) return null;
  const s = scored[c]!;
  if (!deckShaped(s) || s.credit) return null;
  // After a picture, a sentence is its caption; after a "You may also like" heading, a teaser.
  for (let j = ctx.headlineIndex + 1; j < c; j++) if ((scored[j]!.cls === 'artifact' && scored[j]!.block.text !== '') || scored[j]!.stop) return null;
  if (scored[c - 1]?.block.flags?.media) return null;
  // The headline repeated with decoration ("Getting LEAN with Digital Ad UX 1").
  const h = norm(ctx.headlineText), t = norm(s.block.text);
  if (h.length > 8 && (t.includes(h) || h.includes(t))) return null;
  // Labelled as the summary ("Summary:", "Lead:"): a deck whatever follows it.
  const above = scored[c - 1]!;
  if (c - 1 > ctx.headlineIndex && above.cls === 'short' && above.words <= 3 && /[:：]$/u.test(above.block.text)) return c;
  // Chrome between headline and candidate is fine, but another headline-sized block is not:
  // the candidate must be the first content after the headline.
  const plainEnd = !/[.!?…。！？]["'”’»)\]]*$/u.test(s.block.text);
  const n = nextContent(scored, c, ctx.limit, ctx.headlineText);
  // No body after it: it is the body.
  if (n === null) return null;
  const gapToNext = n - c > 1 && scored.slice(c + 1, n).some((x) => x.cls === 'meta' || x.cls === 'boiler' || x.cls === 'link' || x.cls === 'artifact');
  // A subheading right under the headline is its deck, full stop or not, when metadata or
  // chrome follows; one that runs straight into prose may be the first paragraph set large.
  if (s.block.kind === 'heading') return plainEnd || gapToNext || scored[n]!.cls !== 'prose' ? c : null;
  if (plainEnd && !/[:;,]$/.test(s.block.text)) return c;
  // Sentence-final: a deck only when metadata or chrome separates it from what follows, or the
  // next content is not prose (a byline-ish or caption line).
  if (gapToNext) return c;
  // …or when what follows is a label-like line (a byline without "By", a caption credit),
  // not a short sentence that continues the text ("The draw was as follows:").
  const ns = scored[n]!;
  return ns.cls !== 'prose' && ns.block.kind !== 'heading' && !(ns.ends && ns.words >= 4) ? c : null;
}
