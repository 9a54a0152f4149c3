// From scores to the article container: the best-scoring element, lifted to a common ancestor
// when the article is split over several high-scoring boxes, then joined by those of its
// siblings that look like more of the same article (continuation pages, loose paragraphs, the
// lead paragraph kept in a separate box).
import { linkDensity, type Totals } from './aggregate.js';
import type { DocIndex } from './doc-index.js';
import type { Scores } from './score.js';
import { MIN_SCORED_CHARS } from './constants.js';
import { classWeight } from './hints.js';
import { endsLikeSentence } from './text-metrics.js';

export interface Selection {
  /** The chosen container. */
  top: number;
  /** The best-scoring element before lifting: it and its ancestors are the article's spine. */
  best: number;
  /** Element subtrees that make up the article, in document order. */
  elements: number[];
  /** Loose blocks owned directly by the container's parent that belong to the article. */
  looseBlocks: number[];
}

export interface SelectConfig {
  /** A sibling joins when its score reaches this share of the top score. */
  siblingShare: number;
}

const TOP_CANDIDATES = 5;
/** Candidates this close to the best count as parts of one split article. */
const SPLIT_SHARE = 0.75;
const MIN_SPLIT_PARTS = 3;
/** A parent scoring below this share of the best candidate is a page wrapper, not the article. */
const CLIMB_FLOOR = 0;

const isAncestor = (index: DocIndex, a: number, d: number) => a <= d && d <= index.elements[a]!.end;

function lowestCommonAncestor(index: DocIndex, a: number, b: number): number {
  let x = a;
  while (x >= 0 && !isAncestor(index, x, b)) x = index.elements[x]!.parent;
  return x;
}

/** Element children of i, in document order. */
export function childrenOf(index: DocIndex, i: number): number[] {
  const out: number[] = [];
  const end = index.elements[i]!.end;
  for (let c = i + 1; c <= end; c = index.elements[c]!.end + 1) out.push(c);
  return out;
}

export function selectContent(
  index: DocIndex, t: Totals, scores: Scores, keepElement: (i: number) => boolean, config: SelectConfig,
): Selection | null {
  const { score, candidates } = scores;
  const ranked = candidates.filter((i) => keepElement(i) && score[i]! > 0).sort((a, b) => score[b]! - score[a]!);
  if (ranked.length === 0) return null;
  const best = ranked[0]!;
  let top = best;
  const topScore = score[top]!;

  // A split article: several strong candidates under one ancestor → that ancestor.
  const strong = ranked.slice(1, TOP_CANDIDATES).filter((i) => score[i]! >= topScore * SPLIT_SHARE && !isAncestor(index, i, top) && !isAncestor(index, top, i));
  if (strong.length + 1 >= MIN_SPLIT_PARTS) {
    let lca = top;
    let parts = 1;
    for (const s of strong) {
      const next = lowestCommonAncestor(index, lca, s);
      if (next < 0 || index.elements[next]!.tag === 'body' || index.elements[next]!.tag === 'html') continue;
      lca = next;
      parts++;
    }
    if (parts >= MIN_SPLIT_PARTS) top = lca;
  }

  // Climb while the parent scores at least as well (and not far below the best: a page wrapper
  // collects a little from everything), or holds no more text than the top (a bare wrapper).
  // An article is not one entry of a list: from a list item (a recipe step, one point of many)
  // the climb goes on from the list, where the entries' shared container is found.
  for (;;) {
    const p = index.elements[top]!.parent;
    if (p < 0) break;
    const tag = index.elements[p]!.tag;
    if (tag === 'html') break;
    const ps = score[p]!;
    const sameText = t.chars[p]! <= t.chars[top]! * 1.02;
    const better = tag !== 'body' && !Number.isNaN(ps) && ps >= CLIMB_FLOOR * topScore && (Number.isNaN(score[top]!) || ps >= score[top]!);
    const ofList = index.elements[top]!.tag === 'li' && (tag === 'ul' || tag === 'ol');
    if (sameText || better || ofList) top = p;
    else break;
  }

  return { top, best, ...siblings(index, t, scores, top, keepElement, config) };
}

/** Minimum weighted length of a loose paragraph sibling that joins on its own. */
const SIBLING_PARA_CHARS = 80;

