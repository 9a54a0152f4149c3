// The headline of a dump: the line or heading that best heads the article body found below
// it. Candidates are the blocks in a window above the body start; each is scored on shape
// (length, no final period, heading level, standing alone), closeness to the body (only
// content lines count as distance, datelines and share bars do not), and how much of its
// vocabulary the body shares: a headline is about what the article says, a menu entry or a
// teaser for another story is not.
import type { Scored } from './classify.js';
import { atTop, echoCount, foldKey, namedInCopyright, pageFacts, type PageFacts } from './fields/page.js';
import { isToolbarText } from './fields/chrome.js';
import { sharedMatch } from './fields/shared.js';
import { capitalShare, contentTokens, memoByText } from './measure.js';

export interface HeadlineContext {
  /** Index of the first body block. */
  bodyStart: number;
  /** Index of the last block of the article run. */
  bodyEnd: number;
  /** Content tokens of the start of the body. */
  bodyVocabulary: ReadonlySet<string>;
  /** Plain-text dumps: a line standing between blank lines is a title-like unit. */
  plainText: boolean;
  /** Folded titles the page's share links carry (./fields/shared.ts). */
  sharedTitles?: readonly string[];
}

/** One scored candidate; `why` holds each signal's contribution (for tests and tracing). */
export interface HeadlineCandidate { index: number; score: number; why: Record<string, number> }

