// What each block of a dump looks like: prose, a short line, a link list entry, boilerplate,
// a dateline … and how much it speaks for or against being inside the article. Computed once
// per block; every later step reads these features instead of re-measuring text.
import type { BoilerplateKind, BoilerplateMatcher } from '../boilerplate/index.js';
import type { Block } from './block.js';
import { capitalShare, commaCount, endsSentence, looksLikeCode, sentenceCount, textWeight, wordCountOf } from './measure.js';
import { findGalleries } from './gallery.js';
import { isMetaText, startsWithClock } from './meta.js';

export type BlockClass =
  | 'prose' // sentence-like text of some length: what articles are made of
  | 'short' // a short line that is not a sentence: titles, labels, menu entries, captions
  | 'link' // mostly link text: menus, teasers, "related" lists
  | 'boiler' // matches the boilerplate phrase list
  | 'meta' // dateline, byline, reading time
  | 'artifact' // media placeholder, form field, symbol-only line
  | 'rule'; // separator

export interface Scored {
  block: Block;
  index: number;
  weight: number;
  words: number;
  sentences: number;
  ends: boolean;
  cls: BlockClass;
  boiler: BoilerplateKind | null;
  /** Heading or line after which the article does not continue ("Comments", "Related"). */
  stop: boolean;
  /** How many blocks of the document have the same text (1 = unique). */
  repeats: number;
  /** A section heading that a table of contents above names (./classify.ts markContents). */
  contents?: boolean;
  /** Carries a picture credit: a caption. */
  credit: boolean;
  /** Index of the slideshow (./gallery.ts) the block belongs to; absent outside one. */
  gallery?: number;
  /** Inside a stretch of recurring datelines: a comment thread, a ticker, a teaser list. */
  thread?: boolean;
  /** A line of a program listing printed as text (./classify.ts markCodeListings). */
  code?: boolean;
  /** Evidence for being article text: positive for prose, negative for chrome. */
  score: number;
}

// Prose thresholds, in weight units (characters, CJK counted triple).
const PROSE_LONG = 250; // this long, it is text even without punctuation (w3m joins cells)
const PROSE_MEDIUM = 110;
const PROSE_SHORT = 55;

const HAS_LETTER = /\p{L}/u;

function isArtifact(b: Block): boolean {
  if (b.flags?.media) return true;
  const t = b.text;
  if (t === '') return true;
  if (!HAS_LETTER.test(t)) return true; // "•", "0", "| |", "2192"
  // w3m/lynx placeholders: "[photo]", "[                    ]", "[Submit]", "[ck] [img]".
  if (/^(?:\[[^\]]*\]\s*)+$/.test(t)) return true;
  return isCode(t, b.kind === 'code');
}

const TAG = /<\/?[a-z][^>]{0,300}>|!?\[[^\]]{0,200}\]\([^)\s]{8,}\)/gi; // HTML tags, Markdown links left as text
const LONG_TOKEN = /[\x21-\x7e]{60,}/g; // ASCII only: CJK prose has no spaces either

/**
 * Markup or machine text that leaked into a dump (a <noscript> block printed as text, a
 * tracking URL): mostly tags or long unbroken tokens. Not the program code an article quotes,
 * which has words between its symbols.
 */
function isCode(t: string, inCodeBlock: boolean): boolean {
  if (t.length < 40) return false;
  let junk = 0;
  // A code block quoting HTML is content; one made of image URLs is not.
  if (!inCodeBlock) for (const m of t.matchAll(TAG)) junk += m[0].length;
  for (const m of t.matchAll(LONG_TOKEN)) junk += m[0].length;
  return junk >= 0.5 * t.length;
}

/**
 * The phrase a line prints two or three times over, or null: a teaser card whose picture's
 * alt text, title and link all carry the headline ("How to X How to X How to X").
 */