function siblings(
  index: DocIndex, t: Totals, scores: Scores, top: number, keepElement: (i: number) => boolean, config: SelectConfig,
): { elements: number[]; looseBlocks: number[] } {
  const parent = index.elements[top]!.parent;
  if (parent < 0) return { elements: [top], looseBlocks: [] };
  const topScore = scores.score[top]!;
  const threshold = Math.max(10, (Number.isNaN(topScore) ? 0 : topScore) * config.siblingShare);
  const topClass = index.elements[top]!.el.attribs.class ?? '';
  const pageLevel = index.elements[parent]!.tag === 'body';
  const elements: number[] = [];
  for (const c of childrenOf(index, parent)) {
    if (c === top) { elements.push(c); continue; }
    if (!keepElement(c) || t.chars[c]! === 0) continue;
    const s = scores.score[c]!;
    const bonus = similarClass(index.elements[c]!.el.attribs.class, topClass) ? topScore * 0.2 : 0;
    if (!Number.isNaN(s) && s + bonus >= threshold) { elements.push(c); continue; }
    // Beside a page-level wrapper (a child of <body>) a lone paragraph-like box is site chrome —
    // a browser-update banner, a cookie line — not the article's lead.
    if ((!pageLevel && looksLikeParagraph(index, t, c, c < top)) || holdsMoreArticle(index, t, top, c)) elements.push(c);
  }
  // Loose text blocks directly in the parent (between the boxes) that read like paragraphs.
  const looseBlocks: number[] = [];
  for (const bi of index.elements[parent]!.ownBlocks) {
    const b = index.blocks[bi]!;
    const ld = b.chars > 0 ? b.linkChars / b.chars : 0;
    if ((b.chars >= SIBLING_PARA_CHARS && ld < 0.25) || (ld === 0 && endsLikeSentence(b.text) && b.chars > 20)) {
      looseBlocks.push(bi);
    }
  }
  return { elements, looseBlocks };
}

/** Share of the top container's prose a sibling box must hold to join without votes of its own. */
const SIBLING_PROSE_SHARE = 0.3;

/**
 * A box beside the container holding a good share of prose with few links, not named like
 * boilerplate: another section of a long article (its paragraphs sit too deep to vote for it), or
 * one named like the container.
 */
function holdsMoreArticle(index: DocIndex, t: Totals, top: number, c: number): boolean {
  if (linkDensity(t, c) > 0.25 || classWeight(index.elements[c]!.el) < 0) return false;
  // Made by the same template as the container (the next step of a recipe, the next item of a
  // list article): any real text will do.
  const a = index.elements[c]!, b = index.elements[top]!;
  if (a.tag === b.tag && similarClass(a.el.attribs.class, b.el.attribs.class)) return t.chars[c]! >= MIN_SCORED_CHARS;
  const prose = t.proseChars[c]!;
  return prose > 0 && (similarClass(a.el.attribs.class, b.el.attribs.class) || prose >= t.proseChars[top]! * SIBLING_PROSE_SHARE);
}

/** Class lists sharing at least half their tokens: parts made by the same template. */
export function similarClass(a: string | undefined, b: string | undefined): boolean {
  if (!a || !b) return false;
  if (a === b) return true;
  const ta = new Set(a.trim().split(/\s+/));
  const tb = new Set(b.trim().split(/\s+/));
  let shared = 0;
  for (const x of ta) if (tb.has(x)) shared++;
  return shared > 0 && shared * 2 >= Math.max(ta.size, tb.size);
}

/**
 * A paragraph element beside the container: long with few links, or a short full sentence that
 * links at most a name. Before the container, also one that a box or two wrap: the lead paragraph
 * set apart, an editor's note ("This post first appeared on <a>Grist</a>."). After it, wrapped
 * paragraphs are author bios, disclosures and "report an error" notes.
 */
function looksLikeParagraph(index: DocIndex, t: Totals, i: number, before: boolean): boolean {
  const outer = i;
  let r = index.elements[i]!;
  // Look through wrappers that hold one element and no text of their own.
  for (let k = 0; before && k < MAX_WRAPPERS && r.hasBlockChild && r.ownBlocks.length === 0; k++) {
    if (classWeight(r.el) < 0 || index.elements[i + 1]!.end !== r.end) return false;
    i++;
    r = index.elements[i]!;
  }
  if (r.tag !== 'p' && !(r.tag === 'div' && !r.hasBlockChild)) return false;
  const ld = linkDensity(t, i);
  const chars = t.chars[i]!;
  if (ld >= 0.25) return false;
  if (chars >= SIBLING_PARA_CHARS && i === outer) return true;
  // Wrapped, or short: a full sentence (a standfirst set as a headline, without its full stop, is not).
  if (chars === 0 || classWeight(r.el) < 0) return false;
  return endsLikeSentence(r.ownBlocks.map((bi) => index.blocks[bi]!.text).join(' '));
}
const MAX_WRAPPERS = 2;
