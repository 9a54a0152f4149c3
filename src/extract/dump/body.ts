// The body of a dump: the densest run of prose. Every block carries a score (positive for
// prose, negative for menus, link lists, boilerplate); the run with the largest total score
// (maximum subarray, one linear pass) is where the article is. Menus and footers are runs of
// negative blocks, so they bound it; a caption or a subheading inside the article costs
// little and is bridged.
import type { Mode } from '../../types.js';
import type { Scored } from './classify.js';
import { looksLikeCode } from './measure.js';

export interface Run {
  /** First and last block index of the run (inclusive). */
  start: number;
  end: number;
  /** Sum of the positive scores in the run: how much prose it holds. */
  prose: number;
}

/** The contiguous run of blocks with the largest total score, or null when nothing is positive. */
export function densestRun(scored: readonly Scored[], from = 0, to = scored.length - 1): Run | null {
  let best: Run | null = null;
  let bestSum = 0;
  let sum = 0, start = from;
  for (let i = from; i <= to; i++) {
    const v = scored[i]!.score;
    if (sum <= 0) { sum = 0; start = i; }
    sum += v;
    if (sum > bestSum) { bestSum = sum; best = { start, end: i, prose: 0 }; }
  }
  if (best) best.prose = proseWeight(scored, best.start, best.end);
  return best;
}

export function proseWeight(scored: readonly Scored[], start: number, end: number): number {
  let p = 0;
  for (let i = start; i <= end; i++) if (scored[i]!.cls === 'prose') p += scored[i]!.weight;
  return p;
}

/** The next paragraph of unique prose within reach after block `i`, or -1. */
function nextUniqueProse(scored: readonly Scored[], i: number, end: number): number {
  for (let j = i + 1; j <= end && j <= i + RESUME_REACH; j++) {
    if (scored[j]!.cls === 'prose' && scored[j]!.repeats === 1) return j;
  }
  return -1;
}
const RESUME_REACH = 40;

// Blocks that interrupt articles and comment threads alike: placeholders, ads, rules,
// captions, subheadings.
const interrupts = (s: Scored): boolean =>
  s.cls === 'artifact' || s.cls === 'rule' || s.cls === 'boiler' || s.block.kind === 'heading' || (s.score > 0 && s.cls !== 'prose');

// A "Related" box inside an article lists a few teaser titles; a longer list is a rail.
const BOX_MIN = 2;
const BOX_MAX = 6;
// The paragraph after the box is a real one, not a teaser's blurb line.
const RESUME_MIN = 150;

/**
 * Is what lies between the stop heading `i` and the paragraph `j` a box of teaser entries: a
 * few list items and nothing else? Comment sections and author boxes have names, "Reply" and
 * "Like" lines there, or nothing at all.
 */
function teaserBox(scored: readonly Scored[], i: number, j: number): boolean {
  const n = j - i - 1;
  if (n < BOX_MIN || n > BOX_MAX) return false;
  for (let k = i + 1; k < j; k++) if (scored[k]!.block.kind !== 'list-item') return false;
  return true;
}

/**
 * Does the article go on after block `i`? A widget inside the article ("Related coverage",
 * "Share this article", a newsletter box) is followed, a little further down, by more
 * paragraphs in a dense run; reader comments and teaser rails are not: their prose is broken
 * up by names, dates, "Reply" and headlines, and teaser blurbs are often printed twice.
 */
function articleResumes(scored: readonly Scored[], i: number, end: number): boolean {
  const j = nextUniqueProse(scored, i, end);
  if (j < 0) return false;
  // Three paragraphs in a row, nothing but pictures between them: the article, even when
  // the page's footer follows them closely. (A teaser starts with its title, a heading.)
  let row = 0, rowW = 0;
  for (let k = j; k <= end; k++) {
    const s = scored[k]!;
    if (s.cls === 'prose' && s.repeats === 1 && !s.thread && s.block.kind !== 'heading') { row++; rowW += s.weight; continue; }
    if (s.cls === 'artifact' || s.cls === 'rule' || s.credit) continue;
    break;
  }
  if (row >= 3 && rowW >= 500) return true;
  // A "Related stories" box of a few teaser titles, then a paragraph: the article's closing
  // paragraph, printed after the box the site put into the text.
  const p = scored[j]!;
  if (teaserBox(scored, i, j) && p.weight >= RESUME_MIN && p.ends && !p.thread) return true;
  // …else what the dozen blocks from there are made of.
  let prose = 0, other = 0, proseW = 0;
  for (let k = j; k <= end && prose + other < 12; k++) {
    const s = scored[k]!;
    // Datelines and names do not interrupt: they are what comment threads are made of.
    if (interrupts(s)) continue;
    if (s.cls === 'prose' && s.repeats === 1) { prose++; proseW += s.weight; } else other++;
  }
  return prose >= 2 && proseW >= 500 && prose >= 2 * other;
}