function echoedPhrase(text: string, minWords = 3): string | null {
  // A paragraph whose spaces are single spaces already stays too long however it is squeezed:
  // told without the squeezed copy.
  if (text.length > 3 * BLURB_MAX + 2 && !UNSQUEEZED.test(text)) return null;
  const t = text.replace(/\s+/g, ' ').trim();
  if (t.length > 3 * BLURB_MAX) return null;
  for (let k = 2; k <= 3; k++) {
    const len = (t.length - (k - 1)) / k;
    if (!Number.isInteger(len)) continue;
    // t is p printed k times with single spaces between: compared in place, no copies.
    if (t.charCodeAt(len) !== 32 || !t.startsWith(t.slice(0, len), len + 1)) continue;
    if (k === 3 && (t.charCodeAt(2 * len + 1) !== 32 || !t.startsWith(t.slice(0, len), 2 * len + 2))) continue;
    const p = t.slice(0, len);
    if (p.split(' ').length >= minWords) return p;
  }
  return null;
}
// Whitespace that squeezing to single spaces would change (trimming aside).
const UNSQUEEZED = /\s\s|[^\S ]/;
// Teaser titles and blurbs are short; a longer text printed twice or cut short is something
// else (an author bio card: ./tail.ts).
const BLURB_MAX = 200;

// A blurb cut short and its link: "… you're immediately overloaded with sights,… Read more".
const CUT_BLURB = /(?:…|\.{3})\s*([^….]{1,40})$/u;

/**
 * A teaser card printed as text: its headline printed over again, or a blurb cut short by an
 * ellipsis and followed by "Read more". Embedded in an article, it is the site's, not the
 * article's.
 */
function isTeaserCard(text: string, matcher: BoilerplateMatcher): boolean {
  if (echoedPhrase(text) !== null) return true;
  const m = text.length <= BLURB_MAX ? CUT_BLURB.exec(text) : null;
  if (!m) return false;
  // The link may be printed twice too ("Read more Read more").
  const tail = m[1]!.trim();
  return matcher.match(echoedPhrase(tail, 1) ?? tail) === 'line';
}

