// The learned dump extractor: the rule layout and the block features, the classifier's
// per-block label probabilities, one labelling decoded under the layout grammar, then the
// fields read off the labelled blocks. Stated metadata still wins over the layout.
import type { ExtractOptions, Extraction, MetaField } from '../../types.js';
import { predictLogProbaRows } from '../../learn/gbdt.js';
import { ruleLayout } from './article.js';
import { isCleanDump, keepInBody } from './body.js';
import { shownText } from './block.js';
import { decodeLayout } from './decode.js';
import { blockFeatures } from './features.js';
import { headlineText } from './headline.js';
import { trimHeadline } from './headline-trim.js';
import { LABEL_COUNT, LABEL_INDEX } from './labels.js';
import { bylineOf, findDate } from './meta.js';
import type { DumpModel } from './model.js';
import type { ParsedDump } from './parsed.js';
import { boilerplateMatcher } from '../boilerplate/index.js';
import { findDeck } from './deck.js';
import { cleanLabel, findSectionLine, findTag, firstCopy, withoutStatus, withoutTrailRoot } from './tag.js';

const MIN_ARTICLE_PROSE = 140;
const CRUMB = /\s+[>›»/|]\s+|\s*[›»]\s*/u;
const norm = (s: string) => s.normalize('NFKC').toLowerCase().replace(/[\s\p{P}]+/gu, ' ').trim();

/** Per-block log-probabilities of every label, row-major. */
export function labelScores(model: DumpModel, features: Float32Array, n: number): Float64Array {
  return predictLogProbaRows(model.gbdt, features, n, new Float64Array(n * LABEL_COUNT));
}

/** The label text of a tag block: the last breadcrumb, without decoration or status words. */
export function tagText(text: string): string {
  return cleanLabel(withoutStatus(cleanLabel(text.split(CRUMB).pop() ?? text)));
}

export function extractLearned(dump: ParsedDump, options: ExtractOptions, model: DumpModel): Extraction {
  const { extraction: rules, layout } = ruleLayout(dump.blocks, options, dump);
  const scored = layout.scored;
  // A clean dump (article text, maybe a footer line) is the rules' home ground: leave-site-out
  // they score higher there than the labeller, which learned from full-page dumps.
  if (isCleanDump(scored)) return rules;
  const n = scored.length;
  const labels = decodeLayout(labelScores(model, blockFeatures(dump, layout), n), n);
  if (!labels) return rules;

  const x = { ...rules, body: [] as string[], provenance: { ...rules.provenance } };
  const stated = dump.meta?.fields ?? {};
  const where = (i: number) => `${dump.prefix}:model-line-${scored[i]!.block.line}`;
  const at = (label: number) => labels.indexOf(label);

  const h = at(LABEL_INDEX.headline);
  let hLast = h;
  if (!stated.headline) {
    const t = headlineText(scored, h);
    x.headline = trimHeadline(t.text, scored, h); hLast = t.last;
    x.provenance.headline = where(h);
  }
  // Deck and tag: the rules' finders, placed at the labeller's headline. (Leave-site-out, the
  // labeller's own deck and tag labels scored below the finders; its headline and body above.)
  const matcher = boilerplateMatcher(options.rules.boilerplate);
  const first = firstCopy(scored, h);
  if (h !== layout.headline) {
    if (!stated.deck) {
      const d = findDeck(scored, { headlineIndex: hLast, headlineText: scored[h]!.block.text, limit: Math.min(n - 1, h + 8) });
      x.deck = d !== null ? scored[d]!.block.text : null;
      if (d !== null) x.provenance.deck = where(d); else delete x.provenance.deck;
    }
  }
  // Tag: the rules' finders at the labeller's headline, or above the first of its copies when
  // the rules found none there. (Only here: the rule layout the features read stays as trained.)
  const foundByRules = x.provenance.tag !== undefined && x.provenance.tag !== 'folder';
  if (!stated.tag && (h !== layout.headline || (first < h && !foundByRules))) {
    const bodyStart = labels.indexOf(LABEL_INDEX.body);
    const t = findTag(scored, first, scored[h]!.block.text) ?? findSectionLine(scored, h, Math.max(bodyStart, h + 1), matcher);
    const label = t && matcher.match(t.text) === null ? t.text : null;
    x.tag = label ?? options.fallbackTag;
    if (label) x.provenance.tag = where(t!.index); else if (x.tag) x.provenance.tag = 'folder'; else delete x.provenance.tag;
  }
  if (!stated.tag && x.tag && x.provenance.tag !== 'folder') x.tag = withoutTrailRoot(x.tag);
  // Byline and date: the labelled meta lines first, the rules' header zone otherwise.
  for (let i = 0; i < n; i++) {
    if (labels[i] !== LABEL_INDEX.meta) continue;
    const text = scored[i]!.block.text;
    if (!stated.byline && x.provenance.byline === undefined) {
      const by = bylineOf(text);
      if (by) { x.byline = by; x.provenance.byline = where(i); }
    }
    if (!stated.published && x.provenance.published === undefined) {
      const date = findDate(text);
      if (date) { x.published = date; x.provenance.published = where(i); }
    }
  }
  for (const f of ['byline', 'published'] as MetaField[]) if (stated[f]) x[f] = stated[f]!;

  const skip = new Set([x.headline, x.deck].filter((s): s is string => !!s).map(norm));
  let prose = 0;
  for (let i = 0; i < n; i++) {
    if (labels[i] !== LABEL_INDEX.body || i === h || i === hLast) continue;
    const s = scored[i]!;
    if (!keepInBody(s, options.mode) && s.cls !== 'short') continue;
    if (i <= hLast + 3 && skip.has(norm(s.block.text))) continue;
    x.body.push(shownText(s.block));
    if (s.cls === 'prose') prose += s.weight;
  }
  x.notArticle = prose < MIN_ARTICLE_PROSE || rules.notArticle === true;
  x.provenance.body = `${dump.prefix}:model`;
  return x;
}
