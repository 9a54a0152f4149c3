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
import { normalizeParagraph } from '../../../normalize/text.js';
import { totals } from './aggregate.js';
import { PASSES, chooseAttempt } from './choose.js';
import { buildIndex, type Block, type DocIndex, type IndexOptions } from './doc-index.js';
import { rootOf } from './dom.js';
import { agreement, isUsableEvidence, jsonLdArticleBody, referenceShingles } from './evidence.js';
import { finishBlocks } from './finish.js';
import { withoutHeaderBox } from './header.js';
import { isNotArticle, pageSignals } from './listing.js';
import { runPass, type Attempt } from './passes.js';
import { selectorBlocks } from './selector.js';
import { weightedLength } from './text-metrics.js';

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
  const finish = (blocks: readonly Block[]) =>
    finishBlocks(blocks, hints, { mode: options.mode, phrases: options.rules.boilerplate });

  const bySelector = selectorBlocks($, options.rules.selectors?.body ?? []);
  if (bySelector) {
    const blocks = finish(bySelector);
    if (blocks.length) return { blocks, rule: 'selector', notArticle: false };
  }

  const root = rootOf($);
  let index = buildIndex(root);
  let best = bestAttempt(index, options);
  // Script-rendered pages: when the visible page has no article, read the <noscript> copy, then
  // the hidden parts a script would reveal. Each retry is one more walk, on such pages only.
  const retries: [IndexOptions, string, boolean][] = [
    [{ noscript: true }, 'noscript', index.skippedNoscript > 0],
    [{ noscript: true, revealHidden: true }, 'hidden', index.skippedHidden > 0],
  ];
  for (const [indexOptions, label, worthIt] of retries) {
    if (best.chars >= RETRY_BELOW_CHARS || !worthIt) continue;
    const again = buildIndex(root, indexOptions);
    const retry = bestAttempt(again, options);
    if (retry.proseChars > best.proseChars * 1.5 && retry.chars > best.chars) {
      index = again;
      best = { ...retry, name: `${retry.name}+${label}` };
    }
  }

  const evidence = jsonLdArticleBody(index.jsonLd);
  if (isUsableEvidence(evidence)) {
    const judged = judgeByEvidence(index, best, evidence, options);
    if (judged === 'use-evidence') {
      const blocks = evidence.split(/\n\s*\n|\n/).map(normalizeParagraph).filter((b) => b !== '');
      return { blocks, rule: 'json-ld', notArticle: false };
    }
    best = judged;
  }

  if (isNotArticle(pageSignals(index, best))) return { blocks: [], rule: `listing:${best.name}`, notArticle: true };
  const kept = withoutHeaderBox(index, best.blocks, best.best, hints.headline);
  const blocks = finish(kept.map((bi) => index.blocks[bi]!));
  return { blocks, rule: `score:${best.name}`, notArticle: false };
}

/** Below this many weighted characters, a page with <noscript> or hidden content is read again with it. */
const RETRY_BELOW_CHARS = 1000;
/** An attempt agreeing this well with the JSON-LD articleBody needs no second opinion. */
const GOOD_AGREEMENT = 0.6;
/** Switch attempts only for a clear gain in agreement. */
const AGREEMENT_MARGIN = 0.1;
/** Below this agreement for every attempt, and much shorter than the evidence, use the evidence. */
const NO_AGREEMENT = 0.2;

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
 * With JSON-LD articleBody text at hand: keep our attempt when it agrees with it; else run every
 * pass and take the one that agrees best; when none resembles it and ours is much shorter (a page
 * whose text is rendered by script), read the evidence itself.
 */
function judgeByEvidence(index: DocIndex, best: Attempt, evidence: string, options: ExtractOptions): Attempt | 'use-evidence' {
  const ref = referenceShingles(evidence);
  const textOf = (a: Attempt) => a.blocks.map((bi) => index.blocks[bi]!.text).join(' ');
  const bestScore = agreement(ref, textOf(best));
  if (bestScore >= GOOD_AGREEMENT) return best;
  const all = totals(index, () => true);
  let choice = best, choiceScore = bestScore;
  for (const config of PASSES[options.mode]) {
    const a = runPass(index, all, config);
    const s = agreement(ref, textOf(a));
    if (s > choiceScore + AGREEMENT_MARGIN) { choice = { ...a, name: `${a.name}+json-ld` }; choiceScore = s; }
  }
  if (choiceScore < NO_AGREEMENT && choice.chars < weightedLength(evidence) / 2) return 'use-evidence';
  return choice;
}