/**
 * Widgets inside the article: a "Related" / "Read more" heading that the article goes on
 * after, with the teaser lines under it, up to the next paragraph of the article. These
 * blocks leave the body (the run still bridges them).
 */
export function embeddedWidgets(scored: readonly Scored[], run: Run): Set<number> {
  const out = new Set<number>();
  for (let i = run.start; i <= run.end; i++) {
    if (!scored[i]!.stop) continue;
    const j = nextUniqueProse(scored, i, run.end);
    if (j < 0) continue;
    // Prose under the heading stays: a lead printed twice, a teaser blurb costs little.
    for (let k = i; k < j; k++) if (scored[k]!.cls !== 'prose') out.add(k);
    i = j - 1;
  }
  return out;
}

/**
 * Slideshows inside the article ("Business news in pictures", 1/50 … 50/50, between two
 * paragraphs) are a widget, not the article: they go when article text stands on both sides
 * of them, or before them outweighs them. A slideshow that is the article (an intro and the
 * slides) stays.
 */
export function embeddedGalleries(scored: readonly Scored[], run: Run): Set<number> {
  const out = new Set<number>();
  const spans = new Map<number, { start: number; end: number }>();
  for (let i = run.start; i <= run.end; i++) {
    const g = scored[i]!.gallery;
    if (g === undefined) continue;
    const sp = spans.get(g);
    if (sp) sp.end = i; else spans.set(g, { start: i, end: i });
  }
  for (const { start, end } of spans.values()) {
    const before = proseWeight(scored, run.start, start - 1);
    const after = proseWeight(scored, end + 1, run.end);
    const inside = proseWeight(scored, start, end);
    if (before >= GALLERY_SIDE && (after >= GALLERY_SIDE || before >= inside)) for (let i = start; i <= end; i++) out.add(i);
  }
  return out;
}
const GALLERY_SIDE = 250;

/**
 * End the run at a "Comments" / "Related articles" heading: what follows is reader comments or
 * teasers, which can be prose-dense too. Only once some article text precedes it, and only
 * when the article does not resume after it (a "Related" box inside the article).
 */
export function cutAtStop(scored: readonly Scored[], run: Run): Run {
  let seen = 0;
  for (let i = run.start; i <= run.end; i++) {
    const s = scored[i]!;
    if (s.stop && seen >= 400 && seen >= 0.25 * run.prose && !articleResumes(scored, i, run.end)) {
      let end = i - 1;
      while (end > run.start && scored[end]!.score <= 0) end--;
      return { start: run.start, end, prose: proseWeight(scored, run.start, end) };
    }
    if (s.cls === 'prose') seen += s.weight;
  }
  return run;
}

interface Part { start: number; end: number; prose: number }

// A stretch of chrome this costly splits the run into parts (a menu, a share bar, a teaser box).
const HARD_GAP = -110;

/** The run's parts: prose stretches separated by hard gaps; `gaps[k]` lies between parts k and k+1. */
export function parts(scored: readonly Scored[], run: Run): { parts: Part[]; gaps: number[] } {
  const out: Part[] = [];
  const gaps: number[] = [];
  let start = run.start, gapStart = -1, gapSum = 0;
  for (let i = run.start; i <= run.end; i++) {
    const v = scored[i]!.score;
    // A short sentence inside a stretch of chrome ("Lovato said: …") does not end the stretch.
    if (v >= 40 || (v > 0 && gapStart < 0)) {
      if (gapStart >= 0 && gapSum <= HARD_GAP && gapStart > start) {
        out.push({ start, end: gapStart - 1, prose: proseWeight(scored, start, gapStart - 1) });
        gaps.push(-gapSum);
        start = i;
      }
      gapStart = -1; gapSum = 0;
    } else {
      if (gapStart < 0) gapStart = i;
      gapSum += v;
    }
  }
  out.push({ start, end: run.end, prose: proseWeight(scored, start, run.end) });
  return { parts: out, gaps };
}

/** Share of a part's prose that sits in list items: menus and promo rails are lists. */
function listShare(scored: readonly Scored[], p: Part): number {
  let list = 0;
  for (let i = p.start; i <= p.end; i++) {
    const s = scored[i]!;
    if (s.cls === 'prose' && s.block.kind === 'list-item') list += s.weight;
  }
  return p.prose > 0 ? list / p.prose : 0;
}

/**
 * Drop small list-made parts at the edges of the run that a costly gap separates from the
 * rest: the promo blurbs of a menu above the headline, a teaser rail below the article. A part
 * stays when it holds much more prose than the gap costs, or a good share of the whole run,
 * or is ordinary paragraphs (an intro set apart by a picture is still the article).
 */
