// The headline of a dump: the line or heading that best heads the article body found below
// it. Candidates are the blocks in a window above the body start; each is scored on shape
// (length, no final period, heading level, standing alone), closeness to the body (only
// content lines count as distance, datelines and share bars do not), and how much of its
// vocabulary the body shares: a headline is about what the article says, a menu entry or a
// teaser for another story is not.
import type { Scored } from './classify.js';
import { capitalShare, contentTokens } from './measure.js';

export interface HeadlineContext {
  /** Index of the first body block. */
  bodyStart: number;
  /** Index of the last block of the article run. */
  bodyEnd: number;
  /** Content tokens of the start of the body. */
  bodyVocabulary: ReadonlySet<string>;
  /** Plain-text dumps: a line standing between blank lines is a title-like unit. */
  plainText: boolean;
}

const WINDOW_ABOVE = 45;
const CRUMB = /\s(?:>>?|»|›|\/)\s/gu;
const WINDOW_INSIDE = 3;

/** Vocabulary overlap: share of the candidate's content tokens found in the body start. */
export function overlapWith(text: string, vocabulary: ReadonlySet<string>): number {
  const toks = contentTokens(text);
  if (toks.length === 0) return 0;
  let hit = 0;
  for (const t of toks) if (vocabulary.has(t)) hit++;
  return hit / toks.length;
}

function eligible(s: Scored): boolean {
  const b = s.block;
  if (s.cls === 'boiler' || s.cls === 'meta' || s.cls === 'artifact' || s.cls === 'rule') return false;
  if (b.kind === 'code' || b.kind === 'table' || b.kind === 'quote') return false;
  // Headlines are linked often enough in Markdown (`# [Title](url)`); link lists are not headings.
  if (s.cls === 'link' && b.kind !== 'heading') return false;
  if (s.words < 1 || s.words > 40 || s.weight > 360) return false;
  // The same text twice in one line is an image's alt text glued to its caption.
  const t = b.text, half = t.length >> 1;
  if (t.length >= 10 && t.slice(0, half).trim() === t.slice(t.length - half).trim()) return false;
  // A breadcrumb trail ("Home » Desserts » Peanut Butter Truffles") names the page but is not its headline.
  if ((b.text.match(CRUMB)?.length ?? 0) >= 2) return false;
  return /\p{L}/u.test(b.text);
}