const WINDOW_ABOVE = 45;
const CRUMB = /\s(?:>>?|»|›|\/)\s/gu;
const WINDOW_INSIDE = 3;
const CRUMB_SPLIT = /\s(?:>>?|»|›)\s/u;
const TRAIL_END = /\s(?:>>?|»|›|\/)$/u;
// A section name glued to the title by a bar ("New York|Manhole Fires …").
const GLUED_SECTION = /^([^|]{2,40}?)\s*\|\s*(\S.{11,})$/u;
const FINAL_STOP = /[.。]["'”’»)]*$/u;

/** Vocabulary overlap: share of the candidate's content tokens found in the body start. */
export function overlapWith(text: string, vocabulary: ReadonlySet<string>): number {
  const toks = contentTokens(text);
  if (toks.length === 0) return 0;
  let hit = 0;
  for (const t of toks) if (vocabulary.has(t)) hit++;
  return hit / toks.length;
}

/** Every letter upper-case and no punctuation: "NEWS FEATURES BEAUTY ROYALS HEALTH". */
export const isShouted: (text: string) => boolean = memoByText(isShoutedOf);

function isShoutedOf(text: string): boolean {
  return /\p{Lu}/u.test(text) && !/\p{Ll}/u.test(text) && !/[\p{P}]/u.test(text.replace(/[&'’-]/g, ''));
}

/** The text after a one-step trail's separator is the block right below or above it. */
function besideItsTail(scored: readonly Scored[], i: number): boolean {
  const tail = scored[i]!.block.text.split(CRUMB_SPLIT)[1]!.trim();
  const near = [scored[i - 1], scored[i + 1]];
  return tail.length >= 8 && near.some((n) => n !== undefined && n.block.text === tail);
}

function eligible(scored: readonly Scored[], i: number): boolean {
  const s = scored[i]!;
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
  // Nor is a one-step trail ending in the title printed beside it ("Home › <title>"), nor
  // the last step of a trail printed over two lines ("info /" + "<section>").
  if (b.text.split(CRUMB_SPLIT).length === 2 && besideItsTail(scored, i)) return false;
  if (!b.gapBefore && i > 0 && TRAIL_END.test(scored[i - 1]!.block.text)) return false;
  // A toolbar flattened into one line ("Subscribe Search My Account Login").
  if (s.words <= 12 && isToolbarText(b.text)) return false;
  return /\p{L}/u.test(b.text);
}

const SKIPPED = new Set(['artifact', 'rule', 'boiler']);
// A byline stamped with a relative time ("Jane Doe 1 day ago", "il y a 2 heures").
const RELATIVE_TIME = /\b\d+\s*(?:min(?:ute)?s?|h(?:ours?|rs?)?|days?|weeks?|months?)\s+ago\b|\bil y a \d+\s*(?:min|h|heures?|jours?)\b|\bvor \d+\s*(?:Minuten|Stunden|Tagen)\b|\bhace \d+\s*(?:minutos|horas|días)\b/iu;

/**
 * A byline or dateline below block `i` within the header: past placeholders, share buttons
 * and at most two other blocks (a deck, a caption, an author's name). The headline and its
 * deck both head the metadata, so both get the same credit and shape decides between them.
 */
function headsMeta(scored: readonly Scored[], i: number): boolean {
  let step = 0;
  for (let j = i + 1; j < scored.length && j <= i + 10; j++) {
    const s = scored[j]!;
    if (SKIPPED.has(s.cls) || s.credit) continue;
    if (s.cls === 'meta' || (s.words <= 8 && RELATIVE_TIME.test(s.block.text))) return true;
    // An author's name or "By" on a line of its own is part of the byline.
    if (s.words <= 3 && s.block.kind !== 'heading') continue;
    if (++step > 3 || s.weight > 420 || (s.block.kind === 'heading' && s.block.level <= 2)) return false;
  }
  return false;
}

/** A dateline or byline right above block `i` (some sites print the date first). */
function metaBefore(scored: readonly Scored[], i: number): boolean {
  for (let j = i - 1; j >= 0 && j >= i - 4; j--) {
    const s = scored[j]!;
    if (SKIPPED.has(s.cls)) continue;
    return s.cls === 'meta';
  }
  return false;
}

const FINAL_COLON = /[:：]$/u;
const CARRIES_ON = /^(?:\.\.\.|…)\s*\p{Ll}/u;

/**
 * A line that runs on into the next one mid-sentence is a piece of a paragraph printed over
 * lines ("… she was depicted as a" / "penitent …"), not a title.
 */
function runsOn(scored: readonly Scored[], i: number): boolean {
  const b = scored[i]!.block, below = scored[i + 1]?.block;
  return below !== undefined && !below.gapBefore && below.kind === b.kind && /^\p{Ll}/u.test(below.text) && !/[.!?:;。]["'”’)]*$/u.test(b.text);
}

/**
 * The block that completes a title ending in a colon, set as two lines ("Open Journalism
 * Project:" over "Better Student Journalism"): a short title-like line right below it. -1
 * when there is none — then the colon ends a label ("MEANING:", "Summary:").
 */
export function continuationOf(scored: readonly Scored[], i: number): number {
  const s = scored[i]!;
  if (!FINAL_COLON.test(s.block.text) || s.words < 2 || s.words > 10) return -1;
  const n = scored[i + 1];
  if (!n || n.cls !== 'short' || n.words < 2 || n.words > 14 || n.credit || n.block.kind === 'list-item') return -1;
  if (FINAL_STOP.test(n.block.text) || FINAL_COLON.test(n.block.text)) return -1;
  return i + 1;
}

/**
 * The headline's text: block `i`, joined with the line that completes it, without a section
 * name glued to its front that the page prints on its own elsewhere (its menu or kicker).
 */
export function headlineText(scored: readonly Scored[], i: number): { text: string; last: number } {
  const j = continuationOf(scored, i);
  let text = scored[i]!.block.text;
  const glued = GLUED_SECTION.exec(text);
  if (glued) {
    const key = foldKey(glued[1]!);
    if (pageFacts(scored).keys.some((k, n) => n !== i && k === key)) text = glued[2]!;
  }
  return j < 0 ? { text, last: i } : { text: `${text} ${scored[j]!.block.text}`, last: j };
}

function scoreCandidate(scored: readonly Scored[], page: PageFacts, i: number, ctx: HeadlineContext, distance: number): HeadlineCandidate {
  const s = scored[i]!;
  const b = s.block;
  const why: Record<string, number> = {};
  const add = (k: string, v: number) => { if (v !== 0) why[k] = (why[k] ?? 0) + v; };
  if (b.kind === 'heading') {
    add('heading', b.level === 1 ? 3 : b.level === 2 ? 1.6 : b.level === 3 ? 0.9 : 0.4);
    // A short linked heading at the top is the site's name linking home.
    if (s.cls === 'link' && s.words <= 3) add('linked', -1);
  }
  if (b.kind === 'list-item') add('list', -1.5);
  // Every word capitalised is how titles are written, full stop or not ("… So Do We.").
  const titleCased = s.words >= 5 && s.words <= 16 && (capitalShare(b.text) ?? 0) >= 0.9;
  if (s.cls === 'prose' && !titleCased) add('prose', s.weight > 200 ? -1.5 : -0.6);
  // Headlines rarely end with a full stop; questions and exclamations are fine.
  if (FINAL_STOP.test(b.text) && !/\.\.\.$|…$/.test(b.text)) add('period', b.kind === 'heading' || titleCased ? -0.5 : -1.2);
  // A title set over two lines is as long as both; a line ending in a colon alone is a label.
  const cont = continuationOf(scored, i);
  const words = cont < 0 ? s.words : s.words + scored[cont]!.words;
  if (cont < 0 && FINAL_COLON.test(b.text)) add('colon', -1);
  // Headlines run five to twenty-odd words; three- and four-word lines are more often a
  // name, a label or a site than a title.
  if (words >= 5 && words <= 22) add('length', 0.6);
  else if (words >= 3 && words <= 4) add('length', words === 3 ? 0 : 0.3);
  else if (words <= 2) add('length', -0.7);
  else if (words > 28) add('length', -0.8);
  // Standing alone between blank lines, as titles do in text dumps.
  const gapAfter = scored[i + 1]?.block.gapBefore ?? true;
  if (ctx.plainText && b.gapBefore) add('alone', gapAfter ? 0.5 : 0.2);
  if ((capitalShare(b.text) ?? 0) >= 0.7 && s.words >= 3) add('caps', 0.2);
  // A row of capitalised words with nothing between them is a menu printed on one line.
  if (isShouted(b.text) && s.words >= 4) add('shouted', -1);
  add('overlap', 2.2 * overlapWith(b.text, ctx.bodyVocabulary));
  if (s.credit) add('credit', -1.5); // a caption
  add('distance', -Math.min(3, 0.22 * distance));
  // A short line that appears many times is navigation; a long one is the headline itself,
  // repeated or quoted by share widgets, sticky headers, breadcrumbs and comment headings.
  if (s.words <= 4 && s.repeats >= 3) add('repeats', -0.5 * (s.repeats - 2));
  // A long line printed four times or more is a list's recurring entry (an affiliation under
  // every author, a teaser in every rail), not the title.
  else if (s.repeats >= 4) add('repeats', -Math.min(1.5, 0.3 * (s.repeats - 3)));
  // Three words are quoted too ("22 comments on “2021-2022 Line Outline”"), but repeated as
  // they are they may be a menu entry.
  const echoes = s.words >= 4 ? echoCount(page, i) : s.words === 3 ? echoCount(page, i, true) : 0;
  if (echoes > 0) add('echo', Math.min(0.9, 0.45 * echoes));
  // The title the share buttons send is the page's own: the strongest echo there is.
  add('shared', 2.5 * sharedMatch(page.keys[i]!, ctx.sharedTitles ?? []));
  // The byline and date sit under the headline (some sites put the date above it).
  if (runsOn(scored, i)) add('wrapped', -1.2);
  // One of a series of subheadings: right below it one paragraph, then another line like it.
  if (i >= ctx.bodyStart - 1 && opensSection(scored, i)) add('series', -0.8);
  // A "Label: value" row among others like it is a fact box's entry ("Ski: <name>, 186 cm").
  if (sameRowAsBelow(scored, i) || (i > 0 && sameRowAsBelow(scored, i - 1) && b.kind !== 'list-item')) add('row', -1);
  if (headsMeta(scored, i)) add('metaAfter', 0.7);
  else if (metaBefore(scored, i)) add('metaBefore', 0.4);
  // What the copyright notice names is the site, not the story.
  if (namedInCopyright(page, i)) add('site', -1.5);
  // Inside a menu: the neighbours are short list entries too.
  const prev = scored[i - 1], next = scored[i + 1];
  if (b.kind === 'list-item' && prev?.block.kind === 'list-item' && next?.block.kind === 'list-item') add('menu', -1);
  // Below a paragraph or more of body text, a heading is a subheading; below a one-line
  // promo banner that only looked like the body start, it can still be the headline.
  if (i >= ctx.bodyStart) {
    let above = 0;
    for (let j = ctx.bodyStart; j < i; j++) if (scored[j]!.cls === 'prose') above += scored[j]!.weight;
    add('inBody', above >= 250 ? -(1.6 + 0.3 * (i - ctx.bodyStart)) : -0.4 * (i - ctx.bodyStart + 1));
  }
  let score = 0;
  for (const v of Object.values(why)) score += v;
  return { index: i, score, why };
}

/** Block `i`, a short line, is followed by a single paragraph and then another short line like it. */
function opensSection(scored: readonly Scored[], i: number): boolean {
  const s = scored[i]!, p = scored[i + 1], n = scored[i + 2];
  if (!p || !n || p.cls !== 'prose' || s.words > 8) return false;
  return n.cls === 'short' && n.block.kind === s.block.kind && n.words <= 8 && n.block.gapBefore && !FINAL_STOP.test(n.block.text) && scored[i + 3]?.cls === 'prose';
}

const ROW = /^[^:：]{1,40}[:：]\s+\S/u;

/**
 * A list entry or a "Label: value" row followed by another of its kind: a table of contents,
 * a menu or a fact box between the headline and the text is one thing, however many rows.
 */
function sameRowAsBelow(scored: readonly Scored[], i: number): boolean {
  const a = scored[i]!.block, b = scored[i + 1]?.block;
  if (!b) return false;
  if (a.kind === 'list-item' && b.kind === 'list-item') return true;
  return a.kind !== 'heading' && b.kind === a.kind && ROW.test(a.text) && ROW.test(b.text);
}

/** Every eligible block in the headline window, scored (in document order, last first). */
export function headlineCandidates(scored: readonly Scored[], ctx: HeadlineContext): HeadlineCandidate[] {
  const out: HeadlineCandidate[] = [];
  const page = pageFacts(scored);
  const lo = Math.max(0, ctx.bodyStart - WINDOW_ABOVE);
  const hi = Math.min(ctx.bodyEnd, ctx.bodyStart + WINDOW_INSIDE);
  // Distance counts content blocks only: datelines, share bars and placeholders between a
  // headline and its body are normal.
  let distance = 0;
  for (let i = Math.min(hi, scored.length - 1); i >= lo; i--) {
    const s = scored[i]!;
    if (eligible(scored, i) && !(s.cls === 'prose' && i >= ctx.bodyStart && s.weight > 200)) {
      out.push(scoreCandidate(scored, page, i, ctx, i < ctx.bodyStart ? distance : 0));
    }
    if (i < ctx.bodyStart && (s.cls === 'short' || s.cls === 'prose') && !sameRowAsBelow(scored, i)) distance++;
  }
  // Above the window, only the title the share links name or the page quotes twice more
  // (a headline is printed two or three times, not on every teaser): a long author list or
  // menu may stand between it and the text.
  const titles = ctx.sharedTitles ?? [];
  for (let i = lo - 1; i >= 0; i--) {
    if (!eligible(scored, i)) continue;
    const s = scored[i]!;
    if (sharedMatch(page.keys[i]!, titles) > 0 || (s.words >= 5 && s.repeats <= 3 && echoCount(page, i) >= 2)) out.push(scoreCandidate(scored, page, i, ctx, distance));
  }
  return out;
}

/** Index of the headline block, or null when no block looks like one. */
export function findHeadline(scored: readonly Scored[], ctx: HeadlineContext): number | null {
  const cands = headlineCandidates(scored, ctx);
  let best: number | null = null, bestScore = -Infinity;
  const scores = new Map<number, number>();
  for (const c of cands) {
    scores.set(c.index, c.score);
    if (c.score > bestScore) { bestScore = c.score; best = c.index; }
  }
  let chosen = best === null || bestScore <= -1.5 ? null
    : preferHeadOverDeck(scored, scores, fullTitleNearby(scored, scores, headsTheMetadata(scored, scores, best)), ctx);
  // The line completing a title set over two lines belongs to the line above it, and a
  // subtitle that carries on from it ("…or, why do I bother.") stands under the title.
  if (chosen !== null && chosen > 0 && continuationOf(scored, chosen - 1) === chosen) chosen--;
  else if (chosen !== null && CARRIES_ON.test(scored[chosen]!.block.text) && scores.has(chosen - 1)) chosen--;
  return sharedTopHeading(scored, ctx, chosen) ?? chosen;
}

/**
 * A top-level heading that says exactly what the share links send is the headline wherever
 * it stands (a teaser rail printed above it may have looked like the start of the text),
 * unless the chosen block says it too. Of several, the last above the text: a sticky header
 * repeats the title at the top of the page.
 */
function sharedTopHeading(scored: readonly Scored[], ctx: HeadlineContext, chosen: number | null): number | null {
  const titles = ctx.sharedTitles ?? [];
  if (titles.length === 0) return null;
  const page = pageFacts(scored);
  if (chosen !== null && sharedMatch(page.keys[chosen]!, titles) > 0) return null;
  let found: number | null = null;
  for (let i = 0; i <= ctx.bodyEnd && i < scored.length; i++) {
    const b = scored[i]!.block;
    if (b.kind !== 'heading' || b.level !== 1 || !eligible(scored, i) || sharedMatch(page.keys[i]!, titles) < 1) continue;
    if (found !== null && i > ctx.bodyStart) break;
    found = i;
  }
  return found;
}

/**
 * A winner of three words or fewer is most often a name, a section label, a subject line or
 * the blog's name set next to the headline ("Mark Meadows" under the title, "Open Progress"
 * over it). A title-sized candidate right beside it, nearly as good, is the headline.
 */
function fullTitleNearby(scored: readonly Scored[], scores: ReadonlyMap<number, number>, best: number): number {
  if (scored[best]!.words > 3) return best;
  const floor = scores.get(best)! - 1.2;
  let alt = -1, altScore = -Infinity;
  for (const [i, v] of scores) {
    const s = scored[i]!;
    if (Math.abs(i - best) > 2 || s.words < 5 || v < floor || v <= altScore) continue;
    if (s.cls === 'prose' || s.credit || s.block.kind === 'list-item' || isShouted(s.block.text) || FINAL_STOP.test(s.block.text) || runsOn(scored, i)) continue;
    alt = i; altScore = v;
  }
  return alt >= 0 ? alt : best;
}

/**
 * Articles put the byline and date *under* the headline; what sits between them and the body
 * is a picture caption, an "Up next" teaser or a deck. When the winner comes after such a
 * dateline/byline and a nearly as good candidate stands above it, that one is the headline.
 */
function headsTheMetadata(scored: readonly Scored[], scores: ReadonlyMap<number, number>, best: number): number {
  const page = pageFacts(scored);
  let meta = -1;
  for (let i = best - 1; i >= 0 && i >= best - 15; i--) if (scored[i]!.cls === 'meta') { meta = i; break; }
  if (meta < 0) return best;
  let alt = -1, altScore = -Infinity;
  for (const [i, v] of scores) {
    if (i >= meta || v <= altScore) continue;
    // A blog's name over a date-first post ("Silicon Exposed" / "Sunday, May 8" / title) is
    // at the very top of the page, and much shorter than a title.
    if ((atTop(scored, i) && scored[i]!.words <= 5) || (scored[i]!.words < 3 && scored[best]!.words >= 6)) continue;
    // The winner quoted with a trail's label in front ("Blog <title>") is its echo, no rival.
    if (page.keys[i]!.length > page.keys[best]!.length && page.keys[i]!.endsWith(' ' + page.keys[best]!)) continue;
    alt = i; altScore = v;
  }
  return alt >= 0 && altScore >= scores.get(best)! - 1.6 ? alt : best;
}

/**
 * Headline and deck stand one above the other and look alike (both standalone, no final
 * period); the deck is the longer, sentence-like one and shares more words with the body, so
 * it can outscore the headline. When the winner has a shorter plausible candidate right
 * above it, that one is the headline and the winner its deck.
 */
function preferHeadOverDeck(scored: readonly Scored[], scores: ReadonlyMap<number, number>, best: number, ctx: HeadlineContext): number {
  const s = scored[best]!;
  if (s.block.kind === 'heading') return best;
  let p = best - 1;
  while (p >= 0 && (scored[p]!.cls === 'artifact' || scored[p]!.cls === 'rule')) p--;
  const ps = scores.get(p);
  if (ps === undefined) return best;
  const prev = scored[p]!;
  if (prev.words < 3 || prev.block.kind === 'list-item' || FINAL_STOP.test(prev.block.text) || isShouted(prev.block.text)) return best;
  // A long, sentence-like winner is a deck even against a clearly weaker headline; a winner
  // of headline size only yields to a nearly equal candidate that is not much shorter.
  // Decks are written in sentence case; a title-cased winner is a headline however long.
  const deckLike = s.words >= 12 && prev.words * 1.3 <= s.words && (capitalShare(s.block.text) ?? 0) < 0.7;
  // Otherwise the line above must look at least as much like a title (a site's tagline above
  // a headline is sentence-case prose).
  const titleLike = (capitalShare(prev.block.text) ?? 0) >= (capitalShare(s.block.text) ?? 0) - 0.05;
  // In plain text a headline stands on its own lines; one glued to the line above is chrome.
  const alone = !ctx.plainText || prev.block.gapBefore;
  const margin = deckLike ? 2.5 : prev.weight >= 0.6 * s.weight && titleLike && alone ? 0.8 : -1;
  return ps > scores.get(best)! - margin ? p : best;
}
