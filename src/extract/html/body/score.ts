// Content scoring: every paragraph votes for the elements that contain it, the nearest most; an
// element's score is its votes plus what its tag and class/id say, discounted by how much of its
// text is links. Linear in the number of blocks (each votes for at most VOTE_LEVELS ancestors).
import { linkDensity, type Totals } from './aggregate.js';
import type { Block, DocIndex, ElementRecord } from './doc-index.js';
import { weightOf } from './hints.js';
import { MIN_SCORED_CHARS } from './constants.js';

/** Share of a paragraph's vote given to each ancestor level, nearest first. */
const VOTE_SHARES = [1, 1 / 2, 1 / 5, 1 / 8, 1 / 11];

/** Weighted characters from which an element's tag/class prior counts in full. */
const PRIOR_FULL_CHARS = 250;

/** What an element's tag says about it as a container of the article. */
function tagPrior(tag: string): number {
  switch (tag) {
    case 'article': case 'main': return 8;
    case 'div': case 'section': return 5;
    case 'pre': case 'td': case 'blockquote': return 3;
    case 'address': case 'ol': case 'ul': case 'dl': case 'dd': case 'dt': case 'li': case 'form': return -3;
    case 'h1': case 'h2': case 'h3': case 'h4': case 'h5': case 'h6': case 'th': return -5;
    default: return 0;
  }
}

/** schema.org microdata naming the article's text. */
const microdataWeight = (el: { attribs: Record<string, string> }) => {
  const p = el.attribs.itemprop;
  return p !== undefined && /\b(?:articleBody|reviewBody|text)\b/.test(p) ? 25 : 0;
};

/** Kinds whose owner element is itself a paragraph (its votes go to its container). */
const PARAGRAPH_KINDS = new Set(['p', 'h', 'li', 'quote', 'pre', 'row', 'dt']);

/** The vote of one block: presence, punctuation (clauses) and length, capped. */
export function blockVote(b: Block): number {
  if (b.chars < MIN_SCORED_CHARS) return 0;
  const vote = 1 + b.punct + Math.min(Math.floor(b.chars / 100), 3);
  // A heading or list item alone is weak evidence of running text.
  return b.kind === 'h' || b.kind === 'li' ? vote / 2 : vote;
}

/** The element a block's vote goes to first: the container of its paragraph. */
export function voteBase(b: Block, elements: readonly ElementRecord[]): number {
  const owner = elements[b.owner]!;
  if (PARAGRAPH_KINDS.has(b.kind) || !owner.hasBlockChild) return owner.parent;
  return b.owner; // loose text inside a container is a paragraph of that container
}

export interface Scores {
  /** Final score per element; NaN for elements that received no vote. */
  score: Float64Array;
  /** The paragraph votes alone (no tag or class prior), link-discounted; 0 without votes. */
  votes: Float64Array;
  /** Elements that received votes, in no particular order. */
  candidates: number[];
}

export function scoreElements(
  index: DocIndex, t: Totals, keepBlock: (bi: number) => boolean, useClassWeights: boolean,
): Scores {
  const n = index.elements.length;
  const raw = new Float64Array(n).fill(NaN);
  const votes = new Float64Array(n);
  const candidates: number[] = [];
  const init = (i: number) => {
    if (!Number.isNaN(raw[i]!)) return;
    const r = index.elements[i]!;
    raw[i] = tagPrior(r.tag) + (useClassWeights ? weightOf(r.names) + microdataWeight(r.el) : 0);
    candidates.push(i);
  };
  index.blocks.forEach((b, bi) => {
    if (!keepBlock(bi)) return;
    const vote = blockVote(b);
    if (vote === 0) return;
    let e = voteBase(b, index.elements);
    for (let level = 0; level < VOTE_SHARES.length && e >= 0; level++) {
      const r = index.elements[e]!;
      if (r.tag === 'html') break;
      init(e);
      raw[e]! += vote * VOTE_SHARES[level]!;
      votes[e]! += vote * VOTE_SHARES[level]!;
      e = r.parent;
    }
  });
  const score = new Float64Array(n).fill(NaN);
  for (const i of candidates) {
    const keep = 1 - linkDensity(t, i);
    // What the tag and name say counts in full only for elements with some text of their own:
    // a well-named video player or teaser with one caption must not outscore the article.
    const prior = (raw[i]! - votes[i]!) * Math.min(1, t.chars[i]! / PRIOR_FULL_CHARS);
    score[i] = (votes[i]! + prior) * keep;
    votes[i] = votes[i]! * keep;
  }
  return { score, votes, candidates };
}