function scoreCandidate(scored: readonly Scored[], i: number, ctx: HeadlineContext, distance: number): number {
  const s = scored[i]!;
  const b = s.block;
  let v = 0;
  if (b.kind === 'heading') {
    v += b.level === 1 ? 3 : b.level === 2 ? 1.6 : b.level === 3 ? 0.9 : 0.4;
    // A short linked heading at the top is the site's name linking home.
    if (s.cls === 'link' && s.words <= 3) v -= 1;
  }
  if (b.kind === 'list-item') v -= 1.5;
  if (s.cls === 'prose') v -= s.weight > 200 ? 1.5 : 0.6;
  // Headlines rarely end with a full stop; questions and exclamations are fine.
  if (/[.。]["'”’»)]*$/u.test(b.text) && !/\.\.\.$|…$/.test(b.text)) v -= b.kind === 'heading' ? 0.5 : 1.2;
  if (s.words >= 3 && s.words <= 22) v += 0.6;
  else if (s.words <= 2) v -= 0.7;
  else if (s.words > 28) v -= 0.8;
  // Standing alone between blank lines, as titles do in text dumps.
  const gapAfter = scored[i + 1]?.block.gapBefore ?? true;
  if (ctx.plainText && b.gapBefore) v += gapAfter ? 0.5 : 0.2;
  if ((capitalShare(b.text) ?? 0) >= 0.7 && s.words >= 3) v += 0.2;
  v += 2.2 * overlapWith(b.text, ctx.bodyVocabulary);
  if (s.credit) v -= 1.5; // a caption
  v -= Math.min(3, 0.22 * distance);
  // A short line that appears many times is navigation; a long one is the headline itself,
  // repeated by share widgets, sticky headers and "you are reading" bars.
  if (s.words <= 4 && s.repeats >= 3) v -= 0.5 * (s.repeats - 2);
  else if (s.words >= 5 && s.repeats >= 2) v += 0.3;
  // Inside a menu: the neighbours are short list entries too.
  const prev = scored[i - 1], next = scored[i + 1];
  if (b.kind === 'list-item' && prev?.block.kind === 'list-item' && next?.block.kind === 'list-item') v -= 1;
  // Below a paragraph or more of body text, a heading is a subheading; below a one-line
  // promo banner that only looked like the body start, it can still be the headline.
  if (i >= ctx.bodyStart) {
    let above = 0;
    for (let j = ctx.bodyStart; j < i; j++) if (scored[j]!.cls === 'prose') above += scored[j]!.weight;
    v -= above >= 250 ? 1.6 + 0.3 * (i - ctx.bodyStart) : 0.4 * (i - ctx.bodyStart + 1);
  }
  return v;
}

/** Index of the headline block, or null when no block looks like one. */
export function findHeadline(scored: readonly Scored[], ctx: HeadlineContext): number | null {
  let best: number | null = null, bestScore = -Infinity;
  const lo = Math.max(0, ctx.bodyStart - WINDOW_ABOVE);
  const hi = Math.min(ctx.bodyEnd, ctx.bodyStart + WINDOW_INSIDE);
  const scores = new Map<number, number>();
  // Distance counts content blocks only: datelines, share bars and placeholders between a
  // headline and its body are normal.
  let distance = 0;
  for (let i = Math.min(hi, scored.length - 1); i >= lo; i--) {
    const s = scored[i]!;
    if (eligible(s) && !(s.cls === 'prose' && i >= ctx.bodyStart && s.weight > 200)) {
      const v = scoreCandidate(scored, i, ctx, i < ctx.bodyStart ? distance : 0);
      scores.set(i, v);
      if (v > bestScore) { bestScore = v; best = i; }
    }
    if (i < ctx.bodyStart && (s.cls === 'short' || s.cls === 'prose' || s.cls === 'link')) distance++;
  }
  if (best === null || bestScore <= -1.5) return null;
  return preferHeadOverDeck(scored, scores, headsTheMetadata(scored, scores, best));
}

/**
 * Articles put the byline and date *under* the headline; what sits between them and the body
 * is a picture caption, an "Up next" teaser or a deck. When the winner comes after such a
 * dateline/byline and a nearly as good candidate stands above it, that one is the headline.
 */
function headsTheMetadata(scored: readonly Scored[], scores: ReadonlyMap<number, number>, best: number): number {
  let meta = -1;
  for (let i = best - 1; i >= 0 && i >= best - 15; i--) if (scored[i]!.cls === 'meta') { meta = i; break; }
  if (meta < 0) return best;
  let alt = -1, altScore = -Infinity;
  for (const [i, v] of scores) if (i < meta && v > altScore) { alt = i; altScore = v; }
  return alt >= 0 && altScore >= scores.get(best)! - 1.6 ? alt : best;
}

/**
 * Headline and deck stand one above the other and look alike (both standalone, no final
 * period); the deck is the longer, sentence-like one and shares more words with the body, so
 * it can outscore the headline. When the winner has a shorter plausible candidate right
 * above it, that one is the headline and the winner its deck.
 */
function preferHeadOverDeck(scored: readonly Scored[], scores: ReadonlyMap<number, number>, best: number): number {
  const s = scored[best]!;
  if (s.block.kind === 'heading') return best;
  let p = best - 1;
  while (p >= 0 && (scored[p]!.cls === 'artifact' || scored[p]!.cls === 'rule')) p--;
  const ps = scores.get(p);
  if (ps === undefined) return best;
  const prev = scored[p]!;
  if (prev.words < 3 || prev.block.kind === 'list-item' || /[.。]["'”’»)]*$/u.test(prev.block.text)) return best;
  // A long, sentence-like winner is a deck even against a clearly weaker headline; a winner
  // of headline size only yields to a nearly equal candidate that is not much shorter.
  const deckLike = s.words >= 12 && prev.words * 1.3 <= s.words;
  // Otherwise the line above must look at least as much like a title (a site's tagline above
  // a headline is sentence-case prose).
  const titleLike = (capitalShare(prev.block.text) ?? 0) >= (capitalShare(s.block.text) ?? 0) - 0.05;
  const margin = deckLike ? 2.5 : prev.weight >= 0.6 * s.weight && titleLike ? 0.8 : -1;
  return ps > scores.get(best)! - margin ? p : best;
}