export function trimEdges(scored: readonly Scored[], run: Run): Run {
  const { parts: ps, gaps } = parts(scored, run);
  if (ps.length < 2) return run;
  let lo = 0, hi = ps.length - 1;
  const rest = (a: number, b: number) => ps.slice(a, b + 1).reduce((x, p) => x + p.prose, 0);
  while (lo < hi) {
    const p = ps[lo]!;
    if (p.prose <= 4 * gaps[lo]! && p.prose < 0.3 * rest(lo, hi) && listShare(scored, p) >= 0.6) lo++;
    else break;
  }
  while (hi > lo) {
    const p = ps[hi]!;
    if (p.prose <= 4 * gaps[hi - 1]! && p.prose < 0.3 * rest(lo, hi) && listShare(scored, p) >= 0.6) hi--;
    else break;
  }
  if (lo === 0 && hi === ps.length - 1) return run;
  const start = ps[lo]!.start, end = ps[hi]!.end;
  return { start, end, prose: proseWeight(scored, start, end) };
}

/**
 * A clean dump (article text only, maybe a stray "Contact Us"): nearly all of it is prose and
 * nothing looks like page chrome. Then the whole text after the header is the article, and a
 * closing list of short lines (fixtures, award winners) belongs to it rather than being a menu.
 */
export function isCleanDump(scored: readonly Scored[]): boolean {
  let chrome = 0, total = 0, prose = 0;
  for (const s of scored) {
    if (s.cls === 'boiler' || s.cls === 'link' || s.cls === 'rule' || s.cls === 'artifact') chrome++;
    if (s.repeats > 1 && s.cls !== 'prose') chrome++;
    // Recurring datelines (./classify.ts): a ticker or a comment thread, not a clean article.
    if (s.cls === 'meta' && s.score <= -60) chrome++;
    total += s.weight;
    if (s.cls === 'prose') prose += s.weight;
  }
  return chrome <= 1 && total > 0 && prose >= 0.5 * total;
}

/** In a clean dump the run reaches the last block that is not boilerplate. */
export function extendCleanRun(scored: readonly Scored[], run: Run): Run {
  let end = scored.length - 1;
  while (end > run.end && scored[end]!.cls === 'boiler') end--;
  return end > run.end ? { start: run.start, end, prose: proseWeight(scored, run.start, end) } : run;
}

/**
 * Where the body proper starts, from block `from` on: at the first paragraph. Lines above it
 * are the header's leftovers — a subtitle the header did not claim, a byline glued to its
 * "By", a picture credit, "Social Sharing".
 */
function shortSentence(text: string, words: number): boolean {
  const t = text.replace(/[\p{Extended_Pictographic}\uFE0F\u200D\s]+$/u, '');
  return (words >= 3 && /[.!?…。！？:：]["'”’»)]*$/u.test(t)) || (words >= 2 && /[!?！？]["'”’»)]*$/u.test(t));
}

export function leadStart(scored: readonly Scored[], from: number, end: number): number {
  let i = from;
  while (i <= end) {
    const s = scored[i]!;
    const k = s.block.kind;
    if (k === 'quote' || k === 'code' || k === 'table') return i;
    if (s.cls !== 'prose') {
      // A short sentence is text ("Welcome to issue #130.", "Hi everyone! 👋"); a label, a
      // credit, a name ("Warner Bros.") is not.
      if (s.cls === 'short' && !s.credit && shortSentence(s.block.text, s.words)) return i;
      // Program code opening a technical post ("import ctypes") is text too.
      if (s.cls === 'short' && s.block.linkShare !== 1 && looksLikeCode(s.block.text) && !s.block.text.includes('|')) return i;
      i++;
      continue;
    }
    return i;
  }
  return from;
}

/**
 * Which blocks of the run are body text. Boilerplate, link lists, placeholders and
 * datelines go; headings, quotes, lists, code and tables stay. Short non-sentence lines
 * (captions, labels) stay in balanced mode, go in precision mode; recall keeps all but
 * boilerplate and placeholders.
 */
export function keepInBody(s: Scored, mode: Mode): boolean {
  // A picture caption with its credit ("… | Alex Wong/Getty Images") is not article text.
  if (s.credit && mode !== 'recall' && s.weight < 300) return false;
  // A program listing is kept whole (./classify.ts).
  if (s.code && s.cls !== 'boiler' && s.cls !== 'rule') return true;
  switch (s.cls) {
    case 'prose': return true;
    case 'boiler': case 'artifact': case 'rule': return false;
    case 'link': return mode === 'recall';
    case 'meta': return mode === 'recall';
    case 'short': {
      const k = s.block.kind;
      if (k === 'heading' || k === 'code' || k === 'table' || k === 'quote') return true;
      if (mode === 'precision') return s.ends && s.words >= 4;
      if (mode === 'recall') return true;
      // Balanced: a short line repeated elsewhere on the page is chrome (menu entry, share bar),
      // unless it is a section heading that the table of contents names.
      return s.repeats === 1 || s.contents === true;
    }
  }
}
