// Contract between the HTML field extractors and the body extractor (body/ owns the algorithm).
//
// The body extractor, in order:
//   1. user rules: `rules.remove` selectors are deleted; `rules.selectors.body` containers, when they
//      match, are the body (lightly cleaned) and the generic algorithm is skipped;
//   2. one walk indexes the page into block-level elements and text blocks (doc-index.ts);
//   3. passes from strict to loose (passes.ts) each prune, score, select and clean; the first
//      attempt that looks like a whole article wins, else the best one (choose.ts);
//   4. the kept blocks are filtered for boilerplate lines and serialized one string per block.
import type { CheerioAPI } from 'cheerio/slim';
import type { ExtractOptions } from '../../../types.js';
import { totals } from './aggregate.js';
import { cleanSelection } from './clean.js';
import { buildIndex, type DocIndex } from './doc-index.js';
import { rootOf, type DomElement, type DomParent } from './dom.js';
import { finishBlocks } from './finish.js';
import { PASSES, chooseAttempt } from './choose.js';
import { runPass, type Attempt } from './passes.js';
import { scoreElements } from './score.js';

/** What the metadata pass already knows and the body pass can use. */
export interface BodyHints {
  headline: string | null;
  deck: string | null;
}

export interface BodyResult {
  /** Paragraphs, headings, list items, quotes: one string per block, in reading order. */
  blocks: string[];
  /** Which pass/rule produced the body, e.g. "score:strict", "score:relaxed", "selector". */
  rule: string;
  /** True for listing pages, galleries and other non-articles. */
  notArticle: boolean;
}

/** Runs after metadata extraction; may mutate the document (user `remove` rules are applied to it). */
export function extractHtmlBody($: CheerioAPI, hints: BodyHints, options: ExtractOptions): BodyResult {
  for (const sel of options.rules.remove ?? []) {
    try { $(sel).remove(); } catch { /* an invalid user selector removes nothing */ }
  }

  const bySelector = selectorBody($, options.rules.selectors?.body ?? []);
  if (bySelector) {
    const blocks = finishBlocks(bySelector, hints, { mode: options.mode, phrases: options.rules.boilerplate });
    if (blocks.length) return { blocks, rule: 'selector', notArticle: false };
  }

  const root = rootOf($);
  let index = buildIndex(root);
  let best = bestAttempt(index, options);
  // Script-rendered pages: when the visible page has no article, read the <noscript> copy.
  if (best.chars < NOSCRIPT_RETRY_CHARS && index.skippedNoscript > 0) {
    const withNoscript = buildIndex(root, { noscript: true });
    const retry = bestAttempt(withNoscript, options);
    if (retry.proseChars > best.proseChars * 1.5 && retry.chars > best.chars) {
      index = withNoscript;
      best = { ...retry, name: `${retry.name}+noscript` };
    }
  }
  const texts = best.blocks.map((bi) => index.blocks[bi]!);
  const blocks = finishBlocks(texts, hints, { mode: options.mode, phrases: options.rules.boilerplate });
  return { blocks, rule: `score:${best.name}`, notArticle: false };
}

/** Below this many weighted characters, a page with <noscript> content is read again with it. */
const NOSCRIPT_RETRY_CHARS = 1000;

/** Strict to loose: the first acceptable attempt, else the best one. */
function bestAttempt(index: DocIndex, options: ExtractOptions): Attempt {
  const all = totals(index, () => true);
  const attempts: Attempt[] = [];
  for (const config of PASSES[options.mode]) {
    attempts.push(runPass(index, all, config));
    if (chooseAttempt(attempts, true)) break;
  }
  return chooseAttempt(attempts, false)!;
}

/**
 * The user's body selectors, first that matches: its elements' blocks, cleaned of boxes but not
 * re-scored. Null when none matches (or every selector is invalid).
 */
function selectorBody($: CheerioAPI, selectors: readonly string[]) {
  for (const sel of selectors) {
    let matched: DomElement[];
    try { matched = $(sel).toArray() as unknown as DomElement[]; } catch { continue; }
    // Nested matches would repeat text: keep the outermost.
    const outer = matched.filter((el) => !matched.some((o) => o !== el && contains(o, el)));
    if (outer.length === 0) continue;
    const root: DomParent = { type: 'root', parent: null, children: outer };
    const index = buildIndex(root);
    const t = totals(index, () => true);
    const roots = index.elements.map((r, i) => (r.parent < 0 ? i : -1)).filter((i) => i >= 0);
    const scores = scoreElements(index, t, () => true, true);
    const drop = cleanSelection(index, t, scores, roots, { useClassWeights: true, maxLinkDensity: 0.5, proseClauses: 10 });
    return index.blocks.filter((b) => b.owner < 0 || !drop[b.owner]);
  }
  return null;
}

function contains(a: DomElement, b: DomElement): boolean {
  for (let p = b.parent; p; p = p.parent) if (p === a) return true;
  return false;
}