/** Is this block prose, judged from its own text only. */
export function looksLikeProse(text: string, weight: number, words: number, sentences: number, ends: boolean): boolean {
  if (weight >= PROSE_LONG && words >= 12) return true;
  if (weight >= PROSE_MEDIUM && (ends || sentences >= 2 || commaCount(text) >= 2) && words >= 8) return true;
  if (weight >= PROSE_SHORT && ends && words >= 7) {
    // A short sentence. Title-cased lines ending in "?" or "!" are headlines, not prose.
    const caps = capitalShare(text);
    return caps === null || caps < 0.75 || /[.。]["'”’»)]*$/u.test(text);
  }
  return false;
}

function classOf(b: Block, weight: number, words: number, sentences: number, ends: boolean, boiler: BoilerplateKind | null): BlockClass {
  if (b.kind === 'rule') return 'rule';
  // A ticker entry or a bare time stamp ("14:10"), before the letterless lines go as artifacts.
  if (startsWithClock(b.text)) return 'meta';
  if (isArtifact(b)) return 'artifact';
  if (boiler !== null) return 'boiler';
  // Datelines first: a commenter's linked name with the date is still a dateline.
  // (words is wordCountOf(b.text): the remembered answer is the same.)
  if (weight < 160 && isMetaText(b.text)) return 'meta';
  const share = b.linkShare ?? 0;
  // A sentence with a linked phrase in it is still prose; a link list entry is not a sentence.
  const sentence = ends && words >= 8;
  if (share >= (sentence ? 0.85 : 0.6) || (!sentence && share >= 0.35 && weight < 120)) return 'link';
  if (b.kind === 'code' || b.kind === 'table') return weight >= PROSE_SHORT ? 'prose' : 'short';
  // A heading is a title, however sentence-like ("… So Do We."), unless it is a whole paragraph.
  if (b.kind === 'heading' && weight < 160) return 'short';
  return looksLikeProse(b.text, weight, words, sentences, ends) ? 'prose' : 'short';
}

function scoreOf(s: Omit<Scored, 'score'>): number {
  const { block: b, weight, cls } = s;
  switch (cls) {
    case 'prose': {
      let v = weight * (1 - Math.min(0.9, b.linkShare ?? 0));
      if (b.kind === 'list-item') v *= 0.8;
      // A repeated paragraph is a teaser shown twice, or a pull quote: weak evidence.
      if (s.repeats > 1) v *= 0.4;
      return v;
    }
    case 'short': {
      if (b.kind === 'heading') return -6;
      // A short sentence ("O'Neill fumed.") is weak evidence for the article; printed twice,
      // it is a teaser headline.
      if (s.ends && s.words >= 4 && b.kind !== 'list-item' && s.repeats === 1) return 0.3 * weight;
      // A long line in sentence case is text without a full stop (a list of changes, a
      // caption); a long title-cased one is a teaser headline.
      if (s.words >= 12 && (capitalShare(b.text) ?? 0) < 0.5) return 0.2 * weight;
      // Program code in a plain-text dump: part of a technical article, never a menu.
      if (b.kind === 'line' && b.linkShare === null && looksLikeCode(b.text)) return -2;
      let v = -(10 + 0.25 * weight);
      if (b.kind === 'list-item') v = -(16 + 0.4 * weight);
      if (s.repeats > 1) v *= 1.5;
      return v;
    }
    case 'link': return -(14 + 0.6 * weight);
    // "Related: …" and "Read more: …" lines sit inside articles too: a prefix match costs less.
    case 'boiler': return s.boiler === 'line' ? -(30 + weight) : -(25 + 0.4 * weight);
    case 'meta': return -12;
    case 'artifact': return -3;
    case 'rule': return -8;
  }
}

/**
 * Link share of the whole list each list item belongs to (Markdown only; null elsewhere). A
 * list that is mostly links is a menu or a teaser rail, and so is every entry of it, the
 * entries that carry a blurb instead of a link included.
 */
function listLinkShares(blocks: readonly Block[]): (number | null)[] {
  const out: (number | null)[] = blocks.map(() => null);
  let i = 0;
  while (i < blocks.length) {
    if (blocks[i]!.kind !== 'list-item' || blocks[i]!.linkShare === null) { i++; continue; }
    let j = i, chars = 0, link = 0;
    // Placeholders (a thumbnail between entries) do not end the list.
    for (let k = i; k < blocks.length; k++) {
      const b = blocks[k]!;
      if (b.kind === 'list-item') {
        chars += b.text.length;
        link += b.text.length * (b.linkShare ?? 0);
        j = k + 1;
      } else if (b.text !== '') break;
    }
    const share = chars > 0 ? link / chars : 0;
    for (let k = i; k < j; k++) out[k] = share;
    i = j;
  }
  return out;
}

// Datelines this close together recur; text between them weighs this much.
const THREAD_STEP = 10;
const THREAD_DISCOUNT = 0.25;

/**
 * Datelines and bylines that recur every few blocks mark a list of entries: reader comments
 * ("Jane May 19, 2017 at 12:24 am" + text), a live ticker ("14:44 …") or story teasers (title,
 * blurb, "by X", date). An article header has one or two such lines; a stretch with four or
 * more is no article text: its datelines cost much, and the text between them counts little.
 */
function penalizeMetaRuns(scored: Scored[]): void {
  // Slide counters recur too; ./body.ts judges slideshows on their own.
  const metas = scored.filter((s) => s.cls === 'meta' && s.gallery === undefined).map((s) => s.index);
  const hot: number[] = [];
  let lo = 0, hi = 0;
  for (const i of metas) {
    while (metas[lo]! < i - THREAD_STEP) lo++;
    while (hi < metas.length && metas[hi]! <= i + THREAD_STEP) hi++;
    if (hi - lo >= 4) { scored[i]!.score = -60; hot.push(i); }
  }
  // The entries between recurring datelines belong to the list, when there are entries: a
  // header's byline, date and reading time sit together with nothing between them.
  let from = 0;
  for (let k = 1; k <= hot.length; k++) {
    if (k < hot.length && hot[k]! - hot[k - 1]! <= THREAD_STEP) continue;
    const cluster = hot.slice(from, k);
    from = k;
    let entries = 0;
    for (let c = 1; c < cluster.length; c++) if (cluster[c]! - cluster[c - 1]! > 1) entries++;
    if (entries < 3) continue;
    for (let i = cluster[0]! + 1; i < cluster[cluster.length - 1]!; i++) {
      const s = scored[i]!;
      s.thread = true;
      if (s.score > 0) s.score *= THREAD_DISCOUNT;
    }
  }
}

/**
 * Slide counters ("3/50 …") are metadata, and every block of a slideshow knows which one it is
 * in: inside an article a slideshow is an embedded widget (./body.ts decides).
 */
function markGalleries(scored: Scored[]): void {
  findGalleries(scored.map((s) => s.block)).forEach((g, id) => {
    for (let i = g.start; i <= g.end; i++) scored[i]!.gallery = id;
    // Neutral, like a placeholder: a slideshow may be the article itself.
    for (const i of g.counters) { scored[i]!.cls = 'meta'; scored[i]!.score = -3; }
  });
}

// "WASHINGTON (Reuters) - The Fed raised …": the agency in a dateline is no picture credit.
const AGENCY_DATELINE = /^[^()\n]{2,60}\([^()\n]{2,40}\)\s*[-–—]\s/u;
// A name right after a lower-case word is inside a running sentence ("…, a source told Reuters.",
// "reports seen by Reuters suggest …"): the agency is the story's source, not a picture's
// credit. "via Getty Images" is how credits read, and a credit closing the caption after a
// lower-case word ("… on her abdomen Shutterstock") is no such name: the sentence must go on.
const NAME_IN_SENTENCE = /(?<=(?:^|\s)\p{Ll}+\s)(?<!\bvia\s)\p{Lu}[\p{L}'’-]*(?:\s+\p{Lu}[\p{L}'’-]*)*(?![\p{L}'’-])(?!\s*$)/gu;

// An image's file name printed as text ("0225-lupita-nyongo-getty-01"): a credit word in it is
// no credit for the text it is glued to.
const FILE_NAME = /\S*[\p{L}\p{N}]+(?:[-_][\p{L}\p{N}]+){2,}\S*/gu;
const dropFileNames = (t: string): string => t.replace(FILE_NAME, (m) => (/\d/.test(m) ? ' ' : m));

/**
 * Does the block carry a picture credit? Credits stand apart from the caption's sentence
 * (after a colon, a slash, a bar, in brackets, at the end); a credit word only found as a
 * name inside a sentence is no credit.
 */
function hasCredit(text: string, matcher: BoilerplateMatcher): boolean {
  if (text === '' || text.length >= 320 || AGENCY_DATELINE.test(text) || !matcher.hasCredit(text)) return false;
  const apart = dropFileNames(text.replace(NAME_IN_SENTENCE, ''));
  return apart === text || matcher.hasCredit(apart);
}
// Blocks this close to a caption may be its image's text.
const ECHO_REACH = 3;

/**
 * A picture is often printed twice: its alt text, then the caption with the credit ("Striking
 * members of the union." … "Striking members of the union. Photograph: Guy Smallman/Getty").
 * A block that the credited caption beside it begins with is that caption too.
 */
function markCaptionEchoes(scored: Scored[]): void {
  for (const c of scored) {
    if (!c.credit) continue;
    const lo = Math.max(0, c.index - ECHO_REACH), hi = Math.min(scored.length - 1, c.index + ECHO_REACH);
    for (let i = lo; i <= hi; i++) {
      const n = scored[i]!;
      if (n.credit || n.block.text.length < 20 || n.block.text.length >= c.block.text.length) continue;
      if (c.block.text.startsWith(n.block.text)) n.credit = true;
    }
  }
}

/** A line of program code, not a menu of "|"-separated entries. */
const codeLine = (t: string): boolean => looksLikeCode(t) && !/\s\|\s/.test(t);

const CODE_COST = -2;

// The line right under the other, no blank line between (Markdown lines of one paragraph
// are told apart by their line numbers).
const nextLine = (a: Block, b: Block): boolean => !b.gapBefore || b.line === a.line + 1;

/**
 * Program listings printed as text: lines printed one under the other, without blank
 * lines between them, of which at least half look like code. Every line of such a listing is
 * code — "series" and "FROM" repeat in a listing as a menu's entries repeat on a page, but
 * they are the article's text.
 */
function markCodeListings(scored: Scored[]): void {
  let i = 0;
  while (i < scored.length) {
    const b = scored[i]!.block;
    // A Markdown converter that lost the <pre> prints the listing as lines too, without links.
    if (b.kind !== 'line' || (b.linkShare ?? 0) > 0) { i++; continue; }
    let j = i + 1;
    while (j < scored.length && scored[j]!.block.kind === 'line' && nextLine(scored[j - 1]!.block, scored[j]!.block)) j++;
    let lines = 0, code = 0;
    for (let k = i; k < j; k++) {
      const t = scored[k]!.block.text;
      if (!/\p{L}/u.test(t)) continue;
      lines++;
      if (codeLine(t)) code++;
    }
    if (lines >= 2 && code >= 2 && code * 2 >= lines) {
      for (let k = i; k < j; k++) {
        const s = scored[k]!;
        s.code = true;
        // Part of a technical article, never a menu: it costs as little as a placeholder.
        if (s.score < 0 && s.cls !== 'boiler') s.score = Math.max(s.score, CODE_COST);
      }
    }
    i = j;
  }
}

// A table of contents names at least this many of the headings below it.
const CONTENTS_MIN = 3;

/**
 * Section headings that a table of contents above lists: a list whose entries come back, in
 * order, as lines of their own further down. Those lines are repeated text, as menu entries
 * are, but they head the article's sections.
 */
function markContents(scored: Scored[]): void {
  // Where each text stands as a line of its own (not a list entry), when it does so once.
  const alone = new Map<string, number>();
  for (const s of scored) {
    if (s.block.kind === 'list-item' || s.repeats < 2) continue;
    const t = s.block.text;
    alone.set(t, alone.has(t) ? -1 : s.index);
  }
  let i = 0;
  while (i < scored.length) {
    if (scored[i]!.block.kind !== 'list-item') { i++; continue; }
    let j = i;
    while (j < scored.length && scored[j]!.block.kind === 'list-item') j++;
    const echoes: number[] = [];
    for (let k = i; k < j; k++) {
      const at = alone.get(scored[k]!.block.text) ?? -1;
      if (at >= j && (echoes.length === 0 || at > echoes[echoes.length - 1]!)) echoes.push(at);
    }
    if (echoes.length >= CONTENTS_MIN) for (const e of echoes) scored[e]!.contents = true;
    i = j;
  }
}

// How much of a long block's opening the phrase list is asked about.
const OPENING = 160;

// A ranked list or a listicle counts this far; "most read" boxes count to five or ten.
const COUNT_MIN = 15;
// Entries of a counted list may carry a line or two of their own (a joke's answer, a blurb).
const COUNT_GAP = 3;
const WRITTEN_NUMBER = /^(\d{1,3})[.)]\s/;

/**
 * Entries of a long counted list ("1. …" to "100. …", numbers written in the text): a ranking
 * or a listicle, the article itself however short each entry is. Its entries weigh as short
 * sentences do.
 */
function markCountedLists(scored: Scored[]): void {
  const numberAt = (i: number): number => {
    const m = WRITTEN_NUMBER.exec(scored[i]!.block.text);
    return m ? Number(m[1]) : -1;
  };
  let i = 0;
  while (i < scored.length) {
    const n = numberAt(i);
    if (n < 0) { i++; continue; }
    const entries = [i];
    let last = i, want = n + 1;
    for (let j = i + 1; j < scored.length && j - last <= COUNT_GAP + 1; j++) {
      if (numberAt(j) === want) { entries.push(j); last = j; want++; }
    }
    if (entries.length >= COUNT_MIN) {
      for (const e of entries) {
        const s = scored[e]!;
        if (s.cls === 'short' && s.score < 0) s.score = 0.3 * s.weight;
      }
    }
    i = last + 1;
  }
}

// Cut off mid-word: "… from a Silicon Valle...". (Scripts without spaces have no mid-word, and
// their writers end many a sentence with an ellipsis.)
const CUT_OFF = /[\p{Script=Latin}\p{Script=Cyrillic}\p{Script=Greek}\p{N}](?:\.{3}|…)$/u;
// Titles a site cuts to one width; this many of one length are no coincidence.
const CUT_SAME = 3;

/**
 * Teaser titles a site cut to a fixed number of characters ("☆ Four tips for startup success
 * from a Silicon Valle...", all of one length): an archive or a "recent posts" list, however
 * sentence-like the cut leaves them.
 */
function markTruncatedTitles(scored: Scored[]): void {
  const byLength = new Map<number, number[]>();
  for (const s of scored) {
    const t = s.block.text;
    if (t.length > 160 || !CUT_OFF.test(t)) continue;
    const at = byLength.get(t.length);
    if (at) at.push(s.index); else byLength.set(t.length, [s.index]);
  }
  for (const ids of byLength.values()) {
    if (ids.length < CUT_SAME) continue;
    for (const i of ids) {
      const s = scored[i]!;
      if (s.cls !== 'prose' && s.cls !== 'short') continue;
      s.cls = 'link';
      s.score = scoreOf(s);
    }
  }
}

/** Features and score of every block; `matcher` is the boilerplate phrase list in force. */
export function classifyBlocks(blocks: readonly Block[], matcher: BoilerplateMatcher): Scored[] {
  const counts = new Map<string, number>();
  for (const b of blocks) if (b.text !== '') counts.set(b.text, (counts.get(b.text) ?? 0) + 1);
  const listShares = listLinkShares(blocks);
  const scored = blocks.map((block, index): Scored => {
    const text = block.text;
    const weight = textWeight(text);
    const words = wordCountOf(text);
    const sentences = sentenceCount(text);
    const ends = endsSentence(text);
    let boiler = text === '' ? null : matcher.match(text);
    let cls = classOf(block, weight, words, sentences, ends, boiler);
    // A cookie notice or a legal paragraph too long for the phrase list says what it is in
    // its opening words ("We use cookies and similar technologies to …", "© 2022 …").
    if (cls === 'prose' && text.length > OPENING && matcher.match(text.slice(0, OPENING)) === 'contains') { cls = 'boiler'; boiler = 'contains'; }
    if ((cls === 'prose' || cls === 'short') && isTeaserCard(text, matcher)) cls = 'link';
    if ((listShares[index] ?? 0) >= 0.5 && (cls === 'prose' || cls === 'short')) cls = 'link';
    const s: Scored = {
      block, index, weight, words, sentences, ends, cls, boiler,
      stop: cls !== 'prose' && text.length <= 160 && matcher.isStop(text),
      repeats: counts.get(text) ?? 1,
      credit: hasCredit(text, matcher),
      score: 0,
    };
    let score = scoreOf(s);
    // A long legal paragraph ending the page ("… © 2016 Cable News Network. All Rights
    // Reserved.") is too long for the phrase list but is no article text.
    if (cls === 'prose' && text.length > 400 && matcher.match(text.slice(-300)) === 'contains') score *= 0.2;
    s.score = score;
    return s;
  });
  markGalleries(scored);
  penalizeMetaRuns(scored);
  markCaptionEchoes(scored);
  markCodeListings(scored);
  markContents(scored);
  markCountedLists(scored);
  markTruncatedTitles(scored);
  return scored;
}
